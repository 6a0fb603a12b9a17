"""Tables, and the queries views share."""
import json
from datetime import UTC, date, datetime

from peewee import (
    BooleanField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    fn,
)

from .db import database
from .vocabulary import FOLLOW_UP_ACTIONS, OUTCOMES  # noqa: F401  (OUTCOMES: the column's values)


def now() -> datetime:
    return datetime.now(UTC)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Interview(BaseModel):
    company = TextField()
    position = TextField()
    interview_date = DateField()
    interviewer_name = TextField(null=True)
    interviewer_email = TextField(null=True)
    timeline = TextField(null=True)
    decision_date = DateField(null=True)
    decision_source = TextField(null=True)  # "given", "timeline" or None
    timeline_parsed = BooleanField(null=True)  # None when no timeline was given
    country = TextField(null=True)
    notes = TextField(null=True)
    reply_on = DateField(null=True)
    outcome = TextField(null=True)
    # The interviewer's automatic reply said they are back on this day: the next follow-up waits
    # until the business day after it (whichever follow-up is next).
    away_until = DateField(null=True)
    # The next action does not depend on the day asked, so it is stored: the due list is one
    # indexed range query on due_from (= next_earliest for follow-up actions, else NULL).
    next_action = TextField(null=True)
    next_earliest = DateField(null=True)
    next_latest = DateField(null=True)
    next_reason = TextField(null=True)
    due_from = DateField(null=True)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


class FollowUp(BaseModel):
    interview = ForeignKeyField(Interview, backref="follow_ups", on_delete="CASCADE")
    sent_on = DateField()
    created_at = DateTimeField(default=now)


class Profile(BaseModel):
    name = TextField(null=True)
    signature = TextField(null=True)
    country = TextField(null=True)
    weekly_goal = IntegerField(null=True)


class Token(BaseModel):
    token_hash = TextField(unique=True)
    created_at = DateTimeField(default=now)
    last_used_at = DateTimeField(null=True)


class PairingCode(BaseModel):
    code_hash = TextField()
    expires_at = FloatField()
    attempts = IntegerField(default=0)
    used = BooleanField(default=False)


class IdempotentRequest(BaseModel):
    key = TextField(primary_key=True)
    route = TextField()
    status = IntegerField()
    body = TextField()
    request_hash = TextField(null=True)
    created_at = DateTimeField(default=now)


class Application(BaseModel):
    applied_on = DateField()
    company = TextField(null=True)
    created_at = DateTimeField(default=now)


class UserTemplate(BaseModel):
    """A user's version of one built-in template (its name), checked when saved."""

    name = TextField(primary_key=True)
    subject = TextField()
    body = TextField()
    updated_at = DateTimeField(default=now)


SENT_DATES = ("SELECT interview_id, sent_on FROM follow_up WHERE interview_id IN "
              "(SELECT value FROM json_each(?)) ORDER BY sent_on, id")


def follow_up_dates(interview_ids) -> dict[int, list[date]]:
    """Sent dates per interview, oldest first, in one query."""
    dates: dict[int, list[date]] = {i: [] for i in interview_ids}
    # The ids as one JSON parameter: one statement, prepared once, for a page or for all.
    rows = database.execute_sql(SENT_DATES, (json.dumps(list(dates)),))
    for interview_id, sent_on in rows:
        dates[interview_id].append(date.fromisoformat(sent_on))
    return dates


def due_on(on: date):
    """Interviews whose next follow-up may be sent on `on`, most urgent first.

    due_from is next_earliest for a follow-up and null otherwise: said this way, the due list
    reads the index of follow-ups in its own order (interview_due_order).
    """
    return (Interview.select().where(Interview.due_from.is_null(False)
                                     & (Interview.next_earliest <= on))
            .order_by(Interview.next_latest, Interview.next_earliest, Interview.id))


def state_conditions(on: date) -> dict:
    """Each state on `on` as an SQL condition (timing.schedule.state_on, said in SQL)."""
    open_ = Interview.reply_on.is_null() & Interview.outcome.is_null()
    follow_up = Interview.next_action.in_(FOLLOW_UP_ACTIONS)
    return {
        "closed": Interview.outcome.is_null(False),
        "replied": Interview.reply_on.is_null(False) & Interview.outcome.is_null(),
        "upcoming": open_ & (Interview.next_earliest > on),
        "due": open_ & follow_up & (Interview.next_earliest <= on) & (Interview.next_latest >= on),
        "overdue": open_ & follow_up & (Interview.next_latest < on),
        "move_on": open_ & (Interview.next_action == "move_on") & (Interview.next_earliest <= on),
    }


def by_state(query, state: str, on: date):
    """Narrow a query to interviews in `state` on `on`, in SQL."""
    return query.where(state_conditions(on)[state])


def by_email(query, email: str):
    return query.where(fn.lower(Interview.interviewer_email) == email.lower())


def profile() -> Profile:
    """The one profile row, made on first use (two first requests at once make it once)."""
    row = Profile.get_or_none(Profile.id == 1)
    if row is None:
        Profile.insert(id=1).on_conflict_ignore().execute()
        row = Profile.get_by_id(1)
    return row
