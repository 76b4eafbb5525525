"""A national body named by a generic name after another country: "Pakistan's National Security Council",
"Manila's National Security Council", "the Kenyan Electoral Commission". The gazetteer knows such names as one
country's body (the Phoenix dictionary's "National Security Council" is the American one); a different country
right before the name, as a possessive, an adjective or a genitive name, makes it that country's body of the same
role. Organisations of no single country (the UN, NATO) are left alone: "Ukraine's NATO bid" is about NATO."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from dyad.actors.recognise import with_role
from dyad.model import Actor, Mention, Token

POSSESSOR_KINDS = frozenset({"name", "adjective", "capital"})

MentionBefore = Callable[[dict[int, Mention], list[Token], int], Mention | None]


def possessed_bodies(
    tokens: list[Token], mentions: list[Mention], countries: Mapping[str, Actor], mention_before: MentionBefore
) -> list[Mention]:
    """The mentions, each national body after another country's possessive merged into that country's body."""
    by_last = {m.last: m for m in mentions}
    replaced: dict[int, Mention] = {}
    dropped: set[int] = set()
    for mention in mentions:
        owner = _other_owner(tokens, mention, by_last, countries, mention_before)
        if owner is None:
            continue
        actor = with_role(countries[owner.actor.country], mention.actor.role or "")
        start, end = tokens[owner.first].start, mention.end
        body = Mention(owner.first, mention.last, start, end, "", actor, "role", mode=mention.mode)
        replaced[id(mention)] = body
        dropped.add(id(owner))
    return [replaced.get(id(m), m) for m in mentions if id(m) not in dropped]


def _other_owner(
    tokens: list[Token],
    mention: Mention,
    by_last: dict[int, Mention],
    countries: Mapping[str, Actor],
    mention_before: MentionBefore,
) -> Mention | None:
    actor = mention.actor
    if mention.kind != "org" or not actor.role or actor.country not in countries:
        return None
    owner = mention_before(by_last, tokens, mention.first)
    if owner is None or owner.kind not in POSSESSOR_KINDS or (owner.actor.role and owner.kind != "capital"):
        return None
    country = owner.actor.country
    return owner if country in countries and country != actor.country else None
