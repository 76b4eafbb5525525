"""Negation and modality from the dependency tree: which negations and modal words belong to the trigger, and
what a verb of intention governs. The clause-level judge (`modality.py`) decides; this narrows its scope where
there is a parse: a negation or modal word that hangs from another, coordinated verb does not count for the
trigger ("did not strike Iran but attacked Lebanon"), unless the trigger has no finite form of its own ("did not
strike Iran or attack Lebanon"); a subordinator scopes over its clause's conjuncts. Words per language in
grammar.toml ([modality] negation, hypothetical, intent_verbs).
"""

from __future__ import annotations

from dyad.events.syntax import Reading, verb_lemmas
from dyad.events.tree import CLAUSAL, Tree
from dyad.lang import Language


class TreeModality:
    def __init__(self, language: Language):
        modality = language.grammar["modality"]
        self._negation = frozenset(modality["negation"])
        self._hypothetical = frozenset(modality["hypothetical"])
        self._intent_verbs = frozenset(modality.get("intent_verbs", []))
        self._denial_verbs = frozenset(modality.get("denial_verbs", []))
        self._report_nouns = frozenset(modality.get("report_nouns", []))
        self._report_denials = frozenset(modality.get("report_denial_verbs", []))
        self._report_marks = frozenset(modality.get("report_complementizers", []))

    def negation_elsewhere(self, reading: Reading, tokens: tuple[int, ...]) -> bool:
        """Every negation of the sentence belongs to another verb ("did not strike Iran but attacked Lebanon": the
        attack on Lebanon is not denied)."""
        return self._markers_elsewhere(reading, tokens, self._negation)

    def supposition_elsewhere(self, reading: Reading, tokens: tuple[int, ...]) -> bool:
        """Every modal or conditional word of the sentence belongs to another verb ("Russia could attack Ukraine
        and criticised NATO": only the attack is supposed)."""
        return self._markers_elsewhere(reading, tokens, self._hypothetical)

    def supposed_subject(self, reading: Reading, tokens: tuple[int, ...]) -> bool:
        """An event noun that is the subject of a supposition ("a Colombian raid ... would be a cause for war", "ein
        Angriff würde einen Krieg bedeuten"): a modal auxiliary on the verb it is the subject of."""
        tree = reading.tree
        noun = tree.top(tokens)
        verb = tree.head(noun)
        if verb is None or tree.relation(noun) != "nsubj":
            return False
        return any(reading.word(a) in self._hypothetical for a in tree.children(verb, "aux"))

    def announced(self, reading: Reading, tokens: tuple[int, ...]) -> bool:
        """Whether the trigger is what a verb of intention governs ("kündigte an, die Gespräche fortzusetzen",
        "pledged to send aid"): the intent, not the act (particle verbs joined: `intent_verbs` in grammar.toml)."""
        return bool(self._intent_verbs & self._governing_lemmas(reading, tokens, adverbial=False))

    def denied(self, reading: Reading, tokens: tuple[int, ...]) -> bool:
        """Whether the trigger is what a verb of denial governs ("denied attacking the hospital", "bestritt, Waffen
        geliefert zu haben"): `denial_verbs` in grammar.toml."""
        return bool(self._denial_verbs & self._governing_lemmas(reading, tokens, adverbial=True))

    def report_denier(self, reading: Reading, tokens: tuple[int, ...]) -> int | None:
        """The verb that rejects a report of the trigger ("rejected reports that Thailand had deported ...", "wies
        Berichte zurück, wonach Putin telefoniert habe"): the trigger's clause hangs from a report noun that is the
        verb's object, or from the verb itself, introduced by a complementizer, with a report noun as its object."""
        tree = reading.tree
        verb = _first_conjunct(tree, tree.top(tokens))
        governor = tree.head(verb)
        if governor is None or tree.relation(verb) not in {"acl", "ccomp", "advcl"}:
            return None
        if self._report_nouns & set(reading.view.tokens[governor].lemmas):
            denier = tree.head(governor)
            if denier is not None and self._rejects(reading, denier) and tree.relation(governor) in {"obj", "nsubj"}:
                return denier
            return None
        marked = any(reading.word(m) in self._report_marks for m in tree.children(verb, "mark", "advmod"))
        reported = any(self._report_nouns & set(reading.view.tokens[o].lemmas) for o in tree.children(governor, "obj"))
        return governor if marked and reported and self._rejects(reading, governor) else None

    def _rejects(self, reading: Reading, verb: int) -> bool:
        return bool(self._report_denials & verb_lemmas(reading, verb))

    @staticmethod
    def _governing_lemmas(reading: Reading, tokens: tuple[int, ...], adverbial: bool) -> frozenset[str]:
        """The lemmas of the verb whose complement the trigger, or the conjunct it shares, is: an xcomp, a ccomp,
        and if `adverbial` an advcl without a subordinator (the parsers' reading of "denied attacking"; after
        "announced a ceasefire, ending the fighting" the ending is no intention)."""
        tree = reading.tree
        verb = _first_conjunct(tree, tree.top(tokens))
        governor = tree.head(verb)
        bare_adverbial = adverbial and tree.relation(verb) == "advcl" and not tree.children(verb, "mark")
        if governor is None or (tree.relation(verb) not in {"xcomp", "ccomp"} and not bare_adverbial):
            return frozenset()
        return frozenset(verb_lemmas(reading, governor))

    def _markers_elsewhere(self, reading: Reading, tokens: tuple[int, ...], words: frozenset[str]) -> bool:
        """Whether the sentence has marker words and the tree hangs each from a verb that is neither the trigger,
        nor one of its arguments, nor a verb governing it. Only verbs the tagger calls verbs count, so a garbled
        parse changes nothing; the clause-level judge decides otherwise."""
        tree = reading.tree
        verb = tree.top(tokens)
        arguments = [c for c in tree.children(verb) if tree.relation(c) not in CLAUSAL | {"conj"}]
        own = {verb, *tokens, *arguments}
        markers = [t for t in range(len(tree)) if reading.word(t) in words]
        if not markers:
            return False
        governors = self._governors(tree, verb)
        coordinated = self._coordinated_with(tree, verb)
        finite = tree.morph(verb, "VerbForm") == "Fin" or tree.morph(verb, "Mood") is not None
        for marker in markers:
            head = tree.head(marker)
            if head is None or head in own or tree.tokens[head].upos not in {"VERB", "AUX"}:
                return False
            if head in governors:  # "did not agree to negotiate", "was kaum militärische Hilfe zulässt"
                return False
            if head in coordinated and (tree.relation(marker) == "mark" or not finite):
                return False  # "unless X arranged a ceasefire and held elections", "could attack and seize"
        return True

    def _coordinated_with(self, tree: Tree, verb: int) -> set[int]:
        """The verbs a conjunct is coordinated with, and what governs them: a subordinator scopes over all of a
        clause's conjuncts, an auxiliary or adverb over those without a finite form of their own (the tagger's
        VerbForm=Fin or a Mood: German finite verbs often carry only Mood and Person)."""
        found, current = set(), verb
        while tree.relation(current) == "conj" and (head := tree.head(current)) is not None and head not in found:
            found.add(head)
            current = head
        return found | self._governors(tree, current) if found else found

    @staticmethod
    def _governors(tree: Tree, verb: int) -> set[int]:
        """The words that govern the trigger, up to the first coordination ("did not strike Iran but attacked
        Lebanon": "attacked" hangs from "strike" as a conjunct, so that negation stays with "strike")."""
        found, current = set(), verb
        while tree.relation(current) not in {"conj", "parataxis"} and (head := tree.head(current)) is not None:
            found.add(head)
            current = head
        return found


def _first_conjunct(tree: Tree, verb: int) -> int:
    """The verb a conjunct is coordinated with, up the chain ("denied attacking and shelling": "attacking")."""
    while tree.relation(verb) == "conj" and (head := tree.head(verb)) is not None:
        verb = head
    return verb
