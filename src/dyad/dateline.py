"""Datelines: "MANILA, Aug 14 (Reuters) -", "Berlin (dpa) - ", "KIEW, 14. August 2025 (AFP) –".

The opening of a wire story names the place it was filed from, often its date, and the agency. The shape of the
line (place, an optional part after a comma, the agency in brackets, a dash) is language-neutral and lives in
data/boilerplate.toml; the date part is written in the story's language, so its patterns and month names live in
lang/xx/dates.toml (`[dateline]` and `[months]`). The cleaner runs before the language is known, so every
supported language's date patterns are tried.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dyad.lang import SUPPORTED
from dyad.resources import data_path, read_toml


@dataclass(frozen=True, slots=True)
class DatelineDay:
    """The date a dateline states; `year` is None when the line has none ("Aug 14")."""

    year: int | None
    month: int
    day: int

    def as_date(self) -> date | None:
        """The day, when the line states the year and the day exists (Dyad never guesses the year)."""
        return date(self.year, self.month, self.day) if self.year is not None and _exists(self) else None


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    day: DatelineDay | None
    end: int  # where the story's own text starts in the line


class DateParts:
    """The date part of a dateline in any supported language ("Aug 14", "Jan. 5, 2024", "3. März", "14.08.2025")."""

    def __init__(self, patterns: list[tuple[re.Pattern[str], dict[str, int]]]):
        self._patterns = patterns

    @classmethod
    def load(cls, languages: tuple[str, ...] = SUPPORTED) -> DateParts:
        patterns: list[tuple[re.Pattern[str], dict[str, int]]] = []
        for code in languages:
            vocabulary = read_toml(data_path("lang", code, "dates.toml"))
            months: dict[str, int] = vocabulary["months"]
            names = "|".join(re.escape(name) for name in sorted(months, key=len, reverse=True))
            for pattern in vocabulary.get("dateline", {}).get("dates", []):
                # the date closes the part after the comma: "WASHINGTON, D.C., Jan. 5 (Reuters)"
                compiled = re.compile(r"(?<!\w)" + pattern.replace("{month}", f"(?:{names})") + r"\s*$", re.I)
                patterns.append((compiled, months))
        return cls(patterns)

    def parse(self, text: str) -> DatelineDay | None:
        for pattern, months in self._patterns:
            match = pattern.search(text.strip())
            if match is None:
                continue
            month_text = match.group("month").lower().rstrip(".")
            month = int(month_text) if month_text.isdigit() else months.get(month_text)
            year = match.groupdict().get("year")
            day = DatelineDay(int(year) if year else None, month or 0, int(match.group("day")))
            if _exists(day):
                return day
        return None


def _exists(day: DatelineDay) -> bool:
    """Whether the day is in the calendar (in a leap year when the line states none: "29. Februar")."""
    try:
        date(day.year or 2000, day.month, day.day)
    except ValueError:
        return False
    return True


class DatelineFinder:
    """`with_agency` matches any case ("Moskau (dpa) -"); `with_date` needs an all-caps place and a date
    ("BERLIN, 3. März – "), so that a headline such as "WASHINGTON POST reported" is never a dateline."""

    def __init__(self, with_agency: str, with_date: str, dates: DateParts):
        self._with_agency = re.compile(with_agency, re.IGNORECASE)
        self._with_date = re.compile(with_date)
        self._dates = dates

    @classmethod
    def load(cls, config: dict[str, object], languages: tuple[str, ...] = SUPPORTED) -> DatelineFinder:
        agencies = "|".join(re.escape(str(name)) for name in config["agencies"])  # type: ignore[attr-defined]
        with_agency = str(config["dateline"]).replace("{agencies}", agencies)
        return cls(with_agency, str(config["dateline_with_date"]), DateParts.load(languages))

    def find(self, line: str) -> Dateline | None:
        match = self._with_agency.match(line)
        if match is not None:
            when = match.group("when")
            return Dateline(match.group("place").strip(), self._dates.parse(when) if when else None, match.end())
        match = self._with_date.match(line)
        if match is not None:
            day = self._dates.parse(match.group("when"))
            if day is not None:
                return Dateline(match.group("place").strip(), day, match.end())
        return None
