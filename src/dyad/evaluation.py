"""Evaluation: score Dyad against gold sentences (`dyad eval`; gold files are read by gold.py).

Gold format (JSONL, the fields of the OEDA PLOVER gold standard records, plus our own): `id`, `text`, `language`,
`source` and `target` (lists of {actorText, code, sector}; empty or missing when none), `event` (a PLOVER type of
the old or current version, or "NONE" for a sentence with no event), optional `cameo` (a CAMEO code or root),
`negated`, `hypothetical`.

Scoring rules (docs/benchmarks.md explains them with examples):
- types are compared at two levels: CAMEO (a gold CAMEO code counts at root level; a gold PLOVER type counts as the
  CAMEO codes of ontology/plover_legacy.tsv) and PLOVER (Dyad's PLOVER type against the gold type, old types mapped
  to current ones);
- event detection: per sentence, a true positive when Dyad has an event of the gold type, a false negative when it
  has none, and a false positive for each other type Dyad predicts;
- full triple (source country, target country, type): gold sources x gold targets; a gold item with several sources
  and no target ("X and Y agreed") is one undirected pair per two sources, matched by a Dyad event between them in
  either direction; a gold item with no target matches only a Dyad event with no target;
- with `domestic_unnamed` (`dyad eval --domestic-unnamed`), a gold domestic item (`X -> X`, the OEDA gold's way
  of coding a protest or a curfew) is also matched by a Dyad event from X with no target: Dyad's contract leaves the
  target null when the sentence names none. Off by default; docs/benchmarks.md reports both figures;
- Dyad's negated and hypothetical events count only on gold items that carry the same flag;
- organisations, governmental or not, are compared as "IGO" (the gold data's code, which it also gives Amnesty),
  old CAMEO country codes as ISO codes.
"""

from __future__ import annotations

import resource
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dyad.gold import NO_EVENT, GoldItem, normalise_country
from dyad.model import Event
from dyad.pipeline import CodedArticle, Pipeline
from dyad.read import RawDocument

LEVELS = ("cameo", "plover")


@dataclass(frozen=True, slots=True)
class Predicted:
    """What scoring needs of a Dyad event."""

    source: str
    target: str | None
    cameo: str
    plover: str | None
    negated: bool = False
    hypothetical: bool = False


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class ItemScore:
    detection: dict[str, Counts]
    triples: dict[str, Counts]


# scoring (pure functions) -------------------------------------------------------------------------------------
def type_matches(item: GoldItem, event: Predicted, level: str) -> bool:
    if level == "cameo":
        return any(event.cameo.startswith(prefix) for prefix in item.cameo_prefixes)
    return item.plover is not None and event.plover == item.plover


def type_key(event: Predicted, level: str) -> str:
    return event.cameo[:2] if level == "cameo" else str(event.plover)


def counted(item: GoldItem, events: Iterable[Predicted]) -> list[Predicted]:
    """Dyad's uncertain events count only where the gold item is uncertain the same way."""
    return [e for e in events if e.negated == item.negated and e.hypothetical == item.hypothetical]


def score_item(item: GoldItem, events: list[Predicted], domestic_unnamed: bool = False) -> ItemScore:
    events = counted(item, events)
    detection, triples = {}, {}
    for level in LEVELS:
        detection[level] = _detection(item, events, level)
        triples[level] = _triples(item, events, level, domestic_unnamed)
    return ItemScore(detection, triples)


def _detection(item: GoldItem, events: list[Predicted], level: str) -> Counts:
    counts = Counts()
    matched = [e for e in events if item.has_event and type_matches(item, e, level)]
    if item.has_event:
        counts.tp, counts.fn = (1, 0) if matched else (0, 1)
    counts.fp = len({type_key(e, level) for e in events if e not in matched})
    return counts


