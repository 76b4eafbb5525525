"""Place stage: where an event happened, from place names near the trigger.

The gazetteer: the capitals of data/countries.tsv (in every language's spelling), data/places.tsv (the cities,
regions and conflict sites the news names most, curated; names that are also common words, people or two countries'
places are left out) and, where neither has a form, data/cities.tsv (GeoNames' 26,000 towns of 15,000 people or more,
filtered the same way by scripts/build_cities.py; a town found there is named by its GeoNames name). A country name
is never a place here (it is an actor); an unknown place leaves the location empty and never empties anything else.
Forms match without case or diacritics, and hyphenated forms however the language's tokenizer splits hyphens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.actors.periods import fold
from dyad.resources import data_path, read_toml, read_tsv, split_forms

LOCATIVE = frozenset(
    {"in", "im", "bei", "nahe", "nördlich", "südlich", "östlich", "westlich"}
    | {"at", "near", "outside", "throughout", "across"}
)
# words between a locative and its place: "near the town of Samarra", "in der Stadt Charkiw"
PLACE_LEAD = frozenset(
    {"the", "of", "town", "city", "village", "capital", "province", "region", "district", "port"}
    | {"der", "dem", "den", "die", "des", "stadt", "hauptstadt", "dorf", "provinz", "hafenstadt"}
)


def after_locative(words: list[str], position: int) -> bool:
    """Whether the place starting at `position` follows a locative word: right before it, one word before it ("in
    southern Basra"), or across lead words ("near the town of Samarra")."""
    if position >= 2 and words[position - 2] in LOCATIVE:
        return True
    for back in range(position - 1, max(-1, position - 5), -1):
        if words[back] in LOCATIVE:
            return True
        if words[back] not in PLACE_LEAD:
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
    def __init__(self, by_form: dict[tuple[str, ...], Place], leads: frozenset[str] = frozenset()):
        self._by_form = by_form
        self._leads = leads | LOCATIVE | PLACE_LEAD
        lengths: dict[str, set[int]] = {}
        for form in by_form:
            lengths.setdefault(form[0], set()).add(len(form))
        # first word -> the lengths of the names starting with it, longest first: most words start none
        self._lengths = {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}

    @classmethod
    def load(cls, languages: tuple[str, ...]) -> Places:
        by_form: dict[tuple[str, ...], Place] = {}
        capitals = {row["iso3"]: row for row in read_tsv(data_path("data", "countries.tsv"))}
        for row in capitals.values():
            place = Place(row["capital"], row["iso3"], float(row["lat"]), float(row["lon"]))
            by_form[_key(row["capital"])] = place
        for language in languages:
            for row in read_tsv(data_path("lang", language, "countries.tsv")):
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
        for row in read_tsv(data_path("data", "cities.tsv")):  # GeoNames' towns, named by their GeoNames name
            city = Place(row["name"], row["country"], float(row["lat"]), float(row["lon"]), listed=False)
            for form in split_forms(row["forms"]):
                for key in _keys(form):
                    by_form.setdefault(key, city)
        leads: set[str] = set()
        for language in languages:
            arguments = read_toml(data_path("lang", language, "grammar.toml")).get("arguments", {})
            leads.update(arguments.get("place_nouns", ()), arguments.get("place_modifiers", ()))
        return cls(by_form, frozenset(leads))

    def _in_a_name(self, words: list[str], lowered: list[str], i: int) -> bool:
        """A GeoNames town after a capitalised word inside the clause is part of a name ("Murat Sabuncu": Sabunçu is
        a town in Azerbaijan); after a noun of places ("Stadt Gorlowka") or a locative ("In Tientsin") it is none."""
        return i > 1 and words[i - 1][:1].isupper() and lowered[i - 1] not in self._leads

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
