"""The large actor files, read at start-up but added to the gazetteer only when a text could name one of them.

`data/people/*.tsv` (hand-written leader lists) and `data/phoenix/*.tsv` (the PETRARCH2 Phoenix dictionaries,
converted by scripts/import_phoenix_actors.py) hold tens of thousands of forms; tokenising them all would cost
seconds at start-up. Each form is indexed by the first three letters of its first two words, folded ("Gerhard
Schröder" -> "ger", "sch"; a one-word form, or one whose first word is not plain letters, by its first word alone:
"Schröders" -> "sch"), and the gazetteer adds a form the first time a token and the next one start with such
letters. Every lookup thus sees all entries of its key: the result never depends on what earlier articles said.
(Three letters, as suffixes such as the German genitive -s leave them alone.) A capitalised form cannot match a
lower-case token (recognise._plausible), so lower-case tokens only add forms written in lower case. Compounds
("Merkel-Regierung") look up the eagerly built part only (Gazetteer.lookup_modifier).

A row that is the same person as a hand-written person of data/actors.tsv (its name is one of theirs, or their name
one of its forms) is merged into that person: the hand-written code and name win, the row adds its spellings, and
when the row holds the hand-written code in a dated period, the row's periods date the hand-written person (a
former chancellor is no longer DEUGOV) up to the file's horizon (a `# horizon: YYYY-MM-DD` header line: the Phoenix
dictionaries know offices up to 2015-02, thinly after 2010); after it, and in undated articles, the hand-written
code holds. A Phoenix row that is a person of data/people likewise yields to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dyad.actors.periods import fold, name_key
from dyad.actors.transliterate import Transliterator
from dyad.resources import data_path, split_forms

TIERS = (("people", 1), ("phoenix", 2))  # data/actors.tsv, the language files and user files are tier 0
PREFIX = 3
COLUMNS = ("name", "country", "code", "role", "kind", "forms", "forms_de", "periods")
HORIZON = "# horizon:"  # a header line: the date up to which a file knows who held which office


def form_prefix(folded: str) -> str:
    """The first letters of a folded word, up to three: "schroders" -> "sch", "al-assad" -> "al"."""
    head = folded[:PREFIX]
    if head.isalnum():
        return head
    for n, char in enumerate(head):
        if not char.isalnum():
            return head[:n]
    return head


ALONE = "*"  # the slot of the forms indexed by their first word alone


def index_key(form: str) -> tuple[str, str]:
    """ "Gerhard Schröder" -> ("ger", "sch"), "Schröder" -> ("sch", ALONE), "Al-Assad Bashar" -> ("al", ALONE):
    the tokenizer may split "Al-Assad", so the next token need not be "Bashar"."""
    words = form.split(None, 2)
    first = form_prefix(_folded(words[0])) if words else ""
    if len(words) < 2 or not words[0].isalnum() or not first:
        return first, ALONE
    return first, form_prefix(_folded(words[1]))


def word_prefix(word: str) -> str:
    """form_prefix(fold(word)), quicker for the common case."""
    head = word[:PREFIX]
    if head.isascii():
        head = head.lower()
        if head.isalnum():
            return head
    return form_prefix(fold(word))


def _folded(form: str) -> str:
    return form.lower() if form.isascii() else fold(form)


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    country: str
    code: str
    role: str | None
    kind: str
    forms: tuple[str, ...]
    periods: str
    source: str
    tier: int
    merged: str | None = None  # the data/actors.tsv person this row is
    number: int = -1  # the line's number in its Deferred


@dataclass(frozen=True)
class _File:
    source: str
    tier: int
    column: dict[str, int | None]

    def cell(self, cells: list[str], name: str) -> str:
        index = self.column[name]
        return cells[index].strip() if index is not None and index < len(cells) else ""

    @property
    def people(self) -> bool:
        return self.column["forms_de"] is not None

    def forms(self, cells: list[str], language: str, transliterator: Transliterator | None = None) -> list[str]:
        forms = [self.cell(cells, "name"), *split_forms(self.cell(cells, "forms"))]
        person = self.people or self.cell(cells, "kind") == "person"
        if person and transliterator is not None:  # "Sergey Lavrov" -> "Sergej Lawrow" for German
            country = self.cell(cells, "country")
            forms += [spelling for form in forms for spelling in transliterator.forms(form, country)]
        if self.people and language == "de" and self.cell(cells, "forms_de") != "-":
            forms += split_forms(self.cell(cells, "forms_de"))
        return list(dict.fromkeys(forms))


@dataclass
class CorePeople:
    """The hand-written people: folded name keys of their forms -> their name; their codes."""

    by_form: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)
    # name -> (periods, source, horizon: the date up to which the source knows offices, or "")
    borrowed: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)

    def add(self, name: str, code: str, forms: Iterable[str]) -> None:
        self.codes.setdefault(name, code)
        self.by_name[name_key(name)] = name
        self.first_words.add(_folded(name.split(" ", 1)[0]))
        for form in forms:
            if " " in form.strip():
                self.by_form[name_key(form)] = name
                self.first_words.add(_folded(form.split(" ", 1)[0]))

    def same_person(self, forms: list[str]) -> str | None:
        """The person whose form is `forms[0]` (the name), or whose name is one of `forms`."""
        if not self.by_name:
            return None
        first_words = self.first_words  # a cheap test first: most rows share no first word with these people
        for number, form in enumerate(forms):
            if _folded(form.split(" ", 1)[0]) in first_words:
                found = (self.by_form if number == 0 else self.by_name).get(name_key(form))
                if found is None and number == 0:
                    found = self.by_name.get(name_key(form))
                if found is not None:
                    return found
        return None


@dataclass
class Deferred:
    language: str
    transliterator: Transliterator | None = None  # the language's spellings of foreign names, if it has rules
    files: list[_File] = field(default_factory=list)
    lines: list[tuple[int, str]] = field(default_factory=list)  # (file, line)
    merged: dict[int, str] = field(default_factory=dict)  # line -> the data/actors.tsv person it is
    # first-word prefix -> second-word prefix (or ALONE) -> (line, form); forms written in lower case ("al-Qaida")
    # apart: only they can match a lower-case token
    upper: dict[str, dict[str, list[tuple[int, str]]]] = field(default_factory=dict)
    lower: dict[str, dict[str, list[tuple[int, str]]]] = field(default_factory=dict)

    @property
    def pending(self) -> bool:
        return bool(self.upper or self.lower)

    def kinds(self) -> Iterator[tuple[str, str]]:
        """(kind, source file) of every row not merged into a hand-written person: what the files hold, whether
        or not a text has named it yet."""
        for number, (file_number, line) in enumerate(self.lines):
            if number in self.merged:
                continue
            file = self.files[file_number]
            yield ("person" if file.people else file.cell(line.split("\t"), "kind") or "org"), file.source

    def take(self, word: str, next_word: str | None) -> list[Row]:
        """The lines with forms that could start at `word` (followed by `next_word`), each with only those forms
        (the other forms wait for their own words)."""
        first = word_prefix(word)
        if not first:
            return []
        found: list[tuple[int, str]] = []
        capital = word[:1].isupper() or not word[:1].isalpha()
        for table in (self.upper, self.lower) if capital else (self.lower,):
            waiting = table.get(first)
            if waiting is None:
                continue
            found += waiting.pop(ALONE, ())
            if next_word is not None and waiting:
                found += waiting.pop(word_prefix(next_word), ())
            if not waiting:
                del table[first]
        if not found:
            return []
        forms: dict[int, list[str]] = {}
        for number, form in found:
            forms.setdefault(number, []).append(form)
        return [self._row(number, tuple(these)) for number, these in forms.items()]

    def _row(self, number: int, forms: tuple[str, ...]) -> Row:
        file_number, line = self.lines[number]
        file = self.files[file_number]
        cells = line.split("\t")
        if file.people:
            code, role, kind = "", None, "person"
        else:
            code, role, kind = file.cell(cells, "code"), file.cell(cells, "role") or None, file.cell(cells, "kind")
        name, country, periods = file.cell(cells, "name"), file.cell(cells, "country"), file.cell(cells, "periods")
        merged = self.merged.get(number)
        return Row(name, country, code, role, kind or "org", forms, periods, file.source, file.tier, merged, number)

    def forms_of(self, file: _File, cells: list[str]) -> list[str]:
        return file.forms(cells, self.language, self.transliterator)

    def index(self, file_number: int, line: str, forms: list[str]) -> int:
        number = len(self.lines)
        self.lines.append((file_number, line))
        for form in dict.fromkeys(forms):
            first, second = index_key(form)
            if first:
                table = self.upper if form[:1].isupper() or not form[:1].isalpha() else self.lower
                table.setdefault(first, {}).setdefault(second, []).append((number, form))
        return number


def deferred_files() -> list[tuple[Path, str, int]]:
    found = []
    for folder, tier in TIERS:
        path = data_path("data", folder)
        for file in sorted(path.glob("*.tsv")) if path.is_dir() else []:
            found.append((file, f"data/{folder}/{file.name}", tier))
    return found


def read_deferred(language: str, core: CorePeople, transliterator: Transliterator | None = None) -> Deferred:
    deferred = Deferred(language, transliterator)
    people = CorePeople()  # persons of data/people: a Phoenix row naming one yields to it
    for path, source, tier in deferred_files():
        text = path.read_text(encoding="utf-8").split("\n")
        horizon = next((line.split(":", 1)[1].split()[0] for line in text[:20] if line.startswith(HORIZON)), "")
        lines = [line for line in text if line.strip() and line[0] != "#"]
        if not lines:
            continue
        header = [name.strip() for name in lines[0].split("\t")]
        file = _File(source, tier, {name: header.index(name) if name in header else None for name in COLUMNS})
        deferred.files.append(file)
        file_number = len(deferred.files) - 1
        for line in lines[1:]:
            cells = line.split("\t")
            forms = deferred.forms_of(file, cells)
            if not forms[0]:
                continue
            person = file.people or file.cell(cells, "kind") == "person"
            if person and tier > 1 and people.same_person(forms):
                continue
            merged = core.same_person(forms) if person else None
            number = deferred.index(file_number, line, forms)
            if merged is not None:
                deferred.merged[number] = merged
                periods = file.cell(cells, "periods")
                if merged not in core.borrowed and _holds(periods, core.codes[merged]):
                    core.borrowed[merged] = (periods, source, horizon)
            elif tier == 1 and person:
                people.add(forms[0], "", forms[1:])
    return deferred


def _holds(periods: str, code: str) -> bool:
    """Does a dated period of `periods` have `code`?"""
    for period in periods.split(";"):
        fields = period.split()
        if len(fields) == 4 and fields[0] == code and (fields[1], fields[2]) != ("-", "-"):
            return True
    return False
