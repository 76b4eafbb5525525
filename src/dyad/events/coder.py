"""Sentence coder: runs the actor and event stages over one sentence and builds contract-shaped events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dyad.actors.coreference import Discourse
from dyad.actors.gazetteer import Gazetteer
from dyad.actors.recognise import Recognised, recognise
from dyad.actors.resolve import Resolver, finish_texts
from dyad.events.arguments import PROTEST_ROOT, ArgumentFinder, Assignment, SentenceView
from dyad.events.clauses import ClauseParse, ClauseSplitter
from dyad.events.event_fields import confidence, event_date, trigger_span, unassigned, unique
from dyad.events.explain import SentenceExplanation, explain_sentence
from dyad.events.governed import ask_for_governed, governed_matches, targets_from_governed, threaten_with_governed
from dyad.events.modality import Modality, ModalityJudge
from dyad.events.place_roles import PlaceRoles
from dyad.events.tree import Tree
from dyad.events.tree_repair import TreeRepair
from dyad.events.trigger_entries import NO_EVENT
from dyad.events.triggers import TriggerLexicon
from dyad.lang import Language
from dyad.model import Event, Mention, Sentence, TimeExpression, Token, stable_event_id
from dyad.ontology import Codebook, PloverMap, event_code_fields
from dyad.places import Locatives, Places
from dyad.text import parse as dependencies
from dyad.text.parse import Parser
from dyad.time import TimeFinder

GENERIC_FORCE = "190"
# an attack whose attacker the sentence does not name ("a roadside bomb near Samarra killed a US soldier") has the
# country where it happened as source, as event datasets code unattributed violence
CONFLICT_ROOTS = frozenset({"17", "18", "19", "20"})
# events whose unnamed target is the country of the place where they happen: an attack on or a sanction in a named
# place ("shelled Homs", "suspended aid deliveries in Basra"); a protest addresses the authorities where it is held,
# its own country's too ("Kenyan students protested in Mombasa": KEN -> KEN), and force used in a place of one's own
# country hits that country's people ("Syrian forces dropped chlorine on Douma": SYR -> SYR, as event data code it)
PLACE_TARGET_ROOTS = CONFLICT_ROOTS | {"14", "16"}
DOMESTIC_PLACE_ROOTS = frozenset({"14"}) | CONFLICT_ROOTS
# a visit to a named place visits that place's country ("travelled to Lahore"), unless it is the visitor's own
VISIT_CODES = ("042",)
# investigations, administrative sanctions, arrests, expulsions: only a state does these, so "was arrested in
# Lebanon" (an agentless passive) names its source, the state where it happened; "was expelled from Poland", the
# state left
STATE_ACT_CODES = ("09", "114", "161", "1662", "172", "173", "174")
STATE_ROLES = frozenset({"GOV", "COP", "JUD", "MIL", "SPY"})
EXPULSION_CODES = ("161", "1662", "174")
# curfews, states of emergency, restrictions imposed or eased: a state's measure on the people where it applies, so
# with no target of its own it targets the country of the place named ("lifted the curfew in Darfur"), its own too;
# with no place named the target stays null, as the contract says
DOMESTIC_MEASURE_CODES = ("081", "172")
NAME_KINDS = frozenset({"name", "capital", "person", "org", "group", "region"})
MODE_CODES = {"aerial": "195", "drone": "1952"}
# the intent to do what a cooperative root names, where a trigger's row gives none (the CAMEO codebook's 03 codes:
# 036 to meet or negotiate, 032 to cooperate diplomatically, 031 materially, 033 to give aid, 035 to yield)
INTENT_OF_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
# only a state complains officially (114); when citizens, parties or unions "protest", they demonstrate (141)
OFFICIAL_ONLY = {"114": "141"}
NON_STATE_ROLES = frozenset({"CVL", "OPP", "LAB", "EDU", "REL", "REB", "INS"})
# a protest's (PROTEST_ROOT) demands and appeals ("demonstrated to demand reforms", "calling for independence") are
# part of the protest event, as CAMEO's 14 subcodes (protest for leadership change, for policy change, ...) code them
DEMAND_ROOTS = frozenset({"02", "10"})


@dataclass
class ArticleContext:
    doc_id: str
    published: date | None
    discourse: Discourse = field(default_factory=Discourse)
    last_speaker: Mention | None = None
    mentions: dict[int, list[Mention]] = field(default_factory=dict)
    # dependency trees parsed ahead for the article (`SentenceCoder.trees`); None: parse each sentence as needed
    trees: dict[int, Tree] | None = None
    recognised: dict[int, Recognised] = field(default_factory=dict)  # actors found while choosing what to parse
    explanations: list[SentenceExplanation] | None = None  # filled when the caller asks why (`--explain`)


@dataclass(frozen=True)
class Ontology:
    codebook: Codebook
    plover: PloverMap


class SentenceCoder:
    def __init__(
        self,
        language: Language,
        gazetteer: Gazetteer,
        triggers: TriggerLexicon,
        ontology: Ontology,
        places: Places,
        parser: Parser | None = None,
    ):
        self.language = language
        self._infinitive_markers = language.words("clauses", "infinitive_markers") | {"zu"}  # as in syntax.py
        self._prepositions = language.words("arguments", "prepositions")
        self.parser = parser
        self.tree_repair = TreeRepair(language)
        self.gazetteer = gazetteer
        self.triggers = triggers
        self.ontology = ontology
        self.places = places
        self.resolver = Resolver(language, gazetteer.countries)
        origins = language.optional_words("arguments", "origin_prepositions")
        self.place_roles = PlaceRoles(places, gazetteer.countries, Locatives.of(language), origins)
        self.splitter = ClauseSplitter(language)
        self.arguments = ArgumentFinder(language)
        self.modality = ModalityJudge(language)
        self.times = TimeFinder(language)
        clause_words = language.grammar["clauses"]
        self.complementizers = frozenset(clause_words.get("complementizers", []))
        self.infinitive_markers = frozenset(clause_words["infinitive_markers"]) | {"zu"}
        self.coordinators = frozenset(clause_words["coordinators"])
        self._condition_openers = frozenset(clause_words.get("conditionals", [])) | frozenset(
            clause_words.get("verb_first_conditions", [])
        )

    def code(self, sentence: Sentence, context: ArticleContext) -> list[Event]:
        tokens = list(sentence.tokens)
        found = context.recognised.pop(sentence.index, None) or self._recognise(tokens, context.published)
        places = [(first, place.country) for first, _, place in self.places.find([t.text for t in tokens])]
        mentions = self.resolver.resolve(tokens, found, context.discourse, places)
        finish_texts(sentence.text, mentions)
        context.mentions[sentence.index] = mentions
        tree = self._sentence_tree(sentence, tokens, found, context)
        marks = tree.clause_marks() if tree is not None else {}
        parse = self.splitter.split(tokens, {m.first for m in mentions}, marks)
        names = frozenset(  # words of actor names ("Islamic Jihad"); role words ("Diplomaten") stay usable
            i
            for m in mentions
            if m.kind in NAME_KINDS
            for i in range(m.first, m.last + 1)
            if m.start <= tokens[i].start and tokens[i].end <= m.end
        )
        roles = frozenset(i for m in mentions if m.kind == "role" for i in range(m.first, m.last + 1))
        names |= self._role_modifiers(tokens, mentions)
        determined = tree.determined(self._infinitive_markers) if tree is not None else frozenset()
        matches = self.triggers.find(tokens, parse.clause_of, names, roles, determined)
        if any(m.entry.conditional for m in matches) and not self._sets_condition(tokens, parse):
            matches = [m for m in matches if not m.entry.conditional]
        view = self.arguments.view(sentence.text, tokens, mentions, parse)
        speaker = self.arguments.speaker(view)
        if speaker is None and any(c.quoted for c in parse.clauses):
            speaker = context.last_speaker
        by_match: list[list[Event]] = []
        assignments: list[Assignment | None] = []
        if matches:
            times = self.times.find(tokens, context.published)
            governed = governed_matches(tokens, matches, parse, tree, self.complementizers, self.coordinators)
            for number, match in enumerate(matches):
                governors = {matches[g].entry.cameo[:2] for g in governed.get(number, ())}
                no_event = match.entry.cameo == NO_EVENT  # "Menschenleben gefordert": the words report nothing
                if no_event or (PROTEST_ROOT in governors and match.entry.cameo[:2] in DEMAND_ROOTS):
                    by_match.append([])
                    assignments.append(None)
                    continue
                assignment = self.arguments.assign(view, match, speaker, matches, tree)
                assignments.append(assignment)
                by_match.append(
                    self._events(sentence, view, assignment, speaker, times, context, governors - {PROTEST_ROOT})
                )
            deniers = {a.denied_by for a in assignments if a is not None and a.denied_by is not None}
            for number, match in enumerate(matches):  # "rejected reports that ...": the report's event, negated
                if deniers.intersection(match.tokens) and assignments[number] is not None:
                    by_match[number] = []
            targets_from_governed(by_match, governed)
            ask_for_governed(by_match, matches, governed, self.ontology.codebook, self.ontology.plover)
            threaten_with_governed(by_match, matches, governed, self.ontology.codebook, self.ontology.plover)
        if context.explanations is not None:
            outcomes = [
                (m, a, e, "" if a is not None else unassigned(m))
                for m, a, e in zip(matches, assignments, by_match, strict=True)
            ]
            candidates = self.triggers.candidates(tokens, parse.clause_of, names, determined)
            context.explanations.append(
                explain_sentence(
                    sentence.index, sentence.text, tokens, mentions, candidates, outcomes, tree is not None
                )
            )
        context.discourse.remember(mentions)
        context.last_speaker = speaker or context.last_speaker
        return unique([event for events in by_match for event in events])

    @staticmethod
    def _state_reporter(speaker: Mention | None, targets: list[Mention | None]) -> Mention | None:
        """The speaker of a sentence reporting a state act in the passive, where it is a state body (ministry,
        police, court) and not the act's patient: the one who acted ("wie die Polizei mitteilte, wurden drei
        Demonstranten festgenommen")."""
        if speaker is None or speaker.actor.role not in STATE_ROLES or any(t is speaker for t in targets):
            return None
        return speaker

    def _sets_condition(self, tokens: list[Token], parse: ClauseParse) -> bool:
        """Whether a clause of the sentence is a condition ("if it attacks", "Sollte Kiew ... einsetzen"): a warning
        that sets one is a threat ("warnte, sollte die Ukraine Raketen einsetzen, werde Moskau reagieren")."""
        return any(
            clause.kind == "sub" and tokens[clause.first].lower in self._condition_openers for clause in parse.clauses
        ) or bool(tokens and tokens[0].lower in self._condition_openers)

    def _role_modifiers(self, tokens: list[Token], mentions: list[Mention]) -> set[int]:
        """Where nouns are not capitalised, the lower-case words before a role's head describe the actor ("Riot
        police", "rebel forces", "strike committee"): no event of their own. (German writes these as compounds.)"""
        if self.language.rules.nouns_capitalised:
            return set()
        found = set()
        for mention in (m for m in mentions if m.kind == "role"):
            words = tokens[mention.first : mention.last + 1]
            if any(t.lower in self._prepositions for t in words):
                continue  # "peacekeepers in Iraq": the role word is not the phrase's last
            found |= {t.i for t in words[:-1] if t.text.islower() or (t.i == 0 and t.text[1:].islower())}
        return found

    def _sentence_tree(
        self, sentence: Sentence, tokens: list[Token], found: Recognised, context: ArticleContext
    ) -> Tree | None:
        """The sentence's dependency tree: parsed ahead in a batch (`trees`), or here by the same test (a trigger
        word and an actor)."""
        if context.trees is not None:
            return context.trees.get(sentence.index)
        if self.parser is None or not (found.mentions or found.roles) or not self.triggers.may_match(tokens):
            return None
        return self.tree_repair.repair(Tree(tuple(dependencies.parse(self.parser, [t.text for t in tokens]))))

    def trees(self, sentences: list[Sentence], context: ArticleContext) -> dict[int, Tree]:
        """Trees for the sentences that may hold an event (a trigger word and an actor), parsed in one batch; the
        actors recognised on the way are kept in the context for `code`."""
        if self.parser is None:
            return {}
        chosen = []
        for sentence in sentences:
            tokens = list(sentence.tokens)
            if not self.triggers.may_match(tokens):
                continue
            found = self._recognise(tokens, context.published)
            context.recognised[sentence.index] = found
            if found.mentions or found.roles:
                chosen.append(sentence)
        parsed = dependencies.parse_many(self.parser, [[t.text for t in s.tokens] for s in chosen])
        return {s.index: self.tree_repair.repair(Tree(tuple(p))) for s, p in zip(chosen, parsed, strict=True)}

    def _recognise(self, tokens: list[Token], day: date | None) -> Recognised:
        return recognise(tokens, self.gazetteer, self.language, day)

    def _events(
        self,
        sentence: Sentence,
        view: SentenceView,
        assignment: Assignment,
        speaker: Mention | None,
        times: list[TimeExpression],
        context: ArticleContext,
        governed_by: set[str] | None = None,
    ) -> list[Event]:
        match, clause, parse = assignment.match, assignment.clause, view.parse
        if assignment.attributive:
            return []
        governing = (
            parse.clauses[clause.parent] if clause.kind in {"sub", "inf"} and clause.parent is not None else None
        )
        modality = self.modality.judge(view.tokens, match, clause, governing)
        if assignment.negation_elsewhere:  # the tree says the negation belongs to another verb
            modality = Modality(False, modality.hypothetical, modality.intent)
        if assignment.supposition_elsewhere:  # and so the modal or conditional words
            modality = Modality(modality.negated, False, modality.intent)
        if assignment.supposed:  # "a Colombian raid into Venezuela would be a cause for war"
            modality = Modality(modality.negated, True, modality.intent)
        if assignment.announced:  # "kündigte an, die Gespräche fortzusetzen"
            modality = Modality(modality.negated, modality.hypothetical, True)
        if assignment.denied:  # "denied that its drones entered Polish airspace"
            modality = Modality(True, modality.hypothetical, modality.intent)
        if match.entry.speaker:  # the demand itself is real; what is demanded is not
            modality = Modality(modality.negated, False, False)
        elif governed_by and not (governed_by == {"03"} and modality.intent and match.entry.intent):
            # "offered to mediate" is itself the intent event (036); "rejected an offer to host talks" is not
            modality = Modality(modality.negated, True, False)
        intent = match.entry.intent or INTENT_OF_ROOT.get(match.entry.cameo[:2])
        base_code = intent if modality.intent and intent else match.entry.cameo
        if assignment.sources and all(s.actor.role in NON_STATE_ROLES for s in assignment.sources):
            base_code = OFFICIAL_ONLY.get(base_code, base_code)
        trigger = trigger_span(sentence, view, match)
        when = event_date(match, times, parse, context.published)
        place_targeted = base_code[:2] in PLACE_TARGET_ROOTS or base_code.startswith(VISIT_CODES)
        if place_targeted and assignment.pairs and all(t is None for _, t in assignment.pairs):
            domestic = base_code[:2] in DOMESTIC_PLACE_ROOTS
            place = self.place_roles.place_target(view, clause.tokens, assignment.sources, domestic)
            if place is not None:
                assignment.pairs = [(source, place) for source, _ in assignment.pairs]
                assignment.notes.append(f"target: country of the place named ({place.text})")
        if base_code.startswith(DOMESTIC_MEASURE_CODES) and not any(t for _, t in assignment.pairs):
            place = self.place_roles.place_target(view, clause.tokens, assignment.sources, domestic=True)
            if place is not None:
                assignment.pairs = [(source, place) for source, _ in assignment.pairs]
                assignment.notes.append(f"target: the people where the measure applies ({place.text})")
        if assignment.agentless and assignment.targets and base_code.startswith(STATE_ACT_CODES):
            reporter = self._state_reporter(speaker, assignment.targets)
            if reporter is not None:  # "Wie das Außenministerium mitteilte, wurde der Botschafter einbestellt"
                assignment.pairs = [(reporter, target) for target in assignment.targets]
                assignment.notes.append(f"source: the state body reporting its own act ({reporter.text})")
        if (
            assignment.agentless
            and assignment.targets
            and not assignment.pairs
            and base_code.startswith(STATE_ACT_CODES)
        ):
            expulsion = base_code.startswith(EXPULSION_CODES)
            state = self.place_roles.state_of_place(view, clause.tokens, assignment.targets, expulsion, match.first)
            if state is not None:
                assignment.pairs = [(state, target) for target in assignment.targets]
                assignment.notes.append(f"source: the state where it happened ({state.text})")
        if not assignment.pairs and base_code[:2] in CONFLICT_ROOTS and any(assignment.targets):
            state = self.place_roles.state_of_place(view, clause.tokens, [], False, match.first)
            if state is not None:
                assignment.pairs = [(state, target) for target in assignment.targets if target is not None]
                assignment.notes.append(f"source: unnamed attackers in {state.text}")
        crowd_act = base_code[:2] == PROTEST_ROOT or base_code in OFFICIAL_ONLY  # "Thousands protested"
        if not assignment.pairs and crowd_act and not match.entry.noun:
            crowd = self.place_roles.crowd(view, clause.tokens, match.tokens, match.entry.preps, assignment.targets)
            if crowd is not None:
                assignment.pairs = [crowd]
                base_code = OFFICIAL_ONLY.get(base_code, base_code)
                assignment.notes.append(f"source: unnamed protesters in {crowd[0].text}")
        events = []
        for source, target in assignment.pairs:
            if (
                match.entry.noun
                and target is None
                and (not assignment.own_source or assignment.nested)
                and not assignment.light_verb
            ):
                continue  # "die Zusammenarbeit"; "rejected an Australian ultimatum": no event of its own
            code = MODE_CODES.get(source.mode or "", base_code) if base_code == GENERIC_FORCE else base_code
            event = Event(
                doc_id=context.doc_id,
                language=sentence.language,
                sentence_index=sentence.index,
                sentence=sentence.text,
                source=source,
                target=target,
                trigger=trigger,
                trigger_lemma=" ".join(match.words),
                **event_code_fields(self.ontology.codebook, self.ontology.plover, code),
                date=when[0] if when else None,
                date_precision=when[1] if when else None,
                negated=modality.negated,
                hypothetical=modality.hypothetical and not modality.negated,
                attributed_to=speaker if speaker is not None and speaker is not source else None,
                location=self.place_roles.location(view, clause.tokens, target or source),
                notes=[*assignment.notes, f"trigger: {match.entry.pattern} -> {match.entry.cameo}"],
            )
            event.confidence = confidence(assignment, event)
            event.event_id = stable_event_id(event)
            events.append(event)
        return events
