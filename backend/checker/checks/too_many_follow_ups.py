"""too_many_follow_ups: a third follow-up after two went unanswered (data/timing.toml)."""
from ...vocabulary import MAX_FOLLOW_UPS, as_data
from ..context import Context
from ..kinds import Hit, follows_up, load

SEVERITY = "error"
WHY = ("The guide: \"If I don't get a response after two follow-ups, I start to think about moving "
       "on.\" A third follow-up reads as pushy; the gracious close is the better last word.")
FLAG = (
    ("Hi Anna, I'm following up once more on the role.", Context(follow_ups_sent=2)),
    ("Just checking in: any update on the position?",
     Context(follow_ups_sent=2, action="move_on", is_follow_up=False)),
)
PASS = (
    ("Hi Anna, I'm following up on the role.", Context(follow_ups_sent=1)),
    ("Thank you for your time. I've decided to move on, and I wish the team well.",
     Context(follow_ups_sent=2, action="move_on", is_follow_up=False)),
)
RULE = load("timing").data["too_many_follow_ups"]
ALLOWED = as_data()["MAX_FOLLOW_UPS_WORD"]


def run(draft, context):
    """One whole-draft finding when the draft would follow up a third time."""
    sent = context.follow_ups_sent
    if sent >= MAX_FOLLOW_UPS and follows_up(draft, context):
        yield Hit(0, 0, RULE["message"].format(sent=sent, allowed=ALLOWED), RULE["suggestion"])
