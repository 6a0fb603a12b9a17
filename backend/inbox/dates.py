"""Dates and times written in a message, read with the timeline parser's own date patterns.

The timeline parser (backend/timing/timeline.py) already reads "Thursday, March 20", "3/20",
"tomorrow", "next Tuesday" relative to a day; here its date patterns (not its durations: "a
two-hour interview" is no date) run over a message, relative to the day it arrived.
"""
import re
from dataclasses import dataclass
from datetime import date, time

from ..timing import timeline

# The resolvers of timeline.PATTERNS that name a day (durations and week/month spans do not).
DAY_RESOLVERS = {timeline._iso, timeline._numeric, timeline._named_month, timeline._nth,
                 timeline._relative_day, timeline._weekday}
DAY_PATTERNS = [(p, r) for p, r in timeline.PATTERNS
                if getattr(r, "__wrapped__", r) in DAY_RESOLVERS or r in DAY_RESOLVERS]
# "2:30 PM", "10am", "3 p.m.", "15:00"; a bare "at 11" only right after a date (see times_after).
TIME = re.compile(r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?m\.?(?![a-z])"
                  r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b", re.IGNORECASE)
BARE_AT = re.compile(r"^[\s,]*(?:at|@)\s*(?P<h>1[0-2]|[1-9])\b"
                     r"(?![:\d]|\.\d|\s*(?:[ap]\.?m|%|days?|weeks?|hours?|minutes?))",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """A date written in the text: the day, where it is, and the words just before it."""

    day: date
    start: int
    end: int
    before: str  # up to 30 characters before the date, lower case


def _prepared(text: str) -> str:
    """The timeline parser's rewrites that keep offsets (quotes and dashes), lower case."""
    return re.sub(r"[’‘`]", "'", re.sub(r"[–—]", "-", text)).lower()


def dates_in(text: str, arrived: date, country: str) -> list[Found]:
    """Every day the text names, resolved from the day the message arrived, in text order."""
    prepared = _prepared(text)
    taken = [False] * len(prepared)
    found = []
    for pattern, resolve in DAY_PATTERNS:
        for match in pattern.finditer(prepared):
            if any(taken[match.start():match.end()]) or not match.group(0).strip():
                continue
            try:
                day = resolve(match, arrived, country)
            except (ValueError, OverflowError):
                day = None
            for i in range(match.start(), match.end()):
                taken[i] = True
            if day is not None:
                found.append(Found(day, match.start(), match.end(),
                                   prepared[max(0, match.start() - 30):match.start()]))
    return sorted(found, key=lambda f: f.start)


def to_time(match: re.Match) -> time | None:
    """A TIME or BARE_AT match as a time of day; a bare hour 1-7 is afternoon (office hours)."""
    if match.groupdict().get("h24"):
        return time(int(match["h24"]), int(match["m24"]))
    hour, minute = int(match["h"]), int(match.groupdict().get("m") or 0)
    ap = (match.groupdict().get("ap") or "").lower()
    if ap:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ap == "p" else 0)
    elif hour < 8:
        hour += 12
    return time(hour, minute)


def time_near(text: str, start: int, end: int, reach: int = 40) -> time | None:
    """The time of day written just after (or just before) a date, if any."""
    after = text[end:end + reach]
    bare = BARE_AT.match(after)
    if bare:
        return to_time(bare)
    match = TIME.search(after) or None
    if match:
        return to_time(match)
    before = list(TIME.finditer(text[max(0, start - reach):start]))
    return to_time(before[-1]) if before else None


def first_time(text: str) -> time | None:
    match = TIME.search(text)
    return to_time(match) if match else None
