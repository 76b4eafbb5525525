"""Clean stage: raw article text -> paragraphs to code, with the date line, dateline and boilerplate taken out.

Patterns live in data/boilerplate.toml. Each line of news text is a paragraph; a short line that occurs more than
once (a site name in the header and footer) is furniture, not news.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date

from dyad.resources import data_path, read_toml

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")


@dataclass(frozen=True, slots=True)
class Cleaned:
    paragraphs: tuple[str, ...]
    published: date | None
    dateline_place: str | None
    skipped: tuple[str, ...]


class Cleaner:
    def __init__(self, drop_lines: list[str], strip_parts: list[str], dateline: str, date_line: str):
        self._drop = [re.compile(p, re.IGNORECASE) for p in drop_lines]
        self._strip = [re.compile(p, re.IGNORECASE) for p in strip_parts]
        self._dateline = re.compile(dateline, re.IGNORECASE)
        self._date_line = re.compile(date_line, re.IGNORECASE)

    @classmethod
    def load(cls) -> Cleaner:
        config = read_toml(data_path("data", "boilerplate.toml"))
        return cls(config["drop_lines"], config["strip_parts"], config["dateline"], config["date_line"])

    def clean(self, text: str) -> Cleaned:
        text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).replace("\r\n", "\n").replace("\r", "\n")
        lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        lines = [line for line in lines if line]
        published, lines = self._take_date(lines)
        repeated = self._repeated_short_lines(lines)
        paragraphs: list[str] = []
        skipped: list[str] = []
        place: str | None = None
        for line in lines:
            if line in repeated or any(p.search(line) for p in self._drop):
                skipped.append(line)
                continue
            for pattern in self._strip:
                line = pattern.sub(" ", line).strip()
            match = self._dateline.match(line)
            if match and place is None:
                place = match.group("place").strip()
                line = line[match.end() :]
            if line:
                paragraphs.append(line)
        return Cleaned(tuple(paragraphs), published, place, tuple(skipped))

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
