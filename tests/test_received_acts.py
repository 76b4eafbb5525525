"""Acts named from the receiver's side (trigger flag `received`): the subject receives, the frame's actor does it."""

from __future__ import annotations

import pytest

from tests.conftest import triples

CASES = [
    (
        "de",
        "Ukraine erhielt im vergangenen Jahr Waffen im Wert von Milliarden Euro von Deutschland.",
        ("DEU", "072", "UKR"),
    ),
    (
        "de",
        "Der Gesetzentwurf der Regierung in Budapest stieß bei der EU-Kommission auf scharfe Kritik.",
        ("EUR", "111", "HUN"),
    ),
    ("de", "Der Vorschlag des Kremls stieß in Warschau auf Ablehnung.", ("POL", "120", "RUS")),
    ("de", "Armenien bekam am Dienstag Besuch von Frankreichs Außenminister.", ("FRA", "042", "ARM")),
    ("de", "Angola erhält von der Europäischen Union vier Millionen Euro Finanzhilfe.", ("EUR", "071", "AGO")),
    ("en", "Kenya secured a fresh loan from the International Monetary Fund on Friday.", ("IMF", "071", "KEN")),
    ("en", "Ukraine received military aid worth billions from Germany last year.", ("DEU", "072", "UKR")),
    ("en", "The Philippine government received assurances from Washington about the treaty.", ("USA", "030", "PHL")),
    ("en", "Pakistan faced mounting pressure from the United States to act against militants.", ("USA", "100", "PAK")),
    ("en", "The Serbian proposal drew sharp criticism from Albania.", ("ALB", "111", None)),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_the_frame_actor_does_what_the_subject_receives(code, lang, sentence, expected) -> None:
    assert triples(code(sentence, lang)) == {expected}


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("de", "Der Plan der Regierung in Belgrad stieß international auf Kritik."),
        ("en", "Uganda received more aid last year than in any year before."),
    ],
)
def test_no_doer_named_no_event(code, lang, sentence) -> None:
    """Without a doer in the frame the source is unknown: the receiver is never made the source."""
    assert not code(sentence, lang)
