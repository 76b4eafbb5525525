"""Dated actors: people resolve to the office they held on the article's date; diacritics fold; the hand-written
actors win over data/people and the Phoenix import; Phoenix organisations, armed groups and role words."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.actors.deferred import CorePeople, deferred_files, read_deferred
from dyad.actors.gazetteer import Entry, Gazetteer, RoleWord
from dyad.actors.periods import Period, parse_periods
from dyad.model import Actor

COUNTRIES = frozenset({"DEU", "USA", "RUS"})


def resolve(pipeline, text: str, language: str = "de", day: date | None = None) -> tuple[Entry, Actor]:
    gazetteer = pipeline.coder(language).gazetteer
    found = gazetteer.resolve(tuple(pipeline.segmenter.words(text, language)), day)
    assert found is not None, text
    return found


def source_codes(code, text: str, lang: str, published: date | None) -> list[str]:
    return [event.source.actor.code for event in code(text, lang, published)]


def test_chancellor_in_office_then_former(code) -> None:
    text = "Bundeskanzler Schröder kritisierte die USA."
    assert source_codes(code, text, "de", date(2003, 5, 6)) == ["DEUGOV"]
    assert source_codes(code, text, "de", date(2015, 1, 15)) == ["DEUELI"]


def test_after_the_phoenix_horizon_the_hand_written_code_holds(pipeline) -> None:
    # data/actors.tsv says HUNGOV without dates; Phoenix knows offices up to 2015-02-17 only
    assert resolve(pipeline, "Orbán", "de", date(2024, 1, 1))[1].code == "HUNGOV"
    # the leader lists of data/people date Schröder's office themselves, with no horizon
    assert resolve(pipeline, "Schröder", "de", date(2020, 1, 1))[1].code == "DEUELI"


@pytest.mark.parametrize("language", ["de", "en"])
def test_surname_alone_resolves_by_date(pipeline, language: str) -> None:
    assert resolve(pipeline, "Schröder", language, date(2003, 1, 1))[1].code == "DEUGOV"
    assert resolve(pipeline, "Schröder", language, date(2010, 1, 1))[1].code == "DEUELI"


def test_undated_article(pipeline) -> None:
    assert resolve(pipeline, "Annette Schavan", "de")[1].code == "DEUGOV"  # the open period
    assert resolve(pipeline, "Carlos Arboleda", "en")[1].code == "ECUGOV"  # none open: the latest
    assert resolve(pipeline, "Gerhard Schröder", "de")[1].code == "DEUGOV"  # hand-written: as written


def test_german_genitive_of_a_dated_person(pipeline) -> None:
    entry, actor = resolve(pipeline, "Schröders", "de", date(2004, 1, 1))
    assert entry.genitive and actor.code == "DEUGOV"


@pytest.mark.parametrize("spelling", ["Erdoğan", "Erdogan", "ERDOĞAN"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_diacritics_fold(pipeline, language: str, spelling: str) -> None:
    assert resolve(pipeline, spelling, language)[1].country == "TUR"


def test_folding_keeps_acronyms_case_sensitive(pipeline) -> None:
    gazetteer = pipeline.coder("en").gazetteer
    assert gazetteer.resolve(("who",)) is None
    assert resolve(pipeline, "WHO", "en")[1].code == "WHO"


def test_hand_written_actors_win(pipeline) -> None:
    for text, language, code in [("Putin", "de", "RUSGOV"), ("Peskow", "de", "RUSGOV"), ("Peskov", "en", "RUSGOV")]:
        entry, actor = resolve(pipeline, text, language, date(2024, 6, 1))
        assert actor.code == code and entry.tier == 0, text
    entry, _ = resolve(pipeline, "Kremlin", "en")
    assert entry.source == "data/actors.tsv" or entry.source.startswith("lang/")


def test_phoenix_spelling_of_a_hand_written_person_is_that_person(pipeline) -> None:
    entry, actor = resolve(pipeline, "Chancellor Schroder", "en", date(2003, 1, 1))
    assert actor.name == "Gerhard Schroeder" and entry.tier == 0 and entry.source == "data/phoenix/people.tsv"


def test_phoenix_organisation_and_armed_group(pipeline) -> None:
    entry, actor = resolve(pipeline, "Intergovernmental Panel on Climate Change", "en")
    assert (actor.code, entry.kind, entry.source) == ("IGOUNO", "org", "data/phoenix/organisations.tsv")
    entry, actor = resolve(pipeline, "Abu Nidal Organization", "de")
    assert (actor.code, entry.kind) == ("IMGINS", "group")


def test_phoenix_person_without_a_hand_written_entry(pipeline) -> None:
    entry, actor = resolve(pipeline, "Schavan", "de", date(2007, 6, 1))
    assert (entry.source, entry.tier, actor.code) == ("data/phoenix/people.tsv", 2, "DEUGOV")
    assert resolve(pipeline, "Annette Schavan", "en", date(2001, 6, 1))[1].code == "DEUELI"


def test_phoenix_agent_noun_gives_its_role(pipeline) -> None:
    gazetteer = pipeline.coder("en").gazetteer
    assert gazetteer.role(("admiral",)) == RoleWord("MIL", None)
    assert gazetteer.role(("archbishop",)) == RoleWord("REL", None, domestic=True)  # a cleric of his country
    assert gazetteer.role(("official",)).role == "GOV"  # the core role words win


def test_phoenix_agent_noun_in_a_sentence(code) -> None:
    events = code("Russian admirals threatened Ukraine.", "en")
    assert [e.source.actor.code for e in events] == ["RUSMIL"]


# the period rules, on their own ------------------------------------------------------------------------------
def periods(cell: str) -> tuple[Period, ...]:
    return parse_periods(cell, "X", "person", COUNTRIES)


def entry(cell: str, tier: int = 2, name: str = "X") -> Entry:
    return Entry(Actor("DEUELI", "DEU", "ELI", name, "person"), "person", tier=tier, periods=periods(cell))


def test_period_resolution() -> None:
    person = entry("DEUELI 1990 1998-10-26 former;DEUGOV 1998-10-27 2005-11 head_of_government;DEUELI - - former")
    assert person.actor_on(date(1998, 10, 27)).code == "DEUGOV"
    assert person.actor_on(date(2005, 11, 30)).code == "DEUGOV"  # a month's END is its last day
    assert person.actor_on(date(2005, 12, 1)).code == "DEUELI"
    assert person.actor_on(None).code == "DEUGOV"
    still = entry("USAELI 2000 2008 former;USAGOV 2009-01-20 - official")
    assert still.actor_on(None).code == "USAGOV" and still.actor_on(date(2030, 1, 1)).code == "USAGOV"
    assert still.actor_on(date(1999, 1, 1)).code == "DEUELI"  # no period, no default: the country's elite


def test_same_tier_prefers_the_person_in_office() -> None:
    gazetteer = Gazetteer("en")
    old = entry("USAGOV 1989 1993 head_of_state", name="Elder")
    young = entry("USAGOV 2001 2009 head_of_state", name="Younger")
    gazetteer.add(["Bush"], old)
    gazetteer.add(["Bush"], young)
    assert gazetteer.lookup(("Bush",), date(1990, 1, 1)).actor.name == "Elder"
    assert gazetteer.lookup(("Bush",), date(2003, 1, 1)).actor.name == "Younger"
    gazetteer.add(["Bush"], entry("", tier=1, name="Hand-written"))
    assert gazetteer.lookup(("Bush",), date(1990, 1, 1)).actor.name == "Hand-written"


def test_shipped_deferred_files_parse() -> None:
    assert any(source == "data/phoenix/people.tsv" for _, source, _ in deferred_files())
    deferred = read_deferred("de", CorePeople())
    for number in range(0, len(deferred.lines), 97):
        row = deferred._row(number, ())
        parse_periods(row.periods, row.name, row.kind, COUNTRIES)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Außenministerin Annalena Baerbock lobte Katar.", "de", "DEUGOV"),  # not her later UN office
        ("Annalena Baerbock lobte Katar.", "de", "IGOUNO"),  # no title: the open period
        ("Foreign Minister Annalena Baerbock praised Qatar.", "en", "DEUGOV"),
        ("Bundespräsident Alain Berset kritisierte Russland.", "de", "CHEGOV"),
    ],
)
def test_a_title_before_the_name_picks_the_office_of_an_undated_text(code, text, language, expected) -> None:
    assert source_codes(code, text, language, None) == [expected]


def test_a_title_does_not_override_the_date(code) -> None:
    # on a date only one period covers, the title cannot bring back an office the person no longer holds
    assert source_codes(code, "Außenministerin Annalena Baerbock lobte Katar.", "de", date(2026, 3, 2)) == ["IGOUNO"]
    assert source_codes(code, "Außenministerin Annalena Baerbock lobte Katar.", "de", date(2023, 3, 2)) == ["DEUGOV"]


def test_periods_narrowed_by_a_title() -> None:
    from dyad.actors.periods import on_day_titled

    periods = parse_periods(
        "DEUGOV 2021-12-08 2025-05-06 foreign_minister;IGOUNO 2025-09-09 - official", "A B", "person", COUNTRIES
    )
    fallback = Actor("DEUELI", "DEU", "ELI", "A B", "person")
    assert on_day_titled(periods, None, fallback, None).code == "IGOUNO"
    assert on_day_titled(periods, None, fallback, "GOV").code == "DEUGOV"
    assert on_day_titled(periods, None, fallback, "MIL").code == "IGOUNO"  # no period in that role: as before
    assert on_day_titled(periods, date(2022, 1, 1), fallback, "GOV").code == "DEUGOV"
