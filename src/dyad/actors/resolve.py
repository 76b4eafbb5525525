"""Resolve stage: raw mentions + role words -> actor mentions with roles, coordinated groups and coreference.

- "russische Regierung", "Russlands Präsident", "Präsident Russlands", "Regierung in Moskau" -> RUSGOV
- "Der russische Gesandte in Israel, Anatoly Viktorov," -> one RUSGOV mention ("in Israel" is his posting)
- "Israel und dem Iran" -> one group; "beide Länder", "das Land", "er" -> actors named earlier in the article
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dyad.actors.coreference import Coreference, Discourse
from dyad.actors.located_roles import located_roles, role_mention
from dyad.actors.place_names import PlaceNames
from dyad.actors.possessed_bodies import possessed_bodies
from dyad.actors.recognise import Recognised, RoleSpan, with_role
from dyad.actors.structure import MentionStructure
from dyad.lang import Language
from dyad.model import Actor, Mention, Token
from dyad.places import Locatives


class Resolver:
    def __init__(self, language: Language, countries: Mapping[str, Actor]):
        self.language = language
        self.countries = countries
        arguments = language.grammar["arguments"]
        self._posting = frozenset(arguments["posting_prepositions"])
        self._origin = frozenset(arguments.get("origin_prepositions", []))
        self._based = frozenset(arguments.get("location_participles", []))
        self._leading = frozenset(arguments.get("leading_participles", []))
        self._backing = frozenset(arguments.get("backing_participles", []))
        self._stance = frozenset(arguments.get("stance_prefixes", []))
        self._coordination = frozenset(arguments["coordination"])
        self._determiners = frozenset(arguments["articles"]) | frozenset(arguments["possessives"])
        self._clitics = frozenset(arguments.get("possessive_clitics", []))
        self._place_names = PlaceNames(language, countries)
        self._locatives = Locatives.of(language)
        self._coreference = Coreference(language)
        self._structure = MentionStructure(language)

    def resolve(
        self, tokens: list[Token], found: Recognised, discourse: Discourse, places: Iterable[tuple[int, str]] = ()
    ) -> list[Mention]:
        """`places`: (first token, country) of the places the sentence names, for roles with no country."""
        places = list(places)
        mentions = [m for m in sorted(found.mentions, key=lambda m: m.first) if not self._backer(tokens, m)]
        backed = len(mentions) < len(found.mentions)
        mentions = [m for m in mentions if not self._side_taken(tokens, m)]
        mentions = [place for m in mentions if (place := self._place_names.as_place(tokens, m)) is not None]
        mentions = possessed_bodies(tokens, mentions, self.countries, self._mention_before)
        mentions, loose = self._attach_roles(tokens, mentions, found.roles)
        mentions = self._absorb_appositions(tokens, mentions)
        mentions += self._coreference.anaphora(tokens, mentions, discourse)
        located, loose = located_roles(tokens, loose, mentions, places, self._locatives, self.countries)
        mentions += located
        if not backed:
            mentions += self._domestic_roles(tokens, mentions, loose, [country for _, country in places])
        mentions.sort(key=lambda m: (m.first, m.start))
        self._structure.mark(tokens, mentions)
        return mentions

    def _participle_after(self, tokens: list[Token], mention: Mention) -> str:
        """ "led" for "Saudi-led" (one token or three)."""
        own = tokens[mention.last].text
        if "-" in own.strip("-"):
            return own.rsplit("-", 1)[1].lower()
        after = mention.last + 1
        if after + 1 < len(tokens) and tokens[after].text == "-":
            return tokens[after + 1].lower
        return ""

    def _backer(self, tokens: list[Token], mention: Mention) -> bool:
        """ "Iran-backed militias", "von Russland unterstützte": the country backs the group, it is not the group."""
        return self._participle_after(tokens, mention) in self._backing

    def _side_taken(self, tokens: list[Token], mention: Mention) -> bool:
        """ "pro-Russian separatists", "anti-Western protesters": the country is the side taken, not the actor."""
        i = mention.first
        return i >= 2 and tokens[i - 1].text == "-" and tokens[i - 2].lower in self._stance

    def _led_by(self, tokens: list[Token], by_last: dict[int, Mention], index: int) -> Mention | None:
        """ "Saudi - led coalition", "Vietnamese - led forces": the leader's mention, three tokens before."""
        if index >= 3 and tokens[index - 1].lower in self._leading and tokens[index - 2].text == "-":
            return by_last.get(index - 3)
        return None

    # roles -------------------------------------------------------------------------------------------------
    def _attach_roles(
        self, tokens: list[Token], mentions: list[Mention], roles: list[RoleSpan]
    ) -> tuple[list[Mention], list[RoleSpan]]:
        """Mentions with the role words next to them merged in, and the role words left without a country."""
        loose: list[RoleSpan] = []
        by_first = {m.first: m for m in mentions}
        by_last = {m.last: m for m in mentions}
        result: dict[int, Mention] = {id(m): m for m in mentions}
        starts = {role.first for role in roles}
        heads: dict[int, int] = {}  # "Sprecher der syrischen Rebellen": the inner role's first token -> "Sprecher"
        for role in roles:
            before = self._mention_before(by_last, tokens, role.first)
            after = self._mention_after(
                by_first, tokens, role.last, role.role.mode == "diplomat", self._opens_phrase(tokens, role.first)
            )
            entity = self._qualified_entity(by_first, tokens, after)
            if entity is not None:  # "Vertreter der afghanischen Taliban": the Taliban, not Afghanistan
                result.pop(id(after[0]), None)
                after = (entity, "genitive")
            if before is not None and (before.modifier or before.genitive or self._noun_modifier(before)):
                merged = self._merge(tokens, before, role, heads.pop(role.first, before.first), role.last)
                result.pop(id(before), None)
                for partner in self._coordinated_adjectives(by_last, tokens, before):
                    # "Hungarian and Romanian officials", "the Indian, Japanese and US navies": all are the role
                    result.pop(id(partner), None)
                    shared = self._merge(tokens, partner, role, partner.first, partner.last)
                    result[id(shared)] = shared
                if after is not None and after[1] == "posting" and role.role.mode == "diplomat":
                    result.pop(id(after[0]), None)  # "der russische Gesandte in Israel": his posting, no actor
            elif after is not None and (inner := self._inner_role(tokens, after, starts)) is not None:
                heads[inner] = role.first  # the genitive's role is the phrase's ("member of parliament")
                continue
            elif after is not None and (after[0].kind != "person" or after[1] == "genitive"):  # "Anhänger Trumps"
                merged = self._merge(tokens, after[0], role, role.first, after[0].last)
                result.pop(id(after[0]), None)
            else:
                person = by_first.get(role.last + 1)
                if person is not None and person.kind == "person" and id(person) in result:
                    result.pop(id(person))
                    widened = self._span(tokens, person, role.first, person.last, person.actor)
                    widened.kind = "person"
                    result[id(widened)] = widened
                else:
                    loose.append(role)
                continue
            person = self._person_after(by_first, tokens, merged.last)
            if person is not None and id(person) in result:
                merged = self._with_person(tokens, merged, person)
                result.pop(id(person), None)
            result[id(merged)] = merged
        return self._merge_adjacent_people(tokens, sorted(result.values(), key=lambda m: m.first)), loose

    def _domestic_roles(
        self, tokens: list[Token], mentions: list[Mention], loose: list[RoleSpan], place_countries: Iterable[str]
    ) -> list[Mention]:
        """ "Egyptian police opened fire on demonstrators", "rebels dismissed an appeal from the president in
        Abidjan": a domestic role word (police, rebels, protesters, parliament) with no country of its own belongs
        to the one country the sentence names, in its actors or places, or, where it names several, to the one it
        names as where it happens ("Rebellen entführten im Norden Malis drei Franzosen"). Armed forces abroad are no
        evidence of where a sentence is ("US troops killed militants"); otherwise two countries settle nothing.

        A title before a name we do not know ("Fijian rebels will release Prime Minister Mahendra Chaudhry") is a
        person of that one country too, unless the sentence names a known person: leaders meet foreign leaders
        ("Putin met President X in Moscow")."""
        named = {m.actor.country for m in mentions if m.actor.role != "MIL"} | set(place_countries)
        if len(named) > 1:  # the one country named as where it happens: "Rebellen entführten im Norden Malis ..."
            lowers = [t.lower for t in tokens]
            located = {
                m.actor.country for m in mentions if m.actor.role is None and self._locatives.before(lowers, m.first)
            }
            named = located if len(located) == 1 else named
        home = self.countries.get(next(iter(named))) if len(named) == 1 else None
        if home is None:
            return []
        people = any(m.kind == "person" for m in mentions)
        covered = {i for m in mentions for i in range(m.first, m.last + 1)}
        found = []
        for role in loose:
            if role.role.domestic:
                last: int | None = role.last
            else:
                last = None if people else self._unknown_name_after(tokens, role.last, covered)
            if last is not None and not covered.intersection(range(role.first, last + 1)):
                found.append(role_mention(tokens, role, last, home))
        return found

    @staticmethod
    def _unknown_name_after(tokens: list[Token], index: int, covered: set[int]) -> int | None:
        """The last token of a personal name (two or three capitalised words no actor covers) right after a title."""
        last = index
        while last + 1 < len(tokens) and last - index < 3 and last + 1 not in covered:
            word = tokens[last + 1].text
            if not (word[:1].isupper() and word[1:].islower()):
                break
            last += 1
        return last if last - index >= 2 else None

    def _merge_adjacent_people(self, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """ "Kremlchef Wladimir Putin", "Kremlin spokesman Dmitry Peskov": one actor, not two. A title that names
        an office ("Nato-Generalsekretär Jens Stoltenberg") is the actor even where the person's list of offices
        names another country: the text says which office the person speaks in."""
        merged: list[Mention] = []
        for mention in mentions:
            previous = merged[-1] if merged else None
            if (
                previous is not None
                and mention.kind == "person"
                and mention.first == previous.last + 1
                and (previous.actor.country == mention.actor.country or previous.actor.role is not None)
                and not previous.modifier
            ):
                actor = previous.actor if previous.actor.role else mention.actor
                combined = self._span(tokens, previous, previous.first, mention.last, actor)
                combined.kind = "role"
                merged[-1] = combined
                continue
            merged.append(mention)
        return merged

    def _coordinated_adjectives(
        self, by_last: dict[int, Mention], tokens: list[Token], adjective: Mention
    ) -> list[Mention]:
        """The nationality adjectives coordinated before the one a role follows, across "and" and commas (in
        English also names used as modifiers: "US and British warplanes")."""
        found: list[Mention] = []
        current = adjective
        while self._modifies(current) and current.first >= 2:
            if tokens[current.first - 1].lower not in self._coordination and tokens[current.first - 1].text != ",":
                break
            partner = by_last.get(current.first - 2)
            if partner is None or not self._modifies(partner):
                break
            found.append(partner)
            current = partner
        return found

    def _modifies(self, mention: Mention) -> bool:
        return mention.kind == "adjective" or self._noun_modifier(mention)

    def _noun_modifier(self, mention: Mention) -> bool:
        """English uses names as modifiers ("US officials", "Kremlin spokesman"); German capitals in titles."""
        return not self.language.rules.nouns_capitalised and mention.kind in {"name", "capital", "org"}

    def _mention_before(self, by_last: dict[int, Mention], tokens: list[Token], index: int) -> Mention | None:
        """The mention ending right before `index`, allowing one adjective or "'s" (and one lower-case modifier after
        it: "Iran's nuclear agency") in between; after a nationality adjective also one lower-case modifier ("Irish
        nationalist guerrillas", "Kenyan dock workers")."""
        leader = self._led_by(tokens, by_last, index)
        if leader is not None:
            return leader
        for gap in (1, 2, 3):
            mention = by_last.get(index - gap)
            if mention is not None:
                between = tokens[index - gap + 1 : index]
                possessive = all(t.text in self._clitics for t in between) or (
                    gap == 3 and between[0].text in self._clitics and self._lower_modifier(between[1])
                )  # "Iran's nuclear agency"
                adjective = (
                    gap < 3
                    and (self.language.rules.nouns_capitalised or mention.modifier)
                    and all(t.text.isalpha() and not t.is_title and t.lower not in self._coordination for t in between)
                )
                if (possessive or adjective) and mention.end == tokens[mention.last].end:
                    return mention
        return None

    def _qualified_entity(
        self, by_first: dict[int, Mention], tokens: list[Token], after: tuple[Mention, str] | None
    ) -> Mention | None:
        """The organisation a genitive's adjective or possessive qualifies: "leader of the Afghan Taliban",
        "commander of Iran's Revolutionary Guards"."""
        if after is None or after[1] != "genitive":
            return None
        nxt = after[0].last + 1
        if not after[0].modifier:
            if nxt >= len(tokens) or tokens[nxt].text not in self._clitics:
                return None
            nxt += 1
        entity = by_first.get(nxt)
        return entity if entity is not None and not entity.modifier and entity.kind != "person" else None

    def _inner_role(self, tokens: list[Token], after: tuple[Mention, str], starts: set[int]) -> int | None:
        """The first token of the role a genitive names: "Sprecher der syrischen Rebellen", "head of Iran's nuclear
        agency"."""
        mention, kind = after
        nxt = mention.last + 1
        if kind != "genitive" or mention.kind == "person" or nxt >= len(tokens):
            return None
        if mention.modifier:
            return nxt if nxt in starts else None
        if tokens[nxt].text not in self._clitics:
            return None
        for first in (nxt + 1, nxt + 2):
            if first in starts and all(self._lower_modifier(t) for t in tokens[nxt + 1 : first]):
                return first
        return None

    def _lower_modifier(self, token: Token) -> bool:
        return token.text.isalpha() and not token.is_title and token.lower not in self._coordination | self._determiners

    def _opens_phrase(self, tokens: list[Token], first: int) -> bool:
        """A role that opens its clause's subject ("Troops from Chad attacked", "Die Soldaten aus Mali"), not the
        object of a verb ("withdrew its troops from Syria": where they leave, not whose they are)."""
        index = first - 1
        while index >= 0 and (tokens[index].lower in self._determiners or tokens[index].text.isdigit()):
            index -= 1
        return index < 0 or tokens[index].text in {",", ":", "(", "«", "»", '"', "“", "„"}

    def _mention_after(
        self, by_first: dict[int, Mention], tokens: list[Token], index: int, diplomat: bool = False, opens: bool = False
    ) -> tuple[Mention, str] | None:
        """ "Präsident Russlands", "Regierung des Iran", "Botschafter in Israel", "minister of Iran", "troops from
        Chad"."""
        nxt = index + 1
        if nxt >= len(tokens):
            return None
        if nxt in by_first and by_first[nxt].genitive:
            return by_first[nxt], "genitive"
        word = tokens[nxt].lower
        for skip, kind in ((1, "genitive"), (2, "genitive")):
            if word in {"des", "der", "of"} and nxt + skip in by_first:
                if skip == 2 and tokens[nxt + 1].lower not in self._determiners:
                    continue
                return by_first[nxt + skip], kind
        if word in self._based and nxt + 1 < len(tokens):  # "a terror group based in Trinidad"
            nxt += 1
            word = tokens[nxt].lower
        if (
            word in self._origin and opens
        ):  # "troops from Chad", "warplanes from the Saudi-led coalition", "Soldaten aus Mali"
            for skip in (1, 2):
                candidate = by_first.get(nxt + skip)
                if candidate is not None and (skip == 1 or tokens[nxt + 1].lower in self._determiners):
                    return candidate, "origin"
        if word in self._posting and (word in {"in", "im"} or diplomat):
            for skip in (1, 2):
                candidate = by_first.get(nxt + skip)
                if candidate is not None and (skip == 1 or tokens[nxt + 1].lower in self._determiners):
                    return candidate, "posting"
        return None

    def _person_after(self, by_first: dict[int, Mention], tokens: list[Token], index: int) -> Mention | None:
        person = by_first.get(index + 1)
        if person is not None and person.kind == "person":
            return person
        if index + 2 < len(tokens) and tokens[index + 1].text == ",":
            person = by_first.get(index + 2)
            if person is not None and person.kind == "person":
                return person
        return None

    def _merge(self, tokens: list[Token], country: Mention, role: RoleSpan, first: int, last: int) -> Mention:
        actor = with_role(country.actor, role.role.role)
        if country.kind == "person" and country.actor.country in self.countries:  # "Anhänger Trumps": their role
            actor = with_role(self.countries[country.actor.country], role.role.role)
        merged = self._span(tokens, country, first, last, actor)
        merged.mode = role.role.mode
        merged.kind = "role"
        return merged

    def _with_person(self, tokens: list[Token], merged: Mention, person: Mention) -> Mention:
        if person.first == merged.last + 1:
            return self._span(tokens, merged, merged.first, person.last, merged.actor)
        return merged

    @staticmethod
    def _span(tokens: list[Token], base: Mention, first: int, last: int, actor: Actor) -> Mention:
        start = min(tokens[first].start, base.start)
        end = max(tokens[last].end, base.end) if last != base.last or first != base.first else base.end
        return Mention(
            first=first,
            last=last,
            start=start,
            end=end,
            text="",
            actor=actor,
            kind=base.kind,
            mode=base.mode,
        )

    def _absorb_appositions(self, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
        """Drop a person named in apposition to a role mention ("Der Gesandte, Anatoly Viktorov, ...")."""
        kept: list[Mention] = []
        for mention in mentions:
            previous = kept[-1] if kept else None
            if (
                previous is not None
                and mention.kind == "person"
                and previous.kind == "role"
                and previous.actor.country == mention.actor.country
                and all(
                    t.text == "," or t.lower in self._posting or t.is_title
                    for t in tokens[previous.last + 1 : mention.first]
                )
                and mention.first - previous.last <= 4
            ):
                continue
            kept.append(mention)
        return kept


def finish_texts(sentence: str, mentions: list[Mention]) -> None:
    for mention in mentions:
        mention.text = sentence[mention.start : mention.end]
