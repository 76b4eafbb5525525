"""The language stage: an article's language from a sample of its text, a sentence's where it clearly differs."""

import pytest

from dyad.lang import SUPPORTED, load_language
from dyad.text.language import ARTICLE_SAMPLE_CHARS, LanguageDetector, UnsupportedLanguage

GERMAN = (
    "Die Außenminister der beiden Länder trafen sich am Montag in Berlin, um über die Lage im Nahen Osten zu "
    "sprechen. Nach dem Treffen sagte die Ministerin, man habe sich auf weitere Gespräche geeinigt. "
)
ENGLISH = (
    "The foreign ministers of both countries met in Berlin on Monday to discuss the situation in the Middle East. "
    "After the meeting the minister said they had agreed to hold further talks. "
)
FRENCH = (
    "Les ministres des Affaires étrangères des deux pays se sont rencontrés lundi à Berlin pour discuter de la "
    "situation au Proche-Orient. Après la réunion, la ministre a déclaré qu'ils avaient convenu de poursuivre. "
)


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    common = {code: load_language(code).words("language", "common") for code in SUPPORTED}
    return LanguageDetector(SUPPORTED, common)


@pytest.mark.parametrize(("text", "language"), [(GERMAN, "de"), (ENGLISH, "en")])
def test_an_article_language(detector, text, language) -> None:
    assert detector.article_language(text) == language


def test_a_long_article_is_judged_by_its_opening(detector) -> None:
    text = GERMAN * (ARTICLE_SAMPLE_CHARS // len(GERMAN) + 1) + ENGLISH * 40
    assert len(text) > 3 * ARTICLE_SAMPLE_CHARS
    assert detector.article_language(text) == "de"


def test_an_article_in_another_language_is_refused(detector) -> None:
    with pytest.raises(UnsupportedLanguage):
        detector.article_language(FRENCH * 3)


def test_a_sentence_in_the_other_language_switches(detector) -> None:
    words = ENGLISH.split(".")[0].split()
    assert detector.sentence_language(words, "de") == "en"
    assert detector.sentence_language(GERMAN.split(".")[0].split(), "de") == "de"
