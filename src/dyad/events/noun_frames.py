"""What the words around an event noun say about its arguments, from the dependency tree: the verb of participation
whose phrase it is ("beteiligt sich an den Luftangriffen": the subject takes part), and the author of a noun of
decision, plan or offer, whose infinitive it controls ("die Entscheidung Deutschlands, Panzer zu liefern"). Words
per language in grammar.toml's [arguments] (`participation_verbs`, `authoring_prepositions`).
"""

from __future__ import annotations

from dyad.events.reading import Reading, participation_frames, verb_lemmas
from dyad.lang import Language


class NounFrames:
    def __init__(self, language: Language):
        arguments = language.grammar["arguments"]
        self._participation = participation_frames(
            [*arguments.get("participation_verbs", []), *arguments.get("readiness_frames", [])]
        )
        self._authoring = frozenset(arguments.get("authoring_prepositions", []))

    def participation_verb(self, reading: Reading, noun: int) -> int | None:
        tree = reading.tree
        verb = tree.head(noun)
        if verb is None or tree.relation(noun) != "obl":
            return None
        lemmas = verb_lemmas(reading, verb)
        below = {reading.word(c) for c in tree.children(verb)}
        for case in tree.case_words(noun):
            for words in self._participation.get(case, ()):
                if words[0] in lemmas and set(words[1:]) <= below:
                    return verb
        return None

    def author(self, reading: Reading, noun: int) -> int | None:
        """Whose decision, plan or offer a noun is: its possessor ("Turkey's offer"), a genitive ("die
        Entscheidung Deutschlands": an `nmod` without a case word) or an authoring phrase ("the decision by Germany",
        "der Plan von Macron")."""
        tree = reading.tree
        for child in tree.children(noun, "nmod:poss", "nmod"):
            cases = set(tree.case_words(child))
            if tree.dep(child) == "nmod:poss" or not cases or cases & self._authoring:
                return child
        return None
