"""The pipeline: read -> clean -> language -> sentences/tokens -> actors -> parse -> events -> dates/places.

`Pipeline.load()` reads every resource once; `Pipeline.code(document)` is then a pure function of the document.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dyad.actors.actor_files import known_actor_names, read_user_actor_file
from dyad.actors.gazetteer import build_gazetteer
from dyad.clean import Cleaner
from dyad.events.coder import ArticleContext, Ontology, SentenceCoder
from dyad.events.explain import SentenceExplanation
from dyad.events.triggers import TriggerLexicon
from dyad.lang import SUPPORTED, load_language
from dyad.model import Article, Event, Mention, Sentence
from dyad.ontology import Codebook, PloverMap
from dyad.places import Places
from dyad.read import InputError, RawDocument, stable_id
from dyad.text.language import LanguageDetector, UnsupportedLanguage
from dyad.text.parse import NO_PARSER, SHIPPED, Parser, load_parser
from dyad.text.segment import Segmenter

ARTICLE_SECONDS = 60.0  # the per-article time budget: an article still coding after this is skipped, not awaited
MAX_ARTICLE_CHARS = 2_000_000
PARSE_BATCH = 32  # sentences parsed together; the time budget is checked between batches


@dataclass(frozen=True, slots=True)
class CodedArticle:
    article: Article
    sentences: list[Sentence]
    events: list[Event]
    mentions: dict[int, list[Mention]] = field(default_factory=dict)
    explanations: list[SentenceExplanation] = field(default_factory=list)  # with `explain=True`


def internal_error(origin: str, error: Exception) -> str:
    """The one-line report of a fault inside a stage: it skips that article only."""
    return f"{origin}: internal error while coding ({type(error).__name__}: {error})"


def article_paragraphs(paragraphs: tuple[str, ...], raw: RawDocument) -> tuple[str, ...]:
    """The paragraphs to code: the cleaned text, with the title first when the text does not open with it."""
    if raw.title and (not paragraphs or paragraphs[0] != raw.title.strip()):
        return (raw.title.strip(), *paragraphs)
    return paragraphs


KICKER_WORDS = 3
HEADLINE_WORDS = 20
SENTENCE_ENDS = (".", "!", "?", "»", '"', "“", "”")


def headline(paragraphs: tuple[str, ...]) -> str:
    """The article's title from its text: the first paragraph, unless that is a kicker ("Nahost", "Europe": at most
    three words, no sentence's end) over a headline (a longer line of at most 20 words, no sentence's end either;
    a lead paragraph under a short headline is no headline)."""
    first = paragraphs[0]
    if len(paragraphs) < 2 or len(first.split()) > KICKER_WORDS or first.rstrip().endswith(SENTENCE_ENDS):
        return first
    second = paragraphs[1]
    words = len(second.split())
    if len(first.split()) < words <= HEADLINE_WORDS and not second.rstrip().endswith(SENTENCE_ENDS):
        return second
    return first


def document_id(paragraphs: tuple[str, ...], raw: RawDocument) -> str:
    """The article's stable id: its own id, else a hash of its cleaned text (so copies share an id)."""
    return raw.id or stable_id("\n".join(paragraphs))


def identify(cleaner: Cleaner, raw: RawDocument) -> str:
    """The doc_id `Pipeline.prepare` will give, without the cost of coding (for skipping stored articles)."""
    if raw.id:
        return raw.id  # cleaning is only needed to hash the text
    return document_id(article_paragraphs(cleaner.clean(raw.text).paragraphs, raw), raw)


