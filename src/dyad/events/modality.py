"""Modality stage: is an event denied ("keinen militärischen Beistand", "did not attack"), only supposed ("würden",
"Möglichkeit von Militärschlägen", "would strike"), or announced as an intention ("bereit sei, zu vermitteln")?

Scope is the trigger's clause; subordinate and infinitive clauses also see their governing clause, so "bereit sei,
zwischen X und Y zu vermitteln" is an intention and "Unklar ist, ob ..." a supposition. Where there is a parse, the
tree narrows this scope (`TreeModality.negation_elsewhere` / `supposition_elsewhere` in tree_modality.py): a negation or
modal word that hangs from another, coordinated verb does not count for the trigger.
"""

from __future__ import annotations

from dataclasses import dataclass

from dyad.events.clauses import Clause
from dyad.events.triggers import TriggerMatch
from dyad.lang import Language
from dyad.model import Token

NOUN_NEGATION_WINDOW = 4


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool
    hypothetical: bool
    intent: bool


class ModalityJudge:
    def __init__(self, language: Language):
        words = language.grammar["modality"]
        self._negation = frozenset(words["negation"])
        self._negative_determiners = frozenset(words.get("negative_determiners", []))
        self._hypothetical = frozenset(words["hypothetical"])
        self._intent = frozenset(words["intent"])
        self._reported_future = frozenset(words.get("reported_future", []))
        self._case_sensitive_nouns = not language.rules.nouns_capitalised
        self._modal_anywhere = language.rules.subject_anywhere
        self._denial = frozenset(words.get("denial_verbs", []))
        self._complementizers = frozenset(language.grammar["clauses"].get("complementizers", []))
        self._coordinators = frozenset(language.grammar["clauses"]["coordinators"])

    def judge(self, tokens: list[Token], match: TriggerMatch, clause: Clause, governing: Clause | None) -> Modality:
        own = [tokens[i] for i in clause.tokens]
        if not self._modal_anywhere:
            own = [t for t in own if t.i <= match.last]  # English modals precede the verb: "would strike"
        joined = next((t.i for t in own if t.i > match.last and t.lower in self._coordinators), None)
        if joined is not None:  # "hat X verlangt und die Erklärungen als «nicht ausreichend» bezeichnet"
            own = [t for t in own if t.i < joined]
        wider = own + ([tokens[i] for i in governing.tokens] if governing is not None and clause.kind == "inf" else [])
        intent_scope = wider
        if match.entry.noun:
            intent_scope = tokens[max(0, match.first - NOUN_NEGATION_WINDOW) : match.first]
        intent = self._any(intent_scope, self._intent)
        hypothetical_words = self._hypothetical
        reported = clause.speech or (governing is not None and governing.speech)
        if reported and not match.entry.noun and self._any(own, self._reported_future):
            intent = True  # "said they would boycott": the "will" of the speaker, shifted back, not a supposition
            hypothetical_words = hypothetical_words - self._reported_future
        # a supposition inside the trigger's own words is its object's ("an investigation into possible war crimes")
        inside = set(range(match.first + 1, match.last)) - set(match.tokens)
        hypothetical = self._any([t for t in wider if t.i not in inside], hypothetical_words)
        negated = self._negated(tokens, match, own) or self._denied(tokens, clause, governing)
        return Modality(negated=negated, hypothetical=hypothetical, intent=intent)

    def _denied(self, tokens: list[Token], clause: Clause, governing: Clause | None) -> bool:
        """What a clause of denial governs ("bestritt, Waffen geliefert zu haben", "denied that it attacked"): a
        complement clause below a verb of denial."""
        if governing is None or not clause.is_complement(tokens, self._complementizers):
            return False
        return any(self._denial.intersection(tokens[i].lemmas) for i in governing.tokens)

    def _negated(self, tokens: list[Token], match: TriggerMatch, own: list[Token]) -> bool:
        own = [t for t in own if t.i not in match.tokens]  # a negator of the pattern itself ("nicht äußern": 011)
        if not match.entry.noun:
            return self._any(own, self._negation)
        window = tokens[max(0, match.first - NOUN_NEGATION_WINDOW) : match.first]
        determiners = self._negative_determiners  # "keine Angriffe", "no talks": the noun's own negation
        determiner_negation = any(t.lower in determiners for t in window)
        adverb_negation = any(t.lower in self._negation and t.lower not in determiners for t in own)
        return determiner_negation or adverb_negation

    def _any(self, tokens: list[Token], words: frozenset[str]) -> bool:
        for token in tokens:
            if token.lower in words:
                if self._case_sensitive_nouns and token.is_title and token.i > 0:
                    continue  # English "May" the month, not the modal
                return True
        return False
