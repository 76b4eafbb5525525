"""Places in the argument stage: where an event happened, and the country a named place stands for when it is an
event's target or source ("shelled Homs": SYR; "was arrested in Lebanon": the Lebanese state)."""

from __future__ import annotations

from dataclasses import replace

from dyad.actors.recognise import with_role
from dyad.events.view import SentenceView
from dyad.model import Actor, Mention
from dyad.places import Locatives, Place, Places

CIVILIANS = "CVL"


class PlaceRoles:
    def __init__(self, places: Places, countries: dict[str, Actor], locatives: Locatives, origins: frozenset[str]):
        self.places = places
        self.countries = countries
        self.locatives = locatives
        self._origins = origins  # "expelled from Lebanon": a place after these is where the expelled are

    def places_in(self, view: SentenceView, clause_tokens: list[int]) -> list[tuple[int, int, Place, bool]]:
        """(first, last, place, after a locative word) in a clause; a capital used as an actor ("Moskau
        kritisierte") is no place, one after "in" ("in Moskau") is."""
        words = [view.tokens[i].text for i in clause_tokens]
        lowers = [t.lower for t in view.tokens]
        found = []
        for first, last, place in self.places.find(words):
            position = clause_tokens[first]
            locative = self.locatives.before(lowers, position)
            actors_here = view.on_token.get(position, [])
            if actors_here and (not locative or any(m.first < position - 1 for m in actors_here)):
                continue  # an actor ("Moskau kritisierte"), or part of one ("die Regierung in Kiew")
            found.append((position, clause_tokens[last], place, locative))
        return found

    def location(self, view: SentenceView, clause_tokens: list[int], anchor: Mention) -> dict[str, object]:
        places = self.places_in(view, clause_tokens)
        ranked = sorted(places, key=lambda p: (not p[3], p[2].country != anchor.actor.country, p[0]))
        if not ranked:
            return {}
        place = ranked[0][2]
        return {"text": place.name, "country": place.country, "lat": place.lat, "lon": place.lon}

    def place_target(
        self, view: SentenceView, clause_tokens: list[int], sources: list[Mention], domestic: bool
    ) -> Mention | None:
        """ "griffen die Stadt Charkiw an": an attack on a named place targets that place's country; one in the
        attacker's own country names no target unless `domestic`."""
        source_countries = set() if domestic else {m.actor.country for m in sources}
        for mention in self.locative_countries(view, clause_tokens):  # "fighting in Western Cambodia"
            if mention.actor.country not in source_countries and all(mention is not s for s in sources):
                return mention
        for first, last, place, _locative in self.places_in(view, clause_tokens):
            country = self.countries.get(place.country)
            if country is not None and place.country not in source_countries:
                return _place_mention(view, first, last, country)
        return None

    def state_of_place(
        self,
        view: SentenceView,
        clause_tokens: list[int],
        targets: list[Mention | None],
        expulsion: bool,
        near: int | None = None,
    ) -> Mention | None:
        """ "in Lebanon", "in Genoa": the country named or the country of the place named after a locative word,
        unless it is the target's own; of several, the one nearest the trigger at `near` ("marched through London
        against plans for war in Iraq": London)."""
        own = {t.actor.country for t in targets if t is not None}
        prepositions = self.locatives.words | self._origins if expulsion else self.locatives.words
        found = [m for m in self.locative_countries(view, clause_tokens, prepositions) if m.actor.country not in own]
        for first, last, place, locative in self.places_in(view, clause_tokens):
            country = self.countries.get(place.country)
            if locative and country is not None and place.country not in own:
                found.append(_place_mention(view, first, last, country))
        if not found:
            return None
        return found[0] if near is None else min(found, key=lambda m: abs(m.first - near))

    def crowd(
        self,
        view: SentenceView,
        clause_tokens: list[int],
        trigger: tuple[int, ...],
        frame: frozenset[str],
        targets: list[Mention | None],
    ) -> tuple[Mention, Mention | None] | None:
        """ "Riots broke out in Kenya", "Tausende Menschen demonstrierten in Belgrad gegen die Regierung": a protest
        by people the sentence does not name is by the civilians of the country where it is held. It addresses the
        target the argument rules found ("gegen Präsident al-Baschir"); else, against something (a word of the
        trigger's `frame` in its clause, or a preposition in its own words: "protested against the government"), that
        country."""
        state = self.state_of_place(view, clause_tokens, [], expulsion=False, near=trigger[0])
        if state is None:  # "Tausende zogen durch Belgrad, um gegen … zu protestieren": the place of the sentence
            state = self.state_of_place(view, list(range(len(view.tokens))), [], expulsion=False, near=trigger[0])
        if state is None:
            return None
        civilians = replace(state, actor=with_role(state.actor, CIVILIANS))
        named = next((t for t in targets if t is not None and t.actor.code != civilians.actor.code), None)
        if named is not None:
            return civilians, named
        addressed = any(view.tokens[i].lower in frame for i in clause_tokens if i not in trigger)  # German: before
        addressed = addressed or any(view.tokens[i].lower in view.prepositions for i in trigger)
        return civilians, state if addressed else None

    def locative_countries(
        self, view: SentenceView, clause_tokens: list[int], prepositions: frozenset[str] | None = None
    ) -> list[Mention]:
        """Countries named as where something happens: "in Lebanon", "in Western Cambodia"."""
        prepositions = self.locatives.words if prepositions is None else prepositions
        return [
            m
            for m in view.mentions
            if m.first in clause_tokens
            and m.kind != "person"
            and m.actor.code == m.actor.country
            and view.governing_preposition(m) in prepositions
        ]


def _place_mention(view: SentenceView, first: int, last: int, country: Actor) -> Mention:
    """A place's words standing for its country, as an event's source or target."""
    start, end = view.tokens[first].start, view.tokens[last].end
    return Mention(first, last, start, end, view.text[start:end], country, "place")
