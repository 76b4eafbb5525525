"""Dependency parses of Dyad's own tokens with Universal Dependencies labels.

The package ships a spaCy pipeline per language in `dyad/models/parser-<lang>/` (trained by `train/train.sh` from
UD treebanks, CC BY-SA 4.0; see `dyad/models/NOTICE.md`). Callers load a pipeline once and pass it on:

    nlp = load_parser("de")
    for token in parse(nlp, ["Russland", "griff", "die", "Ukraine", "an", "."]): ...

Each call parses one sentence: the tokens are kept as given and form a single tree.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

import spacy
from spacy.tokens import Doc

from dyad.resources import data_path

SHIPPED = ("de", "en")
SHIPPED_VARIANTS = ("fast",)  # parser-<lang>-fast: narrower networks (train/fast.overrides), about twice as fast
Parser = spacy.Language
NO_PARSER = "none"
UD_LABELS = frozenset({"nsubj", "obj", "obl"})  # labels every UD parser has and other schemes (ClearNLP, TIGER) lack


class ParserError(RuntimeError):
    """A parser that cannot be loaded or is not a UD dependency parser; the message is one line."""


NO_FEATURES: Mapping[str, str] = MappingProxyType({})


class ParsedToken(NamedTuple):
    """One token: `head` is the index of its head in the sentence (the root's head is its own index, dep "root").
    A named tuple, not a dataclass: a corpus makes millions of them, and a tuple is built twice as fast."""

    index: int
    text: str
    head: int
    dep: str
    upos: str
    tag: str = ""
    morph: Mapping[str, str] = NO_FEATURES


def shipped_path(language: str, variant: str = "") -> Path:
    return data_path("models", f"parser-{language}-{variant}" if variant else f"parser-{language}")


def parser_language(name_or_path: str | Path) -> str:
    """The language a spaCy pipeline (installed package name or path) is for, from its meta.json."""
    try:
        path = Path(name_or_path)
        if not path.exists():
            path = spacy.util.get_package_path(str(name_or_path))
        return str(spacy.util.get_model_meta(path)["lang"])
    except (OSError, ValueError, KeyError, ModuleNotFoundError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ParserError(f"cannot load parser {str(name_or_path)!r}: {reason}") from None


def parser_choices(values: tuple[str, ...] | list[str]) -> dict[str, str]:
    """Language -> parser from `--parser` values: "none" (no parser for any language), "fast" (the shipped fast
    parsers), "LANG=none", "LANG=fast", "LANG=NAME|PATH", or a bare "NAME|PATH" for the language the pipeline was
    trained for."""
    chosen: dict[str, str] = {}
    for value in values:
        if value == NO_PARSER or value in SHIPPED_VARIANTS:
            chosen["*"] = value
            continue
        language, sep, source = value.partition("=")
        if sep and len(language) == 2 and language.isalpha():
            chosen[language] = source
        else:
            chosen[parser_language(value)] = value
    return chosen


def load_parser(language: str, name_or_path: str | Path | None = None) -> spacy.Language:
    """The shipped parser for `language` (or its variant "fast"), or a spaCy pipeline by package name or path."""
    source: str | Path
    if name_or_path is None or name_or_path in SHIPPED_VARIANTS:
        if language not in SHIPPED:
            raise ParserError(f"no parser shipped for language {language!r} (shipped: {', '.join(SHIPPED)})")
        source = shipped_path(language, str(name_or_path or ""))
    else:
        source = name_or_path
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
    return parse_many(nlp, [words])[0]


def parse_many(nlp: spacy.Language, sentences: list[list[str]], batch_size: int = 64) -> list[list[ParsedToken]]:
    """Tag and parse sentences in batches (`nlp.pipe`: about twice as fast as one at a time); each sentence keeps
    its tokens and forms one tree."""
    docs = []
    for words in sentences:
        if any(not word or word.isspace() for word in words):
            raise ValueError("parse() needs non-empty tokens")
        docs.append(Doc(nlp.vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1)) if words else None)
    present = [doc for doc in docs if doc is not None]
    parsed = iter(nlp.pipe(present, batch_size=batch_size))
    features: dict[int, Mapping[str, str]] = {}
    return [_tokens(next(parsed), features) if doc is not None else [] for doc in docs]


def _tokens(doc: Doc, features: dict[int, Mapping[str, str]]) -> list[ParsedToken]:
    """`features`: a memo of morphological analyses by spaCy's key (a few hundred distinct ones per language)."""
    tokens = []
    for tok in doc:
        key = tok.morph.key
        morph = features.get(key)
        if morph is None:
            morph = features[key] = MappingProxyType(tok.morph.to_dict())
        dep = tok.dep_
        tokens.append(
            ParsedToken(tok.i, tok.text, tok.head.i, "root" if dep == "ROOT" else dep, tok.pos_, tok.tag_, morph)
        )
    return tokens
