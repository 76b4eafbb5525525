"""The argument stage over the dependency tree: one construction per case, our own sentences, both languages.

Each case checks the events (source, CAMEO, target by country) and that the tree decided them: the event's notes
carry the dependency path ("←nsubj", "→obj") of the rule that gave the source or the target.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from dyad.events.tree import Tree
from dyad.pipeline import Pipeline
from dyad.read import RawDocument
from dyad.text.parse import ParsedToken, parser_choices, shipped_path
from tests.conftest import triples

CASES = [
    # (language, construction, sentence, expected triples, a word of the tree note that decided it)
    ("en", "passive with agent", "Ukraine was attacked by Russia on Monday.", {("RUS", "190", "UKR")}, "agent"),
    (
        "de",
        "passive with agent",
        "Die Ukraine wurde am Montag von Russland angegriffen.",
        {("RUS", "190", "UKR")},
        "agent",
    ),
    (
        "en",
        "relative clause: the antecedent is the subject",
        "The talks were hosted by Egypt, which criticised Israel.",
        {("EGY", "111", "ISR")},
        "relative",
    ),
    (
        "de",
        "relative clause: the antecedent is the subject",
        "Die Gespräche leitete der Iran, der Israel scharf kritisierte.",
        {("IRN", "111", "ISR")},
        "relative",
    ),
    (
        "en",
        "object control: the object of 'urged' negotiates",
        "France urged Serbia to negotiate with Kosovo.",
        {("SRB", "046", "XKX")},
        "controlled",
    ),
    (
        "de",
        "control: the subject of 'drohte' acts",
        "Russland drohte, die Ukraine anzugreifen.",
        {("RUS", "190", "UKR")},
        "control",
    ),
    (
        "en",
        "coordinated verbs share the subject",
        "Turkey condemned the attack and recalled its ambassador from Israel.",
        {("TUR", "161", "ISR")},
        "coordinated",
    ),
    (
        "en",
        "reported speech: the pronoun is the speaker",
        "Hungary said it would support Romania.",
        {("HUN", "032", "ROU")},  # the future of reported speech: an intent to support (032)
        "governing clause",
    ),
    (
        "de",
        "mediation names the parties, not the mediator",
        "Katar vermittelt zwischen Israel und der Hamas.",
        {("QAT", "045", "ISR"), ("QAT", "045", "PSE")},
        "zwischen",
    ),
    (
        "en",
        "a prepositional target of a multiword trigger",
        "Morocco held talks with Algeria.",
        {("MAR", "046", "DZA")},
        "with phrase",
    ),
    (
        "en",
        "a possessive pronoun's owner is the governing clause's subject",
        "Russia denied that its troops attacked Ukraine.",
        {("RUS", "190", "UKR")},
        "governing clause",
    ),
    (
        "de",
        "a possessive pronoun's owner is the governing clause's subject",
        "Russland bestritt, dass seine Truppen die Ukraine angegriffen hätten.",
        {("RUS", "190", "UKR")},
        "governing clause",
    ),
    (
        "en",
        "a participle with an agent is a passive",
        "Villages shelled by Russia lie near Ukraine's border.",
        {("RUS", "194", "UKR")},
        "agent",
    ),
]


@pytest.mark.parametrize(
    ("lang", "construction", "sentence", "expected", "decided_by"), CASES, ids=[c[1] + f" ({c[0]})" for c in CASES]
)
def test_tree_construction(code, lang, construction, sentence, expected, decided_by) -> None:
    events = code(sentence, lang)
    assert expected <= triples(events), construction
    deciding = [e for e in events if (e.source.actor.country, e.cameo, e.target and e.target.actor.country) in expected]
    assert any(decided_by in " ".join(e.notes) for e in deciding), [e.notes for e in events]


def test_an_unnamed_subject_makes_no_source_of_the_object(code) -> None:
    """ "Ein Mann" names no actor: the object is the victim, never the attacker."""
    for lang, sentence in (("de", "Ein Mann griff die Ukraine an."), ("en", "A man attacked Ukraine.")):
        assert not [e for e in code(sentence, lang) if e.source.actor.country == "UKR"], sentence


def test_werden_with_an_infinitive_is_a_future_not_a_passive(code) -> None:
    events = code("Klar ist, dass die Ukraine und Russland im März verhandeln werden.", "de")
    assert ("UKR", "046", "RUS") in triples(events) or ("UKR", "040", "RUS") in triples(events)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("de", "Russland griff die Ukraine nicht an."),
        ("en", "Russia did not attack Ukraine."),
    ],
)
def test_negation_from_the_sentence_stays_marked(code, lang, sentence) -> None:
    events = [e for e in code(sentence, lang) if e.cameo.startswith("19")]
    assert events and all(e.negated for e in events)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("de", "Falls Russland die Ukraine angreift, würde die EU Sanktionen verhängen."),
        ("en", "If Russia attacks Ukraine, the EU would impose sanctions."),
    ],
)
def test_a_condition_keeps_the_event_hypothetical(code, lang, sentence) -> None:
    events = [e for e in code(sentence, lang) if e.cameo.startswith("16")]
    assert events and all(e.hypothetical for e in events)


def test_the_clause_rules_code_alone_without_a_parser() -> None:
    pipeline = Pipeline.load(parsers={"*": "none"})
    coded = pipeline.code(RawDocument(text="Russland griff die Ukraine an.", origin="t", language="de"))
    assert ("RUS", "190", "UKR") in triples(coded.events)
    assert not any("←" in note or "→" in note for e in coded.events for note in e.notes)


def test_parsed_ahead_and_on_demand_give_the_same_events(pipeline) -> None:
    text = "Die Ukraine wurde von Russland angegriffen. Katar vermittelt zwischen Israel und der Hamas."
    raw = RawDocument(text=text, origin="t", language="de", published=date(2026, 3, 2))
    batched = pipeline.code(raw).events
    article = pipeline.prepare(raw)
    from dyad.events.coder import ArticleContext

    context = ArticleContext(article.doc_id, article.published)  # no trees ahead: each sentence parsed on demand
    single = [e for s in pipeline.sentences(article) for e in pipeline.coder("de").code(s, context)]
    assert [e.event_id for e in batched] == [e.event_id for e in single]


def _tree(*arcs: tuple[str, int, str]) -> Tree:
    return Tree(tuple(ParsedToken(i, text, head, dep, "X") for i, (text, head, dep) in enumerate(arcs)))


def test_tree_paths_and_heads() -> None:
    tree = _tree(("Peskow", 1, "nsubj"), ("sagte", 1, "root"), ("das", 3, "det"), ("Treffen", 1, "obj"))
    assert tree.path(0, 1) == "Peskow ←nsubj sagte"
    assert tree.path(1, 3) == "sagte →obj Treffen"
    assert tree.top([2, 3]) == 3
    assert tree.children(1, "nsubj") == [0]
    assert tree.subtree(3) == [3, 2]


def test_a_passive_needs_its_auxiliary() -> None:
    passive = _tree(("Kiew", 2, "nsubj:pass"), ("wurde", 2, "aux:pass"), ("angegriffen", 2, "root"))
    no_auxiliary = _tree(("Kiew", 1, "nsubj:pass"), ("angegriffen", 1, "root"))
    assert passive.is_passive(2)
    assert not no_auxiliary.is_passive(1)


DYAD = [sys.executable, "-m", "dyad"]


def test_explain_shows_paths_and_dropped_candidates() -> None:
    text = "Die Ukraine wurde von Russland angegriffen. Ein Mann griff die Ukraine an."
    result = subprocess.run(
        [*DYAD, "code", "-", "--lang", "de", "--explain", "--format", "jsonl"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert any("passive agent" in " ".join(e["explain"]) for e in events)
    assert "[1] Die Ukraine wurde von Russland angegriffen." in result.stderr
    assert "actors: Ukraine = UKR (name), Russland = RUS (name)" in result.stderr
    assert "Russland ←obl" in result.stderr  # the dependency path behind the source
    assert "dropped: no source actor" in result.stderr  # "Ein Mann" names no actor


def test_a_parser_that_cannot_be_loaded_is_a_one_line_error(tmp_path) -> None:
    result = subprocess.run(
        [*DYAD, "code", "-", "--parser", str(tmp_path / "missing")], input="x", capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_parser_choices() -> None:
    assert parser_choices(["none"]) == {"*": "none"}
    assert parser_choices(["de=none", "en=/models/x"]) == {"de": "none", "en": "/models/x"}
    assert parser_choices([str(shipped_path("en"))]) == {"en": str(shipped_path("en"))}


@pytest.mark.parametrize(
    ("lang", "sentence", "flag", "marked", "unmarked"),
    [
        (
            "en",
            "Israel did not strike Iran but attacked Lebanon.",
            "negated",
            ("ISR", "190", "IRN"),
            ("ISR", "190", "LBN"),
        ),
        (
            "de",
            "Russland griff die Ukraine an und verhandelte nicht mit Kiew.",
            "negated",
            ("RUS", "046", "UKRGOV"),
            ("RUS", "190", "UKR"),
        ),
        (
            "en",
            "Russia could attack Ukraine and criticised NATO on Monday.",
            "hypothetical",
            ("RUS", "190", "UKR"),
            ("RUS", "111", "NATO"),
        ),
        (
            "de",
            "Die USA würden Iran angreifen und kritisierten Russland.",
            "hypothetical",
            ("USA", "190", "IRN"),
            ("USA", "111", "RUS"),
        ),
    ],
)
def test_a_negation_or_modal_belongs_to_its_own_verb(code, lang, sentence, flag, marked, unmarked) -> None:
    events = {
        (e.source.actor.code, e.cameo, e.target.actor.code if e.target else None): e for e in code(sentence, lang)
    }
    assert getattr(events[marked], flag)
    assert not getattr(events[unmarked], flag)


@pytest.mark.parametrize(
    ("lang", "sentence", "flag"),
    [
        ("en", "Israel did not strike Iran or attack Lebanon.", "negated"),
        ("en", "Russia could attack Ukraine and seize Kyiv.", "hypothetical"),
        ("de", "Die USA würden Iran angreifen und Russland kritisieren.", "hypothetical"),
        ("en", "Iraq will expel the envoy unless Syria arrested the rebels and attacked their camps.", "hypothetical"),
    ],
)
def test_a_conjunct_without_its_own_finite_verb_shares_the_marker(code, lang, sentence, flag) -> None:
    events = code(sentence, lang)
    assert len(events) >= 2
    assert all(getattr(e, flag) for e in events if e.cameo[:2] in {"17", "19", "11"})


@pytest.mark.parametrize(
    ("lang", "sentence", "triple"),
    [
        ("de", "Kremlsprecher Dmitri Peskow kritisierte die NATO scharf.", ("RUSGOV", "111", "NATO")),
        ("de", "Der Iran, ein enger Verbündeter Russlands, verurteilte Israel.", ("IRN", "111", "ISR")),
        ("en", "Kremlin spokesman Dmitry Peskov criticised NATO.", ("RUSGOV", "111", "NATO")),
        ("en", "Pakistan, a close ally of the United States, condemned India.", ("PAK", "111", "IND")),
    ],
)
def test_an_apposition_is_part_of_its_actor_not_another_source(code, lang, sentence, triple) -> None:
    found = {(e.source.actor.code, e.cameo, e.target.actor.code if e.target else None) for e in code(sentence, lang)}
    assert found == {triple}


def test_the_fast_parsers_are_chosen_by_name() -> None:
    assert parser_choices(["fast"]) == {"*": "fast"}
    assert parser_choices(["de=fast", "en=none"]) == {"de": "fast", "en": "none"}
    pipeline = Pipeline.load(parsers={"*": "fast"})
    for language in ("de", "en"):
        parser = pipeline.coder(language).parser
        assert parser is not None and "fast" in str(parser.path)


@pytest.fixture(scope="module")
def fast_code():
    pipeline = Pipeline.load(parsers={"*": "fast"})

    def run(text: str, lang: str):
        return pipeline.code(RawDocument(text=text, origin="test", language=lang, published=date(2026, 3, 2))).events

    return run


FAST_MISREADS = {  # the narrower networks misparse this (docs/benchmarks.md, "Parse speed")
    "a participle with an agent is a passive": "en",
}
FAST_CASES = [
    pytest.param(*case, marks=pytest.mark.xfail(reason="a known misparse of the fast parser", strict=True))
    if FAST_MISREADS.get(case[1]) == case[0]
    else case
    for case in CASES
]


@pytest.mark.parametrize(("lang", "construction", "sentence", "expected", "decided_by"), FAST_CASES)
def test_the_fast_parsers_read_the_constructions(fast_code, lang, construction, sentence, expected, decided_by) -> None:
    test_tree_construction(fast_code, lang, construction, sentence, expected, decided_by)


@pytest.mark.parametrize(
    ("lang", "sentence", "governed", "certain"),
    [
        # the threat takes the code of what it threatens: military force (138), occupation (1382)
        ("de", "Russland drohte, die Ukraine anzugreifen und Kiew zu bombardieren.", {"190", "195"}, {"138"}),
        ("en", "Russia threatened to invade Ukraine and to bomb Kyiv.", {"192", "195"}, {"1382"}),
        ("de", "Russland lehnte den Plan ab und griff die Ukraine an.", set(), {"120", "190"}),
    ],
)
def test_what_a_threat_governs_includes_its_conjuncts(code, lang, sentence, governed, certain) -> None:
    """A conjunct of a threatened act is threatened too; a conjunct of the threat itself happened."""
    events = {e.cameo: e for e in code(sentence, lang)}
    assert governed | certain <= set(events)
    assert all(events[c].hypothetical for c in governed)
    assert not any(events[c].hypothetical for c in certain)


@pytest.mark.parametrize(
    ("sentence", "controlled"),
    [
        ("Der Iran bat Russland, zwischen Teheran und Washington zu vermitteln.", ("RUS", "045", "IRNGOV")),
        ("Die EU rief Israel auf, mit der Hamas zu verhandeln.", ("ISR", "046", "PSEINS")),
        ("Die USA forderten Israel auf, mit der Hamas zu verhandeln.", ("ISR", "046", "PSEINS")),
        ("Die Ukraine warf Russland vor, die Stadt Charkiw zu bombardieren.", ("RUS", "195", "UKR")),
        ("Die EU appellierte an Russland, die Angriffe einzustellen.", ("RUS", "087", None)),
    ],
)
def test_german_object_control(code, sentence, controlled) -> None:
    """The object of "bitten", "aufrufen", "auffordern" (particle verbs joined), the dative object of "vorwerfen",
    the addressee of "appellieren an" acts in the infinitive."""
    events = {(e.source.actor.code, e.cameo, e.target.actor.code if e.target else None): e for e in code(sentence)}
    assert controlled in events
    assert any("controlled by" in note for note in events[controlled].notes)
    assert events[controlled].hypothetical


@pytest.mark.parametrize(
    ("lang", "sentence", "asked"),
    [
        ("en", "The EU urged Israel to negotiate with Hamas.", ("EUR", "026", "ISR")),
        ("de", "Die EU rief Israel auf, mit der Hamas zu verhandeln.", ("EUR", "026", "ISR")),
        ("de", "Der Iran bat Russland, zwischen Teheran und Washington zu vermitteln.", ("IRN", "028", "RUS")),
        ("en", "The United Nations demanded that Israel withdraw its troops from Lebanon.", ("IGOUNO", "1056", "ISR")),
    ],
)
def test_an_appeal_or_demand_takes_the_code_of_what_it_asks_for(code, lang, sentence, asked) -> None:
    """CAMEO's appeals (02x) and demands (10x) parallel the intents (03x) of what they ask for."""
    events = {
        (e.source.actor.code, e.cameo, e.target.actor.code if e.target else None): e for e in code(sentence, lang)
    }
    assert asked in events
    assert not events[asked].hypothetical
    assert any(e.hypothetical for e in events.values() if e is not events[asked])


