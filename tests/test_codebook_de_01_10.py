"""German lexicon for CAMEO roots 01-10 (lang/de/triggers/codebook_01_10.tsv): sentences of our own, at least two
per root, each (source country, CAMEO code, target country); and everyday sentences with words of the lexicon
that name no event."""

from __future__ import annotations

import pytest

from tests.conftest import triples

CASES = [
    # 01 public statements
    ("012 besorgt", "Die Bundesregierung zeigte sich besorgt über die Lage in Syrien.", {("DEU", "012", None)}),
    ("013 Zuversicht äußern", "Das Weiße Haus äußerte Zuversicht über die Gespräche.", {("USA", "013", None)}),
    ("015 sich bekennen", "Die Hamas bekannte sich zu dem Anschlag.", {("PSE", "015", None)}),
    ("016 Beteiligung dementieren", "Moskau dementierte jede Beteiligung an dem Anschlag.", {("RUS", "016", None)}),
    ("018 Beileid aussprechen", "Japan sprach der Türkei sein Beileid aus.", {("JPN", "018", "TUR")}),
    ("019 Einschätzung teilen", "Frankreich teilte die Einschätzung Deutschlands.", {("FRA", "019", "DEU")}),
    # 02 appeals
    (
        "020 Appell richten an",
        "Die Ukraine richtete einen eindringlichen Appell an die Nato.",
        {("UKR", "020", "NATO")},
    ),
    ("0232 um Munition bitten", "Selenskyj bat die USA um Munition.", {("UKR", "0232", "USA")}),
    ("0233 um humanitäre Hilfe", "Der Sudan bat Deutschland um humanitäre Hilfe.", {("SDN", "0233", "DEU")}),
    ("0241 zu Neuwahlen aufrufen", "Washington rief Belarus zu Neuwahlen auf.", {("USA", "0241", "BLR")}),
    (
        "0253 zur Freilassung drängen",
        "Berlin drängte Teheran zur Freilassung der Journalistin.",
        {("DEU", "0253", "IRN")},
    ),
    (
        "0256 zur Zurückhaltung aufrufen",
        "Die Bundesregierung rief Indien und Pakistan zur Zurückhaltung auf.",
        {("DEU", "0256", "IND"), ("DEU", "0256", "PAK")},
    ),
    ("026 zu Gesprächen drängen", "Washington drängte Serbien zu Gesprächen mit dem Kosovo.", {("USA", "026", "SRB")}),
    ("027 friedliche Lösung", "China rief zu einer friedlichen Lösung auf.", {("CHN", "027", None)}),
    # 03 intent to cooperate
    (
        "030 sich verständigen",
        "Deutschland verständigte sich mit Frankreich auf eine gemeinsame Linie.",
        {("DEU", "030", "FRA")},
    ),
    ("0332 Kampfpanzer zusagen", "Die USA sagten der Ukraine Kampfpanzer zu.", {("USA", "0332", "UKR")}),
    ("0331 Kredit zusagen", "Die Bundesregierung sagte Moldau einen Kredit zu.", {("DEU", "0331", "MDA")}),
    ("0353 Freilassung zusagen", "Russland sagte die Freilassung der Gefangenen zu.", {("RUS", "0353", None)}),
    ("036 einladen", "Macron lud Scholz nach Paris ein.", {("FRA", "036", "DEU")}),
    (
        "039 sich als Vermittler anbieten",
        "Die Türkei bot sich als Vermittler zwischen Russland und der Ukraine an.",
        {("TUR", "039", "RUS"), ("TUR", "039", "UKR")},
    ),
    (
        "0354 intent: Sanktionen lockern wollen",
        "Die USA wollen die Sanktionen gegen Syrien lockern.",
        {("USA", "0354", "SYR")},
    ),
    # 04 consult
    ("041 Telefonat führen", "Putin führte ein Telefonat mit Erdoğan.", {("RUS", "041", "TUR")}),
    ("042 Besuch abstatten", "Macron stattete China einen Besuch ab.", {("FRA", "042", "CHN")}),
    ("042 eintreffen in", "Scholz traf am Montag in Kiew ein.", {("DEU", "042", "UKR")}),
    ("044 am Rande des Gipfels", "Putin und Xi trafen sich am Rande des Gipfels in Astana.", {("RUS", "044", "CHN")}),
    (
        "045 als Vermittler auftreten",
        "Katar trat als Vermittler zwischen Israel und der Hamas auf.",
        {("QAT", "045", "ISR"), ("QAT", "045", "PSE")},
    ),
    ("046 Verhandlungen aufnehmen", "Russland nahm Verhandlungen mit der Ukraine auf.", {("RUS", "046", "UKR")}),
    # 05 diplomatic cooperation
    (
        "050 Beziehungen normalisieren",
        "Saudi-Arabien und der Iran normalisierten ihre Beziehungen.",
        {("SAU", "050", "IRN")},
    ),
    ("051 danken", "Selenskyj dankte Deutschland für die Unterstützung.", {("UKR", "051", "DEU")}),
    ("051 sich hinter X stellen", "Die USA stellten sich hinter Israel.", {("USA", "051", "ISR")}),
    ("054 Unabhängigkeit anerkennen", "Spanien erkannte die Unabhängigkeit des Kosovo an.", {("ESP", "054", "XKX")}),
    ("055 um Entschuldigung bitten", "Japan bat Südkorea um Entschuldigung.", {("JPN", "055", "KOR")}),
    ("057 Abkommen ratifizieren", "Finnland ratifizierte das Abkommen mit Schweden.", {("FIN", "057", "SWE")}),
    # 06 material cooperation
    (
        "060 Zusammenarbeit vereinbaren, reciprocal",
        "Frankreich und Deutschland vereinbarten eine engere Zusammenarbeit.",
        {("FRA", "060", "DEU")},
    ),
    ("061 investieren in", "China investiert in Serbien.", {("CHN", "061", "SRB")}),
    ("062 Soldaten ausbilden", "Polen bildete ukrainische Soldaten aus.", {("POL", "062", "UKR")}),
    ("063 Verdächtigen ausliefern", "Deutschland lieferte den Verdächtigen an die USA aus.", {("DEU", "063", "USA")}),
    (
        "064 Erkenntnisse weitergeben",
        "Großbritannien gab Geheimdiensterkenntnisse an die Ukraine weiter.",
        {("GBR", "064", "UKR")},
    ),
    # 07 aid
    ("070 Hilfe leisten", "Deutschland leistete der Türkei Hilfe.", {("DEU", "070", "TUR")}),
    ("071 Kredit gewähren", "Saudi-Arabien gewährte Pakistan einen Kredit.", {("SAU", "071", "PAK")}),
    ("072 Haubitzen schicken", "Frankreich schickte der Ukraine Haubitzen.", {("FRA", "072", "UKR")}),
    ("073 humanitäre Hilfe leisten", "Deutschland leistete Syrien humanitäre Hilfe.", {("DEU", "073", "SYR")}),
    ("074 Friedenstruppen entsenden", "Frankreich entsandte Friedenstruppen nach Mali.", {("FRA", "074", "MLI")}),
    # 08 yield
    ("080 dem Druck nachgeben", "Serbien gab dem Druck der EU nach.", {("SRB", "080", "EUR")}),
    ("0831 zurücktreten", "Der Präsident Sri Lankas trat zurück.", {("LKA", "0831", None)}),
    ("0841 Gefangene freilassen", "Russland ließ zwei ukrainische Gefangene frei.", {("RUS", "0841", "UKR")}),
    ("085 Embargo aufheben", "Die USA hoben das Embargo gegen Kuba auf.", {("USA", "085", "CUB")}),
    ("0862 Inspektoren ins Land lassen", "Der Iran ließ die Inspektoren ins Land.", {("IRN", "0862", None)}),
    (
        "0871 Feuerpause vereinbaren, reciprocal",
        "Israel und die Hamas vereinbarten eine Feuerpause.",
        {("ISR", "0871", "PSE")},
    ),
    ("0874 Truppen abziehen", "Russland zog seine Truppen aus Syrien ab.", {("RUS", "0874", "SYR")}),
    ("087 Angriffe einstellen", "Russland stellte die Angriffe auf Kiew ein.", {("RUS", "087", "UKR")}),
    # 09 investigate
    ("090 Untersuchung einleiten", "Die Türkei leitete eine Untersuchung des Vorfalls ein.", {("TUR", "090", None)}),
    (
        "094 Kriegsverbrechen untersuchen",
        "Der Internationale Strafgerichtshof untersucht Kriegsverbrechen in der Ukraine.",
        {("ICC", "094", None)},
    ),
    ("090 Ermittlungen gegen", "Die Bundesregierung leitete Ermittlungen gegen Russland ein.", {("DEU", "090", "RUS")}),
    # 10 demand
    ("100 Reparationen fordern", "Polen forderte von Deutschland Reparationen.", {("POL", "100", "DEU")}),
    ("101 Untersuchung fordern", "Die Türkei forderte eine Untersuchung des Angriffs.", {("TUR", "101", None)}),
    ("1041 Neuwahlen fordern von", "Die Ukraine forderte von Belarus Neuwahlen.", {("UKR", "1041", "BLR")}),
    (
        "1053 Freilassung der Geiseln fordern",
        "Israel forderte von der Hamas die Freilassung der Geiseln.",
        {("ISR", "1053", "PSE")},
    ),
    (
        "106 Rückzug der Truppen fordern",
        "Die Ukraine forderte den Rückzug russischer Truppen.",
        {("UKR", "106", "RUS")},
    ),
    ("107 sofortige Feuerpause", "Frankreich forderte eine sofortige Feuerpause.", {("FRA", "107", None)}),
    (
        "108 Verhandlungen zwischen X und Y fordern",
        "China forderte Verhandlungen zwischen Russland und der Ukraine.",
        {("CHN", "108", "RUS"), ("CHN", "108", "UKR")},
    ),
    ("1056 Ende der Angriffe fordern", "Die USA forderten von Israel ein Ende der Angriffe.", {("USA", "1056", "ISR")}),
    (
        "062 gemeinsam ein Manöver abhalten",
        "Japanische und indische Soldaten haben gemeinsam ein Manöver abgehalten.",
        {("JPN", "062", "IND")},
    ),
    (
        "071 Tranche freigeben",
        "Der Internationale Währungsfonds gab eine Kredittranche für Ägypten frei.",
        {("IMF", "071", "EGY")},
    ),
]

