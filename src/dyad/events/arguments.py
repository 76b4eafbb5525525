"""Argument stage: who did it (source) and to whom (target), for each trigger.

Where the sentence has a dependency tree, the tree rules (`syntax.py`) decide the constructions: passives with an
agent, control, relative clauses, participles, coordination, pronouns of reported speech, and targets in the
trigger's frame. In a plain active clause the clause rules' subject stands where they find one (the parsers are
weakest there, at unknown names), unless the tree's subject names no actor and theirs is the tree's object. The
clause rules (`clause_rules.py`) decide everything when there is no parse, and whatever the tree leaves open.
Then, for every sentence:
- a target that is the patient of an event noun ("kritisierte die Tötung des X") is replaced by that event's
  source, since the criticism is of whoever killed, not of the victim;
- coordinated actors give one event per source-target pair; a reciprocal trigger ("Putin und Netanjahu
  telefonierten") with two coordinated subjects and no target gives one event for the pair.
See docs/coding-rules.md for examples.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dyad.events.clause_rules import IRREALIS_CODES, PROTEST_ROOT, ClauseRules
from dyad.events.clauses import Clause
from dyad.events.syntax import Reading, TreeAnswer, TreeArguments
from dyad.events.tree import Tree
from dyad.events.tree_modality import TreeModality
from dyad.events.triggers import TriggerMatch
from dyad.events.view import SentenceView
from dyad.lang import Language
from dyad.model import Mention

__all__ = ["IRREALIS_CODES", "PROTEST_ROOT", "ArgumentFinder", "Assignment", "SentenceView"]


@dataclass
class Assignment:
    match: TriggerMatch
    sources: list[Mention]
    targets: list[Mention | None]
    clause: Clause
    own_source: bool = False
    nested: bool = False
    light_verb: bool = False
    agentless: bool = False
    attributed_to: Mention | None = None
    pairs: list[tuple[Mention, Mention | None]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    negation_elsewhere: bool = False  # from the tree: every negation of the sentence belongs to another verb
    supposition_elsewhere: bool = False  # and every modal or conditional word
    announced: bool = False  # from the tree: a verb of intention governs the trigger
    denied: bool = False  # and a verb of denial: "denied attacking the hospital"
    denied_by: int | None = None  # the verb rejecting a report of it ("rejected reports that ..."): no event itself
    mutual: bool = False  # a reciprocal word ("each other"): coordinated sources act on one another
    supposed: bool = False  # from the tree: an event noun is the subject of a modal ("a raid would be ...")
    attributive: bool = False  # from the tree: a participle describing its noun ("the jailed activist"): no event


class ArgumentFinder(ClauseRules):
    def __init__(self, language: Language):
        super().__init__(language)
        self.tree_rules = TreeArguments(language)
        self.tree_modality = TreeModality(language)
        self._reciprocals = tuple(
            tuple(words.split()) for words in language.grammar["arguments"].get("reciprocals", [])
        )

    def assign(
        self,
        view: SentenceView,
        match: TriggerMatch,
        speaker: Mention | None,
        all_matches: list[TriggerMatch],
        tree: Tree | None = None,
    ) -> Assignment:
        clause = view.parse.clause(match.first)
        entry = match.entry
        result = Assignment(match, [], [], clause)
        if entry.speaker:
            return self._speaker_demand(view, result, speaker)
        answer = self._from_tree(view, tree, match, speaker, result)
        tree_source = answer is not None and answer.decided_source
        if tree_source and answer is not None and answer.plain_subject:
            tree_source = self._tree_subject_stands(view, clause, match, speaker, answer, result, tree)
        if tree_source and answer is not None:
            if answer.passive and not answer.sources:
                result.agentless = True
                result.targets = list(answer.targets) or self.clause_subject(view, clause, match.first, speaker)[0]
                return self._by_author_of_setting(view, clause, match, all_matches, result)
        elif agent := self._passive_agent(view, clause, match):
            result.sources = agent
            result.notes.append("passive: source is the agent")
            subject, _ = self.clause_subject(view, clause, None, speaker)
            result.targets = [m for m in subject if m not in agent]
        elif self._agentless_passive(view, clause, match):
            result.targets, _ = self.clause_subject(view, clause, match.first, speaker)
            result.notes.append("passive without agent: the subject is the target, the source is unknown")
            result.agentless = True
            return self._by_author_of_setting(view, clause, match, all_matches, result)
        if entry.noun:
            result.announced = result.announced or self.ready_for(view, match)
            result.nested = self._object_of_other_trigger(view, match, all_matches)
            result.light_verb = not result.nested and self._after_light_verb(view, match, clause)
        if not result.sources and entry.noun and not tree_source:
            own = self._noun_source(view, match)
            if own:
                result.sources, why = own, "modifier of the event noun"
                result.own_source = True
                result.notes.append(why)
            elif self._noun_in_phrase(view, match):
                result.notes.append("event noun inside a prepositional phrase: no clause subject")
                return result
            elif self._object_of_other_trigger(view, match, all_matches):
                result.notes.append("event noun is the object of another event: no clause subject")
                return result
        if not result.sources and not tree_source:
            anchor = self._coordinated_verb_anchor(view, clause, match, all_matches)
            result.sources, why = self.clause_subject(view, clause, anchor, speaker)
            if not result.sources:
                result.sources, why = self.inherited_subject(view, clause, speaker)
            if not result.sources:
                result.sources, why = self._role_in_trigger(view, match)
            if why:
                result.notes.append(f"source: {why}")
        if answer is not None and answer.decided_target and any(t in result.sources for t in result.targets):
            # the tree's object is the clause rules' subject (a parse that found two objects): theirs decide both
            result.targets = [t for t in result.targets if t is not None and t not in result.sources]
        if not result.targets:
            result.targets = self.target_rules.targets(view, match, clause, result.sources)
        object_relative = clause.kind == "rel" and view.tokens[clause.first].lower in self._object_relatives
        if object_relative and all(t is None for t in result.targets):
            antecedent = [m for m in self._antecedent(view, clause) if m not in result.sources]
            if antecedent:
                result.targets = list(antecedent)
                result.notes.append("target: the antecedent of an object relative clause")
        result.targets = [self._through_nested_event(view, match, t, all_matches) for t in result.targets]
        result.mutual = self._mutual(view, clause)
        if entry.recip and len(result.sources) >= 2 and not self._framed(view, match, result.targets):
            result.targets = []  # "X and Y began joint drills, despite protests from Z": a pair, Z is no partner
        if entry.received:
            self._received(view, match, result)
        result.pairs = self._pairs(result)
        return result

    @staticmethod
    def _received(view: SentenceView, match: TriggerMatch, result: Assignment) -> None:
        """ "Angola erhielt Hilfe von der EG", "the plan drew criticism from Tokyo": the subject receives the act,
        and the actor in the frame's phrase does it; where the sentence names none, the source is unknown."""
        doers = [t for t in result.targets if t is not None and view.governing_preposition(t) in match.entry.preps]
        result.targets = [s for s in result.sources if s not in doers] or [None]
        result.sources = doers
        result.notes.append("received: the actor of the frame phrase is the source, the subject the target")

    @staticmethod
    def _framed(view: SentenceView, match: TriggerMatch, targets: list[Mention | None]) -> bool:
        """Whether a target is named in the trigger's frame ("talks with Z", "Abkommen mit Z")."""
        return any(t is not None and view.governing_preposition(t) in match.entry.preps for t in targets)

    @staticmethod
    def _role_in_trigger(view: SentenceView, match: TriggerMatch) -> tuple[list[Mention], str]:
        """ "Nigeria's labour unions began a strike" (`unions ... strike`): a role word the pattern itself names
        is the actor, where nothing else is."""
        inside = [m for m in view.mentions if m.kind == "role" and any(m.covers(i) for i in match.tokens)]
        return (view.group_of(inside[0]), "the role the trigger names") if inside else ([], "")

    def _tree_subject_stands(
        self,
        view: SentenceView,
        clause: Clause,
        match: TriggerMatch,
        speaker: Mention | None,
        answer: TreeAnswer,
        result: Assignment,
        tree: Tree | None = None,
    ) -> bool:
        """A plain active clause: where the clause rules find a subject of their own, theirs stands (the parsers are
        weakest at unknown names in plain clauses, "Modi besuchte die USA"), unless the tree's subject names no
        actor and theirs is the tree's object; the tree keeps the constructions the clause rules cannot read and the
        plain clauses where they find no subject."""
        subject, _ = self.clause_subject(view, clause, match.first, speaker)
        if not subject or (answer.sources and subject[0] is answer.sources[0]):
            return True
        if answer.sources and all(any(s is t for t in answer.sources) for s in subject):
            return True  # the same subject, with a conjunct the clause rules missed ("Ireland, Spain and Norway")
        if not answer.sources and any(s is t for s in subject for t in answer.targets):
            return True  # "Die Polizei nahm Journalisten fest": an unnamed subject, and the object is no source
        if not answer.sources and tree is not None and self._outside_the_clause(tree, match, subject[0]):
            return True  # "the police chief said three gunmen attacked": the speaker is not the unnamed gunmen
        result.sources = []
        result.targets = [t for t in result.targets if t is None or all(t is not s for s in subject)]
        result.notes.append("source: the clause rules' subject differs from the tree's; theirs stands")
        return False

    @staticmethod
    def _outside_the_clause(tree: Tree, match: TriggerMatch, mention: Mention) -> bool:
        """Whether a mention lies outside the trigger's clause, which is the complement of another verb: the tree
        found a subject of the trigger's own that names no actor, so the governing clause's actor is not it."""
        verb = tree.top(match.tokens)
        if tree.relation(verb) not in {"ccomp", "parataxis"}:
            return False
        return not set(range(mention.first, mention.last + 1)) & set(tree.subtree(verb))

    def _from_tree(
        self, view: SentenceView, tree: Tree | None, match: TriggerMatch, speaker: Mention | None, result: Assignment
    ) -> TreeAnswer | None:
        """The tree's sources and targets, where it has a slot for them (see syntax.py); None without a parse."""
        if tree is None:
            return None
        entry, reading = match.entry, Reading(view, tree, speaker)
        if entry.noun:
            answer = self.tree_rules.noun_targets(reading, match.tokens, entry.preps, entry.between)
            result.supposed = self.tree_modality.supposed_subject(reading, match.tokens)
        else:
            answer = self.tree_rules.verb(reading, match.tokens, entry.preps, entry.between, not entry.intransitive)
            result.negation_elsewhere = self.tree_modality.negation_elsewhere(reading, match.tokens)
            result.supposition_elsewhere = self.tree_modality.supposition_elsewhere(reading, match.tokens)
            result.announced = self.tree_modality.announced(reading, match.tokens)
            result.denied = self.tree_modality.denied(reading, match.tokens)
            result.denied_by = self.tree_modality.report_denier(reading, match.tokens)
            result.denied = result.denied or result.denied_by is not None
            result.attributive = self.tree_rules.attributive(reading, match.tokens)
        if answer.decided_source:
            result.sources = list(answer.sources)
            result.own_source = answer.own_source
        if answer.decided_target:
            result.targets = list(answer.targets) or [None]
        result.notes += answer.notes
        return answer

    def _speaker_demand(self, view: SentenceView, result: Assignment, speaker: Mention | None) -> Assignment:
        """ "Russia said Sudan must return the helicopter": the speaker demands something of the clause's subject."""
        subject, _ = self.clause_subject(view, result.clause, result.match.first, None)
        if speaker is None or not subject:
            result.notes.append("demand by modal verb needs a speaker and a subject")
            return result
        result.sources = [speaker]
        result.targets = [m for m in subject if m.actor.country != speaker.actor.country]
        result.notes.append("demand: the speaker asks the subject of the reported clause")
        result.pairs = self._pairs(result) if result.targets else []
        return result

    @staticmethod
    def _through_nested_event(
        view: SentenceView, match: TriggerMatch, target: Mention | None, matches: list[TriggerMatch]
    ) -> Mention | None:
        """ "kritisierte die Tötung des X": X is the victim of the killing, not the target of the criticism."""
        if target is None:
            return None
        for other in matches:
            if other is match or not other.entry.patient:
                continue
            if match.last < other.first < target.first:
                return None
        return target

    def _by_author_of_setting(
        self,
        view: SentenceView,
        clause: Clause,
        match: TriggerMatch,
        all_matches: list[TriggerMatch],
        result: Assignment,
    ) -> Assignment:
        """ "Three soldiers were killed in a Hezbollah attack", "wurden bei einem Angriff der Hisbollah getötet": an
        agentless passive done in an event whose noun names its author (in a phrase of the verb's clause; after the
        verb in English) was done by that author. A setting with a target of its own ("in a Russian strike on
        Odesa") is the event itself, and the passive adds none."""
        for other in all_matches:
            if not other.entry.noun or other is match or not view.in_clause_index(other.first, clause):
                continue
            if not self._subject_anywhere and other.first <= match.last:
                continue
            before = [view.tokens[i].lower for i in range(max(0, other.first - 3), other.first)]
            after = [view.tokens[i].lower for i in range(other.last + 1, min(len(view.tokens), other.last + 3))]
            if not self._prepositions.intersection(before) or other.entry.preps.intersection(after):
                continue
            author = [m for m in self._noun_source(view, other) if m not in result.targets]
            if author:
                result.sources, result.agentless = author, False
                result.notes.append(f"source: the author of the {view.tokens[other.first].text} it happened in")
                result.pairs = self._pairs(result)
                break
        return result

    def _mutual(self, view: SentenceView, clause: Clause) -> bool:
        """A reciprocal word in the trigger's clause ("accused each other", "werfen sich gegenseitig vor")."""
        words = [(view.tokens[i].lower, view.tokens[i].lemma) for i in clause.tokens]
        for phrase in self._reciprocals:
            for start in range(len(words) - len(phrase) + 1):
                if all(word in words[start + n] for n, word in enumerate(phrase)):
                    return True
        return False

    @staticmethod
    def _pairs(result: Assignment) -> list[tuple[Mention, Mention | None]]:
        sources, targets = result.sources, [t for t in result.targets if t is not None]
        if not sources:
            return []
        if not targets and (result.match.entry.recip or result.mutual) and len(sources) >= 2:
            pairs = [(a, b) for n, a in enumerate(sources) for b in sources[n + 1 :] if a.actor.code != b.actor.code]
            if result.match.entry.recip:
                return pairs  # talks, calls, agreements: one event per pair
            return [*pairs, *((b, a) for a, b in pairs)]  # a directed act done to each other: both directions
        if not targets:
            return [(source, None) for source in sources]
        return [(s, t) for s in sources for t in targets if s.actor.code != t.actor.code]
