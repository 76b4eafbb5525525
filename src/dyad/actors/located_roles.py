"""Located roles: a role word with no country of its own, followed by where its people are ("civilians in Gaza",
"die Konfliktparteien im Sudan", "das Außenministerium in Ankara"), is a role of that place's country, however many
other countries the sentence names. Only roles that say who lives or governs somewhere do this (domestic roles,
civilians, the state's institutions): "soldiers in Mali" may be anyone's soldiers, a diplomat's place his posting."""

from __future__ import annotations

from collections.abc import Iterable

from dyad.actors.recognise import RoleSpan, with_role
from dyad.model import Actor, Mention, Token
from dyad.places import Locatives

# besides the roles marked domestic: civilians, and the institutions of a place ("das Außenministerium in Ankara",
# "the court in Moscow"); a diplomat's place is his posting ("der russische Botschafter in Israel"), not his country
RESIDENT_ROLES = frozenset({"CVL", "GOV", "LEG", "JUD", "COP", "SPY"})
REACH = 5  # the place starts at most this many words after the role ("in der nordsudanesischen Stadt El Fasher")


def located_roles(
    tokens: list[Token],
    loose: list[RoleSpan],
    mentions: list[Mention],
    places: Iterable[tuple[int, str]],
    locatives: Locatives,
    countries: dict[str, Actor],
) -> tuple[list[Mention], list[RoleSpan]]:
    """The mentions of the loose roles a locative phrase places, and the roles left loose. `places`: (first token,
    country) of each place name the sentence holds."""
    lowers = [t.lower for t in tokens]
    starts = {m.first: m.actor.country for m in mentions if m.actor.role is None and m.kind != "person"}
    starts.update(dict(places))
    found, rest = [], []
    for role in loose:
        home = _place_after(role, lowers, starts, locatives, countries)
        if home is None:
            rest.append(role)
            continue
        found.append(role_mention(tokens, role, role.last, home))
    return found, rest


def role_mention(tokens: list[Token], role: RoleSpan, last: int, home: Actor) -> Mention:
    """A role word (and a name after it up to `last`) as an actor of `home` in that role."""
    return Mention(
        first=role.first,
        last=last,
        start=tokens[role.first].start,
        end=tokens[last].end,
        text="",
        actor=with_role(home, role.role.role),
        kind="role" if last == role.last else "person",
        mode=role.role.mode,
    )


def _place_after(
    role: RoleSpan, lowers: list[str], starts: dict[int, str], locatives: Locatives, countries: dict[str, Actor]
) -> Actor | None:
    if role.role.mode == "diplomat" or not (role.role.domestic or role.role.role in RESIDENT_ROLES):
        return None
    after = role.last + 1
    if after >= len(lowers) or lowers[after] not in locatives.words:
        return None
    for first in range(after + 1, min(len(lowers), after + REACH + 1)):
        if first in starts and locatives.before(lowers, first):
            return countries.get(starts[first])
    return None
