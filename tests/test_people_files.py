"""Validation of the people files (src/dyad/data/people/*.tsv): columns, codes, periods, unique names and forms."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "dyad" / "data"
PEOPLE = DATA / "people"
HEADER = ["name", "country", "forms", "forms_de", "periods"]
OFFICES = {
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "interior_minister",
    "minister",
    "official",
    "legislator",
    "party_leader",
    "opposition_leader",
    "military_chief",
    "judge",
    "secretary_general",
    "leader",
    "former",
}
ROLES = {"", "GOV", "LEG", "OPP", "JUD", "MIL", "ELI", "REB", "SPY", "MED", "INS", "PTY", "BUS", "CVL", "COP", "RAD"}
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
FILES = sorted(PEOPLE.glob("*.tsv")) if PEOPLE.is_dir() else []


def _rows(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines]


def _column(path: Path, index: int) -> set[str]:
    return {row[index] for row in _rows(path) if len(row) > index}


def _known_prefixes() -> set[str]:
    countries = _column(DATA / "countries.tsv", 0) - {"iso3"}
    actors = DATA / "actors.tsv"
    return countries | (_column(actors, 1) - {"code"}) | (_column(actors, 2) - {"country"})


def _bounds(text: str, end: bool) -> tuple[int, int, int] | None:
    """The earliest (start) or latest (end) day a date of year, month or day precision can mean."""
    match = DATE.match(text)
    if match is None:
        return None
    year, month, day = match.groups()
    if (month is not None and not 1 <= int(month) <= 12) or (day is not None and not 1 <= int(day) <= 31):
        return None
    default_month, default_day = (12, 31) if end else (1, 1)
    return int(year), int(month or default_month), int(day or default_day)


def _code_ok(code: str, prefixes: set[str]) -> bool:
    if code in prefixes:
        return True
    return any(code.startswith(prefix) and code[len(prefix) :] in ROLES for prefix in prefixes)


def _period_errors(text: str, prefixes: set[str]) -> list[str]:
    errors = []
    for period in text.split(";"):
        parts = period.split(" ")
        if len(parts) != 4:
            errors.append(f"period not CODE START END OFFICE: {period!r}")
            continue
        code, start, end, office = parts
        if not _code_ok(code, prefixes):
            errors.append(f"unknown code {code}")
        if office not in OFFICES:
            errors.append(f"unknown office {office}")
        first = None if start == "-" else _bounds(start, end=False)
        last = None if end == "-" else _bounds(end, end=True)
        if (start != "-" and first is None) or (end != "-" and last is None):
            errors.append(f"bad date in {period!r}")
        elif first is not None and last is not None and first > last:
            errors.append(f"start after end in {period!r}")
    return errors


def _fold(form: str) -> str:
    decomposed = unicodedata.normalize("NFKD", form)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def test_people_folder_has_files() -> None:
    assert FILES, "no people files"


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_people_file_is_valid(path: Path) -> None:
    rows = _rows(path)
    assert rows[0] == HEADER, f"{path.name}: header {rows[0]}"
    prefixes = _known_prefixes()
    errors: list[str] = []
    names: set[str] = set()
    owners: dict[str, str] = {}
    for row in rows[1:]:
        if len(row) != len(HEADER):
            errors.append(f"{len(row)} columns: {row[:1]}")
            continue
        name, country, forms, forms_de, periods = row
        if name in names:
            errors.append(f"duplicate name {name}")
        names.add(name)
        if country not in prefixes:
            errors.append(f"{name}: unknown country {country}")
        if not forms or forms == "-" or not forms_de:
            errors.append(f"{name}: empty forms")
        errors += [f"{name}: {error}" for error in _period_errors(periods, prefixes)]
        for form in forms.split("|") + ([] if forms_de == "-" else forms_de.split("|")):
            key = _fold(form.strip())
            if not key or form != form.strip():
                errors.append(f"{name}: blank or padded form {form!r}")
            elif owners.setdefault(key, name) != name:
                errors.append(f"form {form!r} shared by {owners[key]} and {name}")
    assert not errors, f"{path.name}:\n" + "\n".join(errors[:50])


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("de", "Die Studentin Maria Lawrow kritisierte die Regierung."),
        ("en", "A student named Maria Lavrov criticised the government."),
    ],
)
def test_a_surname_after_another_given_name_is_another_person(code, lang: str, sentence: str) -> None:
    assert all(e.source.actor.code != "RUSGOV" for e in code(sentence, lang))


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("de", "Sergei Lawrow kritisierte die Nato."),  # another spelling of his given name
        ("de", "Auch Lawrow kritisierte die Nato."),  # the first word of a sentence
        ("de", "Moskau und Außenminister Lawrow kritisierten die Nato."),
        ("en", "Mr Lavrov criticised Nato."),
    ],
)
def test_a_surname_after_a_spelling_of_the_given_name_or_a_title_is_the_person(code, lang: str, sentence: str) -> None:
    assert any(e.source.actor.code == "RUSGOV" for e in code(sentence, lang))
