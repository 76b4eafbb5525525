"""Clause rules: sources and targets from word order and the clause split, for sentences without a parse and for
what the dependency rules leave open (see `arguments.py` for which decides when).

- a noun trigger takes its source from its own modifiers: "US-Angriffe", "israelische Offensive", "Angriffe
  Israels", "Israel's attack", "Angriffe von X"; a noun inside a prepositional phrase takes no clause subject;
- otherwise the source is the clause's subject: German takes the first actor of the clause that is not in a
  prepositional phrase, not dative/accusative-marked and not a genitive attribute; English the nearest such actor
  before the trigger. Passive clauses ("wurde von X angegriffen", "was struck by X") swap agent and subject;
- a clause without a subject inherits one: an infinitive clause from its governing clause, a coordinated clause
  from the one before, quoted speech and "wir"/"we" from the speaker ("sagte Kremlsprecher Peskow");
- targets: `clause_targets.py`.
"""

from __future__ import annotations

from dyad.events.clause_targets import (
    IRREALIS_CODES,
    PROTEST_ROOT,
    ClauseTargets,
    complement_opener,
    genitive_after,
    mention_after,
)
from dyad.events.clauses import Clause, ClauseParse
from dyad.events.reading import participation_frames
from dyad.events.triggers import TriggerMatch
from dyad.events.view import SentenceView
from dyad.lang import Language
from dyad.model import Mention, Token

__all__ = ["IRREALIS_CODES", "PROTEST_ROOT", "ClauseRules"]


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
        self._passive = frozenset(arguments["passive_auxiliary_forms"])
        self._first_person = frozenset(arguments["first_person"])
        self._light_verbs = frozenset(arguments.get("light_verbs", []))
        self._comparisons = frozenset(tuple(c.split()) for c in arguments.get("comparisons", []) if len(c.split()) == 2)
        self._participation = participation_frames(arguments.get("participation_verbs", []))
        self._readiness = participation_frames(arguments.get("readiness_frames", []))
        self._agentless = frozenset(arguments.get("agentless_passive_auxiliaries", []))
        self._partitives = frozenset(arguments.get("partitives", []))
        self._object_control = frozenset(arguments.get("object_control_verbs", []))
        self._infinitive_markers = frozenset(language.grammar["clauses"]["infinitive_markers"])
        self._complementizers = frozenset(language.grammar["clauses"].get("complementizers", []))
        self._object_relatives = frozenset(language.grammar["clauses"].get("object_relatives", []))
        self._coordinators = frozenset(language.grammar["clauses"]["coordinators"])
        self._subject_anywhere = language.rules.subject_anywhere
        self.target_rules = ClauseTargets(language)

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
            self._comparisons,
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
        if mention.modifier or mention.kind == "place":  # "in der Hauptstadt Khartum": where, not who
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
                mention = mention_after(view, index, clause, self._prepositions)
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
        theme = view.compound_theme(noun)
        for mention in view.on_token.get(noun, []):
            if (mention.modifier or mention.last == noun) and mention is not theme:
                return view.group_of(mention)  # "Qatari and Egyptian mediators": both
        for gap in (1, 2):
            before = noun - gap
            possessive = gap == 2 and view.tokens[noun - 1].lower in {"'s", "’s", "'"}
            name_as_modifier = gap == 1 and not self.language.rules.nouns_capitalised  # "US strikes"
            for mention in view.on_token.get(before, []):
                if mention.last == before and (mention.modifier or mention.genitive or possessive or name_as_modifier):
                    return view.group_of(mention)
        if not match.entry.patient:
            following = genitive_after(view, noun)
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
        opener = complement_opener(view, noun.last, self._complementizers)
        return opener is not None and opener < other.first

    def _noun_in_phrase(self, view: SentenceView, match: TriggerMatch) -> bool:
        """Whether an event noun is inside a prepositional phrase, so that the clause's subject is not its source;
        the phrase of a verb of participation is not one ("beteiligt sich an den Luftangriffen", "took part in
        the strikes": the subject takes part in the event)."""
        index, article = match.first - 1, False
        while index >= 0:
            token = view.tokens[index]
            if token.lower in self._possessives:
                return False
            if token.lower in self._prepositions:
                clause = view.parse.clause(match.first)
                return not (self._participates(view, token.lower, clause) or self.ready_for(view, match))
            if index in view.on_token and article:
                return False  # "in Ecuador die Verlegung": the article opened the noun's phrase after the actor
            if (
                token.lower in self._articles
                or self._adjective(token)
                or token.text.isdigit()
                or index in view.on_token
            ):
                article = article or token.lower in self._articles
                index -= 1
                continue
            return False
        return False

    def ready_for(self, view: SentenceView, match: TriggerMatch) -> bool:
        """An event noun in the phrase of a word of readiness ("ist zu einem Treffen bereit", "is ready for talks"):
        the subject's own event, intended."""
        index = match.first - 1
        while index >= 0 and view.tokens[index].lower not in self._prepositions:
            index -= 1
        if index < 0:
            return False
        frames = self._readiness
        return self._participates(view, view.tokens[index].lower, view.parse.clause(match.first), frames)

    def _participates(self, view: SentenceView, preposition: str, clause: Clause, frames: dict | None = None) -> bool:
        """A verb of participation in the clause whose frame is this preposition ("teilnehmen an", "take part in";
        a separated particle joined: "nahm an den Gesprächen teil")."""
        words = [view.tokens[i] for i in clause.tokens]
        lowers = {w.lower for w in words}
        for verb in (self._participation if frames is None else frames).get(preposition, ()):
            if len(verb) == 1 and any(
                verb[0].endswith(lemma) and verb[0][: -len(lemma)] in lowers for w in words for lemma in w.lemmas
            ):
                return True
            for index in range(len(words) - len(verb) + 1):
                span = words[index : index + len(verb)]
                if all(w.lower == v or v in w.lemmas for w, v in zip(span, verb, strict=True)):
                    return True
        return False
