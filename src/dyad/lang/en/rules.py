"""English rules: plural demonyms ("Israelis"), hyphen compounds ("U.S.-led"); no case endings, no separable verbs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EnglishRules:
    code: str = "en"
    nouns_capitalised: bool = False
    subject_anywhere: bool = False

    def name_forms(self, name: str, kind: str) -> list[str]:
        return [name]

    def adjective_forms(self, stem: str) -> list[str]:
        forms = [stem]
        if not stem.endswith(("s", "sh", "ese", "x", "z")):  # the plural demonym: "Israelis", "Czechs", "Serbs"
            forms.append(stem + "s")
        return forms

    def split_compound(self, text: str) -> list[tuple[str, str]]:
        if "-" in text.strip("-"):
            head_start = text.rfind("-")
            return [(text[:head_start], text[head_start + 1 :])]
        return []

    def infinitive_with_marker(self, word: str, lemmas: tuple[str, ...]) -> bool:
        return False  # the marker is a word of its own: "to attack"

    def lemma_variants(self, word: str) -> list[str]:
        return []

    def inflected_participle(self, word: str) -> bool:
        return False  # English participles take no endings

    def particle_verb_forms(self, word: str, particles: frozenset[str]) -> list[str]:
        return []  # English particles are words of their own ("called off")

    def place_adjectives(self, name: str) -> list[str]:
        return []  # English writes the name itself ("the Belgrade city centre")

    def feminine_forms(self, lemma: str) -> list[str]:
        return []  # the role files list "spokeswoman" beside "spokesman"

    def demonym_forms(self, noun: str) -> list[str]:
        return [noun]  # lang/en/demonyms.tsv lists singular and plural ("Pole", "Poles")


RULES = EnglishRules()
