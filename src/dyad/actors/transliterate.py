"""German press spellings of names written in English romanisation ("Sergey Lavrov" -> "Sergej Lawrow").

Why we write this: no registry package maps one Latin romanisation to another. Transliteration libraries go from a
script (Cyrillic, Arabic, Hebrew, ...) to Latin, while news text gives us the English romanisation only, and the
German press romanises the same names by other conventions (Duden transcription: "zh" -> "sch", "v" -> "w",
"kh" -> "ch", "j" -> "dsch", ...). So the rules are data (`lang/<code>/transliteration.toml`), grouped by source
language, and this module is a small language-neutral rewrite engine over them.

A group names the ISO alpha-3 countries whose people it applies to, optionally a `base` group whose rules and
exceptions it inherits (its own come first), its vowels, and ordered rewrite rules `[from, to]` or
`[from, to, "context ..."]`. Each name part is rewritten in one left-to-right pass over its lowercase letters: at
every position the first rule whose `from` matches there and whose contexts all hold (judged on the original letters)
is applied; otherwise the letter is copied. Contexts: `start`, `end`, `after_vowel`, `before_vowel`, `between_vowels`,
`after_consonant`, `before_consonant`, `not_start`, `not_end`. A glide letter (`y`) before a vowel counts as a
consonant ("Petrosyan": the s is not between vowels). Exceptions map an English form (a whole name or one word) to
its German forms; an empty list keeps the English form.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dyad.resources import data_path, read_toml

MAX_FORMS = 4
CONTEXTS = frozenset(
    {
        "start",
        "end",
        "after_vowel",
        "before_vowel",
        "between_vowels",
        "after_consonant",
        "before_consonant",
        "not_start",
        "not_end",
    }
)
_WORD_SPLIT = re.compile(r"(\s+|-)")
_CAMEL_SPLIT = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")
_ROMAN = re.compile(r"[IVXLCDM]+")


@dataclass(frozen=True)
class Rule:
    source: str
    target: str
    contexts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    name: str
    countries: frozenset[str]
    rules: Mapping[str, tuple[Rule, ...]]  # by the first letter of `source`, in rule order
    exceptions: Mapping[str, tuple[str, ...]]  # casefolded English form -> German forms
    vowels: frozenset[str] = frozenset("aeiouy")
    glides: frozenset[str] = frozenset("y")
    split_hyphens: bool = False

    def is_vowel(self, word: str, index: int) -> bool:
        letter = word[index]
        if letter not in self.vowels:
            return False
        return not (letter in self.glides and index + 1 < len(word) and word[index + 1] in self.vowels)

    def is_consonant(self, word: str, index: int) -> bool:
        return word[index].isalpha() and not self.is_vowel(word, index)

    def holds(self, context: str, word: str, start: int, end: int) -> bool:
        """Whether `context` holds for the letters word[start:end]."""
        before, after = start > 0, end < len(word)
        match context:
            case "start":
                return not before
            case "end":
                return not after
            case "not_start":
                return before
            case "not_end":
                return after
            case "after_vowel":
                return before and self.is_vowel(word, start - 1)
            case "after_consonant":
                return before and self.is_consonant(word, start - 1)
            case "before_vowel":
                return after and self.is_vowel(word, end)
            case "before_consonant":
                return after and self.is_consonant(word, end)
            case _:  # between_vowels
                return before and after and self.is_vowel(word, start - 1) and self.is_vowel(word, end)

    def rewrite(self, word: str) -> str:
        """One pass of the rules over a lowercase word."""
        out: list[str] = []
        index = 0
        while index < len(word):
            rule = self._rule_at(word, index)
            if rule is None:
                out.append(word[index])
                index += 1
            else:
                out.append(rule.target)
                index += len(rule.source)
        return "".join(out)

    def _rule_at(self, word: str, index: int) -> Rule | None:
        for rule in self.rules.get(word[index], ()):
            end = index + len(rule.source)
            if word.startswith(rule.source, index) and all(self.holds(c, word, index, end) for c in rule.contexts):
                return rule
        return None

    def exception(self, form: str) -> tuple[str, ...] | None:
        return self.exceptions.get(form.casefold())


@dataclass(frozen=True)
class Transliterator:
    """German spellings of names, by the source-language group of the person's country."""

    groups: tuple[Group, ...] = ()
    by_country: Mapping[str, Group] = field(default_factory=dict)

    @classmethod
    def load(cls, language_code: str) -> Transliterator:
        path = data_path("lang", language_code, "transliteration.toml")
        if not path.is_file():
            return cls()
        return cls.from_config(read_toml(path))

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Transliterator:
        raw_groups: Mapping[str, Mapping[str, Any]] = config.get("group", {})
        groups = tuple(_build_group(name, raw_groups) for name in raw_groups)
        by_country: dict[str, Group] = {}
        for group in groups:
            for country in group.countries:
                if country in by_country:
                    raise ValueError(f"country {country} in groups {by_country[country].name} and {group.name}")
                by_country[country] = group
        return cls(groups, by_country)

    def group_of(self, country: str) -> Group | None:
        return self.by_country.get(country.upper())

    def forms(self, name: str, country: str) -> list[str]:
        """German spellings of `name` for a person of `country`, without `name` itself (at most MAX_FORMS)."""
        group = self.group_of(country)
        name = " ".join(name.split())
        if group is None or not name:
            return []
        whole = group.exception(name)
        if whole is not None:
            return _unique(whole, name)
        choices = [_piece_forms(group, piece) for piece in _WORD_SPLIT.split(name) if piece]
        candidates = ("".join(combo) for combo in itertools.product(*choices))
        return _unique(itertools.islice(candidates, MAX_FORMS + 1), name)


