"""A sentence as the tree rules read it (`Reading`), and the actors a nominal of the tree names (`PhraseFinder`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.events.tree import CLAUSAL, Tree
from dyad.model import Mention

if TYPE_CHECKING:
    from dyad.events.view import SentenceView

# relations through which an argument's phrase reaches the actor that names it: "Sprecher der Rebellen" (nmod
# without a case word, a genitive), "a group of diplomats", "Kremlsprecher Dmitri Peskow" (flat, appos)
INTO_PHRASE = frozenset({"nmod", "flat", "appos", "compound", "amod", "det", "nummod"})


@dataclass(frozen=True)
class Reading:
    """One sentence as the rules read it: its tokens and mentions, its tree, the speaker of what it reports."""

    view: SentenceView
    tree: Tree
    speaker: Mention | None

    def word(self, index: int) -> str:
        return self.view.tokens[index].lower


def verb_lemmas(reading: Reading, verb: int) -> set[str]:
    """A verb's lemmas, and with a separable particle the joined verb ("rief ... auf" -> "aufrufen")."""
    lemmas = set(reading.view.tokens[verb].lemmas)
    for particle in reading.tree.children(verb, "compound:prt"):
        lemmas |= {reading.view.tokens[particle].lower + lemma for lemma in lemmas}
    return lemmas


def participation_frames(entries: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """`participation_verbs` of grammar.toml: "take part in" -> {"in": [("take", "part")]}; the last word is the
    preposition of the frame, the rest the verb."""
    frames: dict[str, list[tuple[str, ...]]] = {}
    for entry in entries:
        *verb, preposition = entry.split()
        frames.setdefault(preposition, []).append(tuple(verb))
    return frames


class PhraseFinder:
    def __init__(self, possessor_cases: frozenset[str]):
        self._possessor_cases = possessor_cases

    def phrase(self, reading: Reading, head: int) -> list[Mention]:
        """The actors a nominal names: the mention over its head or nearest below it, for each conjunct."""
        found: list[Mention] = []
        for conjunct in reading.tree.conjuncts(head):
            mention = self._nearest_mention(reading, conjunct)
            if mention is None:
                continue
            for member in reading.view.group_of(mention):
                if all(member is not m for m in found):
                    found.append(member)
        return found

    def _nearest_mention(self, reading: Reading, head: int) -> Mention | None:
        """A nationality adjective of a singular noun that names no actor ("the French film bombed") makes no actor
        of it; of a plural one it names a group of that country's people ("Russian hackers")."""
        tree, frontier = reading.tree, [head]
        singular = tree.morph(head, "Number") == "Sing"
        while frontier:
            for node in frontier:
                covering = [
                    m
                    for m in reading.view.on_token.get(node, [])
                    if node == head or not (singular and (m.modifier or m.kind == "adjective"))
                ]
                if covering:
                    return max(covering, key=lambda m: (not m.modifier, m.last - m.first))
            frontier = [c for node in frontier for c in tree.children(node) if self._enters(tree, c)]
        return None

    def _enters(self, tree: Tree, child: int) -> bool:
        """Into a modifier of the phrase, and into a nested noun phrase only as its possessor ("of", "von", none)."""
        relation = tree.relation(child)
        if relation in CLAUSAL or relation not in INTO_PHRASE:
            return False
        cases = tree.case_words(child)
        return relation != "nmod" or not cases or bool(self._possessor_cases.intersection(cases))
