"""The scoring harness on hand-made cases whose right scores are known (independent of the coder)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dyad.evaluation import Counts, Predicted, gold_triples, score_item
from dyad.gold import GoldReader
from tests.conftest import REPO

READER = GoldReader()


def gold(**record) -> object:
    record.setdefault("text", "A sentence.")
    return READER.item(record)


def actors(*codes: str) -> list[dict[str, str]]:
    return [{"actorText": code, "code": code} for code in codes]


def test_exact_match_is_one_true_positive() -> None:
    item = gold(source=actors("RUS"), target=actors("USA"), event="DISAPPROVE")
    score = score_item(item, [Predicted("RUS", "USA", "111", "ACCUSE")])
    assert vars(score.triples["cameo"]) == {"tp": 1, "fp": 0, "fn": 0}
    assert vars(score.detection["plover"]) == {"tp": 1, "fp": 0, "fn": 0}


def test_wrong_target_is_a_false_positive_and_a_false_negative() -> None:
    item = gold(source=actors("RUS"), target=actors("USA"), event="DISAPPROVE")
    score = score_item(item, [Predicted("RUS", "ISR", "111", "ACCUSE")])
    assert vars(score.triples["cameo"]) == {"tp": 0, "fp": 1, "fn": 1}
    assert vars(score.detection["cameo"]) == {"tp": 1, "fp": 0, "fn": 0}  # the type is right


def test_compound_actors_without_target_are_an_undirected_pair() -> None:
    item = gold(source=actors("HUN", "ROU"), target="", event="AGREE")
    assert gold_triples(item) == [("HUN", "ROU", True)]
    either_way = score_item(item, [Predicted("ROU", "HUN", "057", "AGREE")])
    assert vars(either_way.triples["cameo"]) == {"tp": 1, "fp": 0, "fn": 0}


def test_missing_target_matches_only_an_event_without_target() -> None:
    item = gold(source=actors("ISR"), event="ASSAULT")
    assert vars(score_item(item, [Predicted("ISR", None, "180", "ASSAULT")]).triples["cameo"])["tp"] == 1
    assert vars(score_item(item, [Predicted("ISR", "PSE", "180", "ASSAULT")]).triples["cameo"])["tp"] == 0


def test_domestic_gold_matches_an_untargeted_event_only_when_asked() -> None:
    item = gold(source=actors("DZA"), target=actors("DZA"), event="PROTEST")
    untargeted = [Predicted("DZA", None, "141", "PROTEST")]
    assert vars(score_item(item, untargeted).triples["cameo"]) == {"tp": 0, "fp": 1, "fn": 1}
    assert vars(score_item(item, untargeted, domestic_unnamed=True).triples["cameo"]) == {"tp": 1, "fp": 0, "fn": 0}
    elsewhere = [Predicted("FRA", None, "141", "PROTEST")]
    assert score_item(item, elsewhere, domestic_unnamed=True).triples["cameo"].tp == 0


def test_old_types_map_to_cameo_roots_and_new_plover_types() -> None:
    item = gold(source=actors("USA"), target=actors("IRQ"), event="FIGHT")
    score = score_item(item, [Predicted("USA", "IRQ", "195", "ASSAULT")])
    assert score.triples["cameo"].tp == 1 and score.triples["plover"].tp == 1
    wrong_root = score_item(item, [Predicted("USA", "IRQ", "183", "ASSAULT")])
    assert wrong_root.triples["cameo"].tp == 0 and wrong_root.triples["plover"].tp == 1


def test_no_event_sentence_counts_predictions_as_false_positives() -> None:
    item = gold(event="NONE", language="de")
    score = score_item(item, [Predicted("DEU", "FRA", "051", "SUPPORT"), Predicted("DEU", "FRA", "111", "ACCUSE")])
    assert vars(score.detection["cameo"]) == {"tp": 0, "fp": 2, "fn": 0}
    assert vars(score.triples["cameo"]) == {"tp": 0, "fp": 2, "fn": 0}


def test_uncertain_predictions_count_only_against_uncertain_gold() -> None:
    plain = gold(source=actors("ISR"), target=actors("IRN"), cameo="190")
    negated_prediction = Predicted("ISR", "IRN", "190", "ASSAULT", negated=True)
    assert vars(score_item(plain, [negated_prediction]).triples["cameo"]) == {"tp": 0, "fp": 0, "fn": 1}
    negated_gold = gold(source=actors("ISR"), target=actors("IRN"), cameo="190", negated=True)
    assert score_item(negated_gold, [negated_prediction]).triples["cameo"].tp == 1


def test_codes_are_normalised() -> None:
    item = gold(source=[{"actorText": "Hashimoto", "code": "JAP"}], target=actors("IGO"), event="CONSULT")
    assert gold_triples(item) == [("JPN", "IGO", False)]
    assert score_item(item, [Predicted("JPN", "IGOUNO", "040", "CONSULT")]).triples["cameo"].tp == 1


def test_counts_to_precision_recall_f1() -> None:
    assert Counts(3, 1, 2).as_dict() | {} == {
        "precision": 0.75,
        "recall": 0.6,
        "f1": 0.667,
        "tp": 3,
        "fp": 1,
        "fn": 2,
    }


def test_eval_command_on_a_small_gold_file(tmp_path) -> None:
    gold_file = tmp_path / "gold.jsonl"
    records = [
        {
            "id": "g1",
            "text": "Frankreich kritisierte Israel scharf.",
            "language": "de",
            "cameo": "111",
            "source": actors("FRA"),
            "target": actors("ISR"),
            "event": "ACCUSE",
        },
        {"id": "g2", "text": "In Berlin regnete es den ganzen Tag.", "language": "de", "event": "NONE"},
        {
            "id": "g3",
            "text": "Israel did not strike Iran.",
            "language": "en",
            "cameo": "190",
            "negated": True,
            "source": actors("ISR"),
            "target": actors("IRN"),
            "event": "ASSAULT",
        },
    ]
    gold_file.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "dyad", "eval", str(gold_file), "--format", "json"],
        capture_output=True,
        check=False,
        cwd=REPO,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    assert report["items"] == {"de": 2, "en": 1, "all": 3}
    overall = report["by_language"]["all"]
    assert overall["triples"]["cameo"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    assert overall["flag_accuracy"] == 1.0 and report["throughput"]["sentences_per_s"] > 0


def test_bad_gold_file_is_one_clear_error(tmp_path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "event": "DANCE"}\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "dyad", "eval", str(bad)], capture_output=True, check=False)
    assert result.returncode == 1 and b"unknown event type" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.skipif(not (REPO.parent / "shared/bench/plover_gsr/dev.jsonl").exists(), reason="peer gold not present")
def test_peer_gold_reads() -> None:
    items = READER.read(REPO.parent / "shared/bench/plover_gsr/dev.jsonl")
    assert len(items) == 161 and all(item.has_event for item in items)
