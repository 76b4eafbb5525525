"""The fields an event takes from its sentence besides actors and code: the evidence span of its trigger, its date,
a confidence, and why a chosen trigger gave none (for --explain); and one event per id."""

from __future__ import annotations

from datetime import date

from dyad.events.arguments import Assignment, SentenceView
from dyad.events.clauses import ClauseParse
from dyad.events.trigger_entries import NO_EVENT
from dyad.events.triggers import TriggerMatch
from dyad.model import Event, Sentence, Span, TimeExpression


def trigger_span(sentence: Sentence, view: SentenceView, match: TriggerMatch) -> Span:
    first, last = view.tokens[match.first], view.tokens[match.last]
    if list(match.tokens) == list(range(match.first, match.last + 1)):
        return Span(sentence.text[first.start : last.end], first.start, last.end)
    runs: list[list[int]] = []
    for index in match.tokens:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    text = " ... ".join(sentence.text[view.tokens[r[0]].start : view.tokens[r[-1]].end] for r in runs)
    return Span(text, first.start, last.end)


def event_date(
    match: TriggerMatch, times: list[TimeExpression], parse: ClauseParse, published: date | None
) -> tuple[date, str] | None:
    clause = parse.clause_of[match.first]
    allowed = {clause} | {c.id for c in parse.ancestors(parse.clauses[clause])}
    near = [t for t in times if parse.clause_of[t.first] == clause]
    near = near or [t for t in times if parse.clause_of[t.first] in allowed]
    if near:
        best = min(near, key=lambda t: min(abs(t.first - match.first), abs(t.last - match.first)))
        return best.date, best.precision
    if published is not None:
        return published, "day"
    return None


def confidence(assignment: Assignment, event: Event) -> float:
    score = 0.45
    notes = " ".join(assignment.notes)
    if ("clause subject" in notes and "inherited" not in notes) or "modifier" in notes or "passive" in notes:
        score += 0.2
    if event.target is not None:
        score += 0.15
    if assignment.match.exact:
        score += 0.1
    if event.source.kind == "anaphor" or (event.target is not None and event.target.kind == "anaphor"):
        score -= 0.15
    return max(0.1, min(0.95, score))


def unique(events: list[Event]) -> list[Event]:
    seen: set[str] = set()
    unique = []
    for event in events:
        if event.event_id not in seen:
            seen.add(event.event_id)
            unique.append(event)
    return unique


def unassigned(match: TriggerMatch) -> str:
    if match.entry.cameo == NO_EVENT:
        return "the lexicon reads these words as no event"
    return "folded into the protest that demands it"