def gold_triples(item: GoldItem) -> list[tuple[str, str | None, bool]]:
    """(source, target, undirected) of a gold item."""
    if not item.has_event:
        return []
    sources = [a.country for a in item.sources]
    if not item.targets and len(sources) >= 2:
        return [(a, b, True) for n, a in enumerate(sources) for b in sources[n + 1 :] if a != b]
    targets: list[str | None] = [a.country for a in item.targets] or [None]
    return list(dict.fromkeys((s, t, False) for s in sources for t in targets))


def _triples(item: GoldItem, events: list[Predicted], level: str, domestic_unnamed: bool = False) -> Counts:
    counts = Counter()
    remaining = list(dict.fromkeys((normalise_country(e.source), normalise_country(e.target), e) for e in events))
    predicted = list(dict.fromkeys((s, t, type_key(e, level), type_matches(item, e, level)) for s, t, e in remaining))
    used: set[int] = set()
    for source, target, undirected in gold_triples(item):
        for index, (p_source, p_target, _key, type_ok) in enumerate(predicted):
            if index in used or not type_ok:
                continue
            same = (p_source, p_target) == (source, target)
            reverse = undirected and (p_source, p_target) == (target, source)
            unnamed = domestic_unnamed and source == target and (p_source, p_target) == (source, None)
            if same or reverse or unnamed:
                used.add(index)
                counts["tp"] += 1
                break
        else:
            counts["fn"] += 1
    counts["fp"] = len(predicted) - len(used)
    return Counts(counts["tp"], counts["fp"], counts["fn"])


# running ------------------------------------------------------------------------------------------------------
@dataclass
class Report:
    detection: dict[str, dict[str, Counts]] = field(default_factory=dict)  # language -> level -> counts
    triples: dict[str, dict[str, Counts]] = field(default_factory=dict)
    actors: dict[str, Counter] = field(default_factory=dict)
    flags: dict[str, Counter] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)
    items: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    peak_mb: float = 0.0


def predicted(events: list[Event]) -> list[Predicted]:
    return [
        Predicted(
            e.source.actor.country,
            e.target.actor.country if e.target else None,
            e.cameo,
            e.plover_type,
            e.negated,
            e.hypothetical,
        )
        for e in events
    ]


def evaluate(pipeline: Pipeline, items: list[GoldItem], max_errors: int = 0, domestic_unnamed: bool = False) -> Report:
    report = Report()
    for language in sorted({item.language for item in items}):  # load lexicons before the clock starts
        pipeline.code(RawDocument(text="Warm-up.", origin="warm-up", language=language))
    started = time.perf_counter()
    for item in items:
        coded = pipeline.code(RawDocument(text=item.text, origin=item.id or "gold", language=item.language))
        events = predicted(coded.events)
        score = score_item(item, events, domestic_unnamed)
        for language in (item.language, "all"):
            report.items[language] += 1
            for level in LEVELS:
                report.detection.setdefault(language, {}).setdefault(level, Counts()).add(score.detection[level])
                report.triples.setdefault(language, {}).setdefault(level, Counts()).add(score.triples[level])
            _score_actors(report.actors.setdefault(language, Counter()), item, coded)
            _score_flags(report.flags.setdefault(language, Counter()), item, events)
        _confusion(report.confusion, item, events)
        if len(report.errors) < max_errors and (score.triples["cameo"].fn or score.triples["cameo"].fp):
            report.errors.append(_error(item, coded.events))
    report.seconds = time.perf_counter() - started
    report.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return report


