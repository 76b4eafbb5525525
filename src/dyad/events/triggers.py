"""Trigger stage: find the words that name an event ("verurteilte", "Luftschläge", "um Vermittlung gebeten").

The lexicon is lang/xx/triggers.tsv. A pattern is a list of parts separated by "..."; a part is a run of adjacent
slots; a slot lists alternatives with "|". Parts may come in any order inside one clause, because German puts the
finite verb second in main clauses and last in subordinate ones. Where patterns overlap, the one covering more words
wins ("um Vermittlung bitten" beats "bitten").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import product

from dyad.events.trigger_entries import Part, TriggerEntry, TriggerFileError, read_entries
from dyad.lang import Language
from dyad.model import Token, hyphen_in_word

__all__ = ["TriggerEntry", "TriggerFileError", "TriggerLexicon", "TriggerMatch"]

DETERMINER_BEFORE_NOUN = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "that"]
)
# English adjective endings ("an informal meeting", "a bilateral meeting"), not noun ones ("a declaration demanding")
ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ful", "ary", "ian", "ish", "ese", "ble", "ate", "ed")
MIN_COMPOUND_MODIFIER = 3
CLOSING = frozenset(",.;:!?“”»«\"')")


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    entry: TriggerEntry
    tokens: tuple[int, ...]
    exact: bool = True
    words: tuple[str, ...] = ()
    nominal_evidence: bool = False
    particle: bool = False  # read through a clause-final particle ("lieferte ... aus" -> "ausliefern")

    @property
    def first(self) -> int:
        return self.tokens[0]

    @property
    def last(self) -> int:
        return self.tokens[-1]


class TriggerLexicon:
    def __init__(self, entries: list[TriggerEntry], language: Language, lemma: Callable[[str], str] = str.lower):
        self.entries = entries
        self.language = language
        self._lemma = lemma
        self._by_word: dict[str, list[TriggerEntry]] = defaultdict(list)
        self._noun_heads: set[str] = set()
        for entry in entries:
            for word in entry.parts[0][0]:
                self._by_word[word].append(entry)
            self._noun_heads.update(_head_words(entry, language.rules.nouns_capitalised, lemma))
        self._head_memo: dict[str, str | None] = {}
        self._head_starts = frozenset(head[:4] for head in self._noun_heads)
        # English puts a verb before its object ("lifted the blockade"); only a passive reverses them ("the
        # blockade was lifted"), so "blockade Paris to demand an end to ..." is no "end ... blockade"
        self._ordered = not language.rules.subject_anywhere
        self._passive_forms = frozenset(language.grammar["arguments"].get("passive_auxiliary_forms", []))
        # "a series of bombs", "after talks": a word right after a preposition is a noun (a gerund may be a verb:
        # "accused of torturing"); "to" marks infinitives
        self._nominal_prepositions = frozenset(language.grammar["arguments"]["prepositions"]) - frozenset(
            language.grammar["clauses"]["infinitive_markers"]
        )
        self._max_span = int(language.grammar["language"].get("max_trigger_span", 0)) or None
        # "a telephone call on Friday": a preposition before a day or month opens a time, not the trigger's frame
        self._time_words = frozenset(language.dates.get("weekdays", {})) | frozenset(language.dates.get("months", {}))
        self._particles = language.optional_words("verbs", "separable_particles")
        self._coordinators = frozenset(language.grammar["clauses"]["coordinators"])
        self._verb_lemmas: dict[str, str] = dict(language.grammar.get("verbs", {}).get("verb_lemmas", {}))

    @classmethod
    def load(
        cls, language: Language, lemma: Callable[[str], str], tokenize: Callable[[str], list[str]] | None = None
    ) -> TriggerLexicon:
        """`tokenize`: the language's tokenizer, so that a pattern word it splits ("sit-in" -> sit - in in
        English) is matched as the tokens a text will have."""
        entries = read_entries(language, lemma, tokenize)
        return cls(entries, language, lemma)

    def find(
        self,
        tokens: list[Token],
        clause_of: list[int],
        names: frozenset[int] = frozenset(),
        actor_words: frozenset[int] = frozenset(),
        determined: frozenset[int] = frozenset(),
    ) -> list[TriggerMatch]:
        """Triggers in a sentence. Words of actor names never count; where readings overlap, the one using
        fewer words of actor phrases wins ("shared evidence", not the "intelligence" of "intelligence officials").
        `determined`: the words the parse gives a determiner ("the Armenian attack"): nouns, never verbs."""
        return self._choose(self.candidates(tokens, clause_of, names, determined), actor_words)

    def candidates(
        self,
        tokens: list[Token],
        clause_of: list[int],
        names: frozenset[int] = frozenset(),
        determined: frozenset[int] = frozenset(),
    ) -> list[TriggerMatch]:
        """Every pattern that matches, overlapping ones included (`find` chooses among them)."""
        keys, joined = self._token_keys(tokens, clause_of)
        for index in names:
            keys[index] = set()
        positions: dict[str, list[int]] = defaultdict(list)
        for index, words in enumerate(keys):
            for word in words:
                positions[word].append(index)
        present = frozenset(positions)
        # each entry once, and only if every part's first word occurs (most entries fail there, cheaply)
        entries = {id(entry): entry for word in present for entry in self._by_word.get(word, ())}
        candidates: list[TriggerMatch] = []
        seen: set[tuple[str, tuple[int, ...]]] = set()
        for entry in sorted(entries.values(), key=lambda entry: (entry.rank, entry.pattern)):
            if any(part[0].isdisjoint(present) for part in entry.parts):
                continue
            for match in self._match_entry(entry, tokens, keys, joined, positions, clause_of, determined):
                key = (entry.pattern, match.tokens)
                if key not in seen:
                    seen.add(key)
                    candidates.append(match)
        return candidates

    def may_match(self, tokens: list[Token]) -> bool:
        """Whether any pattern's first word occurs: a cheap test before costly work on a sentence (parsing)."""
        keys, _ = self._token_keys(tokens, [0] * len(tokens))
        return any(word in self._by_word for words in keys for word in words)

    # keys ---------------------------------------------------------------------------------------------------
    def _token_keys(self, tokens: list[Token], clause_of: list[int]) -> tuple[list[set[str]], list[set[str]]]:
        """Each token's readings (lemma, form, compound head, joined particle verb), and apart the particle
        verbs each verb joins."""
        rules = self.language.rules
        keys = [{token.lemma, token.lower, *self._variants(token.lower)} for token in tokens]
        for token, words in zip(tokens, keys, strict=True):
            if rules.nouns_capitalised and token.is_title and token.text.isalpha():
                head = self._compound_head(token.lemma)
                if head:
                    words.add(head)
            elif "-" in token.text.strip("-"):
                head = self._hyphen_head(token)
                words.add(head)
                words.add(self._compound_head(head) or head)
        joined: list[set[str]] = [set() for _ in tokens]
        if self._particles:
            self._add_separable_verbs(tokens, clause_of, joined)
        for words, verbs in zip(keys, joined, strict=True):
            words |= verbs
        for index, token in enumerate(tokens[:-1]):
            if token.lower in self._nominal_prepositions and tokens[index + 1].lower in self._time_words:
                keys[index] = set()
        return keys, joined

    def _variants(self, word: str) -> set[str]:
        """The language's variants of a word and their lemmas ("angegriffenen" -> "angegriffen" -> "angreifen")."""
        found = set(self.language.rules.lemma_variants(word))
        found |= set(self.language.rules.particle_verb_forms(word, self._particles))
        return found | {self._lemma(variant) for variant in found}

    def _hyphen_head(self, token: Token) -> str:
        """The lemma of a hyphenated word's last part ("US-Luftschläge" -> "luftschlag"); the lemmatiser may have
        dropped the hyphen from the whole word ("Demokratie-Bewegung" -> "demokratiebewegung")."""
        if "-" in token.lemma.strip("-"):
            return token.lemma.rstrip("-").rsplit("-", 1)[1]
        last = token.text.strip("-").rsplit("-", 1)[1]
        return self._lemma(last)

    def _compound_head(self, lemma: str) -> str | None:
        """The longest listed noun a compound ends in ("Friedensgespräche" -> "gespräch"); a listed compound
        keeps its own reading too, which wins where both are single words (it matches exactly)."""
        if lemma in self._head_memo:
            return self._head_memo[lemma]
        # a compound's first part is a word of its own ("Friedens-", "Luft-"): "Vermittlung" is no "V-ermittlung"
        cuts = range(MIN_COMPOUND_MODIFIER, len(lemma) - 3)
        head = next((lemma[cut:] for cut in cuts if lemma[cut:] in self._noun_heads), None)
        if head is None:  # a compound the lemmatiser does not know keeps its inflection: "Handelsgespräche"
            starts = [cut for cut in cuts if lemma[cut : cut + 4] in self._head_starts]  # few: lemmatising is slow
            head = next((h for cut in starts if (h := self._lemma(lemma[cut:].capitalize())) in self._noun_heads), None)
        self._head_memo[lemma] = head
        return head

    def _add_separable_verbs(self, tokens: list[Token], clause_of: list[int], joined: list[set[str]]) -> None:
        """ "griffen ... an" -> "angreifen": a particle closing a clause (before punctuation or a coordinator: "griff
        die Ukraine an und verhandelte") joins the verbs before it."""
        for index, token in enumerate(tokens):
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            closes = following is None or following.text in CLOSING or following.lower in self._coordinators
            if token.lower not in self._particles or not closes or index == 0:
                continue
            clause = clause_of[index]
            back = index - 1
            while back >= 0 and clause_of[back] == clause and index - back <= 25:
                verb = tokens[back]
                if verb.text.isalpha() and not verb.is_title:
                    joined[back].add(token.lower + self._verb_lemmas.get(verb.lower, verb.lemma))
                back -= 1

    # matching -----------------------------------------------------------------------------------------------
    def _match_entry(
        self,
        entry: TriggerEntry,
        tokens: list[Token],
        keys: list[set[str]],
        joined: list[set[str]],
        positions: dict[str, list[int]],
        clause_of: list[int],
        determined: frozenset[int] = frozenset(),
    ) -> list[TriggerMatch]:
        part_hits = [self._part_hits(part, keys, positions) for part in entry.parts]
        if any(not hits for hits in part_hits):
            return []
        matches = []
        for combination in product(*part_hits):
            indices = sorted(i for hit in combination for i in hit)
            if len(set(indices)) != len(indices):
                continue
            if len({clause_of[i] for i in indices}) != 1 and len(entry.parts) > 1:
                continue
            if self._max_span is not None and indices[-1] - indices[0] >= self._max_span:
                continue
            if not self._word_class_fits(entry, tokens, combination[0][0], determined):
                continue
            if self._ordered and not self._in_order(tokens, combination):
                continue
            first = tokens[combination[0][0]]
            exact = bool(({first.lemma, first.lower} | joined[combination[0][0]]) & entry.parts[0][0])
            slots = [slot for hit, part in zip(combination, entry.parts, strict=True) for slot in part[: len(hit)]]
            hit_indices = [i for hit in combination for i in hit]
            words = {i: min(keys[i] & slot, key=len) for i, slot in zip(hit_indices, slots, strict=True)}
            evidence = entry.noun and self._nominal_evidence(entry, tokens, indices[-1])
            particle = any(words[i] in joined[i] for i in hit_indices)
            found = tuple(words[i] for i in indices)
            matches.append(TriggerMatch(entry, tuple(indices), exact, found, evidence, particle))
        return matches

    def _in_order(self, tokens: list[Token], combination: tuple[tuple[int, ...], ...]) -> bool:
        starts = [hit[0] for hit in combination]
        if starts == sorted(starts):
            return True
        verb = starts[0]
        return any(t.lower in self._passive_forms for t in tokens[max(0, verb - 3) : verb])

    @staticmethod
    def _part_hits(part: Part, keys: list[set[str]], positions: dict[str, list[int]]) -> list[tuple[int, ...]]:
        starts = sorted({i for word in part[0] for i in positions.get(word, ())})
        hits = []
        for start in starts:
            if start + len(part) > len(keys):
                continue
            if all(keys[start + offset] & slot for offset, slot in enumerate(part[1:], 1)):
                hits.append(tuple(range(start, start + len(part))))
        return hits

    def _has_noun_entry(self, token: Token) -> bool:
        return any(entry.noun for word in (token.lower, token.lemma) for entry in self._by_word.get(word, ()))

    def _word_class_fits(
        self, entry: TriggerEntry, tokens: list[Token], index: int, determined: frozenset[int] = frozenset()
    ) -> bool:
        token = tokens[index]
        if len(entry.parts) > 1 or len(entry.parts[0]) > 1:
            return True
        if not entry.noun and index in determined:
            return False  # the parse hangs a determiner from it: "condemned the Armenian attack"
        if self.language.rules.nouns_capitalised:
            if "-" in token.text:
                return entry.noun
            return token.is_title == entry.noun or index == 0
        if not entry.noun and ((index > 0 and hyphen_in_word(tokens, index - 1)) or "-" in token.text.strip("-")):
            return False  # "its long-threatened invasion", "US-led forces": part of a modifier, not a verb
        previous = tokens[index - 1].lower if index else ""
        after_determiner = previous in DETERMINER_BEFORE_NOUN or previous in {"'s", "’s"}
        if entry.noun:
            return (
                after_determiner
                or index in determined  # "in a Hezbollah attack": the parse hangs the article from it
                or token.lower.endswith("s")
                or "-" in token.text
                or bool(index + 1 < len(tokens) and tokens[index + 1].lower in entry.preps)
            )
        if _gerund_after_adjective(tokens, index) and self._has_noun_entry(token):
            return False
        after_preposition = previous in self._nominal_prepositions and not token.lower.endswith("ing")
        return not (after_determiner or after_preposition)

    @staticmethod
    def _nominal_evidence(entry: TriggerEntry, tokens: list[Token], last: int) -> bool:
        """ "the strike", "strikes on Iran": signs that an English word is used as a noun."""
        following = tokens[last + 1].lower if last + 1 < len(tokens) else ""
        previous = tokens[last - 1].lower if last else ""
        return following in entry.preps or previous in DETERMINER_BEFORE_NOUN

    @staticmethod
    def _choose(candidates: list[TriggerMatch], actor_words: frozenset[int]) -> list[TriggerMatch]:
        """Keep non-overlapping matches, larger patterns first, then verbs before nouns at equal size."""
        candidates.sort(
            key=lambda m: (
                -m.entry.size,
                -len(m.entry.parts),
                len(actor_words.intersection(m.tokens)),
                _generic(m.entry.cameo),  # of equal size, the more specific code ("Bereitschaft zu Gesprächen": 036)
                not m.particle,  # the particle is evidence: "lieferte ... aus" is "ausliefern", not "liefern"
                not m.exact,
                not m.nominal_evidence,
                m.entry.noun,
                m.first,
                m.entry.rank,  # the earlier lexicon, never the order of a hash set: a text codes the same everywhere
                -sum(len(word) for word in m.words),
            )
        )
        taken: set[int] = set()
        chosen = []
        for match in candidates:
            if taken.intersection(match.tokens):
                continue
            taken.update(match.tokens)
            chosen.append(match)
        return sorted(chosen, key=lambda m: m.first)


def _generic(code: str) -> bool:
    """A root's own code ("030", "190"), the least specific of its root."""
    return len(code) == 3 and code.endswith("0")


def _head_words(entry: TriggerEntry, nouns_capitalised: bool, lemma: Callable[[str], str]) -> set[str]:
    """The words a compound may end in: where nouns are capitalised, only the pattern's nouns ("Rache" may head
    "Racheakt", but the verb "sprechen" must not make "Ansprache" a trigger), each with its lemma."""
    words = [w for w in entry.pattern.replace("...", " ").replace("|", " ").split() if len(w) >= 4]
    if nouns_capitalised:
        words = [w for w in words if w[:1].isupper()]
    return {form for w in words for form in (w.lower(), lemma(w)) if len(form) >= 4}


def _gerund_after_adjective(tokens: list[Token], index: int) -> bool:
    """ "an informal meeting": an -ing form after a determiner and an adjective is a noun."""
    if index < 2 or not tokens[index].lower.endswith("ing"):
        return False
    modifier = tokens[index - 1]
    adjective = modifier.text.islower() and modifier.text.endswith(ADJECTIVE_ENDINGS)
    return adjective and tokens[index - 2].lower in DETERMINER_BEFORE_NOUN
