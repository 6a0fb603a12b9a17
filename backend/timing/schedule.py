"""The next action after an interview, and its state on a day (docs/timing.md).

Pure functions: the day asked is always an argument, never the clock.
"""
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from ..vocabulary import ACTIONS, FOLLOW_UP_ACTIONS, NUMBER_WORDS, STATES  # noqa: F401
from .business_days import add_business_days, holidays_between, next_business_day
from .rules import RULES, Window

# Dates in reasons read "Fri 13 Mar"; fixed English names, not the machine's locale.
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class NextAction:
    """What to do next, from which day to which day, and why, in words."""

    action: str
    earliest: date
    latest: date
    reason: str

    def to_dict(self) -> dict:
        """The `next` object of docs/api.md, dates as ISO strings."""
        return {"action": self.action, "earliest": self.earliest.isoformat(),
                "latest": self.latest.isoformat(), "reason": self.reason}


def next_action(*, interview_date: date, decision_date: date | None, follow_ups: list[date],
                reply_on: date | None, outcome: str | None, country: str,
                decision_from_timeline: bool = False,
                away_until: date | None = None) -> NextAction | None:
    """The next step by the rules, or None once a reply or an outcome ended the schedule.

    `away_until`: the interviewer's automatic reply said they are back on that day; a follow-up
    (first or second) whose window opens on or before it waits until the business day after.
    """
    action = _by_rules(interview_date=interview_date, decision_date=decision_date,
                       follow_ups=follow_ups, reply_on=reply_on, outcome=outcome, country=country,
                       decision_from_timeline=decision_from_timeline)
    if action is None or away_until is None or action.action not in FOLLOW_UP_ACTIONS:
        return action
    return _after_return(action, away_until, country, interview_date.year)


def _after_return(action: NextAction, away_until: date, country: str,
                  home_year: int) -> NextAction:
    """The follow-up moved to the business day after the interviewer is back (same span)."""
    if action.earliest > away_until:
        return action
    say = partial(format_day, home_year=home_year)
    span, day = 0, action.earliest  # the window's length in business days, kept as it was
    while day < action.latest:
        day, span = next_business_day(day, country), span + 1
    earliest = next_business_day(away_until, country)
    latest = add_business_days(earliest, span, country) if span else earliest
    when = say(earliest) if latest == earliest else f"{say(earliest)} – {say(latest)}"
    reason = (f"{action.reason} They are away until {say(away_until)} (automatic reply): "
              f"follow up {when} instead.")
    return NextAction(action.action, earliest, latest, reason)


def _by_rules(*, interview_date: date, decision_date: date | None, follow_ups: list[date],
              reply_on: date | None, outcome: str | None, country: str,
              decision_from_timeline: bool) -> NextAction | None:
    """The next step by the timing rules alone."""
    if reply_on is not None or outcome is not None:
        return None
    if decision_date is not None and decision_date < interview_date:
        raise ValueError("the decision date is before the interview")
    sent = sorted(follow_ups)
    say = partial(format_day, home_year=interview_date.year)
    if sent and len(sent) < RULES.max_follow_ups:
        earliest, latest = _window(sent[-1], RULES.second_follow_up, country)
        reason = (f"No answer to your follow-up of {say(sent[-1])}; send a second and last one "
                  f"{_span(RULES.second_follow_up)} business days later, "
                  f"{say(earliest)} – {say(latest)}.")
        return _action("second_follow_up", sent[-1], earliest, latest, reason, country, say)
    if sent:
        # Counted from the last follow-up: with the contract's two, that is the second.
        earliest, latest = _window(sent[-1], RULES.move_on, country)
        count = NUMBER_WORDS.get(len(sent), str(len(sent))).capitalize()
        reason = (f"{count} follow-ups sent with no answer — time to move on from "
                  f"{say(earliest)} and put your energy into other applications.")
        return _action("move_on", sent[-1], earliest, latest, reason, country, say)
    if decision_date is None:
        earliest, latest = _window(interview_date, RULES.first_follow_up_without_timeline, country)
        reason = (f"No timeline was given; {_span(RULES.first_follow_up_without_timeline)} "
                  f"business days after your interview on {say(interview_date)} is "
                  f"{say(earliest)} – {say(latest)}.")
        return _action("first_follow_up", interview_date, earliest, latest, reason, country, say)
    earliest, latest = _window(decision_date, RULES.first_follow_up_after_decision, country)
    said = "They said they would decide by" if decision_from_timeline else "The decision date is"
    reason = (f"{said} {say(decision_date)}; follow up the next business day, {say(earliest)}.")
    return _action("first_follow_up", decision_date, earliest, latest, reason, country, say)


def state_on(action: NextAction | None, *, reply_on: date | None, outcome: str | None,
             on: date) -> str:
    """Where the interview stands on day `on` (docs/timing.md)."""
    if outcome is not None:
        return "closed"  # an outcome is final, even after a reply
    if reply_on is not None:
        return "replied"
    if action is None:
        raise ValueError("an open interview always has a next action")
    if on < action.earliest:
        return "upcoming"
    if action.action == "move_on":
        return "move_on"
    return "due" if on <= action.latest else "overdue"


def _window(start: date, window: Window, country: str) -> tuple[date, date]:
    """The earliest and latest day: that many business days after start."""
    earliest = add_business_days(start, window.earliest, country)
    extra = window.latest - window.earliest  # count on from earliest rather than recount
    return earliest, add_business_days(earliest, extra, country) if extra else earliest


def _action(name: str, start: date, earliest: date, latest: date, reason: str,
            country: str, say: Callable[[date], str]) -> NextAction:
    """The action, its reason followed by the holidays that pushed its dates back."""
    pushed = holidays_between(start, latest, country)
    if pushed:
        days = [f"{say(day)} is {holiday}" for day, holiday in pushed]
        listed = days[0] if len(days) == 1 else ", ".join(days[:-1]) + " and " + days[-1]
        reason += f" {listed}, so {'it does' if len(days) == 1 else 'they do'} not count."
    return NextAction(name, earliest, latest, reason)


def _span(window: Window) -> str:
    """'4–5', or just '4' when both ends are the same."""
    if window.earliest == window.latest:
        return str(window.earliest)
    return f"{window.earliest}–{window.latest}"


def format_day(day: date, home_year: int | None = None) -> str:
    """'Fri 13 Mar', with the year added when it is not home_year ('Mon 4 Jan 2027')."""
    text = f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
    return text if day.year == home_year else f"{text} {day.year}"
