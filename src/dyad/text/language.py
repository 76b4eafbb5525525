"""Language stage: which language an article (and, where mixed, a sentence) is written in.

py3langid (BSD, model inside the package) decides; an article in a language Dyad cannot code is reported, not
guessed into German or English. Sentences are only re-checked when they lack the article language's common words.
"""

from __future__ import annotations

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_SENTENCE_WORDS = 6
ARTICLE_SAMPLE_CHARS = 2000  # py3langid is as sure of de/en after 2,000 characters; its cost grows with the text
SWITCH_CONFIDENCE = 0.95


class UnsupportedLanguage(Exception):
    pass


class LanguageDetector:
    def __init__(self, supported: tuple[str, ...], common_words: dict[str, frozenset[str]]):
        self.supported = supported
        self._common = common_words
        self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def _closed(self, text: str) -> tuple[str, float]:
        """The best supported language and its share of the supported languages' probability."""
        scores = {lang: prob for lang, prob in self._identifier.rank(text) if lang in self.supported}
        total = sum(scores.values()) or 1.0
        best = max(self.supported, key=lambda lang: scores.get(lang, 0.0))
        return best, scores.get(best, 0.0) / total

    def article_language(self, text: str) -> str:
        sample = text[:ARTICLE_SAMPLE_CHARS]
        guess, confidence = self._identifier.classify(sample)
        if guess in self.supported:
            return guess
        closed_guess, _ = self._closed(sample)
        if confidence > 0.9 and self._common_count(text, closed_guess) < 3:
            raise UnsupportedLanguage(guess)
        return closed_guess

    def sentence_language(self, words: list[str], article_language: str) -> str:
        """The article's language unless the sentence clearly is in another supported one."""
        if len(words) < MIN_SENTENCE_WORDS or self._common_count_words(words, article_language) >= 2:
            return article_language
        guess, confidence = self._closed(" ".join(words))
        return guess if confidence >= SWITCH_CONFIDENCE else article_language

    def _common_count(self, text: str, language: str) -> int:
        return self._common_count_words(text[:2000].lower().split(), language)

    def _common_count_words(self, words: list[str], language: str) -> int:
        common = self._common[language]
        return sum(1 for word in words if word.lower() in common)
