"""Datelines in English and German: the place, the date (with its year only), and the text left to code."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.clean import Cleaner
from dyad.read import RawDocument


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner.load()


@pytest.mark.parametrize(
    ("line", "place", "day", "rest"),
    [
        ("MANILA, Aug 14 (Reuters) - The Philippines protested.", "MANILA", None, "The Philippines protested."),
        ("LONDON, Jan. 5, 2024 (Reuters) — Britain summoned the envoy.", "LONDON", date(2024, 1, 5), "Britain"),
        ("NEW YORK, August 14, 2025 (AP) — Talks began.", "NEW YORK", date(2025, 8, 14), "Talks began."),
        ("GENEVA, 14 August 2025 (AFP) - Talks began.", "GENEVA", date(2025, 8, 14), "Talks began."),
        ("WASHINGTON, D.C., Jan. 5, 2024 (Reuters) - x y.", "WASHINGTON", date(2024, 1, 5), "x y."),
        ("TOKYO, Sept. 3rd, 2025 (Bloomberg) -- Japan.", "TOKYO", date(2025, 9, 3), "Japan."),
        ("MANILA, Philippines (AP) — Rescuers arrived.", "MANILA", None, "Rescuers arrived."),
        ("WASHINGTON, Aug 14, 2025 — Officials said.", "WASHINGTON", date(2025, 8, 14), "Officials said."),
        ("WASHINGTON, 3. März (dpa) - Die USA kritisierten Iran.", "WASHINGTON", None, "Die USA kritisierten"),
        ("Berlin (dpa) - Die Regierung tagte.", "Berlin", None, "Die Regierung tagte."),
        ("KIEW, 14. August 2025 (AFP) – Die Ukraine meldete Angriffe.", "KIEW", date(2025, 8, 14), "Die Ukraine"),
        ("Düsseldorf (dpa/lnw) - Der Landtag tagte.", "Düsseldorf", None, "Der Landtag tagte."),
        ("Paris, 2. Okt. 2025 (AFP/dpa) - Frankreich.", "Paris", date(2025, 10, 2), "Frankreich."),
        ("BERLIN, 14.08.2025 – Die Regierung tagte.", "BERLIN", date(2025, 8, 14), "Die Regierung tagte."),
        ("Frankfurt am Main (dpa-AFX) - Die Börse.", "Frankfurt am Main", None, "Die Börse."),
    ],
)
def test_datelines(cleaner: Cleaner, line: str, place: str, day: date | None, rest: str) -> None:
    cleaned = cleaner.clean(f"Eine Überschrift\n\n{line}\n\nMehr Text.")
    assert (cleaned.dateline_place, cleaned.dateline_date) == (place, day)
    assert cleaned.paragraphs[1].startswith(rest)  # the dateline is out of the first paragraph
    assert cleaned.paragraphs[0] == "Eine Überschrift" and cleaned.paragraphs[2] == "Mehr Text."


@pytest.mark.parametrize(
    "line",
    [
        "WASHINGTON POST reported that Iran rejected the offer.",
        "USA, China - der Handelsstreit geht weiter.",
        "Das berichtete die Nachrichtenagentur am Montag (dpa) - mehr nicht.",
        "NATO - Die Allianz tagte in Brüssel.",
        "PARIS, 31. Februar 2025 – Ein Tag, den es nicht gibt.",
        "Berlin, im Sommer - Die Koalition stritt.",
    ],
)
def test_lines_that_are_not_datelines(cleaner: Cleaner, line: str) -> None:
    cleaned = cleaner.clean(line)
    assert (cleaned.dateline_place, cleaned.dateline_date, cleaned.paragraphs) == (None, None, (line,))


def test_an_impossible_date_leaves_the_place(cleaner: Cleaner) -> None:
    cleaned = cleaner.clean("PARIS, 31. Februar 2025 (AFP) - Frankreich protestierte.")
    assert (cleaned.dateline_place, cleaned.dateline_date) == ("PARIS", None)


def test_only_the_first_dateline_counts(cleaner: Cleaner) -> None:
    cleaned = cleaner.clean("KIEW, 14. August 2025 (AFP) - Erstens.\n\nMOSKAU, 1. Mai 2024 (dpa) - Zweitens.")
    assert (cleaned.dateline_place, cleaned.dateline_date) == ("KIEW", date(2025, 8, 14))
    assert cleaned.paragraphs == ("Erstens.", "MOSKAU, 1. Mai 2024 (dpa) - Zweitens.")


def test_the_dateline_dates_an_article_without_a_date(pipeline) -> None:
    text = "LONDON, Jan. 5, 2024 (Reuters) - Britain criticised Russia on Friday."
    article = pipeline.prepare(RawDocument(text=text, origin="t", language="en"))
    assert article.published == date(2024, 1, 5)
    assert article.paragraphs == ("Britain criticised Russia on Friday.",)


def test_published_and_metadata_win_over_the_dateline(pipeline) -> None:
    text = "LONDON, Jan. 5, 2024 (Reuters) - Britain criticised Russia on Friday."
    from_metadata = pipeline.prepare(RawDocument(text=text, origin="t", published=date(2024, 1, 6)))
    given = pipeline.prepare(RawDocument(text=text, origin="t", published=date(2024, 1, 6)), None, date(2024, 1, 7))
    assert (from_metadata.published, given.published) == (date(2024, 1, 6), date(2024, 1, 7))


def test_a_dateline_without_a_year_dates_nothing(pipeline) -> None:
    text = "MANILA, Aug 14 (Reuters) - The Philippines criticised China."
    assert pipeline.prepare(RawDocument(text=text, origin="t")).published is None
    dated = pipeline.prepare(RawDocument(text=text, origin="t", published=date(2025, 8, 15)))
    assert dated.published == date(2025, 8, 15)


def test_a_dateline_place_is_not_an_actor_and_spans_stay_right(pipeline) -> None:
    text = "Ukraine kritisiert Polen\n\nMOSKAU, 3. März 2026 (dpa) - Die Ukraine kritisierte Polen am Montag scharf."
    coded = pipeline.code(RawDocument(text=text, origin="t", language="de"))
    assert coded.article.published == date(2026, 3, 3)
    assert coded.article.dateline_place == "MOSKAU"
    assert coded.article.paragraphs[1] == "Die Ukraine kritisierte Polen am Montag scharf."
    lead = [e for e in coded.events if e.sentence_index == 1]
    assert [(e.source.actor.code, e.cameo, e.target.actor.code if e.target else None) for e in lead] == [
        ("UKR", "111", "POL")
    ]
    assert lead[0].date == date(2026, 3, 2)  # "am Montag" before the dateline's Tuesday
    for event in coded.events:
        for span in (event.source, event.target, event.trigger):
            if span is not None and "..." not in span.text:
                assert event.sentence[span.start : span.end] == span.text
