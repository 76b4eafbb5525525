"""Sentence and token stage: paragraphs -> sentences of tokens with character offsets and lemmas.

spaCy's blank German and English tokenizers (rules only, no model to download) keep abbreviations ("u.a.", "Dr."),
ordinals ("7.") and hyphen compounds ("US-Bomber") whole; its sentencizer splits sentences. simplemma gives lemmas.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import simplemma
import spacy
from spacy.language import Language as SpacyLanguage

from dyad.model import Token

LEMMA_CACHE_LIMIT = 500_000
# Bounds on the work per unit of text: spaCy refuses texts over 1,000,000 characters, and the argument stage grows
# faster than linearly with a sentence's length. Real news sentences stay far below these limits.
MAX_PARAGRAPH_CHARS = 100_000
MAX_SENTENCE_TOKENS = 120
# spaCy's tokenizer strips prefixes and suffixes one at a time and rescans the rest: quadratic in a run of
# punctuation without a space (10,000 apostrophes took 10 s; a 100,000-character window would take hours).
# A run of more non-space characters than this gets a space inserted; no word or link in real news is so long.
MAX_RUN_CHARS = 100
LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS}}}(?=\S)")
SOFT_BREAKS = frozenset(",;:–—")
OPENING_QUOTES = frozenset('«»„‚"“')
FINAL_PUNCTUATION = frozenset(".!?…")
# regnal numbers: I to XXXIX
ROMAN_NUMERALS = tuple(
    tens + units
    for tens in ("", "X", "XX", "XXX")
    for units in ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
)[1:]


def _quote_aware_bounds(doc) -> list[tuple[int, int]]:
    """Sentence token bounds, with a quote mark that opens the next sentence moved into it.

    spaCy's sentencizer leaves the "«" of `Ukraine. «Wir ...` at the end of the sentence before.
    """
    bounds = [[sent.start, sent.end] for sent in doc.sents]
    for current, following in itertools.pairwise(bounds):
        while (
            current[1] - current[0] > 1
            and doc[current[1] - 1].text in OPENING_QUOTES
            and doc[current[1] - 2].text in FINAL_PUNCTUATION
        ):
            current[1] -= 1
            following[0] -= 1
    return [(start, end) for start, end in bounds if end > start]


def _text_windows(text: str, limit: int) -> Iterator[str]:
    """The text in pieces of at most `limit` characters, cut after a sentence end or at a space where possible."""
    while len(text) > limit:
        window = text[:limit]
        cut = max(window.rfind(". "), window.rfind("\n"))
        if cut < limit // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut >= limit // 2 else limit
        yield text[:cut]
        text = text[cut:]
    yield text


def _break_long_runs(text: str) -> str:
    return LONG_RUN.sub(lambda match: match.group(0) + " ", text) if len(text) > MAX_RUN_CHARS else text


def _token_windows(doc, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """A sentence over `limit` tokens is coded in windows, each cut after a comma-like break where one is near."""
    while end - start > limit:
        cut = start + limit
        for index in range(start + limit - 1, start + limit // 2, -1):
            if doc[index].text in SOFT_BREAKS:
                cut = index + 1
                break
        yield start, cut
        start = cut
    yield start, end


class Lemmatizer:
    """simplemma with a per-instance memo (words repeat; a lookup is far cheaper than a lemmatisation), and the
    language's exceptions where simplemma leaves an irregular form as it is ("shot", "broke": grammar.toml)."""

    def __init__(self, language: str, exceptions: dict[str, str] | None = None):
        self.language = language
        self._exceptions = {word.lower(): lemma for word, lemma in (exceptions or {}).items()}
        self._memo: dict[str, str] = {}

    def lemma(self, word: str) -> str:
        found = self._memo.get(word)
        if found is None and word.lower() in self._exceptions:
            found = self._memo[word] = self._exceptions[word.lower()]
        if found is None:
            # simplemma spells some German lemmas with "ss", others with "ß": one spelling for matching
            found = simplemma.lemmatize(word, lang=self.language).lower().replace("ß", "ss")
            if len(self._memo) < LEMMA_CACHE_LIMIT:
                self._memo[word] = found
        return found


class Segmenter:
    def __init__(
        self,
        languages: tuple[str, ...],
        roman_ordinals: frozenset[str] = frozenset(),
        lemma_exceptions: dict[str, dict[str, str]] | None = None,
    ):
        """`roman_ordinals`: the languages that write a regnal number with a period ("Papst Leo XIV. empfing",
        "Karl III."): there the period ends no sentence. `lemma_exceptions`: per language, word -> lemma."""
        self._nlp: dict[str, SpacyLanguage] = {}
        exceptions = lemma_exceptions or {}
        self._lemmatizers = {code: Lemmatizer(code, exceptions.get(code)) for code in languages}
        self._special_words: dict[str, frozenset[str]] = {}
        for code in languages:
            nlp = spacy.blank(code)
            nlp.add_pipe("sentencizer")
            if code in roman_ordinals:
                for numeral in ROMAN_NUMERALS:
                    nlp.tokenizer.add_special_case(numeral + ".", [{"ORTH": numeral + "."}])
            self._nlp[code] = nlp
            self._special_words[code] = frozenset(nlp.tokenizer.rules)

    def sentences(self, paragraph: str, language: str) -> Iterator[tuple[str, list[Token]]]:
        """(sentence text, tokens with offsets relative to that text) for each sentence of a paragraph."""
        for piece in _text_windows(paragraph, MAX_PARAGRAPH_CHARS):
            doc = self._nlp[language](_break_long_runs(piece))
            for bounds in _quote_aware_bounds(doc):
                for start, end in _token_windows(doc, *bounds, MAX_SENTENCE_TOKENS):
                    span = doc[start:end]
                    text = span.text
                    if not text.strip():
                        continue
                    base = span.start_char
                    yield text, self._tokens(((t.text, t.idx - base) for t in span if not t.is_space), language)

    def words(self, text: str, language: str) -> list[str]:
        """Token texts only (no lemmas): for tokenising gazetteer entries. Words of letters only are tokens as they
        are, unless the tokenizer has a special case for them ("Cannot" -> "Can", "not"): a shortcut for the tens
        of thousands of names of the actor files."""
        chunks = text.split()
        special = self._special_words[language]
        if all(chunk.isalpha() and chunk not in special for chunk in chunks):
            return chunks
        return [t.text for t in self._nlp[language].make_doc(text) if not t.is_space]

    def tokenize(self, text: str, language: str) -> list[Token]:
        doc = self._nlp[language].make_doc(_break_long_runs(text))
        return self._tokens(((t.text, t.idx) for t in doc if not t.is_space), language)

    def _tokens(self, pieces: Iterator[tuple[str, int]], language: str) -> list[Token]:
        lemmatizer = self._lemmatizers[language]
        tokens = []
        for i, (text, start) in enumerate(pieces):
            lemma = lemmatizer.lemma(text) if text[:1].isalpha() else text.lower()
            tokens.append(Token(i, text, start, start + len(text), text.lower(), (lemma,)))
        return tokens

    def lemma(self, word: str, language: str) -> str:
        return self._lemmatizers[language].lemma(word)
