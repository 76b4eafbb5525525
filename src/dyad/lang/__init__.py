"""Per-language resources: each language is a folder of data files plus a small rules module.

Adding a language means adding `lang/xx/` with grammar.toml, dates.toml, countries.tsv, actors.tsv, roles.tsv,
triggers.tsv (more lexicons may go in triggers/) and a `rules.py` that defines `RULES` (a `LanguageRules`); the
coder itself does not change.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from dyad.resources import data_path, read_toml

SUPPORTED = ("de", "en")


class LanguageRules(Protocol):
    """What cannot be data: inflection, compounds and word-order facts of one language."""

    code: str
    nouns_capitalised: bool
    subject_anywhere: bool

    def name_forms(self, name: str, kind: str) -> list[str]: ...

    def adjective_forms(self, stem: str) -> list[str]: ...

    def split_compound(self, text: str) -> list[tuple[str, str]]: ...

    def lemma_variants(self, word: str) -> list[str]: ...

    def particle_verb_forms(self, word: str, particles: frozenset[str]) -> list[str]: ...

    def inflected_participle(self, word: str) -> bool: ...

    def infinitive_with_marker(self, word: str, lemmas: tuple[str, ...]) -> bool: ...

    def demonym_forms(self, noun: str) -> list[str]: ...

    def feminine_forms(self, lemma: str) -> list[str]: ...

    def place_adjectives(self, name: str) -> list[str]: ...


@dataclass(frozen=True)
class Language:
    code: str
    rules: LanguageRules
    grammar: dict[str, Any]
    dates: dict[str, Any]

    def words(self, section: str, key: str) -> frozenset[str]:
        return frozenset(self.grammar[section][key])

    def optional_words(self, section: str, key: str) -> frozenset[str]:
        """Like `words`, empty where the language has no such words (English: no separable particles)."""
        return frozenset(self.grammar.get(section, {}).get(key, ()))

    def data(self, filename: str):
        return data_path("lang", self.code, filename)

    def data_files(self, stem: str) -> list[Path]:
        """`stem.tsv` (the hand-tuned core) first, then every TSV of the folder `stem/`, sorted by name: the
        larger lexicons (codebook-wide triggers, imported dictionaries) that the core overrides."""
        folder = data_path("lang", self.code, stem)
        extra = sorted(folder.glob("*.tsv")) if folder.is_dir() else []
        return [self.data(f"{stem}.tsv"), *extra]


def load_language(code: str) -> Language:
    if code not in SUPPORTED:
        raise ValueError(f"unsupported language {code!r} (supported: {', '.join(SUPPORTED)})")
    rules = importlib.import_module(f"dyad.lang.{code}.rules").RULES
    return Language(
        code=code,
        rules=rules,
        grammar=read_toml(data_path("lang", code, "grammar.toml")),
        dates=read_toml(data_path("lang", code, "dates.toml")),
    )
