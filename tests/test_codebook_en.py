"""The English codebook lexicon (lang/en/triggers/codebook.tsv): support-verb constructions, event nouns and phrasal
verbs of every CAMEO root, each with its target, and the everyday senses of the same words, which code nothing."""

from __future__ import annotations

import pytest

from tests.conftest import roots, triples

# (root, sentence, (source, CAMEO code, target)): two sentences of our own per root
CASES = [
    ("01", "Russia issued a statement on Ukraine.", ("RUS", "010", "UKR")),
    ("01", "Germany expressed concern over Russia's military buildup.", ("DEU", "012", "RUS")),
    ("02", "Ukraine asked the United States for air defense systems.", ("UKR", "0232", "USA")),
    ("02", "Armenia sought the extradition of a Russian businessman.", ("ARM", "0213", "RUS")),
    ("03", "Turkey pledged humanitarian aid to Syria.", ("TUR", "0333", "SYR")),
    ("03", "France promised to lift sanctions on Iran.", ("FRA", "0354", "IRN")),
    ("04", "Macron paid a visit to Beijing.", ("FRA", "042", "CHN")),
    ("04", "Putin and Xi held a phone conversation on Monday.", ("RUS", "041", "CHN")),
    ("04", "Biden and Xi met on the sidelines of the summit.", ("USA", "044", "CHN")),
    ("04", "The Saudi king hosted the Egyptian president in Riyadh.", ("SAU", "043", "EGY")),
    ("05", "Israel and Morocco struck a deal on Monday.", ("ISR", "057", "MAR")),
    ("05", "Spain granted recognition to Palestine.", ("ESP", "054", "PSE")),
    ("05", "Peru and Ecuador settled their border dispute in 1998.", ("PER", "050", "ECU")),
    ("06", "India and France held joint military exercises.", ("IND", "062", "FRA")),
    ("06", "Spain extradited a Russian hacker to the United States.", ("ESP", "063", "USA")),
    ("07", "Germany sent ammunition to Ukraine.", ("DEU", "072", "UKR")),
    ("07", "Sweden granted asylum to a Russian journalist.", ("SWE", "075", "RUS")),
    ("07", "The World Bank approved a $500 million loan for Ghana.", ("WBK", "071", "GHA")),
    ("03", "Russia proposed a prisoner swap with Ukraine.", ("RUS", "0353", "UKR")),
    ("08", "Iran unfroze assets of South Korea.", ("IRN", "0842", "KOR")),
    ("08", "Russia pulled out of Syria.", ("RUS", "0874", "SYR")),
    ("08", "Turkey ordered its soldiers to withdraw from Iraq.", ("TUR", "0874", "IRQ")),  # not 154: what they do
    ("08", "Iran freed the British sailors it had seized.", ("IRN", "0841", "GBR")),
    ("09", "Poland launched an investigation into corruption.", ("POL", "090", None)),
    ("09", "Ukraine launched a war crimes investigation.", ("UKR", "094", None)),
    ("10", "Poland demanded the extradition of a Russian spy.", ("POL", "1013", "RUS")),
    ("10", "Ukraine demanded the departure of Russian troops.", ("UKR", "106", "RUS")),
    ("11", "France lodged a protest with Algeria.", ("FRA", "114", "DZA")),
    ("11", "Russia accused Ukraine of war crimes.", ("RUS", "1124", "UKR")),
    ("11", "China summoned the Japanese ambassador.", ("CHN", "114", "JPN")),
    ("12", "Russia vetoed a resolution on Syria.", ("RUS", "129", "SYR")),
    ("12", "Russia turned down an invitation from France.", ("RUS", "120", "FRA")),
    ("13", "North Korea threatened South Korea with nuclear attack.", ("PRK", "1384", "KOR")),
    ("13", "Biden gave Iran an ultimatum.", ("USA", "139", "IRN")),
    ("14", "Kenyan students staged mass protests in Nairobi.", ("KEN", "141", "KEN")),
    ("14", "French workers went on strike over pensions.", ("FRA", "1432", None)),
    ("15", "China put its forces on high alert.", ("CHN", "152", None)),
    ("15", "Egypt stepped up security in Cairo.", ("EGY", "151", None)),
    ("15", "Indian authorities rushed thousands of police to Kashmir.", ("IND", "153", "IND")),
    ("15", "Venezuela ordered ten battalions to the border with Colombia.", ("VEN", "154", "COL")),
    ("14", "Nigeria's labour unions began a nationwide strike.", ("NGA", "143", None)),
    ("16", "Latvia broke off relations with Belarus.", ("LVA", "161", "BLR")),
    ("16", "Germany called off talks with Russia.", ("DEU", "164", "RUS")),
    ("17", "Iran seized a British tanker.", ("IRN", "1711", "GBR")),
    ("17", "Russia launched a cyber attack on Estonia.", ("RUS", "176", "EST")),
    ("17", "Turkish police fired tear gas at protesters in Ankara.", ("TUR", "175", "TUR")),
    ("18", "Gunmen took British tourists hostage in Egypt.", ("EGY", "181", "GBR")),
    ("18", "Hamas carried out a suicide attack in Israel.", ("PSE", "1831", "ISR")),
    ("19", "Russia launched an offensive against Ukraine.", ("RUS", "190", "UKR")),
    ("19", "Israel carried out airstrikes on Lebanon.", ("ISR", "195", "LBN")),
    ("19", "A Serbian gunman shot at the Croatian ambassador in Belgrade.", ("SRB", "190", "HRV")),
    ("20", "Serbia committed atrocities against Bosnia.", ("SRB", "200", "BIH")),
    ("20", "Syria carried out a chemical attack on Turkey.", ("SYR", "2041", "TUR")),
]

# the everyday sense of a word that is an event in the lexicon only with its object or frame
NEGATIVE = [
    "The Kenyan minister received a letter from the president on Monday.",
    "The striker shot at goal twice in the second half.",
    "Germany's striker scored twice against France.",
    "Poland's president held a press conference in Warsaw.",
    "Japan took control of the ball in the second half.",
    "Russia launched a new satellite into orbit.",
    "China issued new banknotes on Monday.",
    "Germany held its breath before the final against Italy.",
    "Italy's football coach fired his assistant.",
    "Turkey called off the football match because of snow.",
    "Japan stepped up production of electric cars.",
    "Nigeria's central bank pulled out all the stops to rescue the currency.",
    "China suppressed inflation last year.",
    "Turkey stabbed Russia in the back.",
]


@pytest.mark.parametrize(("root", "sentence", "expected"), CASES, ids=[c[1] for c in CASES])
def test_codebook_trigger(code, root: str, sentence: str, expected: tuple[str, str, str | None]) -> None:
    found = triples(code(sentence, "en"))
    assert expected in found
    assert expected[1].startswith(root)


def test_every_root_has_two_sentences() -> None:
    covered = [root for root, _, _ in CASES]
    assert all(covered.count(f"{n:02d}") >= 2 for n in range(1, 21))


def test_a_threatened_act_as_a_noun_is_one_threat(code) -> None:
    """ "threatened X with nuclear attack": the threat, not an attack."""
    assert roots(code("North Korea threatened South Korea with nuclear attack.", "en")) == {("PRK", "13", "KOR")}


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_everyday_sense_is_no_event(code, sentence: str) -> None:
    assert code(sentence, "en") == []
