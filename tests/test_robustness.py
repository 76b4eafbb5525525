"""Inputs that once crashed or stalled Dyad: each is coded (or skipped with one line), never a traceback."""

from __future__ import annotations

import pytest

from tests.conftest import triples


@pytest.mark.parametrize(
    "text",
    [
        "Die Demokratie-Bewegung protestiert.",
        "Die Demokratie-Bewegungen kritisierten die Regierung.",
        "-Protest- und Anti-Kriegs-Proteste in Russland.",
    ],
)
def test_hyphenated_german_words_whose_lemma_lost_the_hyphen_do_not_crash(code, text: str) -> None:
    code(text)


def test_a_hyphenated_compound_still_names_its_head_noun_as_trigger(code) -> None:
    assert ("USA", "195", "IRN") in triples(code("Die US-Luftschläge gegen den Iran gingen weiter."))
