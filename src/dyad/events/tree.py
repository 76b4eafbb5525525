"""A sentence's dependency tree (Universal Dependencies labels) and the questions the argument rules ask of it.

Built from `dyad.text.parse.parse()` over Dyad's own tokens, so token indices are those of the sentence. Relation
names are compared on their universal part ("nsubj:pass" is an "nsubj" with subtype "pass"); a parser trained on
another UD treebank works the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dyad.text.parse import ParsedToken

# relations that open a clause of their own: an argument search does not descend into them
CLAUSAL = frozenset({"acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "list", "dep", "reparandum"})
ARROWS = {"down": "→", "up": "←"}
# what a verb or noun governs as its complement: "drohte, anzugreifen", "denied that it attacked", "offer to host"
COMPLEMENTS = frozenset({"xcomp", "ccomp", "acl"})
# clauses that a subordinator (`mark`) opens: "after Croatia attacked", "that Russia would withdraw"
OPENED_BY_MARK = frozenset({"advcl", "ccomp", "csubj", "acl"})


@dataclass(frozen=True)
class Tree:
    tokens: tuple[ParsedToken, ...]

    def __post_init__(self) -> None:
        children: list[list[int]] = [[] for _ in self.tokens]
        for token in self.tokens:
            if token.head != token.index:
                children[token.head].append(token.index)
        object.__setattr__(self, "_children", tuple(tuple(c) for c in children))

    def __len__(self) -> int:
        return len(self.tokens)

    def dep(self, index: int) -> str:
        return self.tokens[index].dep

    def relation(self, index: int) -> str:
        """The universal part of the relation: "nsubj" for "nsubj:pass"."""
        return self.tokens[index].dep.split(":")[0]

    def head(self, index: int) -> int | None:
        token = self.tokens[index]
        return None if token.head == index else token.head

    def children(self, index: int, *relations: str) -> list[int]:
        """Children with one of `relations` (a full label like "obl:agent" or a universal one like "obl")."""
        found: tuple[int, ...] = self._children[index]  # type: ignore[attr-defined]
        if not relations:
            return list(found)
        return [c for c in found if self.tokens[c].dep in relations or self.relation(c) in relations]

    def subtree(self, index: int, stop: frozenset[str] = CLAUSAL) -> list[int]:
        """The token and what hangs from it, not entering relations in `stop`; in breadth-first order."""
        order, frontier = [index], [index]
        while frontier:
            following = []
            for node in frontier:
                following += [c for c in self.children(node) if self.relation(c) not in stop]
            order += following
            frontier = following
        return order

    def top(self, indices: Iterable[int]) -> int:
        """The token of a group whose head lies outside the group (the group's syntactic head)."""
        members = set(indices)
        for index in sorted(members):
            head = self.head(index)
            if head is None or head not in members:
                return index
        return min(members)

    def case_words(self, index: int) -> list[str]:
        """The lower-cased case markers of a nominal ("mit", "against"; "zwischen")."""
        return [self.tokens[c].text.lower() for c in self.children(index, "case")]

    def conjuncts(self, index: int) -> list[int]:
        """The token and the tokens coordinated with it ("Katar, Ägypten und die USA"); a conjunct needs its
        coordinator or comma (a "conj" without either is a parse error: "die USA Russlands Verbündeten Iran")."""
        order = [index]
        for child in self.children(index, "conj"):
            if self.children(child, "cc", "punct") or (child > 0 and self.dep(child - 1) in ("cc", "punct")):
                order += self.conjuncts(child)
        return order

    def determined(self, infinitive_markers: frozenset[str] = frozenset()) -> frozenset[int]:
        """The words a determiner hangs from ("the", "its", "die"), and the nominals of a preposition ("in Israeli
        jails"): nouns. (A case word of a verb is a mark, not a `case`, in UD; an infinitive marker read as `case`,
        "to mediate", proves nothing.)"""
        return frozenset(
            t.head
            for t in self.tokens
            if t.head != t.index
            and (
                t.dep.split(":")[0] == "det"
                or (t.dep == "case" and t.text.lower() not in infinitive_markers and self.tokens[t.head].upos != "VERB")
            )
        )

    def objects(self, verb: int, relations: tuple[str, ...]) -> list[int]:
        """The verb's children with `relations`; a second subject of an active verb counts as an object (a verb has
        one subject, and it comes first: "bat Russland" mislabelled as a second nsubj next to "Der Iran"), unless a
        preposition marks it (then it is no core argument at all: "based in Beirut")."""
        subjects = self.children(verb, "nsubj")
        second = subjects[1:] if len(subjects) > 1 and not self.children(verb, "nsubj:pass") else []
        mislabelled = [s for s in second if not self.children(s, "case")]
        return sorted(self.children(verb, *relations) + mislabelled)

    def complement_of(self, index: int, governor: Iterable[int]) -> bool:
        """Whether the word at `index` is, or is coordinated with, a complement of the governor's words ("drohte,
        die Ukraine anzugreifen und Kiew zu bombardieren": both; "rejected the plan and launched strikes": no, a
        conjunct of the governor itself). A relative clause is no complement."""
        heads, node, seen = set(governor), index, set()
        while (head := self.head(node)) is not None and node not in seen:
            seen.add(node)
            complement = self.relation(node) in COMPLEMENTS and self.dep(node) != "acl:relcl"
            if complement and head in heads:
                return True
            if not complement and self.relation(node) != "conj":
                return False
            node = head
        return False

    def clause_marks(self) -> dict[int, int | None]:
        """Words that open an adverbial or complement clause ("a day after Croatia attacked", "said that"): a
        `mark` hung from a later word that heads such a clause, or a `case` word hung from the subject of one (a
        parse that reads "after Tehran" as a phrase yet "Tehran" as the subject of "seized"); each with the word
        that clause hangs from."""
        marks: dict[int, int | None] = {}
        for token in self.tokens:
            if token.dep == "mark":
                verb: int | None = token.head
            elif token.dep == "case" and self.relation(token.head) == "nsubj":
                verb = self.head(token.head)
            else:
                continue
            if verb is not None and verb > token.index and self.relation(verb) in OPENED_BY_MARK:
                marks[token.index] = self.head(verb)
        return marks

    def is_passive(self, verb: int) -> bool:
        """A verb with a passive auxiliary that the tagger does not call a non-participle ("werden" with an
        infinitive is a future, no passive; a passive subject without the auxiliary is a parse error more often
        than not: "hatte ... verurteilt")."""
        form = self.morph(verb, "VerbForm")
        return form in (None, "Part") and bool(self.children(verb, "aux:pass"))

    def morph(self, index: int, feature: str) -> str | None:
        return self.tokens[index].morph.get(feature)

    def path(self, start: int, end: int) -> str:
        """The relation path between two tokens, for --explain: "Peskow ←nsubj sagte", "griff →obj Ukraine"."""
        up = self._ancestors(start)
        down = self._ancestors(end)
        common = next((a for a in up if a in down), None)
        if common is None:
            return f"{self.tokens[start].text} … {self.tokens[end].text}"
        steps = [self.tokens[start].text]
        for node in up[: up.index(common)]:
            steps.append(f"{ARROWS['up']}{self.dep(node)} {self.tokens[self.tokens[node].head].text}")
        for node in reversed(down[: down.index(common)]):
            steps.append(f"{ARROWS['down']}{self.dep(node)} {self.tokens[node].text}")
        return " ".join(steps)

    def _ancestors(self, index: int) -> list[int]:
        chain = [index]
        while (head := self.head(chain[-1])) is not None and head not in chain:
            chain.append(head)
        return chain
