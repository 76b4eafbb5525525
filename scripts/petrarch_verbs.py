"""Reading PETRARCH2's verb dictionary (CAMEO.2.0.txt): synsets, verb blocks and their patterns.

The format is described in PETRARCH2's dictionaries.rst ("Verb Dictionary"). This module only parses; the choice of
what Dyad can use is made in import_petrarch_verbs.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
PATTERN = re.compile(r"^-\s*(?P<body>.*?)\s*\[(?P<code>[^\]]*)\]\s*(?:#\s*(?P<comment>.*))?$")
VERB = re.compile(r"^\s*(?P<words>\+?[A-Za-z][A-Za-z_+'\-]*)\s*(?P<forms>\{[^}]*\})?\s*(?:\[(?P<code>[^\]]*)\])?")
TOKEN = re.compile(r"[(){}]|[^\s(){}]+")


@dataclass(frozen=True, slots=True)
class Verb:
    """A verb of a block: its words (the one marked '+' in a multi-word verb is `head`) and its own code."""

    words: tuple[str, ...]
    head: int
    code: str | None


@dataclass(frozen=True, slots=True)
class Pattern:
    before: str  # what precedes '*': the subject's nouns
    after: str  # what follows '*': objects, particles, prepositional phrases
    code: str
    comment: str
    line: int


@dataclass(slots=True)
class Block:
    label: str
    code: str
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(slots=True)
class Dictionary:
    synsets: dict[str, list[str]] = field(default_factory=dict)  # "&WEAPON" -> ["WEAPON", "GUN", "ASSAULT_RIFLE"]
    blocks: list[Block] = field(default_factory=list)
    transformations: int = 0


def parse(text: str) -> Dictionary:
    """Synsets (`&LABEL` then `+PHRASE` lines), verb blocks (`--- LABEL [CODE] ---`, verb lines, `- ... * ...
    [CODE]` patterns) and transformations (`~` lines, only counted)."""
    result = Dictionary()
    synset: list[str] | None = None
    block: Block | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("~"):
            result.transformations += 1
            continue
        header = BLOCK.match(line)
        if header:
            block, synset = Block(header.group(1), header.group(2).strip()), None
            result.blocks.append(block)
            continue
        if line.startswith("&") and block is None:
            synset = result.synsets.setdefault(_strip_comment(line).rstrip("_"), [])
            continue
        if line.startswith("+") and block is None:
            if synset is not None:
                synset.append(_strip_comment(line)[1:].strip())
            continue
        if block is None:
            continue
        if line.startswith("-"):
            pattern = _pattern(line, number)
            if pattern is not None:
                block.patterns.append(pattern)
            continue
        verb = _verb(_strip_comment(line))
        if verb is not None:
            block.verbs.append(verb)
    return result


def _strip_comment(line: str) -> str:
    return re.split(r"[#;]", line, maxsplit=1)[0].strip()


def _pattern(line: str, number: int) -> Pattern | None:
    found = PATTERN.match(line)
    if not found or "*" not in found.group("body"):
        return None
    before, after = found.group("body").split("*", 1)
    return Pattern(before.strip(), after.strip(), found.group("code").strip(), found.group("comment") or "", number)


def _verb(line: str) -> Verb | None:
    found = VERB.match(line)
    if not found:
        return None
    parts = found.group("words").split("_")
    head = next((i for i, part in enumerate(parts) if part.startswith("+")), 0)
    words = tuple(part.lstrip("+").lower() for part in parts if part.lstrip("+"))
    code = found.group("code")
    return Verb(words, min(head, len(words) - 1), code.strip() if code else None)


def tokens(text: str) -> list[str]:
    """A pattern's right-hand side as tokens: brackets, braces and words ("(TO {BANNED PARTIES})")."""
    return TOKEN.findall(text)
