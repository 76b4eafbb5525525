"""Clause rules: sources and targets from word order and the clause split, for sentences without a parse and for
what the dependency rules leave open (see `arguments.py` for which decides when).

- a noun trigger takes its source from its own modifiers: "US-Angriffe", "israelische Offensive", "Angriffe
  Israels", "Israel's attack", "Angriffe von X"; a noun inside a prepositional phrase takes no clause subject;
- otherwise the source is the clause's subject: German takes the first actor of the clause that is not in a
  prepositional phrase, not dative/accusative-marked and not a genitive attribute; English the nearest such actor
  before the trigger. Passive clauses ("wurde von X angegriffen", "was struck by X") swap agent and subject;
- a clause without a subject inherits one: an infinitive clause from its governing clause, a coordinated clause
  from the one before, quoted speech and "wir"/"we" from the speaker ("sagte Kremlsprecher Peskow");
- the target is the object of the trigger's own preposition ("Gespräche mit X", "Kritik an X", "zwischen X und
  Y"), else (verbs only) the first other actor of the clause that is not in an unrelated prepositional phrase.
"""

from __future__ import annotations

from dyad.events.clauses import Clause, ClauseParse
from dyad.events.triggers import TriggerMatch
from dyad.events.view import SentenceView
from dyad.lang import Language
from dyad.model import Mention, Token

# appeal, intend/offer, demand, accuse, reject, threaten: what these govern has not happened (or is only alleged):
# "threatened to break relations", "accused X of violating"
IRREALIS_CODES = ("02", "03", "10", "112", "12", "13")
# a protest is directed at whom its demands address: "went on hunger strike to demand the resignation of X"
PROTEST_ROOT = "14"


