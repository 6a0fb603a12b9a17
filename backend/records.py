"""Interviews as the API shows them: plain rows in, the Interview of docs/api.md out.

Rows are mappings of column values (a `.dicts()` query; a model is read into one), so a page of
a list is built without a model object per row.
"""
from datetime import date

from .models import Interview, follow_up_dates
from .timing import schedule

# The columns an Interview answer is built from.
COLUMNS = (Interview.id, Interview.company, Interview.position, Interview.interview_date,
           Interview.interviewer_name, Interview.interviewer_email, Interview.timeline,
           Interview.decision_date, Interview.timeline_parsed, Interview.country,
           Interview.notes, Interview.reply_on, Interview.outcome, Interview.away_until,
           Interview.next_action,
           Interview.next_earliest, Interview.next_latest, Interview.next_reason)


NAMES = tuple(column.name for column in COLUMNS)
DATES = ("interview_date", "decision_date", "reply_on", "away_until", "next_earliest",
         "next_latest")


def from_tuple(values: tuple) -> dict:
    """A row as SQLite gives it (dates as text, booleans as 0/1) in the shape peewee reads."""
    row = dict(zip(NAMES, values))
    for name in DATES:
        if row[name] is not None:
            row[name] = date.fromisoformat(row[name])
    if row["timeline_parsed"] is not None:
        row["timeline_parsed"] = bool(row["timeline_parsed"])
    return row


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def stored_action(row) -> schedule.NextAction | None:
    if row["next_action"] is None:
        return None
    return schedule.NextAction(row["next_action"], row["next_earliest"], row["next_latest"],
                               row["next_reason"])


def to_dict(row, sent: list[date], on: date) -> dict:
    """One Interview, its state evaluated on `on`."""
    action = stored_action(row)
    return {
        "id": row["id"],
        "company": row["company"],
        "position": row["position"],
        "interview_date": iso(row["interview_date"]),
        "interviewer_name": row["interviewer_name"],
        "interviewer_email": row["interviewer_email"],
        "timeline": row["timeline"],
        "decision_date": iso(row["decision_date"]),
        "timeline_parsed": row["timeline_parsed"],
        "country": row["country"],
        "notes": row["notes"],
        "follow_ups": [{"sent_on": iso(day)} for day in sent],
        "reply_on": iso(row["reply_on"]),
        "outcome": row["outcome"],
        "away_until": iso(row["away_until"]),
        "schedule": {
            "state": schedule.state_on(action, reply_on=row["reply_on"], outcome=row["outcome"],
                                       on=on),
            "next": action.to_dict() if action else None,
        },
    }


def to_dicts(rows, on: date) -> list[dict]:
    """Many interviews with their follow-ups, in two queries; rows may be models or dicts."""
    rows = [{column.name: getattr(row, column.name) for column in COLUMNS}
            if isinstance(row, Interview) else row for row in rows]
    sent = follow_up_dates([row["id"] for row in rows])
    return [to_dict(row, sent[row["id"]], on) for row in rows]


def one(interview: Interview, on: date) -> dict:
    """One interview as the API shows it."""
    return to_dicts([interview], on)[0]
