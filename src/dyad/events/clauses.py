"""Clause stage: split a sentence into clauses without a parser (none works offline for German).

Chunks end at commas, dashes, colons, brackets and quotes. A chunk opening with a subordinator ("dass", "that")
starts a subordinate clause, one with a relative pronoun a relative clause, one with "um ... zu"/"to" an infinitive
clause (which takes the subject of the clause that governs it). A chunk that opens with an actor is an apposition or
list item of the clause before; any other chunk after a subordinate clause resumes the main clause ("Obwohl X gilt,
unterhält es ..."). Quoted text forms clauses of its own, whose speaker is found in the reporting clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dyad.lang import Language
from dyad.model import Token, hyphen_in_word

_ZU_INFINITIVE = re.compile(r"^[a-zäöü]{2,}zu[a-zäöü]{2,}en$")


@dataclass
class Clause:
    id: int
    kind: str
    parent: int | None
    quoted: bool
    coordinated: bool = False
    tokens: list[int] = field(default_factory=list)
    speech: bool = False

    @property
    def first(self) -> int:
        return self.tokens[0]

    @property
    def last(self) -> int:
        return self.tokens[-1]

    def is_complement(self, tokens: list[Token], complementizers: frozenset[str]) -> bool:
        """What a governing verb asks for: an infinitive, or a clause opened by "that"/"dass"."""
        return self.kind == "inf" or (self.kind == "sub" and tokens[self.first].lower in complementizers)


@dataclass
class ClauseParse:
    clauses: list[Clause]
    clause_of: list[int]
    marks: frozenset[int] = frozenset()  # words the parse says open a clause: subordinators, not prepositions

    def clause(self, token_index: int) -> Clause:
        return self.clauses[self.clause_of[token_index]]

    def ancestors(self, clause: Clause) -> list[Clause]:
        chain = []
        while clause.parent is not None:
            clause = self.clauses[clause.parent]
            chain.append(clause)
        return chain


class ClauseSplitter:
    def __init__(self, language: Language):
        words = language.grammar["clauses"]
        self._language = language
        self._subordinators = frozenset(words["subordinators"])
        self._verb_first_conditions = frozenset(words.get("verb_first_conditions", []))
        self._relatives = frozenset(words["relatives"])
        self._infinitive = frozenset(words["infinitive_markers"])
        self._coordinators = frozenset(words["coordinators"])
        self._boundaries = frozenset(words["boundaries"])
        self._quote_open = frozenset(words["quotes_open"])
        self._quote_close = frozenset(words["quotes_close"])
        self._speech = frozenset(language.grammar["arguments"]["speech_verb_lemmas"])
        self._particles = language.optional_words("verbs", "separable_particles")
        # English relatives need no comma ("Macedonia which is preparing an offensive"); not after a preposition
        self._bare_relatives = frozenset(words.get("bare_relatives", []))
        self._prepositions = frozenset(language.grammar["arguments"]["prepositions"])
        # subordinators that open a clause wherever they stand ("because", "unless"); the others ("after") do so
        # inside a chunk only where the parse marks a clause with them
        self._openers_anywhere = frozenset(words.get("subordinators_anywhere", []))

    def split(
        self, tokens: list[Token], mention_starts: set[int], marks: dict[int, int | None] | None = None
    ) -> ClauseParse:
        """`marks`: the words the parse says open a clause, each with the word the clause hangs from
        (`Tree.clause_marks`): a subordinator without a comma before it opens a clause ("closed its border a day
        after Croatia attacked ..."), and the chunk holding what a leading subordinate clause hangs from is the
        main clause ("After Croatia attacked the village, Serbia closed ...")."""
        marks = {i: head for i, head in (marks or {}).items() if tokens[i].lower in self._subordinators}
        clauses: list[Clause] = []
        clause_of = [0] * len(tokens)
        for chunk, quoted, after_comma in self._chunks(tokens, frozenset(marks)):
            clause = self._place(tokens, chunk, quoted, after_comma, clauses, mention_starts, marks)
            clause.tokens.extend(chunk)
            for index in chunk:
                clause_of[index] = clause.id
        if not clauses:
            clauses.append(Clause(0, "main", None, False, tokens=list(range(len(tokens)))))
        self._attach_boundaries(tokens, clause_of, clauses)
        for clause in clauses:
            clause.tokens.sort()
            clause.speech = self._is_speech(tokens, clause)
        return ClauseParse(clauses, clause_of, frozenset(marks))

    def _chunks(self, tokens: list[Token], marks: frozenset[int]):
        quoted = False
        chunk: list[int] = []
        after_comma = False
        inline = self._inline_quotes(tokens)
        for token in tokens:
            text = token.text
            if token.i in inline:
                continue
            is_quote = text in self._quote_open or text in self._quote_close
            if (is_quote or text in self._boundaries) and not hyphen_in_word(tokens, token.i):
                if chunk:
                    yield chunk, quoted, after_comma
                    chunk = []
                after_comma = text == ","
                if is_quote:
                    quoted = self._toggle(quoted, text)
                continue
            if chunk and self._bare_relative(tokens, token):
                yield chunk, quoted, after_comma
                chunk, after_comma = [], True
            elif chunk and self._opens_inside(token, marks):
                # "... and after Croatia attacked": the coordinator goes with the clause it joins
                carried = [chunk.pop()] if tokens[chunk[-1]].lower in self._coordinators else []
                if chunk:
                    yield chunk, quoted, after_comma
                chunk, after_comma = carried, False
            chunk.append(token.i)
        if chunk:
            yield chunk, quoted, after_comma

    def _bare_relative(self, tokens: list[Token], token: Token) -> bool:
        previous = tokens[token.i - 1]
        return (
            token.lower in self._bare_relatives and previous.text.isalpha() and previous.lower not in self._prepositions
        )

    def _opens_inside(self, token: Token, marks: frozenset[int]) -> bool:
        if token.lower not in self._subordinators:
            return False
        return token.i in marks or token.lower in self._openers_anywhere

    def _inline_quotes(self, tokens: list[Token]) -> set[int]:
        """Quote marks around a phrase inside a clause ("von «tiefer Enttäuschung» im Kreml") are not speech."""
        inline: set[int] = set()
        opening: int | None = None
        for token in tokens:
            text = token.text
            is_open = text in self._quote_open and (opening is None or text not in self._quote_close)
            if opening is None and is_open:
                opening = token.i
            elif opening is not None and text in self._quote_close:
                before = tokens[opening - 1] if opening > 0 else None
                after = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
                word_before = before is not None and before.text[:1].isalnum()
                word_after = after is not None and after.text[:1].isalnum()
                ends_sentence_part = tokens[token.i - 1].text in {",", ".", "!", "?", ":"}
                if (word_before or word_after) and not ends_sentence_part:
                    inline.update({opening, token.i})
                opening = None
        return inline

    def _toggle(self, quoted: bool, text: str) -> bool:
        if text in self._quote_open and text in self._quote_close:
            return not quoted
        if text in self._quote_open and not quoted:
            return True
        if text in self._quote_close and quoted:
            return False
        return quoted

    def _place(
        self,
        tokens: list[Token],
        chunk: list[int],
        quoted: bool,
        after_comma: bool,
        clauses: list[Clause],
        mention_starts: set[int],
        marks: dict[int, int | None],
    ) -> Clause:
        words = [tokens[i].lower for i in chunk]
        coordinated = words[0] in self._coordinators
        opener = words[1] if coordinated and len(words) > 1 else words[0]
        previous = clauses[-1] if clauses else None

        def new(kind: str, parent: int | None) -> Clause:
            clause = Clause(len(clauses), kind, parent, quoted, coordinated)
            clauses.append(clause)
            return clause

        if previous is None or previous.quoted != quoted:
            first_condition = previous is None and opener in self._verb_first_conditions  # "Sollte Kiew ..., werde"
            return new("sub" if opener in self._subordinators or first_condition else "main", None)
        if opener in self._subordinators or (after_comma and opener in self._verb_first_conditions):
            return new("sub", self._main_of(previous, clauses))  # ", sollten die Verbündeten festhalten": if they
        if self._speech_tag(tokens, chunk):
            return new("main", None)
        if after_comma and not quoted and self._ends_with_speech_verb(tokens, previous):
            return new("sub", previous.id)  # "erklärte, Russland müsse ...": reported speech without "dass"
        if self._governs(self._outermost(previous, clauses), chunk, marks):
            return new("main", None)
        if self._opens_with_actor(chunk, mention_starts, tokens):
            return previous
        if opener in self._infinitive or self._is_zu_infinitive(tokens, chunk):
            return new("inf", previous.id)  # before relatives: ", die Beziehungen abzubrechen" is no relative
        if after_comma and opener in self._relatives:
            return new("rel", previous.id)
        if coordinated:
            return new("main", previous.id)
        if previous.kind in {"sub", "rel", "inf"} and self._clause_closed(tokens, previous):
            if previous.parent is None:
                return new("main", None)
            return clauses[self._main_of(previous, clauses)]
        return previous

    @staticmethod
    def _outermost(clause: Clause, clauses: list[Clause]) -> Clause:
        """The clause that holds this one, through every level ("Nachdem X bestätigt hatte, dass Y ...,")."""
        while clause.parent is not None:
            clause = clauses[clause.parent]
        return clause

    @staticmethod
    def _governs(previous: Clause, chunk: list[int], marks: dict[int, int | None]) -> bool:
        """The chunk holds the word a leading subordinate clause hangs from: the main clause."""
        if previous.kind != "sub" or previous.parent is not None:
            return False
        governor = marks.get(previous.first if previous.first in marks else previous.first + 1)
        return governor is not None and governor in chunk

    def _clause_closed(self, tokens: list[Token], clause: Clause) -> bool:
        """German subordinate clauses end with their verb: one ending in a noun or name goes on after a comma."""
        if not self._language.rules.nouns_capitalised:
            return True
        last = tokens[clause.tokens[-1]]
        return last.text.isalpha() and not last.is_title

    def _speech_tag(self, tokens: list[Token], chunk: list[int]) -> bool:
        """ ", the Omani foreign ministry said" / ", sagte Peskow": the reporting clause, not an apposition."""
        if len(chunk) > 10:
            return False
        return any(tokens[i].lemma in self._speech or tokens[i].lower in self._speech for i in chunk)

    def _ends_with_speech_verb(self, tokens: list[Token], clause: Clause) -> bool:
        last = tokens[clause.tokens[-1]]
        return last.lemma in self._speech or last.lower in self._speech

    @staticmethod
    def _main_of(clause: Clause, clauses: list[Clause]) -> int:
        while clause.kind != "main" and clause.parent is not None:
            clause = clauses[clause.parent]
        return clause.id

    @staticmethod
    def _opens_with_actor(chunk: list[int], mention_starts: set[int], tokens: list[Token]) -> bool:
        for index in chunk[:3]:
            if index in mention_starts:
                return True
            if tokens[index].lower not in {"der", "die", "das", "dem", "den", "des", "the", "a", "an"}:
                return False
        return False

    def _is_zu_infinitive(self, tokens: list[Token], chunk: list[int]) -> bool:
        if self._language.code != "de":
            return False
        for position, index in enumerate(chunk):
            word = tokens[index].lower
            if word == "zu" and position + 1 < len(chunk) and not tokens[chunk[position + 1]].is_title:
                return True
            if _ZU_INFINITIVE.match(word) and word[: word.index("zu")] in self._particles:
                return True
        return False

    def _attach_boundaries(self, tokens: list[Token], clause_of: list[int], clauses: list[Clause]) -> None:
        """Punctuation belongs to the clause before it (or after it, at the start of a sentence)."""
        in_chunk = {i for clause in clauses for i in clause.tokens}
        last = 0
        for token in tokens:
            if token.i in in_chunk:
                last = clause_of[token.i]
            else:
                clause_of[token.i] = last

    def _is_speech(self, tokens: list[Token], clause: Clause) -> bool:
        if clause.quoted:
            return False
        members = [tokens[i] for i in clause.tokens]
        final = members[-1].lower if members else ""
        for token in members:
            if token.lemma in self._speech or token.lower in self._speech:
                return True
            if final in self._particles and final + token.lemma in self._speech:
                return True
        return False
