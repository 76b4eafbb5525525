"""The German codebook lexicon for CAMEO roots 11-20 (lang/de/triggers/codebook_11_20.tsv): sentences of our own,
coded as (source country, CAMEO code, target country); support-verb constructions, compounds, separable verbs."""

from __future__ import annotations

import pytest

from tests.conftest import triples

CASES = [
    # 11 disapprove
    (
        "Unmut ... äußern",
        "Die Bundesregierung äußerte ihren Unmut über die Entscheidung Ungarns.",
        ("DEU", "110", "HUN"),
    ),
    ("rügen", "Polen rügte Russland für die Verletzung seines Luftraums.", ("POL", "111", "RUS")),
    ("Spionage ... beschuldigen", "Peking beschuldigte Washington der Spionage.", ("CHN", "1125", "USA")),
    ("Kriegsverbrechen ... vorwerfen", "Die Ukraine warf Russland Kriegsverbrechen vor.", ("UKR", "1124", "RUS")),
    # 12 reject
    ("Forderung ... zurückweisen", "Russland wies die Forderung der Ukraine zurück.", ("RUS", "120", "UKR")),
    (
        "Freilassung ... verweigern",
        "Der Iran verweigerte die Freilassung der Franzosen.",
        ("IRN", "1243", "FRA"),
    ),  # "Franzosen" names France
    # 13 threaten
    ("compound head: Atomschlag", "Nordkorea drohte Südkorea mit einem Atomschlag.", ("PRK", "1385", "KOR")),
    ("Strafzoll ... drohen", "Trump drohte China mit Strafzöllen.", ("USA", "1312", "CHN")),
    (
        "Abbruch ... Beziehung ... drohen",
        "Die Türkei drohte mit dem Abbruch der Beziehungen zu Israel.",
        ("TUR", "1313", "ISR"),
    ),
    ("Ultimatum ... stellen", "Die USA stellten dem Iran ein Ultimatum.", ("USA", "139", "IRN")),
    # a compound the lemmatiser leaves inflected still ends in the pattern's noun
    (
        "compound head: Handelsgespräche",
        "Peking hat die Handelsgespräche mit Washington abgebrochen.",
        ("CHN", "164", "USA"),
    ),
    # 14 protest
    ("auf die Straße gehen", "Kenianische Studenten gingen in Mombasa auf die Straße.", ("KEN", "141", "KEN")),
    ("Autobahn ... blockieren", "Französische Bauern blockierten Autobahnen rund um Paris.", ("FRA", "144", "FRA")),
    (
        "Straßenschlacht ... liefern",
        "Georgische Demonstranten lieferten sich Straßenschlachten mit der Polizei.",
        ("GEO", "145", "GEO"),
    ),
    ("Ausstand ... treten", "Kenianische Arbeiter traten in den Ausstand.", ("KEN", "143", None)),
    # 15 exhibit force posture
    (
        "Alarmbereitschaft ... versetzen",
        "Russland versetzte seine Atomstreitkräfte in Alarmbereitschaft.",
        ("RUS", "152", None),
    ),
    ("Großmanöver vor X", "China hielt ein Großmanöver vor Taiwan ab.", ("CHN", "150", "TWN")),
    (
        "Truppe ... Grenze ... zusammenziehen",
        "Russland zog Truppen an der Grenze zur Ukraine zusammen.",
        ("RUS", "154", "UKR"),
    ),
    (
        "Verlegung von Bataillonen anordnen",
        "Chávez ordnete die Verlegung von zehn Bataillonen nach Kolumbien an.",
        ("VEN", "154", "COL"),
    ),
    # 16 reduce relations
    ("Botschafter ... zurückrufen", "Litauen rief seinen Botschafter aus Minsk zurück.", ("LTU", "161", "BLR")),
    ("Militärhilfe ... einfrieren", "Die USA froren die Militärhilfe für Ägypten ein.", ("USA", "1622", "EGY")),
    (
        "Sanktionspaket ... beschließen",
        "Die EU beschloss ein neues Sanktionspaket gegen Russland.",
        ("EUR", "163", "RUS"),
    ),
    ("Friedenstruppe ... ausweisen", "Mali wies die französischen Friedenstruppen aus.", ("MLI", "1661", "FRA")),
    # 17 coerce
    (
        "Tränengas ... einsetzen",
        "Die iranische Polizei setzte Tränengas gegen Demonstranten ein.",
        ("IRN", "175", "IRN"),
    ),
    ("Partei ... verbieten, compound", "Die Türkei verbot die Oppositionspartei.", ("TUR", "1722", "TUR")),
    ("Tanker ... festsetzen", "Der Iran setzte einen britischen Tanker fest.", ("IRN", "1711", "GBR")),
    # 18 assault
    ("Geisel ... nehmen", "Die Hamas nahm israelische Zivilisten als Geiseln.", ("PSE", "181", "ISR")),
    (
        "separable: richteten ... hin",
        "Die Taliban richteten einen französischen Journalisten hin.",
        ("AFG", "1823", "FRA"),  # the object is the French media actor (FRAMED)
    ),
    ("gezielt ... töten", "Israel tötete den Hamas-Führer gezielt.", ("ISR", "186", "PSE")),
    # 19 fight
    ("Drohne ... angreifen", "Russland griff Kiew mit Drohnen an.", ("RUS", "1952", "UKR")),
    ("Marschflugkörper ... abfeuern", "Russland feuerte Marschflugkörper auf Kiew ab.", ("RUS", "1951", "UKR")),
    ("abriegeln", "Israel riegelte den Gazastreifen ab.", ("ISR", "191", "PSE")),
    ("Stadt ... erobern", "Aserbaidschan eroberte die Stadt Schuscha.", ("AZE", "192", "AZE")),  # a town of its own
    # 20 unconventional mass violence
    ("Atombombe ... abwerfen", "Die USA warfen eine Atombombe auf Japan ab.", ("USA", "2042", "JPN")),
    ("Massaker ... verüben", "Serbische Truppen verübten ein Massaker an Bosniaken.", ("SRB", "202", None)),
    (
        "Bevölkerung ... vertreiben",
        "Myanmar vertrieb die Bevölkerung der Rohingya.",
        ("MMR", "201", "MMR"),
    ),  # the Rohingya are a people of Myanmar (a domestic role)
    # 170/175: vorgehen gegen with force, durchgreifen
    (
        "Tränengas ... vorgehen",
        "Die iranische Polizei ist mit Tränengas gegen Demonstranten in Teheran vorgegangen.",
        ("IRN", "175", "IRN"),
    ),
    ("gewaltsam ... vorgehen", "Kenianische Polizisten gingen gewaltsam gegen Studenten vor.", ("KEN", "175", "KEN")),
    ("durchgreifen", "Die Polizei in Minsk griff gegen die Opposition durch.", ("BLR", "170", "BLR")),
    ("Polizisten aufbieten", "Die belgische Regierung bot zum Gipfel 5.000 Polizisten auf.", ("BEL", "151", "BEL")),
    ("schießen auf", "Ein Serbe schoss in Belgrad auf den kroatischen Botschafter.", ("SRB", "190", "HRV")),
]

