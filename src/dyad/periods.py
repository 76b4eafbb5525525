"""Binning events by period, aware of how precisely each is dated.

A date known only to the year is stored as 1 January, one known to the month as its first day (see dyad.time).
Counted by day or by month, such events would pile up on those first days; so an event is counted only in bins
its precision allows: a period as long as its precision or longer, that contains its whole period. A week-precise
date counts in its week, month, quarter and year (a week may cross a month's end by a few days); a season (three
months across quarters) counts only by year. The rest is left out of the finer binning, and said so.
"""

from __future__ import annotations

PERIODS = ("day", "week", "month", "quarter", "year")
# which date precisions each period may count; a missing precision is taken as a day
FITS: dict[str, tuple[str, ...]] = {
    "day": ("day",),
    "week": ("day", "week"),
    "month": ("day", "week", "month"),
    "quarter": ("day", "week", "month", "quarter"),
    "year": ("day", "week", "month", "quarter", "season", "year"),
}


def checked_period(by: str) -> str:
    if by not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    return by


def fits(by: str) -> str:
    """SQL that is true for the events the period `by` may count (the names are constants, no parameters)."""
    names = ", ".join(f"'{name}'" for name in FITS[checked_period(by)])
    return f"coalesce(date_precision, 'day') IN ({names})"


def left_out_line(left_out: dict[str, dict[str, int]], by: str) -> str | None:
    """One line on what a series by `by` leaves out, or None when it leaves nothing out."""
    parts = []
    coarse, undated = left_out["coarser_than_period"], left_out["undated"]
    if coarse["events"]:
        parts.append(
            f"{_count(coarse['events'], 'event')} ({_count(coarse['mentions'], 'mention')}) dated less precisely "
            f"than a {by}, so in no {by}"
        )
    if undated["events"]:
        parts.append(f"{_count(undated['events'], 'event')} without a date")
    return "left out: " + "; ".join(parts) if parts else None


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
