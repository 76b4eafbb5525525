"""Reading the PETRARCH2/Phoenix actor and agent dictionaries (format: ../shared/petrarch2/dictionaries.rst).

An actor record is a primary phrase, `+` synonym lines and date restrictions (`[CODE]`, `[CODE <date]`,
`[CODE >date]`, `[CODE date-date]`) on tab-indented lines or inline after the phrase. A primary phrase with no code
that is directly followed by another primary phrase (no blank or comment line between) is a synonym of it: the
dictionaries write some synonyms without `+` ("LEONID_BREZHNEV_" / "LEONID_ILYICH_BREZHNEV").

Dates are YYYYMMDD or YYMMDD. A two-digit year YY is 20YY when YY <= 15 and 19YY otherwise: the dictionaries were
last revised in 2014-2015, so no date of theirs lies after 2015, and their 20th-century dates (terms of office since
1945, "elite" periods from birth years) are the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

PIVOT_YEAR = 15  # YY <= 15 -> 20YY
_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class Restriction:
    code: str
    start: date | None
    end: date | None
    dated: bool
    comment: str = ""


@dataclass
class Record:
    phrases: list[str]
    restrictions: list[Restriction] = field(default_factory=list)
    comment: str = ""
    bad_dates: int = 0


def parse_date(text: str, upper: bool = False) -> date | None:
    """YYMMDD or YYYYMMDD; None when malformed. `upper`: the end of a range (a day past the month end is clipped)."""
    if text.isdigit() and len(text) == 9:  # one stray digit ("201005011")
        text = text[:8]
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= PIVOT_YEAR else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, max(month, 1), max(day, 1))
    except ValueError:
        return date(year, 12, 31) if upper and 1 <= month <= 12 else None


def parse_restriction(body: str, comment: str) -> Restriction | str | None:
    """A restriction, None for the null code `---`, or "bad" for an unreadable date."""
    parts = body.split()
    if not parts or parts[0].startswith("---"):
        return None
    code = parts[0]
    if len(parts) == 1:
        return Restriction(code, None, None, False, comment)
    limit = "".join(parts[1:])
    if limit.startswith("<"):
        end = parse_date(limit[1:], upper=True)
        return Restriction(code, None, end, True, comment) if end else "bad"
    if limit.startswith(">"):
        start = parse_date(limit[1:])
        return Restriction(code, start, None, True, comment) if start else "bad"
    first, _, second = limit.partition("-")
    start, end = parse_date(first), parse_date(second, upper=True)
    if start is None or end is None:
        return "bad"
    return Restriction(code, start, end, True, comment)


def _split_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body, comment.strip()


def read_actor_file(path: Path) -> list[Record]:
    records: list[Record] = []
    current: Record | None = None
    adjacent = False  # the previous line was a primary phrase of `current`, with nothing between
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            adjacent = False
            continue
        body, comment = _split_comment(raw)
        if raw[:1] in "\t [" and current is not None and _CODE.search(body):
            _add_restrictions(current, body, comment)
            adjacent = False
            continue
        phrase = body.split("[", 1)[0].strip()
        if stripped.startswith("+"):
            if current is not None and phrase[1:].strip():
                current.phrases.append(phrase[1:].strip())
                _add_restrictions(current, body, comment)
            continue
        if current is not None and not current.restrictions and adjacent and phrase:
            current.phrases.append(phrase)  # a synonym written without "+"
            _add_restrictions(current, body, comment)
            continue
        current = Record([phrase] if phrase else [], comment=comment)
        records.append(current)
        _add_restrictions(current, body, comment)
        adjacent = True
    return [record for record in records if record.phrases]


def _add_restrictions(record: Record, body: str, comment: str) -> None:
    for match in _CODE.finditer(body):
        found = parse_restriction(match.group(1), comment)
        if found == "bad":
            record.bad_dates += 1
        elif isinstance(found, Restriction):
            record.restrictions.append(found)


@dataclass
class Agent:
    phrase: str
    plurals: list[str]
    code: str


def read_agent_file(path: Path) -> list[Agent]:
    """Agent lines `PHRASE {plural} [~CODE]`; `!SET! = A, B` markers are substituted into phrases."""
    markers: dict[str, list[str]] = {}
    agents: list[Agent] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body, _ = _split_comment(raw)
        body = body.strip()
        if not body or body.startswith("<"):
            continue
        marker = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", body)
        if marker:
            markers[marker.group(1)] = [item.strip() for item in marker.group(2).split(",") if item.strip()]
            continue
        code = _CODE.search(body)
        if code is None:
            continue
        phrase = body[: code.start()]
        plural_match = re.search(r"\{([^}]*)\}", phrase)
        plurals = plural_match.group(1).split() if plural_match else []
        phrase = re.sub(r"\{[^}]*\}", "", phrase).strip()
        for expanded in _expand_markers(phrase, markers):
            agents.append(Agent(expanded, plurals, code.group(1).strip()))
    return agents


def _expand_markers(phrase: str, markers: dict[str, list[str]]) -> list[str]:
    found = re.search(r"![A-Z]+!", phrase)
    if found is None:
        return [phrase]
    items = markers.get(found.group(0), [])
    marker = found.group(0)
    return [expanded for item in items for expanded in _expand_markers(phrase.replace(marker, item, 1), markers)]
