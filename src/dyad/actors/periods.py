"""Dated actors: the periods of the people format (data/people/README.md) and how a date picks one.

A period is `CODE START END OFFICE`; START/END are YYYY-MM-DD, YYYY-MM or YYYY (a partial START is the first day,
a partial END the last), or `-` for open. A period open at both ends is the default.

On an article dated D an actor is the CODE of the period covering D (the latest-starting one if several), else the
default period, else `<country>ELI` (a state's elite: a former official). An undated article takes the open period
(END `-`; the latest-starting one if several), else the latest-ending period, else the default.

A title written before the name ("Außenministerin Annalena Baerbock", "President Lula") narrows the choice to the
periods in that title's role (GOV, MIL, ...) where one of them fits the day (any of them for an undated article):
the text says which office the person acts in, and an undated text that calls Baerbock foreign minister does not
speak of her later UN office.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dyad.model import Actor

_NOT_ALNUM = re.compile(r"[\W_]+")
# letters NFKD does not decompose, and typographic apostrophes ("Lord’s Resistance Army" is "Lord's ...")
_SPECIAL = str.maketrans(
    {"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "æ": "ae"}
    | {"’": "'", "‘": "'", "ʼ": "'"}
)


def fold(text: str) -> str:
    """Lower case without diacritics: "Schröder" -> "schroder", "Erdoğan" -> "erdogan", "Straße" -> "strasse"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_key(text: str) -> str:
    """Letters and digits only, folded: "Vladimir V. Putin" -> "vladimirvputin"; the same name however tokenised."""
    return _NOT_ALNUM.sub("", fold(text))


class PeriodError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Period:
    actor: Actor
    start: date | None
    end: date | None
    office: str

    @property
    def default(self) -> bool:
        return self.start is None and self.end is None

    def covers(self, day: date) -> bool:
        return not self.default and (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def parse_day(text: str, last: bool) -> date | None:
    if text == "-":
        return None
    parts = [int(part) for part in text.split("-")]
    if not 1 <= len(parts) <= 3 or not 1000 <= parts[0] <= 9999:
        raise PeriodError(f"bad date {text!r} (YYYY-MM-DD, YYYY-MM, YYYY or -)")
    year, month = parts[0], parts[1] if len(parts) > 1 else (12 if last else 1)
    day = parts[2] if len(parts) > 2 else (calendar.monthrange(year, month)[1] if last else 1)
    return date(year, month, day)


def split_code(code: str, countries: Iterable[str] | frozenset[str]) -> tuple[str, str | None]:
    """ "DEUGOV" -> ("DEU", "GOV"); "IGOUNO" -> ("IGOUNO", None); "EUR" -> ("EUR", None)."""
    if len(code) == 6 and code[:3] in countries:
        return code[:3], code[3:]
    return code, None


def parse_periods(cell: str, name: str, kind: str, countries: frozenset[str]) -> tuple[Period, ...]:
    periods = []
    for text in (part.strip() for part in cell.split(";")):
        if not text:
            continue
        fields = text.split()
        if len(fields) != 4:
            raise PeriodError(f"bad period {text!r} (CODE START END OFFICE)")
        code, start, end, office = fields
        try:
            first, final = parse_day(start, last=False), parse_day(end, last=True)
        except ValueError as error:
            raise PeriodError(f"bad period {text!r}: {error}") from None
        country, role = split_code(code, countries)
        periods.append(Period(Actor(code, country, role, name, kind), first, final, office))
    return tuple(periods)


def elite(country: str, name: str, kind: str) -> Actor:
    if len(country) == 3:
        return Actor(country + "ELI", country, "ELI", name, kind)
    return Actor(country, country, None, name, kind)


def on_day(periods: tuple[Period, ...], day: date | None, fallback: Actor) -> Actor:
    """The actor of the period that holds on `day` (None: an undated article), as the module docstring says."""
    dated = [p for p in periods if not p.default]
    default = next((p.actor for p in periods if p.default), None)
    if day is not None:
        covering = [p for p in dated if p.covers(day)]
        if covering:
            return max(covering, key=lambda p: p.start or date.min).actor
        return default or fallback
    open_periods = [p for p in dated if p.end is None]
    if open_periods:
        return max(open_periods, key=lambda p: p.start or date.min).actor
    if dated:
        return max(dated, key=lambda p: p.end or date.max).actor
    return default or fallback


def on_day_titled(periods: tuple[Period, ...], day: date | None, fallback: Actor, title_role: str | None) -> Actor:
    """`on_day` among the periods in the role of the title before the name, where one fits (module docstring)."""
    if title_role is not None:
        titled = tuple(p for p in periods if not p.default and p.actor.role == title_role)
        if day is not None:
            titled = tuple(p for p in titled if p.covers(day))
        if titled:
            return on_day(titled, day, fallback)
    return on_day(periods, day, fallback)


def in_office(periods: tuple[Period, ...], day: date | None) -> bool:
    if day is None:
        return any(not p.default and p.end is None for p in periods)
    return any(p.covers(day) for p in periods)