class Pipeline:
    """The stages with their resources. A language's coder is built the first time an article needs it."""

    def __init__(
        self,
        cleaner: Cleaner,
        detector: LanguageDetector,
        segmenter: Segmenter,
        ontology: Ontology,
        places: Places,
        actor_files: tuple[Path, ...] = (),
        time_budget: float = ARTICLE_SECONDS,
        parsers: dict[str, str] | None = None,
    ):
        self.cleaner = cleaner
        self.detector = detector
        self.segmenter = segmenter
        self.ontology = ontology
        self.places = places
        self.actor_files = actor_files
        self.time_budget = time_budget
        self.parsers = dict(parsers or {})
        self._loaded_parsers: dict[str, Parser | None] = {}
        self.languages = detector.supported
        self._coders: dict[str, SentenceCoder] = {}

    @classmethod
    def load(
        cls,
        actor_files: Iterable[Path] = (),
        languages: tuple[str, ...] = SUPPORTED,
        time_budget: float = ARTICLE_SECONDS,
        parsers: dict[str, str] | None = None,
    ) -> Pipeline:
        """`parsers`: language (or "*") -> spaCy pipeline name or path, or "none"; default the shipped parsers
        (`dyad.text.parse.parser_choices` reads `--parser` values into this)."""
        loaded = tuple(load_language(code) for code in languages)
        grammars = {language.code: language.grammar["language"] for language in loaded}
        common = {code: frozenset(grammar["common"]) for code, grammar in grammars.items()}
        roman_ordinals = frozenset(code for code, grammar in grammars.items() if grammar.get("roman_ordinals"))
        lemma_exceptions = {code: dict(grammar.get("lemma_exceptions", {})) for code, grammar in grammars.items()}
        pipeline = cls(
            Cleaner.load(languages),
            LanguageDetector(languages, common),
            Segmenter(languages, roman_ordinals, lemma_exceptions),
            Ontology(Codebook.load(), PloverMap.load()),
            Places.load(loaded),
            tuple(actor_files),
            time_budget,
            parsers,
        )
        known = known_actor_names()
        for path in pipeline.actor_files:
            read_user_actor_file(path, known)  # fail early, before any article is read
        for code in pipeline.parsers.keys() & set(languages):
            pipeline._parser(code)  # a parser the user named: fail early too, and load it once
        return pipeline

    def coder(self, code: str) -> SentenceCoder:
        if code not in self._coders:
            language = load_language(code)
            segmenter = self.segmenter

            def tokenize(text: str) -> list[str]:
                return segmenter.words(text, code)

            def lemma(word: str) -> str:
                return segmenter.lemma(word, code)

            gazetteer = build_gazetteer(language, tokenize, lemma, self.actor_files)
            triggers = TriggerLexicon.load(language, lemma, tokenize)
            parser = self._parser(code)
            self._coders[code] = SentenceCoder(language, gazetteer, triggers, self.ontology, self.places, parser)
        return self._coders[code]

    def _parser(self, code: str) -> Parser | None:
        """The dependency parser for a language: the one chosen in `parsers` (language -> package name or path, "*"
        for all), else the shipped one; none for "none" or a language without a shipped parser (the clause rules
        then work alone)."""
        if code not in self._loaded_parsers:
            chosen = self.parsers.get(code, self.parsers.get("*"))
            none = chosen == NO_PARSER or (chosen is None and code not in SHIPPED)
            self._loaded_parsers[code] = None if none else load_parser(code, chosen)
        return self._loaded_parsers[code]

    def prepare(self, raw: RawDocument, language: str | None = None, published: date | None = None) -> Article:
        if len(raw.text) > MAX_ARTICLE_CHARS:
            raise InputError(
                f"{raw.origin}: article too long ({len(raw.text):,} characters, limit {MAX_ARTICLE_CHARS:,})"
            )
        cleaned = self.cleaner.clean(raw.text)
        paragraphs = article_paragraphs(cleaned.paragraphs, raw)
        if not paragraphs:
            raise InputError(f"{raw.origin}: nothing left to code after removing boilerplate")
        chosen = language or raw.language
        if chosen is not None and chosen not in self.languages:
            raise InputError(f"{raw.origin}: language {chosen!r} is not supported (use {', '.join(self.languages)})")
        text = "\n".join(paragraphs)
        if chosen is None:
            try:
                chosen = self.detector.article_language(text)
            except UnsupportedLanguage as error:
                raise InputError(
                    f"{raw.origin}: text is in {error.args[0]!r}, Dyad codes {', '.join(self.languages)}"
                ) from None
        return Article(
            doc_id=document_id(paragraphs, raw),
            paragraphs=paragraphs,
            title=raw.title or headline(paragraphs),
            url=raw.url,
            source=raw.source,
            # --published, then the metadata, then a date line in the text, then the dateline's date (with a year)
            published=published or raw.published or cleaned.published or cleaned.dateline_date,
            language=chosen,
            dateline_place=cleaned.dateline_place,
            skipped=cleaned.skipped,
        )

    def sentences(self, article: Article) -> list[Sentence]:
        assert article.language is not None
        sentences: list[Sentence] = []
        for number, paragraph in enumerate(article.paragraphs):
            for text, tokens in self.segmenter.sentences(paragraph, article.language):
                words = [t.text for t in tokens if t.text[:1].isalpha()]
                language = self.detector.sentence_language(words, article.language)
                if language != article.language:
                    tokens = self.segmenter.tokenize(text, language)
                sentences.append(Sentence(len(sentences), text, language, tuple(tokens), number))
        return sentences

    def code_article(self, article: Article, origin: str | None = None, explain: bool = False) -> CodedArticle:
        """The article's sentences and events (and with `explain` the reasoning per sentence); `InputError` when it
        outruns the time budget."""
        sentences = self.sentences(article)  # linear in the text, which MAX_ARTICLE_CHARS bounds
        for language in {sentence.language for sentence in sentences}:
            self.coder(language)  # loading a language's resources is not the article's time
        deadline = time.monotonic() + self.time_budget
        context = ArticleContext(article.doc_id, article.published, trees={}, explanations=[] if explain else None)
        events: list[Event] = []
        for sentence in sentences:
            if time.monotonic() > deadline:
                raise InputError(
                    f"{origin or article.doc_id}: over the time budget ({self.time_budget:g} s per article)"
                    f" at sentence {sentence.index + 1} of {len(sentences)}"
                )
            if sentence.index % PARSE_BATCH == 0:
                self._parse_ahead(sentences[sentence.index : sentence.index + PARSE_BATCH], context)
            events += self.coder(sentence.language).code(sentence, context)
        return CodedArticle(article, sentences, events, context.mentions, context.explanations or [])

    def _parse_ahead(self, batch: list[Sentence], context: ArticleContext) -> None:
        """Parse the next sentences in one batch per language (the parser's batches are about twice as fast)."""
        assert context.trees is not None
        for language in {sentence.language for sentence in batch}:
            chosen = [sentence for sentence in batch if sentence.language == language]
            context.trees.update(self.coder(language).trees(chosen, context))

    def code(
        self, raw: RawDocument, language: str | None = None, published: date | None = None, explain: bool = False
    ) -> CodedArticle:
        return self.code_article(self.prepare(raw, language, published), raw.origin, explain)
