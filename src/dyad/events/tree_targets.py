"""Targets read from the dependency tree, and an event noun's own agent (the target half of syntax.py's rules).

Target: an `obl` or `nmod` of any trigger word whose case word is in the trigger's frame ("Kritik an X", "held talks
with X", "zwischen X und Y"), else the object (`obj`/`iobj`; in a passive the subject); where a trigger word other
than the verb has the frame phrase ("urged Serbia to hold talks with Kosovo"), the verb's own object naming an actor
before that word is whom it addresses. An event noun's `nmod` with an agent case word ("by", "durch") is its source
and its genitive the patient. The language supplies the words (`between`, `noun_agent_prepositions`,
`noun_patient_prepositions`, relative pronouns) in its grammar.toml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from dyad.events.reading import PhraseFinder, Reading
from dyad.lang import Language
from dyad.model import Mention

OBJECTS = ("obj", "iobj")  # and "obl:arg", German UD's dative object, where a relative pronoun is one
Frame = tuple[frozenset[str], bool]  # a trigger's frame prepositions, and whether "zwischen/between" names its parties


@dataclass
class TreeAnswer:
    """What the tree says about one trigger's arguments; `decided_*` is False where the tree had no slot."""

    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    decided_source: bool = False
    decided_target: bool = False
    passive: bool = False
    plain_subject: bool = False  # the source is the active verb's own nominal subject, no construction around it
    own_source: bool = False  # an event noun's own agent ("by Turkish police"): the noun is an event of its own
    notes: list[str] = field(default_factory=list)


class TreeTargets:
    def __init__(self, language: Language, phrases: PhraseFinder, core: Callable[[Reading, int], bool]):
        """`core`: whether a nominal is a core argument (no preposition before it)."""
        arguments, clauses = language.grammar["arguments"], language.grammar["clauses"]
        self._between = frozenset(arguments["between"])
        self._relatives = frozenset(clauses["relatives"])
        self._noun_agents = frozenset(arguments.get("noun_agent_prepositions", []))
        self._patient_cases = frozenset(arguments.get("noun_patient_prepositions", []))
        self.phrases = phrases
        self._core = core

    def find(
        self,
        reading: Reading,
        tokens: tuple[int, ...],
        top: int,
        frame: Frame,
        answer: TreeAnswer,
        nominal: bool,
        subjectless: bool,
    ) -> None:
        """The first actor in the trigger's frame: a "mit/with/gegen/zwischen" phrase of any of its words ("held
        talks with X": the phrase hangs from "talks"), else the object (in a passive the subject)."""
        tree = reading.tree
        preps, between = frame
        for word in sorted(tokens, key=lambda t: t != top):
            if word != top and not nominal and self._actor_object(reading, top, word, answer):
                return  # "urged Serbia to hold talks with Kosovo": whom the verb addresses, not the talks' partner
            for child in tree.children(word, "obl", "nmod"):
                cases = set(tree.case_words(child))
                framed = (between and cases & self._between) or cases & preps
                if framed and self.take(reading, word, child, answer, f"{'/'.join(sorted(cases))} phrase"):
                    return
        if nominal:
            return
        relative = [c for c in tree.children(top, *OBJECTS, "obl:arg") if reading.word(c) in self._relatives]
        governor = tree.head(top)
        if (
            relative and tree.dep(top).endswith(":relcl") and governor is not None
        ):  # "Journalisten, denen X ... vorwirft"
            self.take(reading, top, governor, answer, "antecedent of the relative pronoun")
            return
        if answer.passive:
            slots = tree.children(top, "nsubj:pass")
        elif subjectless:
            slots = sorted(tree.children(top, *OBJECTS, "nsubj"))
        else:
            slots = tree.objects(top, OBJECTS)
        if answer.passive and tree.relation(top) in {"acl", "amod"} and (noun := tree.head(top)) is not None:
            slots = [noun]
        kind = "passive subject" if answer.passive else "object"
        for child in [c for c in slots if self._core(reading, c)]:
            if self.take(reading, top, child, answer, kind):
                return
        if answer.passive and tree.relation(top) in {"acl", "amod"}:
            answer.decided_target = True  # the noun the participle modifies is the patient, actor or not
            answer.notes.append("target: the noun the participle modifies (no actor)")

    def _actor_object(self, reading: Reading, verb: int, before: int, answer: TreeAnswer) -> bool:
        """Take the verb's own object as the target where it names an actor and stands before the word `before`
        (the addressee, then what it is asked to do)."""
        if answer.passive:
            return False
        objects = [c for c in reading.tree.objects(verb, OBJECTS) if c < before and self._core(reading, c)]
        named = [  # the object itself names the actor, not a possessor in it ("deepen Manila's ties with Tokyo")
            c for c in objects if any(m.first <= c <= m.last for m in self.phrases.phrase(reading, c))
        ]
        return any(self.take(reading, verb, c, answer, "object") for c in named)

    def noun_agent(self, reading: Reading, noun: int, answer: TreeAnswer) -> None:
        """ "the detention of the mayor by Turkish police", "die Festnahme des Bürgermeisters durch die Polizei": an
        event noun's `nmod` with an agent case word is its source, and then its genitive (`of`, or a German genitive
        without a case word) is the patient, its target."""
        tree = reading.tree
        modifiers = tree.children(noun, "nmod")
        # parsers often hang the agent from the patient ("the killing of protesters by security forces")
        patients = [
            m for m in modifiers if self._patient_cases.intersection(tree.case_words(m)) or not tree.case_words(m)
        ]
        below = modifiers + [c for m in patients for c in tree.children(m, "nmod")]
        agents = [c for c in below if self._noun_agents.intersection(tree.case_words(c))]
        found = self.phrases.phrase(reading, agents[0]) if agents else []
        if not found:
            return
        answer.sources, answer.decided_source, answer.own_source = found, True, True
        answer.notes.append(f"source: agent of the event noun ({tree.path(noun, agents[0])})")
        if answer.decided_target:
            return
        for child in patients:
            if child != agents[0] and self.take(reading, noun, child, answer, "patient of the event noun"):
                return

    def take(self, reading: Reading, head: int, child: int, answer: TreeAnswer, kind: str) -> bool:
        used = {id(m) for m in answer.sources}
        found = [m for m in self.phrases.phrase(reading, child) if id(m) not in used]
        if found:
            answer.targets, answer.decided_target = found, True
            answer.notes.append(f"target: {kind} ({reading.tree.path(head, child)})")
        return bool(found)