class ClauseRules:
    def __init__(self, language: Language):
        self.language = language
        arguments = language.grammar["arguments"]
        self._prepositions = frozenset(arguments["prepositions"])
        self._place_modifiers = frozenset(arguments.get("place_modifiers", []))
        self._quantifiers = tuple(tuple(q.split()) for q in arguments.get("quantifiers", []))
        self._oblique = frozenset(arguments["oblique_determiners"])
        self._articles = frozenset(arguments["articles"])
        self._possessives = frozenset(arguments["possessives"])
        self._agent = frozenset(arguments["agent_prepositions"])
        self._between = frozenset(arguments["between"])
        self._passive = frozenset(arguments["passive_auxiliary_forms"])
        self._first_person = frozenset(arguments["first_person"])
        self._light_verbs = frozenset(arguments.get("light_verbs", []))
        self._agentless = frozenset(arguments.get("agentless_passive_auxiliaries", []))
        self._partitives = frozenset(arguments.get("partitives", []))
        self._authored = frozenset(arguments.get("authored_nouns", []))
        self._object_control = frozenset(arguments.get("object_control_verbs", []))
        self._authoring = frozenset(arguments.get("authoring_prepositions", []))
        self._infinitive_markers = frozenset(language.grammar["clauses"]["infinitive_markers"])
        self._complementizers = frozenset(language.grammar["clauses"].get("complementizers", []))
        self._object_relatives = frozenset(language.grammar["clauses"].get("object_relatives", []))
        self._coordinators = frozenset(language.grammar["clauses"]["coordinators"])
        self._subject_anywhere = language.rules.subject_anywhere

    def view(self, text: str, tokens: list[Token], mentions: list[Mention], parse: ClauseParse) -> SentenceView:
        return SentenceView(
            text,
            tokens,
            mentions,
            parse,
            self._prepositions,
            self._oblique,
            self._place_modifiers,
            self._quantifiers,
            self._articles | self._possessives,
        )

    # speakers ----------------------------------------------------------------------------------------------
    def speaker(self, view: SentenceView) -> Mention | None:
        """The actor whose words the sentence reports: "sagte Peskow", "Peskov said", headline "Kreml: «...»"."""
        for clause in view.parse.clauses:
            if clause.speech:
                found = self._speech_subject(view, clause)
                if found is not None:
                    return found
        first = view.parse.clauses[0]
        colon = [t for t in view.tokens[: first.last + 2] if t.text == ":"]
        members = [m for m in view.mentions if view.in_clause(m, first)]
        if colon and len(members) == 1 and len(first.tokens) <= members[0].last - members[0].first + 2:
            return members[0]
        return None

    def _speech_subject(self, view: SentenceView, clause: Clause) -> Mention | None:
        candidates = [m for m in view.mentions if view.in_clause(m, clause) and self._subject_eligible(view, m)]
        return candidates[0] if candidates else None

    # subjects ----------------------------------------------------------------------------------------------
    def _subject_eligible(self, view: SentenceView, mention: Mention) -> bool:
        if mention.modifier:
            return False
        if view.is_oblique(mention):
            return False
        if self._after_partitive(view, mention):  # "Thousands of Kenyan students", "die Mehrheit der Abgeordneten"
            return True
        return not mention.genitive and view.governing_preposition(mention) is None

    def _after_partitive(self, view: SentenceView, mention: Mention) -> bool:
        """ "Thousands of students", "Tens of thousands of university students", "die Mehrheit der Abgeordneten":
        a partitive, a linking word and at most two lower-case modifiers before the head."""
        head = view.group_of(mention)[0]
        for gap in (2, 3, 4):
            if head.first < gap or view.tokens[head.first - gap].lower not in self._partitives:
                continue
            modifiers = view.tokens[head.first - gap + 2 : head.first]
            if all(t.text.isalpha() and not t.is_title and t.lower not in self._prepositions for t in modifiers):
                return True
        return False

    def clause_subject(
        self, view: SentenceView, clause: Clause, before: int | None, speaker: Mention | None
    ) -> tuple[list[Mention], str]:
        first_person = next(
            (i for i in clause.tokens if view.tokens[i].lower in self._first_person and i not in view.on_token),
            None,
        )
        candidates = [m for m in view.mentions if view.in_clause(m, clause) and self._subject_eligible(view, m)]
        if not self._subject_anywhere and before is not None:
            earlier = [m for m in candidates if m.last < before]
            opening = self._opening_subject(view, clause, earlier)
            candidates = [opening] if opening else earlier[-1:]
        subject = candidates[0] if candidates else None
        if first_person is not None and (subject is None or first_person < subject.first) and speaker is not None:
            return [speaker], "speaker (first person)"
        if subject is not None:
            return view.group_of(subject), "clause subject"
        return [], ""

    @staticmethod
    def _opening_subject(view: SentenceView, clause: Clause, earlier: list[Mention]) -> Mention | None:
        """ "Pakistan, a key U.S. ally, has refused": the actor opening the clause, before an apposition."""
        if not earlier:
            return None
        first = view.group_of(earlier[0])[-1]
        opens = first.first <= clause.first + 1
        followed_by_comma = first.last + 1 < len(view.tokens) and view.tokens[first.last + 1].text == ","
        return view.group_of(first)[0] if opens and followed_by_comma else None

    def inherited_subject(
        self, view: SentenceView, clause: Clause, speaker: Mention | None
    ) -> tuple[list[Mention], str]:
        current = clause
        while True:
            if current.kind == "rel":
                if view.tokens[current.first].lower in self._object_relatives:
                    return [], ""  # "refugees, whom authorities blame": the subject is in the clause, unnamed
                antecedent = self._antecedent(view, current)
                if antecedent:
                    return antecedent, "relative clause antecedent"
            if current.kind not in {"inf", "rel"} and not current.coordinated:
                break
            if current.parent is None:
                break
            current = view.parse.clauses[current.parent]
            found, why = self.clause_subject(view, current, None, speaker)
            if found:
                return found, f"inherited {why}"
        if clause.quoted and speaker is not None:
            return [speaker], "speaker of the quote"
        return [], ""

    def _antecedent(self, view: SentenceView, clause: Clause) -> list[Mention]:
        """The actor right before the relative pronoun; "which" mostly refers to a thing or a whole clause, so only
        an actor directly before it ("Macedonia which", "Hamas, which") is its antecedent."""
        pronoun = view.tokens[clause.first].lower
        if pronoun == "was":
            return []
        earlier = [m for m in view.mentions if m.last < clause.first and not m.modifier]
        reach = 2 if pronoun == "which" else 3
        if earlier and clause.first - earlier[-1].last <= reach:
            return view.group_of(earlier[-1])
        return []

    # sources and targets -----------------------------------------------------------------------------------
    def _after_light_verb(self, view: SentenceView, match: TriggerMatch, clause: Clause) -> bool:
        """ "staged mass demonstrations", "began a hunger strike": a light verb at most 3 words before the noun."""
        for index in range(max(clause.first, match.first - 3), match.first):
            if (
                self._light_verbs.intersection(view.tokens[index].lemmas)
                or view.tokens[index].lower in self._light_verbs
            ):
                return True
        return False

    def _passive_agent(self, view: SentenceView, clause: Clause, match: TriggerMatch) -> list[Mention]:
        if match.entry.noun:
            return []
        before = {view.tokens[i].lower for i in clause.tokens if match.first - 6 <= i < match.first}
        if not before & self._passive or not self._looks_participle(view.tokens[match.last]):
            return []  # "Berlin rejected calls by Minsk, saying it was ...": no auxiliary before it, no passive
        for index in clause.tokens:
            if view.tokens[index].lower in self._agent:
                mention = self._mention_after(view, index, clause)
                if mention is not None:
                    return view.group_of(mention)
        return []

    def _coordinated_verb_anchor(
        self, view: SentenceView, clause: Clause, match: TriggerMatch, all_matches: list[TriggerMatch]
    ) -> int:
        """ "X killed Y and wounded Z": the second verb's subject is the first verb's, found before that verb. So is
        a purpose infinitive's: "X will visit Y and Z to mediate" (X mediates), but "X asked Y to mediate" (Y)."""
        before = view.tokens[match.first - 1].lower if match.first else ""
        if before not in self._coordinators and before not in self._infinitive_markers:
            return match.first
        home = view.parse.clause_of[match.first]
        earlier = [
            m
            for m in all_matches
            if not m.entry.noun and m.first < match.first and view.parse.clause_of[m.first] == home
        ]
        if before in self._infinitive_markers and any(
            self._object_control.intersection(view.tokens[i].lemmas) for m in earlier for i in m.tokens
        ):
            return match.first
        return min((m.first for m in earlier), default=match.first)

    def _agentless_passive(self, view: SentenceView, clause: Clause, match: TriggerMatch) -> bool:
        if match.entry.noun or not self._looks_participle(view.tokens[match.last]):
            return False
        before = [i for i in clause.tokens if i < match.first]
        return any(view.tokens[i].lower in self._agentless for i in before[-6:])

    def _looks_participle(self, token: Token) -> bool:
        word = token.lower
        if self.language.code == "de":
            return word.startswith("ge") or word.endswith(("iert", "t", "en"))
        return word.endswith(("ed", "en", "wn", "ck", "ht", "un", "id", "ne"))

    def _noun_source(self, view: SentenceView, match: TriggerMatch) -> list[Mention]:
        """ "US-Angriffe", "israelische Offensive", "Russlands Angriffe", "Israel's attack", "Angriffe Israels"."""
        noun = match.first
        for mention in view.on_token.get(noun, []):
            if mention.modifier or mention.last == noun:
                return [mention]
        for gap in (1, 2):
            before = noun - gap
            possessive = gap == 2 and view.tokens[noun - 1].lower in {"'s", "’s", "'"}
            name_as_modifier = gap == 1 and not self.language.rules.nouns_capitalised  # "US strikes"
            for mention in view.on_token.get(before, []):
                if mention.last == before and (mention.modifier or mention.genitive or possessive or name_as_modifier):
                    return view.group_of(mention)
        if not match.entry.patient:
            following = self._genitive_after(view, noun)
            if following:
                return following
        for index in range(noun + 1, min(noun + 4, len(view.tokens))):
            if view.tokens[index].lower in self._agent:
                for position in range(index + 1, min(index + 4, len(view.tokens))):
                    mention = view.starting.get(position)
                    if mention is not None:
                        return view.group_of(mention)
                    if view.tokens[position].lower not in self._articles and not self._adjective(view.tokens[position]):
                        return []
        return []

    @staticmethod
    def _adjective(token: Token) -> bool:
        word = token.lower
        return (
            token.text.isalpha()
            and not token.is_title
            and word.endswith(("e", "en", "er", "es", "em"))
            and not (word.endswith(("te", "ten", "tet")))
        )

    def _object_of_other_trigger(self, view: SentenceView, match: TriggerMatch, matches: list[TriggerMatch]) -> bool:
        """ "rejected an ultimatum", "hat die Forderung zurückgewiesen": a verb trigger in the noun's clause, unless
        it follows in the noun's complement ("its demand that Israel ease restrictions")."""
        clause = view.parse.clause_of[match.first]
        return any(
            other is not match
            and not other.entry.noun
            and view.parse.clause_of[other.first] == clause
            and (self._subject_anywhere or other.first < match.first)  # English objects follow their verb
            and not self._in_complement_of(view, match, other)
            for other in matches
        )

    def _in_complement_of(self, view: SentenceView, noun: TriggerMatch, other: TriggerMatch) -> bool:
        opener = self._complement_opener(view, noun.last, self._complementizers)
        return opener is not None and opener < other.first

    @staticmethod
    def _complement_opener(view: SentenceView, last: int, openers: frozenset[str]) -> int | None:
        """Where "that"/"to" opens what a word governs, right after it or after a time word or two ("its demand
        today that ...")."""
        for index in range(last + 1, min(last + 4, len(view.tokens))):
            if view.tokens[index].lower in openers:
                return index
        return None

    def _genitive_after(self, view: SentenceView, noun: int) -> list[Mention]:
        for index in (noun + 1, noun + 2):
            mention = view.starting.get(index)
            if mention is not None and mention.genitive:
                return view.group_of(mention)
        return []

    def _noun_in_phrase(self, view: SentenceView, match: TriggerMatch) -> bool:
        index = match.first - 1
        while index >= 0:
            token = view.tokens[index]
            if token.lower in self._possessives:
                return False
            if token.lower in self._prepositions:
                return True
            if (
                token.lower in self._articles
                or self._adjective(token)
                or token.text.isdigit()
                or index in view.on_token
            ):
                index -= 1
                continue
            return False
        return False

    def _targets(
        self, view: SentenceView, match: TriggerMatch, clause: Clause, sources: list[Mention]
    ) -> list[Mention | None]:
        entry = match.entry
        used = {id(m) for m in sources}
        if entry.between:
            for index in clause.tokens:
                if view.tokens[index].lower in self._between:
                    mention = self._mention_after(view, index, clause)
                    if mention is not None:
                        return [m for m in view.group_of(mention) if id(m) not in used]
        if entry.preps:
            found = self._prepositional_target(view, match, clause, used)
            if found:
                return found
        if entry.patient:
            following = self._genitive_after(view, match.last)
            if following:
                return list(following)
        if entry.noun:
            return self._complement_target(view, match, clause, sources)
        if entry.intransitive:  # "resigned as the opposition threatened": what follows is no object
            return [None]
        return self._object(view, match, clause, sources) or self._complement_target(view, match, clause, sources)

    def _complement_target(
        self, view: SentenceView, match: TriggerMatch, clause: Clause, sources: list[Mention]
    ) -> list[Mention | None]:
        """ "refused to deploy peacekeepers in Iraq", "threatened to cut aid to Kenya", "its demand that Israel ease
        restrictions": a demand, offer, refusal or threat without an object of its own is directed at the first
        other country in what it governs."""
        protest = match.entry.cameo.startswith(PROTEST_ROOT)
        if not match.entry.cameo.startswith(IRREALIS_CODES) and not protest:
            return [None]
        own = set() if protest else {m.actor.country for m in sources}  # protesters address their own rulers too
        governed = [
            c
            for c in view.parse.clauses
            if c.parent == clause.id and c.first > match.last and c.is_complement(view.tokens, self._complementizers)
        ]
        opener = self._complement_opener(view, match.last, self._infinitive_markers | self._complementizers)
        for mention in view.mentions:
            if mention.modifier or mention.actor.country in own:
                continue
            if (opener is not None and view.in_clause(mention, clause) and mention.first > opener) or any(
                view.in_clause(mention, child) for child in governed
            ):
                return list(view.group_of(mention))
        return [None]

    def _prepositional_target(
        self, view: SentenceView, match: TriggerMatch, clause: Clause, used: set[int]
    ) -> list[Mention | None]:
        entry = match.entry
        window = clause.tokens
        if entry.noun:
            window = [i for i in clause.tokens if match.last < i <= match.last + 8]
        for index in window:
            if view.tokens[index].lower not in entry.preps:
                continue
            mention = self._mention_after(view, index, clause)
            if mention is not None and id(mention) not in used:
                return [m for m in view.group_of(mention) if id(m) not in used]
        return []

    def _mention_after(self, view: SentenceView, index: int, clause: Clause) -> Mention | None:
        """The first actor in the phrase after a preposition, before the next preposition or clause end."""
        for position in range(index + 1, min(index + 10, len(view.tokens))):
            if view.parse.clause_of[position] != clause.id:
                return None
            for mention in view.on_token.get(position, []):
                if mention.first == position or mention.modifier:
                    return mention
            word = view.tokens[position].lower
            if word in self._prepositions and position > index + 1 and word not in {"of", "des", "der"}:
                return None
        return None

    def _object(
        self, view: SentenceView, match: TriggerMatch, clause: Clause, sources: list[Mention]
    ) -> list[Mention | None]:
        source_codes = {m.actor.code for m in sources}
        for mention in view.mentions:
            if not view.in_clause(mention, clause) or mention in sources:
                continue
            if not self._subject_anywhere and mention.first <= match.first:
                continue
            adjective_object = mention.kind == "adjective"  # "beschoss ukrainische Stellungen"
            if mention.modifier and not adjective_object:
                continue
            if mention.actor.code in source_codes or mention.actor.role == "MED":
                continue
            preposition = view.governing_preposition(mention)
            if preposition is not None and not mention.genitive and not self._author_of_call(view, mention, match):
                continue
            return list(view.group_of(mention))
        return []

    def _author_of_call(self, view: SentenceView, mention: Mention, match: TriggerMatch) -> bool:
        """ "rejected calls by Belarus's rulers", "dismissed an appeal from President X": who made the call, offer
        or plan that the event answers."""
        for index in range(mention.first - 1, max(match.first, mention.first - 4), -1):
            if view.tokens[index].lower in self._authoring:
                before = view.tokens[index - 1]
                return index - 1 <= match.first + 4 and bool(self._authored.intersection(before.lemmas))
        return False
