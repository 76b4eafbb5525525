"""Cross-article deduplication on hand-made articles whose right answers are known."""

from __future__ import annotations

from datetime import date

from dyad.analysis import Scope, dyad_series
from dyad.dedupe import group_events, link_duplicates, simhash
from dyad.gdelt import GDELT_COLUMNS, gdelt_rows
from dyad.read import RawDocument
from dyad.store import Store

BODY = (
    "Frankreich kritisierte Israel am Montag scharf. Die Regierung in Paris verlangte eine Erklärung zu den "
    "Vorgängen an der Grenze und kündigte Gespräche mit den Partnern in Europa an. Beobachter erwarten in den "
    "kommenden Wochen weitere diplomatische Schritte beider Seiten, die Lage bleibe angespannt, hieß es."
)


def article(doc_id: str, text: str, published: date, source: str) -> RawDocument:
    return RawDocument(text=text, origin=doc_id, id=doc_id, published=published, source=source, language="de")


def test_mentions_group_into_events_and_copies_are_linked(pipeline, tmp_path) -> None:
    documents = [
        article("a", "Paris gegen Israel\n\n" + BODY, date(2026, 3, 2), "agency-one"),
        article("b", "Scharfe Worte aus Paris\n\n" + BODY, date(2026, 3, 3), "agency-two"),  # a wire copy
        article("c", "Frankreich kritisierte Israel erneut.", date(2026, 3, 20), "agency-one"),  # a later event
    ]
    with Store(tmp_path / "d.duckdb") as store:
        store.write([pipeline.code(d) for d in documents])
        groups = group_events(store.connection)
        duplicates = link_duplicates(store.connection)
        connection = store.connection
        criticism = connection.execute(
            """SELECT g.group_id, s.mentions, s.articles, s.sources FROM events e JOIN event_groups g USING (event_id)
               JOIN event_group_stats s USING (group_id)
               WHERE e.source_country = 'FRA' AND e.target_country = 'ISR' AND e.cameo = '111'
               ORDER BY e.date"""
        ).fetchall()
        assert [row[1:] for row in criticism] == [(2, 2, 2), (2, 2, 2), (1, 1, 1)]
        assert criticism[0][0] == criticism[1][0] != criticism[2][0]
        assert groups < connection.execute("SELECT count(*) FROM events").fetchone()[0]
        assert duplicates == 1
        assert connection.execute("SELECT doc_id, duplicate_of FROM article_duplicates").fetchall() == [("b", "a")]

        series = [r for r in dyad_series(connection, Scope(actors=("FRA", "ISR")), "month") if r["actor_a"] == "FRA"]
        assert (sum(r["events"] for r in series), sum(r["mentions"] for r in series)) == (2, 3)
        rows = [dict(zip(GDELT_COLUMNS, row, strict=True)) for row in gdelt_rows(connection, Scope()).rows]
        criticised = [r for r in rows if r["EventCode"] == "111" and r["Actor2CountryCode"] == "ISR"]
        assert sorted((r["NumMentions"], r["NumArticles"], r["NumSources"]) for r in criticised) == [
            (1, 1, 1),
            (2, 2, 2),
        ]


def test_simhash_is_near_for_edited_copies_and_far_for_other_texts() -> None:
    story = " ".join([BODY, BODY.replace("Frankreich", "Paris"), BODY.replace("Montag", "Dienstag")])
    edited = story.replace("angespannt", "gespannt", 1)
    other = "Die Ukraine und Polen vereinbarten neue Zusammenarbeit bei der Energie und beim Verkehr."

    def distance(a: str, b: str) -> int:
        return bin((simhash(a) ^ simhash(b)) & (2**64 - 1)).count("1")

    assert distance(story, story) == 0
    assert distance(story, edited) <= 6
    assert distance(story, other) > 20


def test_copies_point_to_the_earliest_original_within_the_window() -> None:
    from dyad.dedupe import RecentOriginals

    originals = RecentOriginals(window_days=3, bucket_cap=2)
    story = 0x0123_4567_89AB_CDEF
    day = date(2026, 3, 1)
    assert originals.match(day, story, 6) is None
    originals.add(day, "first", story)
    assert originals.match(date(2026, 3, 2), story ^ 0b111, 6) == ("first", 3)  # an edited copy
    assert originals.match(date(2026, 3, 2), story ^ 0xFFFF_0000_FFFF, 6) is None  # another story
    assert originals.match(date(2026, 3, 5), story, 6) is None  # past the window: a new original
    crowded = RecentOriginals(window_days=3, bucket_cap=2)
    for number in range(5):
        crowded.add(day, f"other-{number}", story ^ (0xFFFF << 16) ^ (number << 40))
    assert all(len(bucket) <= 2 for band in crowded.buckets for bucket in band.values())


def test_a_store_grouped_by_an_earlier_version_is_regrouped(pipeline, tmp_path) -> None:
    """Earlier versions kept `event_groups` as a table of every mention; it becomes a view over key-days."""
    with Store(tmp_path / "old.duckdb") as store:
        store.write([pipeline.code(article("a", BODY, date(2026, 3, 2), "agency-one"))])
        store.connection.execute("CREATE TABLE event_groups (event_id VARCHAR, group_id VARCHAR)")
        groups = group_events(store.connection)
        kinds = dict(
            store.connection.execute(
                "SELECT table_name, table_type FROM information_schema.tables WHERE table_name LIKE 'event_group%'"
            ).fetchall()
        )
        assert kinds == {"event_group_days": "BASE TABLE", "event_groups": "VIEW", "event_group_stats": "VIEW"}
        mentions, distinct = store.connection.execute(
            "SELECT count(*), count(DISTINCT group_id) FROM event_groups"
        ).fetchone()
        assert mentions == store.connection.execute("SELECT count(*) FROM events").fetchone()[0]
        assert distinct == groups
