"""The English conflict lexicon (lang/en/triggers/conflict.tsv, CAMEO roots 11-20): sentences of our own, each
asserting (source country, CAMEO code, target country), and non-event senses of the same words that code nothing."""

from __future__ import annotations

import pytest

from tests.conftest import roots, triples

CASES = [
    # 11 Disapprove
    ("critical of", "Germany was sharply critical of Hungary on Tuesday.", {("DEU", "111", "HUN")}),
    ("called ... unacceptable", "France called the Israeli decision unacceptable.", {("FRA", "111", "ISR")}),
    (
        "accused of targeting civilians",
        "Ukraine accused Russia of targeting civilians in Kharkiv.",
        {("UKR", "1124", "RUS")},
    ),
    ("traded accusations", "Iran traded accusations with Saudi Arabia.", {("IRN", "112", "SAU")}),
    ("took issue with", "China took issue with Japan over the islands.", {("CHN", "110", "JPN")}),
    # 12 Reject
    ("rebuffed an offer of talks", "Iran rebuffed a US offer of talks.", {("IRN", "125", "USA")}),
    ("rejected a peace proposal", "Sudan rejected the peace proposal from Ethiopia.", {("SDN", "127", "ETH")}),
    ("ruled out talks with", "Armenia ruled out talks with Azerbaijan.", {("ARM", "125", "AZE")}),
    # 13 Threaten
    ("vowed to crush", "Russia vowed to crush Ukrainian forces.", {("RUS", "138", "UKR")}),
    ("threatened to kill hostages", "Hamas threatened to kill the Israeli hostages.", {("PSE", "1383", "ISR")}),
    ("warned ... of retaliation", "North Korea warned South Korea of retaliation.", {("PRK", "130", "KOR")}),
    # 14 Protest
    ("blocked the railway line", "Kenyan protesters blocked the railway line in Nairobi.", {("KEN", "144", "KEN")}),
    ("torched cars", "Chilean protesters torched cars in Santiago.", {("CHL", "145", "CHL")}),
    (
        "a port strike is a labour strike",
        "A port strike by Nigerian dock workers halted trade on Monday.",
        {("NGA", "143", None)},
    ),
    ("a sit-in", "Kenyan students staged a sit-in outside parliament.", {("KEN", "141", "KEN")}),
    # 15 Exhibit force posture
    ("intercepted bombers", "Japan intercepted Chinese bombers near Okinawa.", {("JPN", "150", "CHN")}),
    ("missiles fired into the sea", "Iran fired missiles into the sea on Friday.", {("IRN", "150", None)}),
    ("moved troops toward", "Russia moved troops toward the Ukrainian border.", {("RUS", "154", None)}),
    # 16 Reduce relations
    ("expelled the consul", "Russia expelled the Estonian consul.", {("RUS", "161", "EST")}),
    ("slashed aid", "Britain slashed aid to Rwanda.", {("GBR", "162", "RWA")}),
    ("hit with sanctions", "The United States hit Iran with new sanctions.", {("USA", "163", "IRN")}),
    ("added to the entity list", "Canada added Chinese firms to its entity list.", {("CAN", "163", "CHN")}),
    # 17 Coerce
    ("put behind bars", "Belarus put opposition leaders behind bars.", {("BLR", "173", "BLR")}),
    ("broke up a protest", "Turkish police broke up a protest in Istanbul.", {("TUR", "175", "TUR")}),
    ("banned social media", "Russia banned Facebook and Instagram.", {("RUS", "1721", None)}),
    (
        "a hyphenated word is three tokens",
        "Pakistani police fired tear-gas at protesters in Lahore.",
        {("PAK", "175", "PAK")},
    ),
    # 18 Assault
    ("abducted schoolgirls", "Boko Haram abducted Nigerian schoolgirls.", {("NGA", "181", "NGA")}),
    ("stabbed to death", "Gunmen stabbed two French tourists to death in Egypt.", {("EGY", "1823", "FRA")}),
    ("gunmen opened fire", "Gunmen opened fire on Pakistani soldiers in Quetta.", {("PAK", "180", "PAK")}),
    # 19 Fight
    ("dropped bombs on", "Israeli jets dropped bombs on Gaza.", {("ISR", "195", "PSE")}),
    ("traded fire", "Indian and Pakistani troops traded fire in Kashmir.", {("IND", "190", "PAK")}),
    ("fired rockets at", "Russian forces fired rockets at Ukrainian positions.", {("RUS", "194", "UKR")}),
    ("an air strike is no labour strike", "French jets carried out strikes on Syria.", {("FRA", "195", "SYR")}),
    # 20 Use unconventional mass violence
    ("used mustard gas against", "Iraq used mustard gas against Iran.", {("IRQ", "2041", "IRN")}),
    ("forcibly evicted villagers", "Serbian forces forcibly evicted Bosnian villagers.", {("SRB", "201", "BIH")}),
    ("exterminated villagers", "Sudanese militias exterminated Darfuri villagers.", {("SDN", "202", "SDN")}),
]

NON_EVENTS = [
    ("shell company", "The Thai company set up a shell company in Singapore."),
    ("a film that bombed", "The French film bombed at the box office."),
    ("tourists thronging beaches", "Chinese tourists thronged the beaches."),
    ("battling a wildfire", "Canadian firefighters battled the wildfire."),
    ("firing a chief of staff", "The Brazilian president fired his chief of staff."),
    ("testing a bridge", "Japanese engineers tested the new bridge."),
    ("fans storming a pitch", "Mexican fans stormed the pitch."),
    ("football strikers", "Brazil's strikers scored twice against Argentina."),
    ("assault rifles are no assault", "Ukrainian police found assault rifles in a car."),
    ("gas prices are no gas attack", "High gas prices hurt Polish people."),
]


@pytest.mark.parametrize(("construction", "sentence", "expected"), CASES, ids=[c[0] for c in CASES])
def test_conflict_trigger(code, construction: str, sentence: str, expected: set) -> None:
    assert triples(code(sentence, "en")) == expected


@pytest.mark.parametrize(("sense", "sentence"), NON_EVENTS, ids=[c[0] for c in NON_EVENTS])
def test_non_event_sense(code, sense: str, sentence: str) -> None:
    assert code(sentence, "en") == []


def test_every_conflict_root_has_cases() -> None:
    covered = {c[:2] for _, _, expected in CASES for _, c, _ in expected}
    assert covered == {str(root) for root in range(11, 21)}


def test_labour_and_air_strikes_differ(code) -> None:
    labour = roots(code("A port strike by Nigerian dock workers halted trade on Monday.", "en"))
    air = roots(code("French jets carried out strikes on Syria.", "en"))
    assert {c for _, c, _ in labour} == {"14"} and {c for _, c, _ in air} == {"19"}
