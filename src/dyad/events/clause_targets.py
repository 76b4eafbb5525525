"""Clause rules for targets, for sentences without a parse and where the tree has no target slot (see
`arguments.py` for which decides when): the object of the trigger's own preposition ("Gespräche mit X", "Kritik an
X", "zwischen X und Y"), a genitive after a patient noun ("die Freilassung Nawalnys"), the first other country in
what a demand, offer or threat governs ("threatened to cut aid to Kenya"), else (verbs only) the first other actor
of the clause that is not in an unrelated prepositional phrase.
"""

from __future__ import annotations

from dyad.events.clauses import Clause
from dyad.events.triggers import TriggerMatch
from dyad.events.view import SentenceView
from dyad.lang import Language
from dyad.model import Mention

# appeal, intend/offer, demand, accuse, reject, threaten: what these govern has not happened (or is only alleged):
# "threatened to break relations", "accused X of violating"
IRREALIS_CODES = ("02", "03", "10", "112", "12", "13")
# a protest is directed at whom its demands address: "went on hunger strike to demand the resignation of X"
PROTEST_ROOT = "14"
THREAT_ROOT = "13"
# appeals and demands address who is to act: "demanded that the government release them" -> the government
ASKING_ROOTS = ("02", "10")


def mention_after(
    view: SentenceView,
    index: int,
    clause: Clause,
    prepositions: frozenset[str],
    through: frozenset[str] = frozenset(),
) -> Mention | None:
    """The first actor in the phrase after a preposition, before the next preposition or clause end; a noun of
    `through` carries the phrase on across its own preposition ("to the border with Colombia")."""
    for position in range(index + 1, min(index + 10, len(view.tokens))):
        if view.parse.clause_of[position] != clause.id:
            return None
        for mention in view.on_token.get(position, []):
            if mention.first == position or mention.modifier:
                return mention
        word = view.tokens[position].lower
        crossing = view.tokens[position - 1].lemma in through
        if word in prepositions and position > index + 1 and word not in {"of", "des", "der"} and not crossing:
            return None
    return None


def genitive_after(view: SentenceView, noun: int) -> list[Mention]:
    """The actors of a genitive attribute right after a noun ("Angriffe Israels", "the release of X")."""
    for index in (noun + 1, noun + 2):
        mention = view.starting.get(index)
        if mention is not None and mention.genitive:
            return view.group_of(mention)
    return []


def complement_opener(view: SentenceView, last: int, openers: frozenset[str]) -> int | None:
    """Where "that"/"to" opens what a word governs, right after it or after a time word or two ("its demand
    today that ...")."""
    for index in range(last + 1, min(last + 4, len(view.tokens))):
        if view.tokens[index].lower in openers:
            return index
    return None


class ClauseTargets:
    def __init__(self, language: Language):
        arguments, clauses = language.grammar["arguments"], language.grammar["clauses"]
        self._prepositions = frozenset(arguments["prepositions"])
        self._between = frozenset(arguments["between"])
        self._authored = frozenset(arguments.get("authored_nouns", []))
        self._authoring = frozenset(arguments.get("authoring_prepositions", []))
        self._infinitive_markers = frozenset(clauses["infinitive_markers"])
        self._complementizers = frozenset(clauses.get("complementizers", []))
        # words opening a condition: subordinators ("falls", "if") and verb-first conditions ("Sollte ...")
        self._conditionals = frozenset(clauses.get("conditionals", [])) | frozenset(
            clauses.get("verb_first_conditions", [])
        )
        self._genitive = frozenset(arguments["genitive_articles"])
        self._boundaries = frozenset(arguments.get("boundary_nouns", []))
        self._subject_anywhere = language.rules.subject_anywhere

    def targets(
        self, view: SentenceView, match: TriggerMatch, clause: Clause, sources: list[Mention]
    ) -> list[Mention | None]:
        entry = match.entry
        used = {id(m) for m in sources}
        theme = view.compound_theme(match.first) if entry.noun else None
        if theme is not None and id(theme) not in used:  # "ihr China-Besuch", "die Russland-Sanktionen der EU"
            return [theme]
        if entry.between:
            for index in clause.tokens:
                if view.tokens[index].lower in self._between:
                    mention = mention_after(view, index, clause, self._prepositions)
                    if mention is not None:
                        return [m for m in view.group_of(mention) if id(m) not in used]
        if entry.preps:
            found = self._prepositional_target(view, match, clause, used)
            if found:
                return found
        if entry.patient:
            following = genitive_after(view, match.last)
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
        threat = match.entry.cameo.startswith(THREAT_ROOT)
        governed = [  # a threat's condition may stand anywhere: "Sollte Kiew ... einsetzen, werde ..., warnte X"
            c
            for c in view.parse.clauses
            if (c.parent == clause.id and c.first > match.last and c.is_complement(view.tokens, self._complementizers))
            or (threat and c.id != clause.id and self._condition(view, c))
        ]
        if match.entry.cameo.startswith(ASKING_ROOTS):
            addressee = next(
                filter(None, (self._subject_of(view, c, sources) for c in governed if c.kind == "sub")), []
            )
            if addressee:
                return list(addressee)
        opener = complement_opener(view, match.last, self._infinitive_markers | self._complementizers)
        for mention in view.mentions:
            if mention.modifier or mention.actor.country in own:
                continue
            if (opener is not None and view.in_clause(mention, clause) and mention.first > opener) or any(
                view.in_clause(mention, child) for child in governed
            ):
                return list(view.group_of(mention))
        return [None]

    @staticmethod
    def _subject_of(view: SentenceView, clause: Clause, sources: list[Mention]) -> list[Mention]:
        """The first actor of a finite clause outside a prepositional phrase: its subject (of its own country too:
        "the opposition demanded that the government resign")."""
        for mention in view.mentions:
            eligible = view.in_clause(mention, clause) and not mention.modifier and mention not in sources
            if eligible and view.governing_preposition(mention) is None:
                return view.group_of(mention)
        return []

    def _condition(self, view: SentenceView, clause: Clause) -> bool:
        return clause.kind == "sub" and view.tokens[clause.first].lower in self._conditionals

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
            mention = mention_after(view, index, clause, self._prepositions, self._boundaries)
            if mention is not None and id(mention) not in used:
                return [m for m in view.group_of(mention) if id(m) not in used]
        return []

    def _object(
        self, view: SentenceView, match: TriggerMatch, clause: Clause, sources: list[Mention]
    ) -> list[Mention | None]:
        source_codes = {m.actor.code for m in sources}
        for mention in view.mentions:
            if not view.in_clause(mention, clause) or mention in sources:
                continue
            if not self._subject_anywhere and mention.first <= match.first:
                continue
            # "beschoss ukrainische Stellungen", "beschoss die ostukrainische Region" (a place's adjective)
            adjective_object = mention.kind == "adjective" or (mention.kind == "place" and mention.modifier)
            if mention.modifier and not adjective_object:
                continue
            if mention.actor.code in source_codes or mention.actor.role == "MED":
                continue
            preposition = view.governing_preposition(mention)
            # a genitive is an object where it follows a noun ("the release of X", "Angriffe Israels"), not where
            # that noun is in a phrase of its own ("nach Angaben des ukrainischen Militärs")
            own_phrase = preposition is not None and not (mention.genitive and preposition in self._genitive)
            if own_phrase and not self._author_of_call(view, mention, match):
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