@pytest.mark.parametrize(
    ("lang", "sentence", "intent"),
    [
        ("de", "Der Kreml kündigte an, die Gespräche mit der Ukraine fortzusetzen.", ("RUSGOV", "036", "UKR")),
        ("en", "Japan pledged to send aid to Ukraine.", ("JPN", "033", "UKR")),
    ],
)
def test_what_a_verb_of_intention_governs_is_an_intent(code, lang, sentence, intent) -> None:
    """A zu-infinitive has no subject of its own (the parser's nsubj "die Gespräche" is its object), and what
    "ankündigen" or "pledge" governs is the intent code of the act."""
    found = {(e.source.actor.code, e.cameo, e.target.actor.code if e.target else None) for e in code(sentence, lang)}
    assert intent in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Die von Oman vermittelten Gespräche zwischen dem Iran und den USA endeten ohne Einigung.",
            {("OMN", "045", "IRN"), ("OMN", "045", "USA")},
        ),
        ("Die USA verurteilten die von Russland besetzten Gebiete.", {("USA", "111", None), ("RUS", "192", None)}),
    ],
)
def test_a_german_attributive_participle_with_its_agent(code, sentence, expected) -> None:
    """ "die von X vermittelten Gespräche": the participle's "von" phrase is its agent, the noun its patient (here
    no actor: the USA are no target of the occupation)."""
    assert triples(code(sentence)) == expected


