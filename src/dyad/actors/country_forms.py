"""Country forms that rules derive beyond a country's own row: inhabitant nouns and regional adjectives.

- Inhabitant nouns ("Ukrainer", "Russen", "Poles") name their country, as a plural demonym does ("Israelis"):
  lang/xx/demonyms.tsv, where a language has one, with its inflected forms from the language rules.
- A German adjective of a country with a compass prefix names a region of it, so the country: "ostukrainisch",
  "südlibanesisch", "nordjemenitisch" (the prefixes are `region_prefixes` in [language] of grammar.toml). A form
  that is already some country's own ("nordkoreanisch", "südsudanesisch") keeps its country.
- So does a country's name with one ("Nordirak", "Ostukraine", "Südlibanon"), as "northern Iraq" does in English;
  a name that is some country's own ("Nordkorea", "Südsudan") or a place of data/places.tsv ("Nordirland": GBR)
  keeps what it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dyad.actors.periods import fold
from dyad.lang import Language
from dyad.resources import data_path, read_tsv, split_forms

if TYPE_CHECKING:
    from dyad.actors.gazetteer import Gazetteer

Tokenize = Callable[[str], list[str]]


def add_demonyms(gazetteer: Gazetteer, language: Language, tokenize: Tokenize) -> None:
    from dyad.actors.gazetteer import Entry

    path = language.data("demonyms.tsv")
    if not path.is_file():
        return
    source = f"lang/{language.code}/demonyms.tsv"
    for row in read_tsv(path):
        country = gazetteer.countries[row["iso3"]]
        for noun in split_forms(row["demonyms"]):
            for variant in language.rules.demonym_forms(noun):
                gazetteer.add(tokenize(variant), Entry(country, "name", source=source))


def add_region_adjectives(
    gazetteer: Gazetteer, language: Language, tokenize: Tokenize, rows: list[dict], source: str
) -> None:
    from dyad.actors.gazetteer import Entry

    prefixes = language.grammar["language"].get("region_prefixes", [])
    for row in rows:
        country = gazetteer.countries[row["iso3"]]
        for stem in split_forms(row["adjectives"]):
            for prefix in prefixes:
                for variant in language.rules.adjective_forms(prefix + stem.lower()):
                    key = tokenize(variant)
                    if not gazetteer.candidates(tuple(key)):
                        gazetteer.add(key, Entry(country, "adjective", source=source))


def add_region_names(
    gazetteer: Gazetteer, language: Language, tokenize: Tokenize, rows: list[dict], source: str
) -> None:
    from dyad.actors.gazetteer import Entry

    prefixes = language.grammar["language"].get("region_prefixes", [])
    if not prefixes:
        return
    places = {fold(form) for row in read_tsv(data_path("data", "places.tsv")) for form in split_forms(row["forms"])}
    for row in rows:
        country = gazetteer.countries[row["iso3"]]
        for name in split_forms(row["names"]):
            if " " in name or name.isupper():
                continue
            for prefix in prefixes:
                region = prefix.capitalize() + name.lower()
                if fold(region) in places:
                    continue
                for variant in language.rules.name_forms(region, "name"):
                    key = tokenize(variant)
                    if not gazetteer.exact.get(tuple(key)) and not gazetteer.folded.get(tuple(fold(k) for k in key)):
                        gazetteer.add(key, Entry(country, "name", source=source))
