"""Place stage: where an event happened, from place names near the trigger.

The gazetteer: the capitals of data/countries.tsv (in every language's spelling), data/places.tsv (the cities,
regions and conflict sites the news names most, curated; names that are also common words, people or two countries'
places are left out) and, where neither has a form, data/cities.tsv (GeoNames' 26,000 towns of 15,000 people or more,
filtered the same way by scripts/build_cities.py; a town found there is named by its GeoNames name). The curated
names and capitals also match as their adjectives where a language derives them (German "Belgrader"). A country name
is never a place here (it is an actor); an unknown place leaves the location empty and never empties anything else.
Forms match without case or diacritics, and hyphenated forms however the language's tokenizer splits hyphens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.actors.periods import fold
from dyad.lang import Language
from dyad.resources import data_path, read_tsv, split_forms


@dataclass(frozen=True, slots=True)
class Locatives:
    """A language's words that make a name the scene of an event ("in", "near", "nördlich") and the words that may
    stand between one and the place ("near the town of Samarra", "in der Stadt Charkiw"), from its grammar.toml."""

    words: frozenset[str]
    leads: frozenset[str]
    lead_heads: tuple[str, ...] = ()  # compound heads that lead too ("Hafenstadt")

    @classmethod
    def of(cls, language: Language) -> Locatives:
        arguments = language.grammar["arguments"]
        nouns = frozenset(arguments.get("place_nouns", ()))
        leads = nouns | frozenset(arguments.get("place_links", ())) | frozenset(arguments.get("place_determiners", ()))
        heads = tuple(sorted(nouns)) if arguments.get("place_nouns_as_heads") else ()
        return cls(frozenset(arguments.get("locatives", ())), leads, heads)

    def _leads(self, word: str) -> bool:
        return word in self.leads or word.endswith(self.lead_heads)

    def before(self, words: list[str], position: int) -> bool:
        """Whether the place starting at `position` (of lowercased `words`) follows a locative word: right before it,
        one word before it ("in southern Basra"), or across lead words ("near the town of Samarra")."""
        if position >= 2 and words[position - 2] in self.words:
            return True
        for back in range(position - 1, max(-1, position - 5), -1):
            if words[back] in self.words:
                return True
            if not self._leads(words[back]):
                return False
        return False


_HYPHEN = re.compile(r"(-)")


def _key(form: str) -> tuple[str, ...]:
    return tuple(fold(form).split())


def _keys(form: str) -> list[tuple[str, ...]]:
    """A form's words, and where it has hyphens also its words split at them as a tokenizer splits them
    ("Mazar-i-Sharif" is one German token and five English ones); case and diacritics folded ("Ürümqi")."""
    key = _key(form)
    if "-" not in form:
        return [key]
    split = tuple(part for word in key for part in _HYPHEN.split(word) if part)
    return [key, split] if split != key else [key]


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    lat: float
    lon: float
    listed: bool = True  # a capital or a curated place, not a GeoNames town


class Places:
    def __init__(
        self,
        by_form: dict[tuple[str, ...], Place],
        leads: frozenset[str] = frozenset(),
        lead_heads: tuple[str, ...] = (),
    ):
        self._by_form = by_form
        self._leads = frozenset(fold(word) for word in leads)
        self._lead_heads = tuple(fold(head) for head in lead_heads)
        lengths: dict[str, set[int]] = {}
        for form in by_form:
            lengths.setdefault(form[0], set()).add(len(form))
        # first word -> the lengths of the names starting with it, longest first: most words start none
        self._lengths = {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}

    @classmethod
    def load(cls, languages: tuple[Language, ...]) -> Places:
        by_form: dict[tuple[str, ...], Place] = {}
        capitals = {row["iso3"]: row for row in read_tsv(data_path("data", "countries.tsv"))}
        for row in capitals.values():
            place = Place(row["capital"], row["iso3"], float(row["lat"]), float(row["lon"]))
            by_form[_key(row["capital"])] = place
        for language in languages:
            for row in read_tsv(language.data("countries.tsv")):
                facts = capitals[row["iso3"]]
                for form in split_forms(row["capitals"]):
                    place = Place(form, row["iso3"], float(facts["lat"]), float(facts["lon"]))
                    for key in _keys(form):
                        by_form.setdefault(key, place)
        for row in read_tsv(data_path("data", "places.tsv")):
            forms = split_forms(row["forms"])
            for form in forms:
                for key in _keys(form):
                    by_form[key] = Place(form, row["country"], float(row["lat"]), float(row["lon"]))
        for form, place in list(by_form.items()):  # "Belgrader": the adjectives of the curated names and capitals
            for language in languages:
                for adjective in language.rules.place_adjectives(place.name) if len(form) == 1 else ():
                    by_form.setdefault(_key(adjective), place)
        for row in read_tsv(data_path("data", "cities.tsv")):  # GeoNames' towns, named by their GeoNames name
            city = Place(row["name"], row["country"], float(row["lat"]), float(row["lon"]), listed=False)
            for form in split_forms(row["forms"]):
                for key in _keys(form):
                    by_form.setdefault(key, city)
        leads: set[str] = set()
        heads: set[str] = set()
        for language in languages:
            arguments = language.grammar["arguments"]
            locatives = Locatives.of(language)
            leads.update(locatives.words, locatives.leads, arguments.get("place_modifiers", ()))
            heads.update(locatives.lead_heads)
        return cls(by_form, frozenset(leads), tuple(sorted(heads)))

    def _in_a_name(self, words: list[str], lowered: list[str], i: int) -> bool:
        """A GeoNames town after a capitalised word inside the clause is part of a name ("Murat Sabuncu": Sabunçu is
        a town in Azerbaijan); after a noun of places ("Stadt Gorlowka") or a locative ("In Tientsin") it is none."""
        before = lowered[i - 1] if i > 1 else ""
        leading = before in self._leads or before.endswith(self._lead_heads)
        return i > 1 and words[i - 1][:1].isupper() and not leading

    def find(self, words: list[str]) -> list[tuple[int, int, Place]]:
        """(first, last, place) for each place name in a list of words, longest match first."""
        lowered = [fold(w) for w in words]
        found = []
        i = 0
        while i < len(words):
            step = 1
            if words[i][:1].isupper():
                for length in self._lengths.get(lowered[i], ()):
                    place = self._by_form.get(tuple(lowered[i : i + length])) if i + length <= len(words) else None
                    if place is not None and not (not place.listed and self._in_a_name(words, lowered, i)):
                        found.append((i, i + length - 1, place))
                        step = length
                        break
            i += step
        return found
