"""Names after nouns of places: "in der Hauptstadt Khartum", "die Stadt Duma", "the town of Chibok" name where,
not who (the nouns are `place_nouns` in grammar.toml's [arguments]; German matches them as compound heads too)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from dyad.lang import Language
from dyad.model import Actor, Mention, Token


class PlaceNames:
    def __init__(self, language: Language, countries: Mapping[str, Actor]):
        arguments = language.grammar["arguments"]
        self.countries = countries
        self._place_nouns = tuple(arguments.get("place_nouns", []))
        self._place_links = frozenset(arguments.get("place_links", []))
        self._place_noun_heads = bool(arguments.get("place_nouns_as_heads", False))

    def as_place(self, tokens: list[Token], mention: Mention) -> Mention | None:
        """ "in der Hauptstadt Khartum", "aus der Region Kiew", "die Stadt Duma", "the town of Chibok": a name after
        a noun of places is the place, not an actor: a capital stands for its country (a place it happened in, or a
        target), not the government; any other name (a namesake: the Russian "Duma", a person) is no actor."""
        if mention.kind == "adjective" and self._is_place_noun(tokens, mention.last + 1):
            return replace(mention, kind="place")  # "in der omanischen Hauptstadt", "the Yemeni capital": where
        if mention.kind in {"role", "adjective"} or not self._after_place_noun(tokens, mention):
            return mention
        if mention.kind != "capital" or mention.actor.country not in self.countries:
            return None
        return replace(mention, actor=self.countries[mention.actor.country], kind="place")

    def _after_place_noun(self, tokens: list[Token], mention: Mention) -> bool:
        before = mention.first - 1
        if before >= 1 and tokens[before].lower in self._place_links:
            before -= 1
        return self._is_place_noun(tokens, before)

    def _is_place_noun(self, tokens: list[Token], index: int) -> bool:
        if index < 0 or index >= len(tokens):
            return False
        word = tokens[index].lower
        return word.endswith(self._place_nouns) if self._place_noun_heads else word in self._place_nouns
