"""too_soon: a follow-up drafted before the day the timing rules allow (data/timing.toml)."""
from datetime import date

from ..context import Context
from ..kinds import Hit, load

SEVERITY = "error"
WHY = ("The guide: if a timeline was given, wait until it passes and follow up the next day; "
       "without one, wait four to five business days. \"If you follow up too soon, it may come off "
       "as pushy\", and it ignores the company's cues.")
_DUE = dict(action="first_follow_up", earliest=date(2026, 3, 16),
            reason="They said they would decide by Fri 13 Mar; follow up the next business day, "
                   "Mon 16 Mar.")
FLAG = (
    ("Hi Anna, just checking in on the role.", Context(on=date(2026, 3, 10), **_DUE)),
    ("Any update?", Context(on=date(2026, 3, 13), action="second_follow_up",
                            earliest=date(2026, 3, 20))),
)
PASS = (
    ("Hi Anna, just checking in on the role.", Context(on=date(2026, 3, 16), **_DUE)),
    ("Thank you for today's interview!", Context(on=date(2026, 3, 2), action="thank_you",
                                                 earliest=date(2026, 3, 16))),
    ("Hi Anna, just checking in on the role.", Context()),
)
RULE = load("timing").data["too_soon"]


def run(draft, context):
    """One whole-draft finding when a follow-up is drafted before its earliest day."""
    if not (context.follows_up and context.on and context.earliest
            and context.on < context.earliest):
        return
    day = context.earliest_said
    if context.reason:
        reason = context.reason.strip()
        reason = reason[0].lower() + reason[1:] if reason[1:2].islower() else reason
        message = RULE["message"].format(day=day, reason=reason)
    else:
        message = RULE["message_without_reason"].format(day=day)
    yield Hit(0, 0, message, RULE["suggestion"].format(day=day))
