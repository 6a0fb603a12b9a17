"""What each record accepts, field by field: one spec read by the API's validators, the
import of an export, and the OpenAPI document."""
from . import render
from .fields import Choice, Country, Cursor, Day, Email, Integer, Text
from .vocabulary import OUTCOMES, STATES

INTERVIEW = {
    "company": Text(200, required=True),
    "position": Text(200, required=True),
    "interview_date": Day(required=True),
    "interviewer_name": Text(200),
    "interviewer_email": Email(),
    "timeline": Text(500),
    "decision_date": Day(),
    "country": Country(),
    "notes": Text(5000, multiline=True),
}
# What a PATCH may change (and an export holds): the fields, plus a reply, an outcome and the day
# an out-of-office interviewer is back (the next follow-up waits for it).
INTERVIEW_EDITABLE = {**INTERVIEW, "reply_on": Day(), "outcome": Choice(OUTCOMES),
                      "away_until": Day()}
INTERVIEW_FILTERS = {"email": Email(nullable=False), "state": Choice(STATES, nullable=False),
                     "q": Text(200, nullable=False)}
PROFILE = {
    "name": Text(200),
    "signature": Text(1000, multiline=True),
    "country": Country(),
    "weekly_goal": Integer(1, 100),
}
APPLICATION = {"applied_on": Day(), "company": Text(200)}
TIMELINE_PREVIEW = {"interview_date": Day(required=True), "timeline": Text(500),
                    "country": Country()}
FOLLOW_UP = {"sent_on": Day(required=True)}
REPLY = {"received_on": Day(required=True)}
CLOSE = {"outcome": Choice(OUTCOMES, required=True)}

# The query string: the day a schedule is evaluated on, and a page of a list.
ON = {"on": Day(nullable=False)}
DEFAULT_LIMIT, MAX_LIMIT = 50, 200
PAGE = {"limit": Integer(1, MAX_LIMIT, nullable=False, from_text=True),
        "cursor": Cursor(nullable=False)}
TEMPLATE = {"subject": Text(render.MAX_SOURCE["subject"], required=True),
            "body": Text(render.MAX_SOURCE["body"], multiline=True, required=True)}
