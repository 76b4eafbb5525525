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
            if _is_country(mention):
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
        # "das kommunistische Land", "der Golfstaat", "the communist country": an article, modifiers, a noun of states
        self._epithet_articles = frozenset(arguments.get("country_epithet_articles", []))
        self._epithet_heads = frozenset(arguments.get("country_epithets", []))
        self._anaphor_openers = frozenset(
            [p[0] for p in self._pair_anaphora]
            + [p[0] for p in self._country_anaphora]
            + list(self._third_person)
            + list(self._epithet_articles)
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
            country = self._phrase_at(lowers, i, self._country_anaphora) or self._epithet_at(tokens, i, covered)
            if country:
                here = [m for m in mentions if m.last < i and _is_country(m)]
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

    def _epithet_at(self, tokens: list[Token], i: int, covered: set[int]) -> int:
        """The length of "das kommunistische Land", "der Golfstaat", "the communist country" starting at `i`: an
        article, at most two lower-case modifiers, and a noun of `country_epithets`; 0 where there is none."""
        if tokens[i].lower not in self._epithet_articles:
            return 0
        for length in (1, 2, 3):
            head = i + length
            if head >= len(tokens) or head in covered:
                return 0
            if tokens[head].lower in self._epithet_heads:
                return length + 1
            if not (tokens[head].text.isalpha() and tokens[head].text.islower()):
                return 0
        return 0

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


def _is_country(mention: Mention) -> bool:
    """A mention of a country itself (no role, no organisation): what "das Land", "the country" can stand for."""
    actor = mention.actor
    return (
        not mention.modifier
        and actor.role is None
        and actor.code == actor.country
        and len(actor.country) == 3
        and (mention.kind not in {"org", "group", "region"})
    )
