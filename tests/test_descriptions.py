"""Actor descriptions: a head noun (role word) and its modifiers resolve to COUNTRY+ROLE, in German and English.
The role words live in lang/xx/roles.tsv and lang/xx/roles/*.tsv; sentences and phrases are our own."""

from __future__ import annotations

import pytest

from dyad.knowledge import lookup_actors
from dyad.lang import load_language
from dyad.resources import read_tsv

PHRASES = [
    # German: adjective, genitive name, compounds (head matching), inflected forms
    ("de", "russische Kampfjets", "RUSMIL"),
    ("de", "die ukrainische Luftabwehr", "UKRMIL"),
    ("de", "israelische Siedler", "ISRCVL"),
    ("de", "syrische Oppositionspolitiker", "SYROPP"),
    ("de", "russische Abgeordnete", "RUSLEG"),
    ("de", "türkische Richter", "TURJUD"),
    ("de", "französische Polizistinnen", "FRACOP"),
    ("de", "der britische Geheimdienstchef", "GBRSPY"),
    ("de", "der deutsche Botschafter", "DEUGOV"),
    ("de", "französische Gewerkschafter", "FRACVL"),
    ("de", "iranische Studierende", "IRNCVL"),
    ("de", "syrische Ärzte", "SYRCVL"),
    ("de", "türkische Journalisten", "TURMED"),
    ("de", "ein russischer Beamter", "RUSGOV"),
    ("de", "Russlands Beamte", "RUSGOV"),
    ("de", "die chinesische Volksbefreiungsarmee", "CHNMIL"),
    ("de", "ein ukrainischer Grenzschützer", "UKRCOP"),
    ("de", "der iranische Armeesprecher", "IRNMIL"),
    ("de", "die israelische Armeeführung", "ISRMIL"),
    ("de", "der ägyptische Polizeichef", "EGYCOP"),
    ("de", "Irans Oberster Führer", "IRNGOV"),
    ("de", "nigerianische Christen", "NGACVL"),
    ("de", "Kämpfer der Hamas", "PSEINS"),
    ("de", "Hamas-Kämpfer", "PSEINS"),
    ("de", "Mitglieder des russischen Parlaments", "RUSLEG"),
    ("de", "ein Sprecher des Außenministeriums in Moskau", "RUSGOV"),
    # English
    ("en", "Russian aircraft", "RUSMIL"),
    ("en", "Palestinian gunmen", "PSEINS"),
    ("en", "the Syrian opposition", "SYROPP"),
    ("en", "Turkish judges", "TURJUD"),
    ("en", "the British intelligence service", "GBRSPY"),
    ("en", "Israeli settlers", "ISRCVL"),
    ("en", "Ukrainian air defenses", "UKRMIL"),
    ("en", "French trade unions", "FRACVL"),
    ("en", "Egyptian riot police", "EGYCOP"),
    ("en", "Syrian rebel forces", "SYRREB"),
    ("en", "Iraqi religious leaders", "IRQREL"),
    ("en", "the US deputy foreign minister", "USAGOV"),
    ("en", "the US deputy secretary of state", "USAGOV"),
    ("en", "Kremlin critic", "RUSOPP"),
    ("en", "a member of the Syrian parliament", "SYRLEG"),
    ("en", "ethnic Albanians", "ALB"),
    ("en", "his Saudi counterpart", "SAUGOV"),
    ("de", "seinem türkischen Amtskollegen", "TURGOV"),
]


@pytest.mark.parametrize(("lang", "phrase", "code"), PHRASES)
def test_description_resolves(pipeline, lang, phrase, code):
    assert [hit.code for hit in lookup_actors(pipeline, phrase, lang)] == [code]


CONSTRUCTIONS = [
    # the genitive's role is the phrase's: a spokesman of the rebels speaks for the rebels
    ("de", "ein Sprecher der syrischen Rebellen", "SYRREB"),
    ("de", "der Kommandeur der russischen Schwarzmeerflotte", "RUSMIL"),
    ("en", "the spokesman of the Russian foreign ministry", "RUSGOV"),
    ("en", "a spokesman of the Syrian rebels", "SYRREB"),
    # the organisation a genitive's adjective or possessive qualifies
    ("de", "Vertreter der afghanischen Taliban", "AFGINS"),
    ("en", "the commander of Iran's Revolutionary Guards", "IRNMIL"),
    ("en", "the leader of the Afghan Taliban", "AFGINS"),
    # a possessive, then one lower-case modifier
    ("en", "the head of Iran's nuclear agency", "IRNGOV"),
    ("en", "Iran's new president", "IRNGOV"),
    ("en", "Russia's top diplomat", "RUSGOV"),
]


@pytest.mark.parametrize(("lang", "phrase", "code"), CONSTRUCTIONS)
def test_construction(pipeline, lang, phrase, code):
    assert [hit.code for hit in lookup_actors(pipeline, phrase, lang)] == [code]


@pytest.mark.parametrize(
    ("lang", "phrase", "codes"),
    [
        ("en", "Russia pressed Ukraine", ["RUS", "UKR"]),  # verbs and adjectives are no role words
        ("en", "Russia's firm stance", ["RUS"]),
        ("de", "die russische Schattenflotte", ["RUSBUS"]),  # tankers, not the navy
        ("en", "pro-Russian separatists", []),  # the side taken is not the actor
    ],
)
def test_not_a_role(pipeline, lang, phrase, codes):
    assert [hit.code for hit in lookup_actors(pipeline, phrase, lang)] == codes


EVENTS = [
    ("de", "Russische Kampfjets griffen am Montag ukrainische Stellungen an.", "RUSMIL", "195"),
    ("de", "Iranische Studierende protestierten in Teheran gegen die Regierung.", "IRNCVL", "14"),
    ("en", "Palestinian gunmen attacked Israeli settlers near Nablus.", "PSEINS", "19"),
    ("en", "Iran's nuclear agency criticized the IAEA on Monday.", "IRNGOV", "111"),
    ("en", "The head of Iran's nuclear agency criticized the IAEA.", "IRNGOV", "111"),
    ("en", "The leader of the Syrian rebels criticized Turkey.", "SYRREB", "111"),
    ("en", "Pro-Russian separatists attacked Ukrainian troops near Donetsk.", "UKRREB", "19"),
    ("de", "Der Sprecher der syrischen Rebellen warf der Regierung in Damaskus Verrat vor.", "SYRREB", "11"),
]


@pytest.mark.parametrize(("lang", "text", "source", "cameo"), EVENTS)
def test_description_in_events(code, lang, text, source, cameo):
    """The description is the event's source, and the event keeps its type."""
    found = {(e.source.actor.code, e.cameo) for e in code(text, lang)}
    assert any(actor == source and event.startswith(cameo) for actor, event in found), found


@pytest.mark.parametrize("lang", ["de", "en"])
def test_descriptions_add_to_the_core(lang):
    """The descriptions do not redefine a core word, and use the contract's role codes."""
    language = load_language(lang)
    core, *extra = language.data_files("roles")
    core_words = {row["lemma"].lower() for row in read_tsv(core)}
    contract = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SPY", "MED", "BUS", "CVL", "REL"}
    described = [row for path in extra if path.name == "descriptions.tsv" for row in read_tsv(path)]
    assert len(described) > 250
    assert not {row["lemma"].lower() for row in described} & core_words
    assert {row["role"] for row in described} <= contract
