"""Visible reasoning for `dyad code --explain`: per sentence, the actors, the candidate triggers, the rule and
dependency path behind each source and target, and why each candidate that became no event was dropped."""

from __future__ import annotations

from dataclasses import dataclass, field

from dyad.events.arguments import Assignment
from dyad.events.triggers import TriggerMatch
from dyad.model import Event, Mention, Token


@dataclass
class Candidate:
    words: str
    pattern: str
    cameo: str
    outcome: str  # "event", or why it was dropped
    notes: list[str] = field(default_factory=list)


@dataclass
class SentenceExplanation:
    index: int
    text: str
    parsed: bool
    actors: list[tuple[str, str, str]]  # (text, code, kind)
    candidates: list[Candidate]

    def lines(self) -> list[str]:
        parse = "dependency tree" if self.parsed else "no parse (clause rules)"
        found = [f"[{self.index + 1}] {self.text}", f"    parse: {parse}"]
        actors = ", ".join(f"{text} = {code} ({kind})" for text, code, kind in self.actors) or "none"
        found.append(f"    actors: {actors}")
        if not self.candidates:
            found.append("    triggers: none")
        for candidate in self.candidates:
            found.append(
                f"    trigger {candidate.words!r} ({candidate.pattern} -> {candidate.cameo}): {candidate.outcome}"
            )
            found += [f"        {note}" for note in candidate.notes]
        return found


def explain_sentence(
    index: int,
    text: str,
    tokens: list[Token],
    mentions: list[Mention],
    candidates: list[TriggerMatch],
    outcomes: list[tuple[TriggerMatch, Assignment | None, list[Event], str]],
    parsed: bool,
) -> SentenceExplanation:
    """`candidates`: every pattern that matched; `outcomes`: per chosen match its assignment, its events and, when
    it has none, why."""
    chosen = {(m.entry.pattern, m.tokens) for m, *_ in outcomes}
    listed: list[Candidate] = []
    for match, assignment, events, reason in outcomes:
        notes = assignment.notes if assignment is not None else []
        outcome = _events_line(events) if events else f"dropped: {reason or _reason(assignment)}"
        listed.append(Candidate(_words(tokens, match), match.entry.pattern, match.entry.cameo, outcome, list(notes)))
    for match in candidates:
        if (match.entry.pattern, match.tokens) not in chosen:
            words = _words(tokens, match)
            listed.append(
                Candidate(
                    words,
                    match.entry.pattern,
                    match.entry.cameo,
                    "dropped: a longer or better reading of the same words won",
                )
            )
    actors = [(m.text, m.actor.code, m.kind) for m in mentions]
    return SentenceExplanation(index, text, parsed, actors, listed)


def _words(tokens: list[Token], match: TriggerMatch) -> str:
    return " ".join(tokens[i].text for i in match.tokens)


def _events_line(events: list[Event]) -> str:
    pairs = ", ".join(
        f"{e.source.actor.code} -> {e.target.actor.code if e.target else '(none)'} {e.cameo}" for e in events
    )
    return f"event{'s' if len(events) > 1 else ''} {pairs}"


def _reason(assignment: Assignment | None) -> str:
    if assignment is None:
        return "no assignment"
    if assignment.attributive:
        return 'a participle describing its noun ("the jailed activist") reports no event'
    if not assignment.sources:
        return "no source actor (the subject names no actor, or there is none)"
    if not assignment.pairs:
        return "source and target are the same actor"
    return "an event noun with neither a target nor a source of its own"
