from __future__ import annotations

import json
from datetime import date

import pytest

from dyad.clean import Cleaner
from dyad.read import InputError, read_inputs

ARTICLE = """date 2026-04-02 Politik

Polen kritisiert Belarus

Minsk (dpa) - Polen hat Belarus am Mittwoch scharf kritisiert.
Soldaten an der Grenze. (Foto: Jan Beispiel/dpa)
Erhalten Sie die neuesten Nachrichten
Newsletter abonnieren
"""


def test_date_line_dateline_and_boilerplate() -> None:
    cleaned = Cleaner.load().clean(ARTICLE)
    assert cleaned.published == date(2026, 4, 2)
    assert cleaned.dateline_place == "Minsk"
    assert cleaned.paragraphs == (
        "Politik",
        "Polen kritisiert Belarus",
        "Polen hat Belarus am Mittwoch scharf kritisiert.",
    )
    assert any("Foto" in line for line in cleaned.skipped)


def test_repeated_site_name_is_furniture() -> None:
    cleaned = Cleaner.load().clean("Beispiel News\n\nChina lobt Brasilien.\n\nBeispiel News\n")
    assert cleaned.paragraphs == ("China lobt Brasilien.",)


def test_live_ticker_marks_separate_items() -> None:
    cleaned = Cleaner.load().clean("+++ Georgien bestellt Botschafter ein +++ Moskau weist Vorwürfe zurück +++")
    assert cleaned.paragraphs == ("Georgien bestellt Botschafter ein", "Moskau weist Vorwürfe zurück")


def test_live_ticker_item_keeps_its_separable_verb(code) -> None:
    events = code("+++ Kroatien bestellt den serbischen Botschafter ein +++", "de")
    assert {(e.source.actor.country, e.cameo) for e in events} == {("HRV", "114")}


def test_html_is_stripped(tmp_path) -> None:
    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><title>T</title><script>var x=1;</script></head><body><h1>Kiew lobt Polen</h1>"
        "<p>Die Ukraine dankte Polen.</p><figcaption>Foto: X</figcaption></body></html>",
        encoding="utf-8",
    )
    [document] = list(read_inputs(str(page)))
    assert document.title == "Kiew lobt Polen"
    assert "var x" not in document.text and "Foto" not in document.text
    assert "Die Ukraine dankte Polen." in document.text


def test_jsonl_records(tmp_path) -> None:
    path = tmp_path / "a.jsonl"
    records = [
        {"id": "a1", "text": "Russland kritisierte Japan.", "published": "2026-01-05", "language": "de"},
        {"id": "a2", "text": "Japan criticised Russia.", "title": "Tokyo"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    documents = list(read_inputs(str(path)))
    assert [d.id for d in documents] == ["a1", "a2"]
    assert documents[0].published == date(2026, 1, 5) and documents[1].title == "Tokyo"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty input"),
        (b"   \n\n", "empty input"),
        (b"\x00\x01\x02binary", "binary"),
        (b"Caf\xe9 in Berlin", "not valid UTF-8"),
    ],
)
def test_bad_files_give_one_clear_error(tmp_path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        list(read_inputs(str(path)))


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_inputs("/nonexistent/article.txt"))


def test_huge_file_is_refused_without_reading(tmp_path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError, match="too large"):
        list(read_inputs(str(path)))


def test_bad_jsonl_line_is_skipped_and_reported(tmp_path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Russland lobt China."}\n{not json}\n{"title": "no text"}\n', encoding="utf-8")
    problems: list[str] = []
    documents = list(read_inputs(str(path), on_error=lambda e: problems.append(str(e))))
    assert len(documents) == 1
    assert len(problems) == 2 and "invalid JSON" in problems[0] and "text" in problems[1]


def test_html_metadata_gives_title_date_and_canonical_url(tmp_path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Site | Nahost</title>"
        '<meta property="og:title" content="Katar vermittelt zwischen Israel und der Hamas">'
        '<meta property="article:published_time" content="2025-08-14T09:30:00+02:00">'
        '<link rel="canonical" href="https://example.org/nahost/katar"></head>'
        "<body><h1>Nahost</h1><p>Katar vermittelt zwischen Israel und der Hamas.</p></body></html>",
        encoding="utf-8",
    )
    (document,) = read_inputs(str(page))
    assert document.title == "Katar vermittelt zwischen Israel und der Hamas"  # not the kicker
    assert document.published == date(2025, 8, 14)
    assert document.url == "https://example.org/nahost/katar"


def test_html_time_element_and_itemprop_dates(tmp_path) -> None:
    page = tmp_path / "time.html"
    page.write_text(
        '<html><body><h1>Kiew lobt Polen</h1><time datetime="2024-02-03">3. Februar</time>'
        "<p>Die Ukraine dankte Polen.</p></body></html>",
        encoding="utf-8",
    )
    (document,) = read_inputs(str(page))
    assert document.published == date(2024, 2, 3) and document.title == "Kiew lobt Polen"
    assert document.url is None


def test_html_links_other_than_http_are_not_taken_as_the_url(tmp_path) -> None:
    page = tmp_path / "js.html"
    page.write_text(
        '<html><head><link rel="canonical" href="javascript:alert(1)"></head><body><p>Text hier.</p></body></html>',
        encoding="utf-8",
    )
    (document,) = read_inputs(str(page))
    assert document.url is None


def test_a_kicker_over_the_headline_is_not_the_title() -> None:
    from dyad.pipeline import headline

    assert headline(("Nahost", "Katar vermittelt zwischen Israel und Hamas", "Doha (dpa) - ...")) == (
        "Katar vermittelt zwischen Israel und Hamas"
    )
    assert headline(("Russland greift an", "Kiew meldet Angriffe.")) == "Russland greift an"
    assert headline(("Waffenruhe hält.",)) == "Waffenruhe hält."
    lead = "Doha (dpa) - Katar und Ägypten haben am Dienstag neue Gespräche vermittelt."
    assert headline(("Waffenruhe gebrochen", lead)) == "Waffenruhe gebrochen"  # a short headline over its lead