def test_an_offer_whose_act_became_its_intent_is_one_event(code) -> None:
    """ "bot an, zu vermitteln": the offer is the intent to mediate (039), not a second, generic offer (030)."""
    found = triples(code("Die Türkei bot an, zwischen Russland und der Ukraine zu vermitteln."))
    assert found == {("TUR", "039", "RUS"), ("TUR", "039", "UKR")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Die Stadt Charkiw wurde in der Nacht durch russische Raketen getroffen.", {("RUS", "195", "UKR")}),
        ("Putin traf den chinesischen Präsidenten in Peking.", {("RUS", "040", "CHN")}),
        ("Der Botschafter wurde vom Auswärtigen Amt einbestellt.", {("DEU", "114", None)}),
    ],
)
def test_german_hits_meetings_and_contracted_agents(code, sentence, expected) -> None:
    """Missiles that "treffen" hit (the codebook's weapon patterns win over the meeting); "vom" the parser calls a
    determiner still marks the agent."""
    assert triples(code(sentence)) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "The detention of the mayor by Turkish police sent the lira tumbling.", ("TUR", "173", None)),
        ("en", "The killing of three protesters by Iranian security forces sparked outrage.", ("IRN", "190", "IRN")),
        (
            "de",
            "Die Festnahme des Reporters durch die belarussische Polizei löste Proteste aus.",
            ("BLR", "173", "BLR"),
        ),
        ("de", "Der Beschuss von Charkiw durch russische Truppen hielt die ganze Nacht an.", ("RUS", "194", "UKR")),
    ],
)
def test_an_event_noun_with_its_agent_is_an_event_of_its_own(code, lang, sentence, expected) -> None:
    assert expected in triples(code(sentence, lang))