NO_EVENT = [
    "Das Treffen der Fußballfans endete friedlich.",
    "Am Wochenende regnete es in Berlin.",
    "Die bewaffneten Männer flohen in den Wald.",
    "Er bereitete sich auf die Prüfung vor.",
    "Die Firma stellte neue Mitarbeiter ein.",
    "Die Preise für Strom und Gas stiegen im Winter.",
    "Der Zug kam pünktlich in München an.",
    "Einige Zuschauer verließen das Stadion früher.",
    "Der Verein sucht noch Helfer für das Sommerfest.",
    "Sie machte sich Sorgen um ihre Katze.",
    "Der Stürmer schoss in der zweiten Halbzeit aufs Tor.",
    "Der Trainer stand nach dem Spiel für Fragen zur Verfügung.",
]


@pytest.mark.parametrize(("construction", "sentence", "expected"), CASES, ids=[c[0] for c in CASES])
def test_codebook_01_10(code, construction: str, sentence: str, expected: set) -> None:
    assert triples(code(sentence, "de")) == expected


@pytest.mark.parametrize("sentence", NO_EVENT)
def test_no_event(code, sentence: str) -> None:
    assert code(sentence, "de") == []


def test_every_root_has_two_cases() -> None:
    counts: dict[str, int] = {}
    for _, _, expected in CASES:
        for root in {cameo[:2] for _, cameo, _ in expected}:
            counts[root] = counts.get(root, 0) + 1
    assert all(counts.get(f"{root:02d}", 0) >= 2 for root in range(1, 11))


def test_intent_is_not_hypothetical(code) -> None:
    events = code("Die USA wollen die Sanktionen gegen Syrien lockern.", "de")
    assert events and not any(e.negated or e.hypothetical for e in events)
