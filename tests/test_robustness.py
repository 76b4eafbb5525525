"""Inputs that once crashed or stalled Dyad: each is coded (or skipped with one line), never a traceback."""

from __future__ import annotations

import json
from datetime import date

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


def write_jsonl(path, records: list[str]) -> None:
    path.write_text("\n".join(records) + "\n", encoding="utf-8")


def test_json_nested_too_deeply_is_one_line_not_a_traceback(tmp_path) -> None:
    from click.testing import CliRunner

    from dyad.cli import cli

    deep = tmp_path / "deep.jsonl"
    write_jsonl(
        deep, ['{"text": ' + "[" * 5000 + "]" * 5000 + "}", json.dumps({"text": "Frankreich kritisierte Israel."})]
    )
    result = CliRunner().invoke(cli, ["code", str(deep), "--format", "jsonl", "--lang", "de"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "deep.jsonl:1: JSON nested too deeply" in result.output
    assert '"cameo": "111"' in result.output  # the next record is still coded


def test_a_lone_surrogate_in_json_text_is_replaced_not_fatal(pipeline) -> None:
    from dyad.read import record_to_document

    record = json.loads('{"text": "Frankreich kritisierte Israel \\ud800 scharf.", "title": "T\\udc00"}')
    document = record_to_document(record, "test:1")
    assert "\ufffd" in document.text and document.title == "T\ufffd"
    coded = pipeline.code(document, "de")
    assert ("FRA", "111", "ISR") in triples(coded.events)
    json.dumps([event.to_dict() for event in coded.events]).encode("utf-8")


def test_a_paragraph_over_spacys_million_characters_is_coded_in_windows(pipeline) -> None:
    from dyad.read import RawDocument

    text = "Frankreich kritisierte Israel. " + "Wort " * 220_000
    coded = pipeline.code(RawDocument(text, "long", language="de"))
    assert ("FRA", "111", "ISR") in triples(coded.events)


def test_a_sentence_without_end_is_coded_in_bounded_windows(pipeline) -> None:
    from dyad.read import RawDocument
    from dyad.text.segment import MAX_SENTENCE_TOKENS

    coded = pipeline.code(RawDocument("Russland kritisierte die USA und " * 500, "run-on", language="de"))
    assert all(len(sentence.tokens) <= MAX_SENTENCE_TOKENS for sentence in coded.sentences)
    assert ("RUS", "111", "USA") in triples(coded.events)


def test_an_article_over_the_time_budget_is_skipped_with_its_origin(monkeypatch) -> None:
    from dyad.pipeline import Pipeline
    from dyad.read import InputError, RawDocument

    pipeline = Pipeline.load(languages=("de",), time_budget=5.0)
    clock = iter(range(0, 1000, 10))  # every look at the clock is 10 s later
    monkeypatch.setattr("dyad.pipeline.time.monotonic", lambda: next(clock))
    with pytest.raises(InputError, match=r"slow\.txt: over the time budget \(5 s per article\)"):
        pipeline.code(RawDocument("Frankreich kritisierte Israel. Russland griff an.", "slow.txt", language="de"))


def test_ingest_quarantines_a_failing_record_commits_the_rest_and_retries_it(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from dyad.cli import cli
    from dyad.pipeline import Pipeline
    from dyad.quarantine import rejected
    from dyad.store import Store

    original = Pipeline.code

    def faulty(self, raw, language=None, published=None):
        if "EXPLODE" in raw.text:
            raise IndexError("a fault in some stage")
        return original(self, raw, language, published)

    monkeypatch.setattr(Pipeline, "code", faulty)
    source, db = tmp_path / "batch.jsonl", tmp_path / "store.duckdb"
    records = [
        {"id": "one", "text": "Frankreich kritisierte Israel scharf."},
        {"id": "two", "text": "EXPLODE Russland griff die Ukraine an."},
        {"id": "three", "text": "Die USA verhängten Sanktionen gegen Iran."},
    ]
    write_jsonl(source, [json.dumps(r) for r in records])
    result = CliRunner().invoke(cli, ["ingest", str(source), "--db", str(db), "--lang", "de"])
    assert result.exit_code == 1
    assert "batch.jsonl:2: internal error while coding (IndexError: a fault in some stage)" in result.output
    with Store(db, read_only=True) as store:
        stored = {row[0] for row in store.connection.execute("SELECT doc_id FROM articles").fetchall()}
        assert stored == {"one", "three"}
        (row,) = rejected(store.connection)
        assert row["origin"].endswith("batch.jsonl:2") and row["attempts"] == 1
    listed = CliRunner().invoke(cli, ["rejected", "--db", str(db), "--format", "jsonl"])
    assert json.loads(listed.output.splitlines()[0])["reason"].startswith("internal error")

    monkeypatch.setattr(Pipeline, "code", original)  # the fault is fixed: a re-run retries only the rejected one
    again = CliRunner().invoke(cli, ["ingest", str(source), "--db", str(db), "--lang", "de"])
    assert again.exit_code == 0, again.output
    assert "1 articles stored (2 already there)" in again.output
    with Store(db, read_only=True) as store:
        assert rejected(store.connection) == []


def test_after_a_kill_between_commit_and_grouping_the_next_writer_regroups(pipeline, tmp_path) -> None:
    from dyad import analysis
    from dyad.dedupe import group_events, grouping_is_current
    from dyad.read import RawDocument
    from dyad.store import Store

    path = tmp_path / "killed.duckdb"
    first = [RawDocument("Frankreich kritisierte Israel scharf.", "a", id="a", published=date(2026, 3, 2))]
    copies = [
        RawDocument("Frankreich kritisierte Israel erneut scharf.", f"c{n}", id=f"c{n}", published=date(2026, 3, 3))
        for n in range(3)
    ]
    with Store(path) as store:
        store.write([pipeline.code(d, "de") for d in first])
        group_events(store.connection)
        store.write([pipeline.code(d, "de") for d in copies])  # committed; the process dies before grouping
    with Store(path, read_only=True) as store:
        assert not grouping_is_current(store.connection)
    with Store(path) as store:  # the next writer (an ingest resuming, a writing server) repairs first
        assert grouping_is_current(store.connection)
        series = analysis.dyad_series(store.connection, analysis.Scope(actors=("FRA", "ISR")), "month")
        assert sum(row["events"] for row in series) == 1  # one event, four mentions
        stats = store.connection.execute("SELECT max(mentions) FROM event_group_stats").fetchone()[0]
        assert stats == 4


def test_the_same_text_codes_the_same_in_every_process(tmp_path) -> None:
    """Equal readings are chosen by the text, never by the order of a hash set (which differs per process)."""
    import os
    import subprocess
    import sys

    source = tmp_path / "ties.txt"
    source.write_text(
        "Nun äußert sich der Kreml dazu, was das für die US-Vermittlung im Ukraine-Krieg bedeutet.\n"
        "Die Türkei lieferte den Journalisten an Deutschland aus.\n",
        encoding="utf-8",
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-m", "dyad", "code", str(source), "--format", "jsonl", "--lang", "de"],
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            check=True,
        ).stdout
        for seed in range(1, 6)
    }
    assert len(outputs) == 1 and b'"cameo": "045"' in outputs.pop()


def test_html_the_parser_rejects_is_a_one_line_problem(tmp_path) -> None:
    from dyad.read import InputError, read_inputs

    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html></body>\U0001f533<![3c3q7kl&,^(,w~G7G", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.html: HTML the parser cannot read"):
        list(read_inputs(str(page)))
