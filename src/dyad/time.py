"""Date stage: time expressions in a sentence, resolved against the article date, with their precision.

Written here rather than taken from dateparser: dateparser returns nothing for "am Samstag", "im vergangenen Monat",
"Anfang März" or "am 21. Juni" and misreads "mit" as a date in search mode; event coding needs the expression's
position in the sentence (to pick the one nearest the trigger) and its precision, which it does not give.
Vocabulary is per language in lang/xx/dates.toml.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dyad.lang import Language
from dyad.model import TimeExpression, Token

_YEAR = re.compile(r"^(19|20)\d{2}$")
_DAY = re.compile(r"^([0-3]?\d)\.?$")


class TimeFinder:
    def __init__(self, language: Language):
        vocabulary = language.dates
        self._months: dict[str, int] = vocabulary["months"]
        self._weekdays: dict[str, int] = vocabulary["weekdays"]
        self._days: dict[str, int] = vocabulary["days"]
        self._modifiers: dict[str, int] = vocabulary["modifiers"]
        self._units: dict[str, str] = vocabulary["units"]
        self._month_parts = frozenset(vocabulary["month_parts"])
        self._openers = frozenset([*self._months, *self._weekdays, *self._days, *self._modifiers, *self._month_parts])

    def find(self, tokens: list[Token], published: date | None) -> list[TimeExpression]:
        found: list[TimeExpression] = []
        i = 0
        while i < len(tokens):
            word = tokens[i].lower
            if not (word[:1].isdigit() or word.rstrip(".") in self._openers):
                i += 1
                continue
            expression = self._at(tokens, i, published)
            if expression is None:
                i += 1
                continue
            found.append(expression)
            i = expression.last + 1
        return found

    def _at(self, tokens: list[Token], i: int, published: date | None) -> TimeExpression | None:
        for reader in (
            self._day_month,
            self._month,
            self._relative_unit,
            self._weekday,
            self._day_word,
            self._year,
        ):
            expression = reader(tokens, i, published)
            if expression is not None:
                return expression
        return None

    def _month_at(self, tokens: list[Token], i: int) -> int | None:
        if i >= len(tokens):
            return None
        word = tokens[i].lower.rstrip(".")
        if word in self._months and (tokens[i].is_title or (word in {"mai", "may"} and tokens[i].is_title)):
            return self._months[word]
        return None

    def _year_at(self, tokens: list[Token], i: int) -> int | None:
        if i < len(tokens) and _YEAR.match(tokens[i].text):
            return int(tokens[i].text)
        return None

    def _day_month(self, tokens: list[Token], i: int, published: date | None) -> TimeExpression | None:
        """ "7. Oktober 2023", "21. Juni", "June 21, 2025", "21 June"."""
        day_match = _DAY.match(tokens[i].text)
        if day_match and self._month_at(tokens, i + 1):
            day, month, last = int(day_match.group(1)), self._month_at(tokens, i + 1), i + 1
        elif self._month_at(tokens, i) and i + 1 < len(tokens) and _DAY.match(tokens[i + 1].text):
            day, month, last = int(_DAY.match(tokens[i + 1].text).group(1)), self._month_at(tokens, i), i + 1
        else:
            return None
        skip = 2 if last + 1 < len(tokens) and tokens[last + 1].text == "," else 1
        year = self._year_at(tokens, last + skip)
        if year is not None:
            last += skip
        else:
            year = self._year_for(month, published)
        if year is None or month is None:
            return None
        try:
            return TimeExpression(i, last, date(year, month, day), "day")
        except ValueError:
            return None

    def _month(self, tokens: list[Token], i: int, published: date | None) -> TimeExpression | None:
        """ "Dezember 2025", "im Dezember", "Anfang März", "early March"."""
        first = i
        if tokens[i].lower in self._month_parts and self._month_at(tokens, i + 1):
            i += 1
        month = self._month_at(tokens, i)
        if month is None:
            return None
        if (
            first == i and i > 0 and tokens[i - 1].lower not in {"im", "in", "seit", "bis", "ab", "anfang", "ende"}
        ) and self._year_at(tokens, i + 1) is None:
            return None
        year = self._year_at(tokens, i + 1)
        last = i + 1 if year is not None else i
        year = year if year is not None else self._year_for(month, published)
        if year is None:
            return None
        return TimeExpression(first, last, date(year, month, 1), "month")

    def _relative_unit(self, tokens: list[Token], i: int, published: date | None) -> TimeExpression | None:
        """ "vergangenen Monat", "letzte Woche", "im vergangenen Jahr", "last week"."""
        if published is None or tokens[i].lower not in self._modifiers or i + 1 >= len(tokens):
            return None
        unit = self._units.get(tokens[i + 1].lower)
        if unit is None:
            return None
        offset = self._modifiers[tokens[i].lower]
        if unit == "week":
            return TimeExpression(i, i + 1, published + timedelta(weeks=offset), "week")
        if unit == "month":
            month_index = published.year * 12 + published.month - 1 + offset
            return TimeExpression(i, i + 1, date(month_index // 12, month_index % 12 + 1, 1), "month")
        return TimeExpression(i, i + 1, date(published.year + offset, 1, 1), "year")

    def _weekday(self, tokens: list[Token], i: int, published: date | None) -> TimeExpression | None:
        """ "am Samstag", "on Saturday": the latest such day on or before the article date."""
        weekday = self._weekdays.get(tokens[i].lower)
        if weekday is None or published is None or not tokens[i].is_title:
            return None
        back = (published.weekday() - weekday) % 7
        return TimeExpression(i, i, published - timedelta(days=back), "day")

    def _day_word(self, tokens: list[Token], i: int, published: date | None) -> TimeExpression | None:
        shift = self._days.get(tokens[i].lower)
        if shift is None or published is None:
            return None
        return TimeExpression(i, i, published + timedelta(days=shift), "day")

    def _year(self, tokens: list[Token], i: int, published: date | None) -> TimeExpression | None:
        year = self._year_at(tokens, i)
        if year is None:
            return None
        return TimeExpression(i, i, date(year, 1, 1), "year")

    @staticmethod
    def _year_for(month: int | None, published: date | None) -> int | None:
        """A month without a year: this year's, or last year's if that month is still ahead."""
        if published is None or month is None:
            return None
        return published.year if month <= published.month else published.year - 1
