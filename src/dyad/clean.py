"""Clean stage: raw article text -> paragraphs to code, with the date line, dateline and boilerplate taken out.

Patterns live in data/boilerplate.toml (datelines: see dateline.py). Each line of news text is a paragraph; a short
line that occurs more than once (a site name in the header and footer) is furniture, not news.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date

from dyad.dateline import DatelineFinder
from dyad.lang import SUPPORTED
from dyad.resources import data_path, read_toml

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")


@dataclass(frozen=True, slots=True)
class Cleaned:
    paragraphs: tuple[str, ...]
    published: date | None
    dateline_place: str | None
    skipped: tuple[str, ...]
    dateline_date: date | None = None  # the dateline's date, when it states the year


class Cleaner:
    def __init__(
        self,
        drop_lines: list[str],
        strip_parts: list[str],
        dateline: DatelineFinder,
        date_line: str,
        line_breaks: tuple[str, ...] = (),
    ):
        self._breaks = [re.compile(p) for p in line_breaks]
        self._drop = [re.compile(p, re.IGNORECASE) for p in drop_lines]
        self._strip = [re.compile(p, re.IGNORECASE) for p in strip_parts]
        self._dateline = dateline
        self._date_line = re.compile(date_line, re.IGNORECASE)

    @classmethod
    def load(cls, languages: tuple[str, ...] = SUPPORTED) -> Cleaner:
        config = read_toml(data_path("data", "boilerplate.toml"))
        dateline = DatelineFinder.load(config, languages)
        breaks = tuple(config.get("line_breaks", ()))
        return cls(config["drop_lines"], config["strip_parts"], dateline, config["date_line"], breaks)

    def clean(self, text: str) -> Cleaned:
        text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).replace("\r\n", "\n").replace("\r", "\n")
        for pattern in self._breaks:
            text = pattern.sub("\n", text)
        lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        lines = [line for line in lines if line]
        published, lines = self._take_date(lines)
        repeated = self._repeated_short_lines(lines)
        paragraphs: list[str] = []
        skipped: list[str] = []
        place: str | None = None
        dated: date | None = None
        for line in lines:
            if line in repeated or any(p.search(line) for p in self._drop):
                skipped.append(line)
                continue
            for pattern in self._strip:
                line = pattern.sub(" ", line).strip()
            dateline = self._dateline.find(line) if place is None else None
            if dateline is not None:
                place, dated = dateline.place, dateline.day.as_date() if dateline.day else None
                line = line[dateline.end :]
            if line:
                paragraphs.append(line)
        return Cleaned(tuple(paragraphs), published, place, tuple(skipped), dated)

    def _take_date(self, lines: list[str]) -> tuple[date | None, list[str]]:
        for index, line in enumerate(lines):
            match = self._date_line.search(line)
            if not match:
                continue
            try:
                found = date.fromisoformat(match.group("date"))
            except ValueError:
                continue
            rest = (line[: match.start()] + " " + line[match.end() :]).strip()
            return found, [*lines[:index], *([rest] if rest else []), *lines[index + 1 :]]
        return None, lines

    @staticmethod
    def _repeated_short_lines(lines: list[str]) -> set[str]:
        counts = Counter(line for line in lines if len(line.split()) <= 4 and not line.endswith((".", "?", "!")))
        return {line for line, count in counts.items() if count > 1}