def _piece_forms(group: Group, piece: str) -> tuple[str, ...]:
    """The German forms of one word or separator (a space, a hyphen)."""
    if piece == "-":
        return (" ",) if group.split_hyphens else ("-",)
    if piece.isspace():
        return (" ",)
    listed = group.exception(piece)
    if listed is not None:
        return listed or (piece,)
    word = "".join(_rewrite_cased(group, part) for part in _CAMEL_SPLIT.split(piece))
    return (word[:1].upper() + word[1:],) if group.split_hyphens else (word,)


def _rewrite_cased(group: Group, part: str) -> str:
    """Rewrite one part keeping its case: capitalised, lowercase or all capitals ("LAVROV"; "II", "UN" are kept)."""
    if part.isupper() and (len(part) <= 2 or _ROMAN.fullmatch(part)):
        return part
    rewritten = group.rewrite("".join(letter.lower()[:1] for letter in part))
    if part.isupper() and len(part) > 1:
        return rewritten.upper()
    return rewritten[:1].upper() + rewritten[1:] if part[:1].isupper() else rewritten


def _unique(forms: Iterable[str], name: str) -> list[str]:
    seen = {name}
    result = []
    for form in forms:
        if form not in seen:
            seen.add(form)
            result.append(form)
    return result[:MAX_FORMS]


def _build_group(name: str, raw_groups: Mapping[str, Mapping[str, Any]], seen: tuple[str, ...] = ()) -> Group:
    if name in seen:
        raise ValueError(f"transliteration groups: base cycle {' -> '.join((*seen, name))}")
    raw = raw_groups[name]
    rules = [_parse_rule(name, item) for item in raw.get("rules", [])]
    exceptions = {key.casefold(): tuple(value) for key, value in raw.get("exceptions", {}).items()}
    base_name = raw.get("base")
    if base_name:
        base = _build_group(base_name, raw_groups, (*seen, name))
        rules += [rule for first in base.rules.values() for rule in first]  # own rules first, then the base's
        exceptions = {**base.exceptions, **exceptions}
    vowels = frozenset(raw.get("vowels", "aeiouy"))
    return Group(
        name=name,
        countries=frozenset(code.upper() for code in raw.get("countries", [])),
        rules=_index(rules),
        exceptions=exceptions,
        vowels=vowels,
        glides=frozenset(raw.get("glides", "y")) & vowels,
        split_hyphens=bool(raw.get("split_hyphens", False)),
    )


def _parse_rule(group: str, item: Sequence[str]) -> Rule:
    if not 2 <= len(item) <= 3 or not item[0]:
        raise ValueError(f"transliteration group {group}: bad rule {item!r}")
    contexts = tuple(item[2].split()) if len(item) == 3 else ()
    unknown = set(contexts) - CONTEXTS
    if unknown:
        raise ValueError(f"transliteration group {group}: unknown context {sorted(unknown)} in {item!r}")
    return Rule(item[0].lower(), item[1], contexts)


def _index(rules: Sequence[Rule]) -> dict[str, tuple[Rule, ...]]:
    by_first: dict[str, list[Rule]] = {}
    for rule in rules:
        by_first.setdefault(rule.source[0], []).append(rule)
    return {first: tuple(group) for first, group in by_first.items()}
