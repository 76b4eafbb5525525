"""German compounds with a country's name, titles before people, and objective genitives.

Our own sentences. "China-Besuch" is a visit to China and "Russland-Sanktionen" are sanctions against Russia,
while "US-Angriffe" and "EU-Sanktionen" are by their first part; a title names the office a person speaks in
("Nato-Generalsekretär Jens Stoltenberg", though he later held office in Norway); "die Invasion der Ukraine"
invades Ukraine.
"""

from __future__ import annotations

import pytest

from tests.conftest import triples


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Scholz kam am Montag zu seinem ersten China-Besuch.", ("DEU", "042", "CHN")),
        ("Die EU verlängerte ihre Russland-Sanktionen um sechs Monate.", ("EUR", "163", "RUS")),
        ("Die US-Angriffe auf den Iran wurden scharf kritisiert.", ("USA", "190", "IRN")),
    ],
)
def test_a_country_name_in_a_compound_is_its_theme(code, sentence: str, expected) -> None:
    found = triples(code(sentence, "de", None))
    assert expected in found
    assert all(source != expected[2] for source, _, _ in found)


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("de", "Nato-Generalsekretär Jens Stoltenberg lobte Deutschland.", ("NATO", "051", "DEU")),
        ("en", "NATO Secretary-General Jens Stoltenberg praised Germany.", ("NATO", "051", "DEU")),
    ],
)
def test_a_title_names_the_office_a_person_speaks_in(code, lang: str, sentence: str, expected) -> None:
    assert triples(code(sentence, lang, None)) == {expected}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russland begann im Februar eine Invasion der Ukraine.", ("RUS", "192", "UKR")),
        ("Russlands Invasion der Ukraine wurde scharf verurteilt.", ("RUS", "192", "UKR")),
    ],
)
def test_the_genitive_after_an_invasion_is_the_invaded(code, sentence: str, expected) -> None:
    assert expected in triples(code(sentence, "de"))


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_name_with_an_apostrophe_matches_in_any_typography(code, apostrophe: str) -> None:
    sentence = f"The Lord{apostrophe}s Resistance Army attacked a village in northern Uganda."
    assert ("UGA", "190") in {(source, cameo) for source, cameo, _ in triples(code(sentence, "en"))}


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "Troops from Chad attacked rebel positions near Kidal.", ("TCD", "190")),
        ("en", "Warplanes from the Saudi-led coalition bombed the port of Hodeidah.", ("SAU", "195")),
        ("de", "Soldaten aus Frankreich griffen Stellungen der Dschihadisten in Mali an.", ("FRA", "190")),
    ],
)
def test_a_role_from_a_country_is_that_countrys(code, lang: str, sentence: str, expected) -> None:
    assert expected in {(source, cameo) for source, cameo, _ in triples(code(sentence, lang))}


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [("en", "Russia withdrew its troops from Syria."), ("de", "Russland zog seine Soldaten aus Syrien ab.")],
)
def test_troops_withdrawn_from_a_country_are_not_its_own(code, lang: str, sentence: str) -> None:
    assert triples(code(sentence, lang)) == {("RUS", "0874", "SYR")}


def test_a_call_on_a_weekday_is_no_appeal(code) -> None:
    found = triples(code("Putin and Erdogan discussed Syria in a telephone call on Friday, the Kremlin said.", "en"))
    assert all(not cameo.startswith("02") for _, cameo, _ in found)
    assert ("RUS", "040", "TUR") in found or ("TUR", "040", "RUS") in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Der Chefankläger des Internationalen Strafgerichtshofs hat Ermittlungen wegen Kriegsverbrechen in der "
            "Ukraine eingeleitet.",
            ("ICC", "094"),
        ),
        ("Der Präsident des Sicherheitsrats kritisierte Israel scharf.", ("IGOUNO", "111")),
    ],
)
def test_an_organisation_in_the_genitive_owns_the_role_before_it(code, sentence: str, expected) -> None:
    """German organisation names take their genitive -s ("des Strafgerichtshofs"), feminine ones none."""
    assert expected in {(source, cameo) for source, cameo, _ in triples(code(sentence, "de"))}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Supporters of Jair Bolsonaro stormed government buildings in Brasilia.", ("BRACVL", "190")),
        ("Supporters of Raila Odinga clashed with police in Kisumu.", ("KENCVL", "145")),
    ],
)
def test_supporters_of_a_person_are_civilians_of_the_persons_country(code, sentence: str, expected) -> None:
    assert expected in {(e.source.actor.code, e.cameo) for e in code(sentence, "en", None)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russische Kampfjets bombardierten Dörfer in der Ostukraine.", ("RUS", "195", "UKR")),
        ("Türkische Truppen beschossen Stellungen im Nordirak.", ("TUR", "194", "IRQ")),
    ],
)
def test_a_country_name_with_a_compass_prefix_is_a_region_of_it(code, sentence: str, expected) -> None:
    assert expected in triples(code(sentence, "de"))


def test_a_compass_name_of_its_own_keeps_its_country(code) -> None:
    assert ("PRK", "111", "KOR") in triples(code("Nordkorea verurteilte Südkorea.", "de"))
    assert {
        e.target.actor.country for e in code("In Nordirland protestierten Tausende gegen die Regierung.", "de")
    } == {"GBR"}


@pytest.mark.parametrize(
    ("lang", "sentence", "sources"),
    [
        (
            "en",
            "The French, German and Italian navies held a joint exercise off Sicily.",
            {"FRAMIL", "DEUMIL", "ITAMIL"},
        ),
        ("en", "US and British warplanes struck rebel positions in Yemen.", {"USAMIL", "GBRMIL"}),
        ("de", "Französische, deutsche und britische Soldaten zogen aus Mali ab.", {"FRAMIL", "DEUMIL", "GBRMIL"}),
    ],
)
def test_coordinated_nationalities_before_a_role_all_take_it(code, lang: str, sentence: str, sources: set) -> None:
    events = code(sentence, lang)
    actors = {e.source.actor.code for e in events} | {e.target.actor.code for e in events if e.target}
    assert sources <= actors  # a joint act pairs them: the later ones may be targets


def test_a_joint_act_of_coordinated_parties_takes_no_partner_outside_its_frame(code) -> None:
    events = code(
        "The Greek and Turkish navies began a joint exercise, despite protests from opposition parties.", "en"
    )
    assert ("GRC", "062", "TUR") in triples(events) or ("TUR", "062", "GRC") in triples(events)
    assert all(e.target is not None and e.target.actor.role == "MIL" for e in events)