def _score_actors(counter: Counter, item: GoldItem, coded: CodedArticle) -> None:
    """Did the gold actor's words resolve to the right country (and role, where the gold gives one)?"""
    offsets = []
    cursor = 0
    for sentence in coded.sentences:
        base = item.text.find(sentence.text, cursor)
        if base >= 0:
            offsets.append((base, coded.mentions.get(sentence.index, [])))
            cursor = base
    for actor in (*item.sources, *item.targets):
        start = item.text.find(actor.text) if actor.text else -1
        if start < 0:
            continue
        end = start + len(actor.text)
        counter["actors"] += 1
        found = [m for base, ms in offsets for m in ms if base + m.start < end and base + m.end > start]
        if any(normalise_country(m.actor.country) == actor.country for m in found):
            counter["country_correct"] += 1
            if actor.role in {"GOV", "MIL", "SPY", "COP", "JUD", "LEG", "OPP", "REB", "INS", "MED", "CVL", "BUS"}:
                counter["roles"] += 1
                counter["role_correct"] += any(m.actor.role == actor.role for m in found)


def _score_flags(counter: Counter, item: GoldItem, events: list[Predicted]) -> None:
    of_type = [e for e in events if type_matches(item, e, "cameo")]
    if item.negated or item.hypothetical:
        counter["flagged_items"] += 1
        counter["flag_correct"] += any(
            e.negated == item.negated and e.hypothetical == item.hypothetical for e in of_type
        )
    elif of_type:
        counter["plain_items_with_event"] += 1
        counter["wrongly_flagged"] += all(e.negated or e.hypothetical for e in of_type)


def _confusion(confusion: Counter, item: GoldItem, events: list[Predicted]) -> None:
    gold = item.plover or (item.cameo_prefixes[0] if item.cameo_prefixes else NO_EVENT)
    certain = counted(item, events)
    guesses = {e.plover or f"CAMEO {e.cameo[:2]}" for e in certain} or {NO_EVENT}
    for guess in guesses:
        confusion[(gold, guess)] += 1


def _error(item: GoldItem, events: list[Event]) -> dict[str, Any]:
    gold = [f"{s} -> {t or '-'}" + (" (either way)" if u else "") for s, t, u in gold_triples(item)]
    return {
        "id": item.id,
        "sentence": item.text,
        "gold": {
            "type": item.plover or "/".join(item.cameo_prefixes) or NO_EVENT,
            "triples": gold,
            "negated": item.negated,
            "hypothetical": item.hypothetical,
        },
        "dyad": [
            f"{e.source.actor.code} -{e.cameo} ({e.plover_type or 'no PLOVER type'})-> "
            f"{e.target.actor.code if e.target else '-'}"
            + (" [negated]" if e.negated else "")
            + (" [hypothetical]" if e.hypothetical else "")
            for e in events
        ],
    }


def report_dict(report: Report) -> dict[str, Any]:
    languages = sorted(report.items, key=lambda lang: (lang == "all", lang))
    result: dict[str, Any] = {"items": dict(report.items), "by_language": {}}
    for language in languages:
        actors, flags = report.actors.get(language, Counter()), report.flags.get(language, Counter())
        result["by_language"][language] = {
            "event_detection": {level: report.detection[language][level].as_dict() for level in LEVELS},
            "triples": {level: report.triples[language][level].as_dict() for level in LEVELS},
            "actor_country_accuracy": _ratio(actors["country_correct"], actors["actors"]),
            "actor_role_accuracy": _ratio(actors["role_correct"], actors["roles"]),
            "gold_actors": actors["actors"],
            "flag_accuracy": _ratio(flags["flag_correct"], flags["flagged_items"]),
            "flagged_items": flags["flagged_items"],
            "wrongly_flagged_rate": _ratio(flags["wrongly_flagged"], flags["plain_items_with_event"]),
        }
    total = report.items.get("all", 0)
    result["throughput"] = {
        "seconds": round(report.seconds, 2),
        "sentences_per_s": round(total / report.seconds, 1) if report.seconds else None,
        "articles_per_s": round(total / report.seconds, 1) if report.seconds else None,
        "peak_memory_mb": round(report.peak_mb, 1),
    }
    result["confusion"] = [
        {"gold": gold, "dyad": guess, "count": count} for (gold, guess), count in report.confusion.most_common()
    ]
    result["errors"] = report.errors
    return result


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None
