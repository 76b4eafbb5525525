"""Governed events: what a demand, appeal, offer, rejection or threat governs ("threatened to break relations"),
found from the clause split and, with a parse, the tree; the target such a governor takes from what it governs; and
the code of an appeal or demand from what it asks for (CAMEO's parallel sub-codes).
"""

from __future__ import annotations

from dataclasses import replace

from dyad.events.clause_targets import ASKING_ROOTS, IRREALIS_CODES, PROTEST_ROOT, THREAT_ROOT
from dyad.events.clauses import ClauseParse
from dyad.events.tree import Tree
from dyad.events.triggers import TriggerMatch
from dyad.model import Event, Mention, Token, stable_event_id
from dyad.ontology import Codebook, PloverMap, event_code_fields

# a generic appeal or demand asks for what it governs: 02x / 10x parallel the intents 03x ("urged Israel to
# negotiate": 036 -> 026); the intent to mediate (039) parallels the appeal and demand for mediation (028, 108)
ASKING = ("020", "100")
GENERIC_INTENT = "030"
INTENT_ROOT = "03"
MEDIATION_INTENT, MEDIATION = "039", "038"
GENERIC_THREAT = "130"


def governed_matches(
    tokens: list[Token],
    matches: list[TriggerMatch],
    parse: ClauseParse,
    tree: Tree | None,
    complementizers: frozenset[str],
    coordinators: frozenset[str],
) -> dict[int, set[int]]:
    """Matches that are what another trigger demands, offers, rejects, alleges or threatens: an infinitive or
    that-clause below it, or any later trigger in its clause ("threatened on Monday to break relations",
    "rejected a US offer to host a summit", "accused X of torturing") with no coordinator between ("rejected the
    plan and launched strikes" is two events); with a parse also a complement of the governor and what is
    coordinated with it ("drohte, die Ukraine anzugreifen und Kiew zu bombardieren"). They are marked
    hypothetical, not dropped. A protest governs its demands the same way ("rallied to demand reforms"); those
    fold into the protest. Returns match number -> the numbers of the matches that govern it."""
    governed: dict[int, set[int]] = {}
    for number_of_governor, governor in enumerate(matches):
        if not governor.entry.cameo.startswith((*IRREALIS_CODES, PROTEST_ROOT)):
            continue
        home = parse.clause_of[governor.first]
        for number, match in enumerate(matches):
            clause = parse.clause(match.first)
            below = clause.parent == home and clause.is_complement(tokens, complementizers)
            between = {t.lower for t in tokens[governor.first + 1 : match.first]}
            after_in_clause = clause.id == home and match.first > governor.first and not between & coordinators
            # an event noun governs no verb of its own clause: it is that verb's argument ("hat die Vorwürfe
            # zurückgewiesen"); what it governs is a complement or a noun ("Vorwürfe der Folter"). A protest noun
            # still folds the demands after it ("a rally demanding reforms")
            noun_over_verb = (
                governor.entry.noun and not match.entry.noun and not governor.entry.cameo.startswith(PROTEST_ROOT)
            )
            after_in_clause = after_in_clause and not noun_over_verb
            in_tree = tree is not None and tree.complement_of(tree.top(match.tokens), governor.tokens)
            if match is not governor and (below or after_in_clause or in_tree):
                governed.setdefault(number, set()).add(number_of_governor)
    return governed


def targets_from_governed(by_match: list[list[Event]], governed: dict[int, set[int]]) -> None:
    """ "threatened to impose a curfew in Algiers": a threat, demand or offer that names no target of its own is
    directed at whom what it governs is directed at (here the people of Algiers, the government's own). An appeal or
    demand addresses who is to act: "demanded that Croatia withdraw its troops" is directed at Croatia, the subject
    of what it asks for, where that is not the one who asks."""
    for number, governors in sorted(governed.items()):
        for governor in governors:
            if not by_match[governor] or any(e.target for e in by_match[governor]):
                continue
            target = _governed_target(by_match[number], by_match[governor])
            if target is None:
                continue
            by_match[governor] = [
                event if event.source.actor.code == target.actor.code else directed(event, target)
                for event in by_match[governor]
            ]


def _governed_target(governed_events: list[Event], governor_events: list[Event]) -> Mention | None:
    if governor_events[0].cameo.startswith(ASKING_ROOTS):
        askers = {e.source.actor.code for e in governor_events}
        actor = next((e.source for e in governed_events if e.source.actor.code not in askers), None)
        if actor is not None:
            return actor
    return next((e.target for e in governed_events if e.target is not None), None)


def directed(event: Event, target: Mention) -> Event:
    directed = replace(event, target=target, notes=[*event.notes, f"target: that of what it governs ({target.text})"])
    directed.event_id = stable_event_id(directed)
    return directed


def ask_for_governed(
    by_match: list[list[Event]],
    matches: list[TriggerMatch],
    governed: dict[int, set[int]],
    codebook: Codebook,
    plover: PloverMap,
) -> None:
    """ "urged Israel to negotiate with Hamas": a generic appeal (020) or demand (100) takes the sub-code of what it
    asks for, from that event's intent code (negotiate: intent 036 -> appeal 026, demand 106); the asked-for event
    stays, hypothetical. A generic offer (030) whose act became its intent event ("bot an, zu vermitteln": 039) is
    that event, not a second one."""
    for number, governors in sorted(governed.items()):
        intent = matches[number].entry.intent
        if not intent or not intent.startswith(INTENT_ROOT):
            continue
        if any(e.cameo == intent for e in by_match[number]):
            for governor in governors:
                if matches[governor].entry.cameo == GENERIC_INTENT:
                    by_match[governor] = []
        intent = MEDIATION if intent == MEDIATION_INTENT else intent
        for governor in governors:
            generic = matches[governor].entry.cameo
            code = generic[:2] + intent[2:]
            if generic not in ASKING or code not in codebook or code == generic:
                continue
            what = " ".join(matches[number].words)
            by_match[governor] = [
                _recoded(event, code, codebook, plover, what) if event.cameo == generic else event
                for event in by_match[governor]
            ]


def _recoded(event: Event, code: str, codebook: Codebook, plover: PloverMap, what: str) -> Event:
    note = f"cameo: from what it governs ({what}: {code})"
    recoded = replace(event, **event_code_fields(codebook, plover, code), notes=[*event.notes, note])
    recoded.event_id = stable_event_id(recoded)
    return recoded


def threaten_with_governed(
    by_match: list[list[Event]],
    matches: list[TriggerMatch],
    governed: dict[int, set[int]],
    codebook: Codebook,
    plover: PloverMap,
) -> None:
    """ "threatened that the United States would impose sanctions": a generic threat (130) takes the threat code of
    what it governs, from that event's intent code (sanctions: 1312, military force: 138)."""
    threats: dict[int, str] = {}
    for number, governors in sorted(governed.items()):
        intent = matches[number].entry.intent
        if intent and intent.startswith(THREAT_ROOT) and intent in codebook:
            for governor in governors:
                threats.setdefault(governor, intent)
    for number, match in enumerate(matches):
        if match.entry.cameo != GENERIC_THREAT:
            continue
        code = threats.get(number)
        if code is None:
            continue
        what = " ".join(match.words)
        by_match[number] = [_recoded(event, code, codebook, plover, what) for event in by_match[number]]