NO_EVENT = [
    ("Ausschuss is no Schuss", "Der Ausschuss gab am Montag eine Empfehlung ab."),
    ("Vorschlag is no Schlag", "Die Bundesregierung legte einen Vorschlag zur Rentenreform vor."),
    ("verweisen auf is no expulsion", "Putin verwies auf die Lage im Land."),
    ("feststellen is no arrest", "Das Gericht stellte fest, dass die Klage unbegründet sei."),
    ("Eindruck is no pressure", "Die Entscheidung verstärkte den Eindruck, dass Berlin zögert."),
    ("Wahlkampf is no fighting", "Der Wahlkampf zwischen Scholz und Merz wurde härter."),
    ("vorschlagen is no strike", "Die Bundesregierung schlug vor, die Steuern zu senken."),
    ("Botschaft ... Jahr is no sentence", "Die Botschaft verurteilte im vergangenen Jahr die Wahl."),
    ("Ansprache is no revenge", "Die Sprache der Ansprache Macrons war versöhnlich."),
]


@pytest.mark.parametrize(("construction", "sentence", "expected"), CASES, ids=[c[0] for c in CASES])
def test_codebook_trigger(code, construction: str, sentence: str, expected: tuple) -> None:
    assert expected in triples(code(sentence, "de"))


@pytest.mark.parametrize(("use", "sentence"), NO_EVENT, ids=[c[0] for c in NO_EVENT])
def test_no_event(code, use: str, sentence: str) -> None:
    assert triples(code(sentence, "de")) == set()


def test_every_code_of_roots_11_to_20_has_rows() -> None:
    from dyad.resources import data_path, read_tsv

    rows = list(read_tsv(data_path("lang", "de", "triggers", "codebook_11_20.tsv")))
    assert len(rows) >= 1250
    assert all(row["cameo"][:2] in {str(root) for root in range(11, 21)} for row in rows)