def test_the_agent_of_a_noun_inside_a_longer_trigger_is_not_the_triggers(code) -> None:
    sentence = "The UN human rights office opened an investigation into alleged war crimes by the Sri Lankan army."
    assert {e.source.actor.country for e in code(sentence, "en")} == {"IGOUNO"}


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        (
            "de",
            "Sollte Georgien der Nato beitreten, werde Moskau hart reagieren, warnte Außenminister Sergej Lawrow.",
            ("RUS", "130", "GEO"),
        ),
        (
            "de",
            "Der Iran warnte Israel, es werde eine harte Antwort geben, falls es iranische Anlagen angreife.",
            ("IRN", "130", "ISR"),
        ),
        ("en", "China warned Japan that it would respond if Tokyo sent warships to the strait.", ("CHN", "130", "JPN")),
    ],
)
def test_a_warning_that_sets_a_condition_is_a_threat(code, lang, sentence, expected) -> None:
    assert expected in triples(code(sentence, lang))


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("de", "Der Wetterdienst warnte vor schweren Stürmen in Bayern."),
        ("en", "The WHO warned of a new wave of infections in India."),
    ],
)
def test_a_warning_without_a_condition_is_no_threat(code, lang, sentence) -> None:
    assert not [e for e in code(sentence, lang) if e.cameo.startswith("13")]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "France urged Serbia to hold talks with Kosovo.", ("FRA", "026", "SRB")),
        ("en", "Russia urged talks with Ukraine.", ("RUS", "026", "UKR")),  # no addressee: the partner
        ("en", "Manila vowed to deepen Manila's defence ties with Tokyo.", ("PHL", "030", "JPN")),  # a possessor
    ],
)
def test_an_appeal_addresses_its_object_before_the_partner_of_the_talks(code, lang, sentence, expected) -> None:
    assert expected in triples(code(sentence, lang))
