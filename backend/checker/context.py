"""What the checker knows about the draft beyond its text: the moment it is for, and the names."""
from dataclasses import dataclass
from datetime import date

from .. import vocabulary

# The schedule's actions (one source: backend/vocabulary.py), and the interview day's thank-you.
ACTIONS = (*vocabulary.ACTIONS, "thank_you")
FOLLOW_UP_ACTIONS = vocabulary.FOLLOW_UP_ACTIONS

# Fixed English names, as the timing reasons write dates ("Mon 16 Mar"), never the locale's.
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Context:
    """The interview and the moment a draft is for; every field optional."""

    on: date | None = None                # the day the draft is checked for (never the clock)
    action: str | None = None             # one of ACTIONS, or None when unknown
    earliest: date | None = None          # first day the action is due
    earliest_label: str | None = None     # how to say `earliest`, e.g. "Mon 16 Mar"
    reason: str | None = None             # the timing rules' reason, one or two sentences
    follow_ups_sent: int = 0              # follow-ups already recorded for this interview
    is_follow_up: bool = True             # False for a thank-you note or a move-on note
    interviewer_name: str | None = None
    company: str | None = None
    position: str | None = None

    def __post_init__(self):
        if self.action is not None and self.action not in ACTIONS:
            raise ValueError(f"unknown action {self.action!r}; expected one of {ACTIONS}")
        if self.follow_ups_sent < 0:
            raise ValueError("follow_ups_sent cannot be negative")

    @property
    def follows_up(self) -> bool:
        """Whether the draft is a follow-up: the flag, unless the action says otherwise."""
        return self.is_follow_up and self.action not in ("thank_you", "move_on")

    @property
    def earliest_said(self) -> str | None:
        """The earliest day as people read it: the given label, else "Mon 16 Mar"."""
        if self.earliest_label:
            return self.earliest_label
        if self.earliest is None:
            return None
        day = self.earliest
        return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"

    @property
    def names(self) -> tuple[str, ...]:
        """The interview's own names: their capitals are names, not shouting."""
        return tuple(n for n in (self.company, self.position, self.interviewer_name) if n)


DEFAULT = Context()
