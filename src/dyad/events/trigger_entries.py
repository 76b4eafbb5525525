"""The trigger lexicon's files: rows of lang/xx/triggers.tsv and lang/xx/triggers/*.tsv read into entries.

A pattern is a list of parts separated by "..."; a part is a run of adjacent slots; a slot lists alternatives with
"|". Each word is kept lower-cased and lemmatised, and split like text where the language's tokenizer splits it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from dyad.lang import Language
from dyad.resources import read_tsv

Slot = frozenset[str]
Part = tuple[Slot, ...]


class TriggerFileError(ValueError):
    pass


NO_EVENT = ""  # the code of a reading that reports no event: it takes its words from every other reading


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    pattern: str
    parts: tuple[Part, ...]
    cameo: str
    intent: str | None
    preps: frozenset[str]
    recip: bool
    between: bool
    patient: bool
    noun: bool
    speaker: bool = False
    intransitive: bool = False
    conditional: bool = False  # an event only where its sentence sets a condition (a warning with one is a threat)
    received: bool = False  # the subject receives the act; the actor of the frame's phrase does it ("aid from X")
    source: str = ""  # the lexicon file the pattern comes from
    rank: int = 0  # its place in the lexicons (the core first, then the files in name order): decides exact ties

    @property
    def size(self) -> int:
        return sum(len(part) for part in self.parts)


def read_entries(
    language: Language, lemma: Callable[[str], str], tokenize: Callable[[str], list[str]] | None = None
) -> list[TriggerEntry]:
    """The language's entries, the core file first; a later file never redefines a pattern of an earlier one."""
    entries: list[TriggerEntry] = []
    seen: set[tuple[str, bool]] = set()
    root_frames = {root: frozenset(words) for root, words in language.grammar.get("root_frames", {}).items()}
    core, *_ = files = language.data_files("triggers")
    for path in files:
        for number, row in enumerate(read_tsv(path), 2):
            try:
                entry = _entry(row, lemma, path.name, tokenize)
            except (KeyError, ValueError) as error:
                raise TriggerFileError(f"{path.name} row {number}: {error}") from None
            if not entry.preps and entry.cameo[:2] in root_frames:  # "protestierten ... gegen X": every protest
                entry = replace(entry, preps=root_frames[entry.cameo[:2]])
            key = _pattern_key(entry)
            if path == core or key not in seen:
                seen.add(key)
                entries.append(replace(entry, rank=len(entries)))
    return entries


def _entry(
    row: dict[str, str],
    lemma: Callable[[str], str],
    source: str = "",
    tokenize: Callable[[str], list[str]] | None = None,
) -> TriggerEntry:
    pattern = row["pattern"]
    flags = {flag.strip() for flag in row.get("flags", "").split(",") if flag.strip() not in {"", "-"}}
    unknown = flags - {"recip", "between", "patient", "noun", "speaker", "intransitive", "conditional", "received"}
    if unknown:
        raise ValueError(f"unknown flags {sorted(unknown)}")
    noun_lemma = _noun_lemma(lemma) if "noun" in flags else lemma
    parts = tuple(_part(part, noun_lemma, tokenize) for part in pattern.split("...") if part.strip())
    if not parts:
        raise ValueError("empty pattern")
    cameo = row["cameo"]
    if cameo == "-":
        cameo = NO_EVENT  # a reading of the words that reports no event ("Menschenleben ... fordern")
    elif not cameo.isdigit():
        raise ValueError(f"bad CAMEO code {cameo!r}")
    intent = row.get("intent", "-")
    preps = row.get("preps", "-")
    return TriggerEntry(
        pattern=pattern,
        parts=parts,
        cameo=cameo,
        intent=None if intent in {"", "-"} else intent,
        preps=frozenset() if preps in {"", "-"} else frozenset(p.strip() for p in preps.split(",")),
        recip="recip" in flags,
        between="between" in flags,
        patient="patient" in flags,
        noun="noun" in flags,
        speaker="speaker" in flags,
        intransitive="intransitive" in flags,
        conditional="conditional" in flags,
        received="received" in flags,
        source=source,
    )


def _pattern_key(entry: TriggerEntry) -> tuple[str, bool]:
    return " ".join(entry.pattern.split()), entry.noun


def _part(part: str, lemma: Callable[[str], str], tokenize: Callable[[str], list[str]] | None) -> Part:
    slots: list[Slot] = []
    for slot in part.split():
        pieces = tokenize(slot) if tokenize is not None and "|" not in slot else [slot]
        slots += [_slot(piece, lemma) for piece in (pieces if len(pieces) > 1 else [slot])]
    return tuple(slots)


def _noun_lemma(lemma: Callable[[str], str]) -> Callable[[str], str]:
    """The lemma of a noun pattern's word, but a gerund stays one: the lemmatiser reads "jailing" as the verb
    "jail", which would let the noun pattern match "in Israeli jails"."""

    def noun_lemma(word: str) -> str:
        reduced = lemma(word)
        return word.lower() if word.lower().endswith("ing") and word.lower().startswith(reduced) else reduced

    return noun_lemma


def _slot(slot: str, lemma: Callable[[str], str]) -> Slot:
    words = set()
    for word in slot.split("|"):
        words.add(word.lower())
        words.add(lemma(word))
    return frozenset(words)
