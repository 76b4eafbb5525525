"""Dyad's shipped UD parsers on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from dyad.text.parse import ParsedToken, ParserError, load_parser, parse


@pytest.fixture(scope="module")
def de() -> spacy.Language:
    return load_parser("de")


@pytest.fixture(scope="module")
def en() -> spacy.Language:
    return load_parser("en")


def toks(sentence: str) -> list[str]:
    return sentence.split(" ")


def by_text(tokens: list[ParsedToken], text: str) -> ParsedToken:
    return next(t for t in tokens if t.text == text)


def head_of(tokens: list[ParsedToken], text: str) -> str:
    return tokens[by_text(tokens, text).head].text


def test_tokens_kept_and_one_tree(de: spacy.Language) -> None:
    words = toks("Russland griff die Ukraine an . Kiew wehrt sich")
    tokens = parse(de, words)
    assert [t.text for t in tokens] == words
    roots = [t for t in tokens if t.dep == "root"]
    assert len(roots) == 1 and roots[0].head == roots[0].index
    assert all(0 <= t.head < len(words) for t in tokens)
    assert parse(de, []) == []


def test_german_active_subject_and_object(de: spacy.Language) -> None:
    tokens = parse(de, toks("Russland griff die Ukraine an ."))
    assert (by_text(tokens, "Russland").dep, head_of(tokens, "Russland")) == ("nsubj", "griff")
    assert (by_text(tokens, "Ukraine").dep, head_of(tokens, "Ukraine")) == ("obj", "griff")
    assert by_text(tokens, "an").dep == "compound:prt"
    assert by_text(tokens, "griff").upos == "VERB"


def test_german_passive_agent(de: spacy.Language) -> None:
    tokens = parse(de, toks("Die Ukraine wurde von Russland angegriffen ."))
    agent = by_text(tokens, "Russland")
    assert agent.dep in ("obl:agent", "obl") and head_of(tokens, "Russland") == "angegriffen"
    assert (by_text(tokens, "von").dep, head_of(tokens, "von")) == ("case", "Russland")
    assert by_text(tokens, "Ukraine").dep == "nsubj:pass"
    assert by_text(tokens, "Ukraine").morph.get("Case") == "Nom"


def test_german_relative_clause(de: spacy.Language) -> None:
    tokens = parse(de, toks("Der Minister , der gestern zurücktrat , kritisierte die Regierung ."))
    assert (by_text(tokens, "zurücktrat").dep, head_of(tokens, "zurücktrat")) == ("acl:relcl", "Minister")
    assert by_text(tokens, "Minister").dep == "nsubj"


def test_english_passive_with_by(en: spacy.Language) -> None:
    tokens = parse(en, toks("The embassy was attacked by protesters on Monday ."))
    assert by_text(tokens, "protesters").dep in ("obl:agent", "obl")
    assert head_of(tokens, "protesters") == "attacked"
    assert (by_text(tokens, "by").dep, head_of(tokens, "by")) == ("case", "protesters")
    assert by_text(tokens, "embassy").dep == "nsubj:pass"
    assert by_text(tokens, "attacked").morph.get("VerbForm") == "Part"


def test_english_relative_clause(en: spacy.Language) -> None:
    tokens = parse(en, toks("The minister who resigned criticized the government ."))
    assert (by_text(tokens, "resigned").dep, head_of(tokens, "resigned")) == ("acl:relcl", "minister")
    assert (by_text(tokens, "who").dep, head_of(tokens, "who")) == ("nsubj", "resigned")
    assert (by_text(tokens, "government").dep, head_of(tokens, "government")) == ("obj", "criticized")


def test_bad_path_is_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(ParserError) as err:
        load_parser("de", tmp_path / "no-such-model")
    assert "cannot load parser" in str(err.value) and "\n" not in str(err.value)


def test_pipeline_without_ud_parser_is_refused(tmp_path: Path) -> None:
    spacy.blank("de").to_disk(tmp_path / "blank")
    with pytest.raises(ParserError, match="no dependency parser"):
        load_parser("de", tmp_path / "blank")
    with pytest.raises(ParserError, match="no parser shipped"):
        load_parser("fr")


def test_language_mismatch_is_refused() -> None:
    with pytest.raises(ParserError, match="not 'en'"):
        load_parser("en", Path(__file__).resolve().parents[1] / "src" / "dyad" / "models" / "parser-de")
