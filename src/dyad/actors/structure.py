"""Mention structure, after the resolve stage: which mentions are genitive attributes or modifiers of a noun, and
which are coordinated ("Israel und dem Iran", "X, Y and Z": one group). The words are the language's, from
grammar.toml ([arguments] genitive_articles, articles, possessives, coordination).
"""

from __future__ import annotations

import itertools

from dyad.lang import Language
from dyad.model import Mention, Token


class MentionStructure:
    def __init__(self, language: Language):
        arguments = language.grammar["arguments"]
        self._markers = frozenset(arguments["genitive_articles"])
        self._articles = frozenset(arguments["articles"])
        self._determiners = self._articles | frozenset(arguments["possessives"])
        self._coordination = frozenset(arguments["coordination"])
        self._nouns_capitalised = language.rules.nouns_capitalised

    def mark(self, tokens: list[Token], mentions: list[Mention]) -> None:
        """Set `genitive`, `modifier` and `group` on mentions in sentence order."""
        self._mark_genitives(tokens, mentions)
        self._group(tokens, mentions)

    def _mark_genitives(self, tokens: list[Token], mentions: list[Mention]) -> None:
        """A mention after a genitive article that follows a noun is a genitive attribute ("Anlagen des Iran",
        "inspectors of the IAEA"); a genitive before a noun ("Russlands Verbündeten Iran") modifies that noun and
        is no argument of its own."""
        starts = {m.first for m in mentions}
        for mention in mentions:
            after = tokens[mention.last + 1] if mention.last + 1 < len(tokens) else None
            before_noun = after is not None and after.is_title and after.text.isalpha() and after.i not in starts
            if mention.genitive and before_noun:
                mention.modifier = True
            marker = mention.first - 1
            if marker >= 1 and tokens[marker].lower in self._articles and tokens[marker - 1].lower in self._markers:
                marker -= 1  # "of the IAEA"
            if marker >= 1 and tokens[marker].lower in self._markers and self._noun(tokens[marker - 1]):
                mention.genitive = True

    def _noun(self, token: Token) -> bool:
        """A word a genitive attribute can follow: any word, in German a capitalised one (a noun)."""
        return token.text.isalpha() and (token.is_title or not self._nouns_capitalised)

    def _group(self, tokens: list[Token], mentions: list[Mention]) -> None:
        """Coordinated mentions ("Israel und dem Iran", "X, Y and Z") share a group number. A comma joins two
        mentions only in a list that a coordinator closes: in "According to Ukrainian officials, Russia launched"
        the comma ends a phrase."""
        joins = [self._join(tokens, left, right) for left, right in itertools.pairwise(mentions)]
        closed = self._closed_by_coordinator(joins)
        group = 0
        for number, (left, right) in enumerate(itertools.pairwise(mentions)):
            if joins[number] == "anaphora":
                left.group = left.group if left.group is not None else group
                right.group = left.group
                group += 1
                continue
            if joins[number] is None or not closed[number]:
                continue
            if left.group is None:
                left.group = group
                group += 1
            right.group = left.group
            right.genitive = right.genitive or left.genitive

    def _join(self, tokens: list[Token], left: Mention, right: Mention) -> str | None:
        """How two neighbouring mentions are joined: "anaphora" (two readings of one pair anaphor), "coordinator",
        "comma", or not at all."""
        if left.kind == "anaphor" and right.kind == "anaphor" and left.first == right.first:
            return "anaphora"
        between = [t.lower for t in tokens[left.last + 1 : right.first]]
        joined = " ".join(w for w in between if w not in self._determiners)
        if not between or left.modifier != right.modifier:
            return None
        if joined in self._coordination:
            return "coordinator"
        return "comma" if joined == "," else None

    @staticmethod
    def _closed_by_coordinator(joins: list[str | None]) -> list[bool]:
        """For each join, whether its run of joined mentions has a coordinator ("X, Y und Z")."""
        closed = [False] * len(joins)
        start = 0
        for end in range(len(joins) + 1):
            if end == len(joins) or joins[end] is None or joins[end] == "anaphora":
                has_coordinator = "coordinator" in joins[start:end]
                for number in range(start, end):
                    closed[number] = has_coordinator
                start = end + 1
        return closed
