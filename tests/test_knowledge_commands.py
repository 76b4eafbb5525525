"""`dyad actors lookup|stats` and `dyad triggers lookup|stats`: what Dyad knows, asked from the command line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dyad.cli import cli


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_actor_lookup_gives_code_country_role_and_name_as_json() -> None:
    hits = json.loads(run("actors", "lookup", "Kremlsprecher Peskow", "--lang", "de", "--format", "json"))
    assert hits[0]["code"] == "RUSGOV" and hits[0]["country"] == "RUS" and hits[0]["role"] == "GOV"
    assert hits[0]["name"] == "Dmitry Peskov" and hits[0]["entry"] == "Dmitry Peskov"


def test_actor_lookup_resolves_descriptions_through_role_words() -> None:
    hits = json.loads(run("actors", "lookup", "die ukrainische Armee", "--format", "json"))
    assert [(hit["code"], hit["role"]) for hit in hits] == [("UKRMIL", "MIL")]


def test_actor_lookup_of_a_phrase_naming_nobody_says_so() -> None:
    assert "no actor" in run("actors", "lookup", "das schöne Wetter", "--lang", "de", "--date", "2020-05-01")


def test_trigger_lookup_names_the_code_and_the_pattern_that_matched() -> None:
    hits = json.loads(run("triggers", "lookup", "verhängte Sanktionen gegen", "--lang", "de", "--format", "json"))
    chosen = [hit for hit in hits if hit["chosen"]]
    assert chosen[0]["code"] == "163" and chosen[0]["words"] == ["verhängte", "Sanktionen"]
    assert chosen[0]["source"] == "triggers.tsv" and "..." in chosen[0]["pattern"]


def test_trigger_lookup_in_english() -> None:
    hits = json.loads(run("triggers", "lookup", "condemned the attack", "--lang", "en", "--format", "json"))
    assert {hit["code"][:2] for hit in hits if hit["chosen"]} >= {"11"}


def test_stats_count_patterns_by_source_and_codes_with_three_or_more() -> None:
    (stats,) = json.loads(run("triggers", "stats", "--lang", "en", "--format", "json"))
    assert stats["patterns"] == sum(stats["by_source"].values()) == sum(stats["by_code"].values())
    assert stats["codes_with_3_or_more"] == sum(1 for count in stats["by_code"].values() if count >= 3)
    (actors,) = json.loads(run("actors", "stats", "--lang", "de", "--format", "json"))
    assert actors["countries"] == 198 and actors["by_kind"]["person"] > 100
    assert "patterns" in run("triggers", "stats")


def test_actor_lookup_resolves_the_office_held_on_the_date() -> None:
    then = json.loads(run("actors", "lookup", "Schröder", "--lang", "de", "--date", "2003-05-01", "--format", "json"))
    later = json.loads(run("actors", "lookup", "Schröder", "--lang", "de", "--date", "2015-05-01", "--format", "json"))
    assert then[0]["code"] == "DEUGOV" and later[0]["code"] == "DEUELI"
    assert then[0]["source"].startswith("data/people/")


def test_german_spellings_of_foreign_names_come_from_the_transliteration_rules() -> None:
    # no German spelling is written down for him: "Aleksandr Bortnikov" -> "Alexander Bortnikow" by rule
    found = run("actors", "lookup", "Alexander Bortnikow", "--lang", "de", "--date", "2012-01-01", "--format", "json")
    (hit,) = json.loads(found)
    assert hit["code"] == "RUSGOV" and hit["name"] == "Aleksandr Bortnikov"


def test_the_world_counts_people_and_organisations_at_scale() -> None:
    for stats in json.loads(run("actors", "stats", "--format", "json")):
        assert stats["by_kind"]["person"] >= 10_000
        assert stats["by_kind"]["org"] + stats["by_kind"]["group"] >= 1_500
