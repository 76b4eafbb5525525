"""What Dyad knows, asked directly: which actor a phrase resolves to, which CAMEO codes a phrase triggers, and how
much knowledge each language has (for `dyad actors lookup|stats` and `dyad triggers lookup|stats`).

Lookups run the coder's own stages (tokens, gazetteer, role words, resolution; the trigger lexicon) on the phrase
alone, so what they answer is what coding a sentence with that phrase would use.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from dyad.actors.coreference import Discourse
from dyad.actors.gazetteer import Entry, Gazetteer
from dyad.actors.recognise import recognise
from dyad.model import Mention, Token
from dyad.pipeline import Pipeline


@dataclass(frozen=True, slots=True)
class TriggerHit:
    code: str
    name: str
    pattern: str
    words: tuple[str, ...]
    source: str
    chosen: bool  # the reading coding would keep where readings overlap

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "pattern": self.pattern,
            "words": list(self.words),
            "source": self.source,
            "chosen": self.chosen,
        }


def lookup_triggers(pipeline: Pipeline, text: str, language: str) -> list[TriggerHit]:
    """Every trigger pattern the phrase matches, as one clause; the readings coding would keep come first."""
    coder = pipeline.coder(language)
    tokens = pipeline.segmenter.tokenize(text, language)
    clause_of = [0] * len(tokens)
    chosen = {(m.entry.pattern, m.tokens) for m in coder.triggers.find(tokens, clause_of)}
    hits = []
    for match in coder.triggers.candidates(tokens, clause_of):
        codebook = pipeline.ontology.codebook
        code = match.entry.cameo or "-"  # "-": a reading that reports no event
        name = codebook[code].name if code in codebook else "no event"
        hits.append(
            TriggerHit(
                code=code,
                name=name,
                pattern=match.entry.pattern,
                words=tuple(tokens[i].text for i in match.tokens),
                source=match.entry.source,
                chosen=(match.entry.pattern, match.tokens) in chosen,
            )
        )
    return sorted(hits, key=lambda hit: (not hit.chosen, -len(hit.words), hit.code, hit.pattern))


def trigger_stats(pipeline: Pipeline, language: str) -> dict[str, Any]:
    """Pattern counts of one language: in all, by lexicon file, by root, and how many codes have 3 or more."""
    entries = pipeline.coder(language).triggers.entries
    by_code = Counter(entry.cameo for entry in entries)
    # the two-digit root headings ("19") are coded by their "not specified" codes ("190")
    codes = [info.code for info in pipeline.ontology.codebook.codes() if len(info.code) > 2]
    return {
        "language": language,
        "patterns": len(entries),
        "by_source": dict(sorted(Counter(entry.source for entry in entries).items())),
        "by_root": dict(sorted(Counter(entry.cameo[:2] or "-" for entry in entries).items())),
        "by_kind": dict(sorted(Counter(_trigger_kind(entry.noun, len(entry.parts)) for entry in entries).items())),
        "codes": len(codes),
        "codes_with_3_or_more": sum(1 for code in codes if by_code[code] >= 3),
        "codes_without_pattern": [code for code in codes if by_code[code] == 0],
        "by_code": dict(sorted(by_code.items())),
    }


def _trigger_kind(noun: bool, parts: int) -> str:
    if parts > 1:
        return "multi-part"
    return "noun" if noun else "word"


@dataclass(frozen=True, slots=True)
class ActorHit:
    text: str
    code: str
    country: str
    role: str | None
    name: str
    kind: str
    entry: str
    source: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "role": self.role,
            "name": self.name,
            "kind": self.kind,
            "entry": self.entry,
            "source": self.source,
        }


def lookup_actors(pipeline: Pipeline, text: str, language: str, on: date | None = None) -> list[ActorHit]:
    """The actors the phrase names, resolved as coding would resolve them in an article dated `on`."""
    coder = pipeline.coder(language)
    tokens = pipeline.segmenter.tokenize(text, language)
    found = recognise(tokens, coder.gazetteer, coder.language, on)
    raw = list(found.mentions)
    mentions = coder.resolver.resolve(tokens, found, Discourse(), [])
    hits = []
    for mention in mentions:
        actor = mention.actor
        entry = _entry_within(coder.gazetteer, tokens, raw, mention.first, mention.last)
        hits.append(
            ActorHit(
                text=" ".join(t.text for t in tokens[mention.first : mention.last + 1]),
                code=actor.code,
                country=actor.country,
                role=actor.role,
                name=actor.name,
                kind=mention.kind,
                entry=entry.actor.name if entry else "",
                source=getattr(entry, "source", "") if entry else "",
            )
        )
    return hits


def _entry_within(gazetteer: Gazetteer, tokens: list[Token], raw: list[Mention], first: int, last: int) -> Entry | None:
    """The gazetteer entry behind a resolved mention: that of the first name recognised inside it."""
    for mention in raw:
        if first <= mention.first and mention.last <= last:
            found = gazetteer.lookup(tuple(t.text for t in tokens[mention.first : mention.last + 1]))
            if found is not None:
                return found
    return None


def actor_stats(pipeline: Pipeline, language: str) -> dict[str, Any]:
    """Distinct actors of one language's gazetteer by kind and by source file (the large files counted by row,
    whether or not a text has named them yet), and its role words."""
    gazetteer = pipeline.coder(language).gazetteer
    eager: dict[tuple[str, str], tuple[str, str]] = {}
    forms = 0
    for table in (gazetteer.exact, gazetteer.folded):
        for entries in table.values():
            forms += 1
            for entry in entries:
                if not entry.lazy:
                    eager[(entry.actor.name, entry.actor.code)] = (entry.actor.kind, entry.source)
    rows = [*eager.values(), *(gazetteer.deferred.kinds() if gazetteer.deferred else ())]
    return {
        "language": language,
        "actors": len(rows),
        "forms_loaded": forms,
        "by_kind": dict(sorted(Counter(kind for kind, _ in rows).items())),
        "by_source": dict(sorted(Counter(source for _, source in rows).items())),
        "role_words": len(gazetteer.roles),
        "countries": len(gazetteer.countries),
    }
