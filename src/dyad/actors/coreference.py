"""Coreference stage: what an article named before, for "beide Länder", "das Land", "er" in later sentences.

`Discourse` carries the article's recent mentions from sentence to sentence; `Coreference.anaphora` turns the
anaphors of a sentence into mentions of the actors they refer to. The words are the language's grammar data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dyad.lang import Language
from dyad.model import Actor, Mention, Token


@dataclass
class Discourse:
    """What an article has named so far, for pronouns and "beide Länder" in later sentences."""

    last_person: Mention | None = None
    last_pair: tuple[Mention, Mention] | None = None
    recent_countries: list[Mention] = field(default_factory=list)

    def remember(self, mentions: list[Mention]) -> None:
        groups: dict[int, list[Mention]] = {}
        for mention in mentions:
            if mention.kind in {"person", "role"} and not mention.modifier:
                self.last_person = mention
            if mention.group is not None:
                groups.setdefault(mention.group, []).append(mention)
            if not mention.modifier and mention.actor.role is None and len(mention.actor.country) == 3:
                self.recent_countries.append(mention)
        pairs = [members for members in groups.values() if len(members) == 2]
        if pairs:
            self.last_pair = (pairs[-1][0], pairs[-1][1])
        self.recent_countries = self.recent_countries[-12:]


class Coreference:
    def __init__(self, language: Language):
        arguments = language.grammar["arguments"]
        self._pair_anaphora = [tuple(p.split()) for p in arguments["pair_anaphora"]]
        self._country_anaphora = [tuple(p.split()) for p in arguments["country_anaphora"]]
        self._third_person = frozenset(arguments["third_person_singular"])
        self._prepositions = frozenset(arguments["prepositions"])
        self._determiners = frozenset(arguments["articles"]) | frozenset(arguments["possessives"])
        self._anaphor_openers = frozenset(
            [p[0] for p in self._pair_anaphora] + [p[0] for p in self._country_anaphora] + list(self._third_person)
        )

    def anaphora(self, tokens: list[Token], mentions: list[Mention], discourse: Discourse) -> list[Mention]:
        covered = {i for m in mentions for i in range(m.first, m.last + 1)}
        lowers = [t.lower for t in tokens]
        found: list[Mention] = []
        for i, token in enumerate(tokens):
            if i in covered or token.lower not in self._anaphor_openers:
                continue
            pair = self._phrase_at(lowers, i, self._pair_anaphora)
            if pair and discourse.last_pair is not None:
                found += self._pair_mentions(tokens, i, i + pair - 1, discourse.last_pair)
                continue
            country = self._phrase_at(lowers, i, self._country_anaphora)
            if country:
                here = [m for m in mentions if m.last < i and m.actor.role is None and not m.modifier]
                # a country in a phrase earlier in the sentence ("the coup in Niger ... aid to the country") before
                # one from earlier sentences; a subject or an attacker ("die Angriffe Israels und der USA auf das
                # Land") is not what "the country" in its own clause names
                in_phrase = [m for m in here if self._after_preposition(tokens, m)]
                antecedents = in_phrase or discourse.recent_countries or here
                if antecedents:
                    found.append(self._anaphor(tokens, i, i + country - 1, antecedents[-1].actor))
                continue
            if token.lower in self._third_person and discourse.last_person is not None:
                found.append(self._anaphor(tokens, i, i, discourse.last_person.actor))
        return found

    def _after_preposition(self, tokens: list[Token], mention: Mention) -> bool:
        before = [t.lower for t in tokens[max(0, mention.first - 2) : mention.first]]
        if before and before[-1] in self._determiners:
            before = before[:-1]
        return bool(before) and before[-1] in self._prepositions

    @staticmethod
    def _phrase_at(lowers: list[str], i: int, phrases: list[tuple[str, ...]]) -> int:
        for phrase in phrases:
            if tuple(lowers[i : i + len(phrase)]) == phrase:
                return len(phrase)
        return 0

    def _pair_mentions(
        self, tokens: list[Token], first: int, last: int, pair: tuple[Mention, Mention]
    ) -> list[Mention]:
        return [self._anaphor(tokens, first, last, member.actor) for member in pair]

    @staticmethod
    def _anaphor(tokens: list[Token], first: int, last: int, actor: Actor) -> Mention:
        start, end = tokens[first].start, tokens[last].end
        return Mention(first, last, start, end, "", actor, "anaphor")
