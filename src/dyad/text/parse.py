"""Dependency parses of Dyad's own tokens with Universal Dependencies labels.

The package ships a spaCy pipeline per language in `dyad/models/parser-<lang>/` (trained by `train/train.sh` from
UD treebanks, CC BY-SA 4.0; see `dyad/models/NOTICE.md`). Callers load a pipeline once and pass it on:

    nlp = load_parser("de")
    for token in parse(nlp, ["Russland", "griff", "die", "Ukraine", "an", "."]): ...

Each call parses one sentence: the tokens are kept as given and form a single tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc

from dyad.resources import data_path

SHIPPED = ("de", "en")
UD_LABELS = frozenset({"nsubj", "obj", "obl"})  # labels every UD parser has and other schemes (ClearNLP, TIGER) lack


class ParserError(RuntimeError):
    """A parser that cannot be loaded or is not a UD dependency parser; the message is one line."""


@dataclass(frozen=True)
class ParsedToken:
    """One token: `head` is the index of its head in the sentence (the root's head is its own index, dep "root")."""

    index: int
    text: str
    head: int
    dep: str
    upos: str
    tag: str = ""
    morph: dict[str, str] = field(default_factory=dict)


def shipped_path(language: str) -> Path:
    return data_path("models", f"parser-{language}")


def load_parser(language: str, name_or_path: str | Path | None = None) -> spacy.Language:
    """The shipped parser for `language`, or a spaCy pipeline by installed package name or path."""
    if name_or_path is None and language not in SHIPPED:
        raise ParserError(f"no parser shipped for language {language!r} (shipped: {', '.join(SHIPPED)})")
    source = name_or_path if name_or_path is not None else shipped_path(language)
    try:
        nlp = spacy.load(source)
    except (OSError, ValueError, KeyError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ParserError(f"cannot load parser {str(source)!r}: {reason}") from None
    _check(nlp, language, str(source))
    return nlp


def _check(nlp: spacy.Language, language: str, source: str) -> None:
    if nlp.lang not in (language, "xx"):
        raise ParserError(f"parser {source!r} is for language {nlp.lang!r}, not {language!r}")
    parsers = [pipe for _name, pipe in nlp.pipeline if type(pipe).__name__ == "DependencyParser"]
    if not parsers:
        raise ParserError(f"pipeline {source!r} has no dependency parser")
    missing = UD_LABELS - set(parsers[0].labels)
    if missing:
        raise ParserError(f"parser {source!r} lacks Universal Dependencies labels ({', '.join(sorted(missing))})")


def parse(nlp: spacy.Language, words: list[str]) -> list[ParsedToken]:
    """Tag and parse one pre-tokenised sentence; the tokens are not re-tokenised and form one tree."""
    if not words:
        return []
    if any(not word or word.isspace() for word in words):
        raise ValueError("parse() needs non-empty tokens")
    doc = Doc(nlp.vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return [
        ParsedToken(
            index=tok.i,
            text=tok.text,
            head=tok.head.i,
            dep="root" if tok.dep_ == "ROOT" else tok.dep_,
            upos=tok.pos_,
            tag=tok.tag_,
            morph=tok.morph.to_dict(),
        )
        for tok in doc
    ]
