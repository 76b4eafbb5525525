"""What the Phoenix converter checks names against: common words of the UD treebanks (German and English) and
Dyad's own forms (countries, capitals, adjectives, actors, places), countries and organisation codes."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import simplemma
from phoenix_dictionary import Record

UD_FILES = (
    "en_ewt/en_ewt-ud-train.conllu",
    "en_ewt/en_ewt-ud-dev.conllu",
    "en_ewt/en_ewt-ud-test.conllu",
    "de/de_gsd-ud-dev.conllu",
    "de/de_gsd-ud-test.conllu",
    "de/de_pud-ud-test.conllu",
)
NAME_TAGS = frozenset({"PROPN", "X", "SYM", "PUNCT", "NUM"})
_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "æ": "ae"})


def fold(text: str) -> str:
    """Lower case without diacritics, runs of other characters as one space: "Erdoğan" -> "erdogan"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(re.split(r"[^a-z0-9]+", plain)).strip()


@dataclass
class Words:
    common_words: set[str] = field(default_factory=set)  # lower-case words used as other than names
    shapes: dict[str, Counter] = field(default_factory=dict)  # lower-case word -> Counter of upper/title/lower
    agent_words: set[str] = field(default_factory=set)

    def common(self, word: str) -> bool:
        if fold(word) in self.common_words:
            return True
        known = simplemma.is_known
        return known(word, lang="en") or known(word.lower(), lang="en") or known(word, lang="de")

    def acronyms(self, phrase: str) -> set[str]:
        """Words of a Phoenix phrase to keep in capitals: written so in the treebanks, or short unknown words."""
        found = set()
        for word in re.split(r"[_\s]+", phrase.strip("_ +")):
            letters = [c for c in word if c.isalpha()]
            if not letters:
                continue
            shape = self.shapes.get(word.lower())
            if shape:
                if shape.most_common(1)[0][0] == "upper":
                    found.add(word)
            elif len(letters) <= 4 or not any(c in "AEIOU" for c in letters):
                found.add(word)
        return found

    def personal_name(self, phrase: str) -> bool:
        """Two to four words, none a common word nor an agent noun: "ABRAHAM_ABRAHAM_", not "UNITED_NATIONS"."""
        words = [w for w in re.split(r"[_\s]+", phrase.strip("_ +")) if w]
        if not 2 <= len(words) <= 4:
            return False
        return not any(fold(w) in self.common_words or fold(w) in self.agent_words for w in words)


def read_ud(folder: Path) -> Words:
    words = Words()
    shapes: dict[str, Counter] = defaultdict(Counter)
    for name in UD_FILES:
        path = folder / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            columns = line.split("\t")
            if len(columns) < 4 or not columns[0].isdigit():
                continue
            form, lemma, tag = columns[1], columns[2], columns[3]
            shape = "upper" if form.isupper() and len(form) > 1 else "title" if form[:1].isupper() else "lower"
            shapes[form.lower()][shape] += 1
            if tag not in NAME_TAGS:
                words.common_words.update({fold(form), fold(lemma)})
    words.shapes = dict(shapes)
    return words


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        return [
            {k: (v or "").strip() for k, v in row.items() if k}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


@dataclass
class Reference:
    countries: set[str]
    legacy: dict[str, str]
    forms: set[str]  # folded Dyad forms: countries, capitals, adjectives, actors, places
    organisation_forms: dict[str, str]  # folded form of an organisation in data/actors.tsv -> its code
    organisation_codes: set[str]
    core_roles: dict[str, tuple[str, str, str]]  # lemma -> role, mode, scope
    state_words: set[str]  # lower-case words of English country names ("kingdom", "republic", "states")
    words: Words

    def learn(self, records: dict[str, list[Record]]) -> dict[str, str]:
        """Phoenix IGO code -> Dyad code, where a Phoenix name of the organisation is a Dyad form. (Phoenix IGO codes
        name one organisation, IGOUNOIAE the IAEA, or a family, IGOUNODEV the UN's development bodies: a code is learnt
        when most of its records are the organisation. Its NGO codes name a sector: NGOHRI, human rights groups.)"""
        votes: dict[str, Counter] = defaultdict(Counter)
        uses: Counter = Counter()
        for file_records in records.values():
            for record in file_records:
                codes = {r.code for r in record.restrictions if r.code.startswith("IGO") and not r.dated}
                uses.update(codes)
                found = {self.organisation_forms.get(fold(phrase)) for phrase in record.phrases} - {None}
                for code in codes if len(found) == 1 else ():
                    votes[code][found.pop() if len(codes) == 1 else next(iter(found))] += 1
        learnt = {}
        for code, counter in votes.items():
            dyad, count = counter.most_common(1)[0]
            if 2 * count >= uses[code]:  # most of the code's records are that organisation
                learnt[code] = dyad
        return learnt


def load_reference(package: Path, ud: Path) -> Reference:
    countries = {row["iso3"] for row in _rows(package / "data" / "countries.tsv")}
    legacy = {row["legacy"]: row["iso3"] for row in _rows(package / "data" / "legacy_country_codes.tsv")}
    forms: set[str] = set()
    for language in ("de", "en"):
        for row in _rows(package / "lang" / language / "countries.tsv"):
            for column in ("names", "adjectives", "capitals"):
                forms.update(fold(f) for f in row[column].split("|") if f)
    core = _rows(package / "data" / "actors.tsv")
    by_name = {row["name"]: row for row in core}
    organisation_forms: dict[str, str] = {}
    for path in [package / "data" / "actors.tsv", *(package / "lang" / lang / "actors.tsv" for lang in ("de", "en"))]:
        for row in _rows(path):
            base = by_name.get(row["name"], row)
            row_forms = [row["name"], *(f for f in row.get("forms", "").split("|") if f)]
            forms.update(fold(f) for f in row_forms)
            if base.get("kind") in {"org", "group"}:
                organisation_forms.update({fold(f): base["code"] for f in row_forms})
    for row in _rows(package / "data" / "places.tsv"):
        forms.update(fold(f) for f in row["forms"].split("|") if f)
    organisation_codes = {row["country"] for row in core if row.get("kind") == "org"}
    core_roles = {
        " ".join(row["lemma"].lower().split()): (row["role"], row.get("mode", ""), row.get("scope", ""))
        for row in _rows(package / "lang" / "en" / "roles.tsv")
    }
    words = read_ud(ud)
    state_words = {
        word.lower()
        for row in _rows(package / "lang" / "en" / "countries.tsv")
        for word in row["names"].replace("|", " ").split()
    }
    state_words |= {word.rstrip("s") for word in state_words}
    return Reference(countries, legacy, forms, organisation_forms, organisation_codes, core_roles, state_words, words)
