"""The plain data that flows between pipeline stages (the shapes of the data contract)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the paragraphs to code (headline first) plus what the reader learnt about it."""

    doc_id: str
    paragraphs: tuple[str, ...]
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    language: str | None = None
    dateline_place: str | None = None
    skipped: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Token:
    i: int
    text: str
    start: int
    end: int
    lower: str
    lemmas: tuple[str, ...]

    @property
    def lemma(self) -> str:
        return self.lemmas[0]

    @property
    def is_title(self) -> bool:
        return self.text[:1].isupper()


def hyphen_in_word(tokens: list[Token] | tuple[Token, ...], index: int) -> bool:
    """ "Vietnamese-led" tokenised as "Vietnamese - led": the hyphen at `index` joins two words into one."""
    if tokens[index].text != "-" or index == 0 or index + 1 >= len(tokens):
        return False
    return tokens[index - 1].end == tokens[index].start and tokens[index].end == tokens[index + 1].start


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    text: str
    language: str
    tokens: tuple[Token, ...]
    paragraph: int


@dataclass(frozen=True, slots=True)
class Actor:
    code: str
    country: str
    role: str | None
    name: str
    kind: str = "country"


@dataclass(slots=True)
class Mention:
    """An actor mention: tokens [first, last] of a sentence and the characters it covers."""

    first: int
    last: int
    start: int
    end: int
    text: str
    actor: Actor
    kind: str
    genitive: bool = False
    modifier: bool = False
    mode: str | None = None
    group: int | None = None
    members: tuple[Mention, ...] = ()

    def covers(self, token_index: int) -> bool:
        return self.first <= token_index <= self.last


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TimeExpression:
    first: int
    last: int
    date: date
    precision: str


@dataclass(slots=True)
class Event:
    doc_id: str
    language: str
    sentence_index: int
    sentence: str
    source: Mention
    target: Mention | None
    trigger: Span
    trigger_lemma: str
    cameo: str
    cameo_name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    date: date | None = None
    date_precision: str | None = None
    negated: bool = False
    hypothetical: bool = False
    attributed_to: Mention | None = None
    location: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.5
    notes: list[str] = field(default_factory=list)
    event_id: str = ""

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "language": self.language,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "source": _actor_dict(self.source),
            "target": _actor_dict(self.target) if self.target else None,
            "trigger": {
                "text": self.trigger.text,
                "start": self.trigger.start,
                "end": self.trigger.end,
                "lemma": self.trigger_lemma,
            },
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "cameo_name": self.cameo_name,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover": {"event_type": self.plover_type, "mode": self.plover_mode},
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "attributed_to": (
                {"text": self.attributed_to.text, "code": self.attributed_to.actor.code} if self.attributed_to else None
            ),
            "location": {
                "text": self.location.get("text"),
                "country": self.location.get("country"),
                "lat": self.location.get("lat"),
                "lon": self.location.get("lon"),
            },
            "confidence": round(self.confidence, 2),
        }


def _actor_dict(mention: Mention) -> dict[str, Any]:
    actor = mention.actor
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "code": actor.code,
        "country": actor.country,
        "role": actor.role,
        "name": actor.name,
    }


def stable_event_id(event: Event) -> str:
    """An event's id: the same event of the same article always gets the same one."""
    target = event.target.actor.code if event.target else ""
    key = "|".join(
        [
            event.doc_id,
            str(event.sentence_index),
            event.source.actor.code,
            target,
            event.cameo,
            str(event.trigger.start),
            str(event.trigger.end),
            str(event.source.start),
            str(event.target.start if event.target else ""),
        ]
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
