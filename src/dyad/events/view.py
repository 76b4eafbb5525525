"""The sentence as the argument rules see it: tokens, actor mentions, clauses, and the questions asked of them."""

from __future__ import annotations

from dataclasses import dataclass

from dyad.events.clauses import Clause, ClauseParse
from dyad.model import Mention, Token


@dataclass
class SentenceView:
    """A sentence with its mentions and clauses, and the questions the argument rules ask of it."""

    text: str
    tokens: list[Token]
    mentions: list[Mention]
    parse: ClauseParse
    prepositions: frozenset[str]
    oblique: frozenset[str]
    place_modifiers: frozenset[str] = frozenset()
    quantifiers: tuple[tuple[str, ...], ...] = ()
    determiners: frozenset[str] = frozenset()  # articles and possessives (grammar.toml [arguments])
    comparisons: frozenset[tuple[str, str]] = frozenset()  # "anders als": the actor after it is compared, not acting

    def __post_init__(self) -> None:
        self.starting = {m.first: m for m in self.mentions}
        self.on_token: dict[int, list[Mention]] = {}
        # coordinated mentions by (group, clause), built once: asking per mention would make the search quadratic
        self._groups: dict[tuple[int, int], list[Mention]] = {}
        for mention in self.mentions:
            for index in range(mention.first, mention.last + 1):
                self.on_token.setdefault(index, []).append(mention)
            if mention.group is not None:
                key = (mention.group, self.parse.clause_of[mention.first])
                self._groups.setdefault(key, []).append(mention)

    def group_of(self, mention: Mention) -> list[Mention]:
        """The mentions coordinated with this one in its clause ("the guerrillas, the Washington Post said" are
        no list)."""
        if mention.group is None:
            return [mention]
        return list(self._groups[(mention.group, self.parse.clause_of[mention.first])])

    def governing_preposition(self, mention: Mention) -> str | None:
        head = self.group_of(mention)[0]
        index = head.first - 1
        skipped = 0
        # a genitive belongs to its noun's phrase ("nach Angaben des Militärs"), a place to its place noun's ("in der
        # omanischen Hauptstadt Maskat")
        attached = not head.genitive and head.kind != "place"
        while index >= 0 and skipped < 4:
            token = self.tokens[index]
            if token.lower in self.prepositions and not self._quantifier(index) and index not in self.parse.marks:
                return token.lower
            if index > 0 and (self.tokens[index - 1].lower, token.lower) in self.comparisons:
                return token.lower
            if token.lower in self.determiners or token.text.isdigit():
                index -= 1
                skipped += 1
                continue
            if token.lower in self.place_modifiers and skipped < 2:  # "in Western Cambodia"
                index -= 1
                skipped += 1
                continue
            if token.text.isalpha() and not token.is_title and skipped < 2 and self._adjective_like(token):
                index -= 1
                skipped += 1
                continue
            if not attached and token.text.isalpha():
                attached, index, skipped = True, index - 1, skipped + 1
                continue
            return None
        return None

    def _quantifier(self, index: int) -> bool:
        """ "up to 100 Albanians", "over 200 students": a preposition before a number counts, it governs nothing."""
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if following is None or not following.text.replace(",", "").isdigit():
            return False
        return any(
            index + 1 >= len(phrase)
            and tuple(t.lower for t in self.tokens[index + 1 - len(phrase) : index + 1]) == phrase
            for phrase in self.quantifiers
        )

    @staticmethod
    def _adjective_like(token: Token) -> bool:
        return token.lower.endswith(("e", "en", "er", "es", "em", "al", "ic", "ian", "ive", "ous", "ish", "ese"))

    def compound_theme(self, noun: int) -> Mention | None:
        """A country's name as the first part of a compound noun is its theme, not its author: "China-Besuch" (a
        visit to China), "Russland-Sanktionen", "Afghanistan-Einsatz". Abbreviations ("US-Angriffe", "EU-Sanktionen"),
        adjectives, organisations and people name the author."""
        for mention in self.on_token.get(noun, []):
            if mention.modifier and mention.kind == "name" and mention.last == noun and not mention.text.isupper():
                return mention
        return None

    def is_oblique(self, mention: Mention) -> bool:
        head = self.group_of(mention)[0]
        return head.first > 0 and self.tokens[head.first - 1].lower in self.oblique

    def in_clause(self, mention: Mention, clause: Clause) -> bool:
        return self.in_clause_index(mention.first, clause)

    def in_clause_index(self, index: int, clause: Clause) -> bool:
        return self.parse.clause_of[index] == clause.id
