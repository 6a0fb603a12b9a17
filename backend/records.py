"""Interviews as the API shows them, and their stored schedule kept current."""
from datetime import date

from flask import current_app

from .models import FOLLOW_UP_ACTIONS, FollowUp, Interview, follow_up_dates, now, profile
from .timing import schedule, timeline


def default_country() -> str:
    """The profile's holiday calendar, else the configured one."""
    return profile().country or current_app.config["COUNTRY"]


def country_of(interview: Interview, fallback: str | None = None) -> str:
    return interview.country or fallback or default_country()


def read_timeline(interview: Interview, country: str) -> None:
    """Read what the interviewer said; its date counts unless a decision date was given."""
    parsed = (timeline.parse_timeline(interview.timeline, interview.interview_date, country)
              if interview.timeline else None)
    interview.timeline_parsed = parsed is not None if interview.timeline else None
    if interview.decision_source != "given":
        interview.decision_date = parsed
        interview.decision_source = "timeline" if parsed else None


def refresh(interview: Interview, sent: list[date], country: str | None = None) -> None:
    """Recompute and store the next action; the caller saves the row."""
    country = country_of(interview, country)
    read_timeline(interview, country)
    action = schedule.next_action(
        interview_date=interview.interview_date, decision_date=interview.decision_date,
        follow_ups=sent, reply_on=interview.reply_on, outcome=interview.outcome,
        country=country, decision_from_timeline=interview.decision_source == "timeline")
    interview.next_action = action.action if action else None
    interview.next_earliest = action.earliest if action else None
    interview.next_latest = action.latest if action else None
    interview.next_reason = action.reason if action else None
    interview.due_from = action.earliest if action and action.action in FOLLOW_UP_ACTIONS else None
    interview.updated_at = now()


def stored_action(interview: Interview):
    if interview.next_action is None:
        return None
    return schedule.NextAction(interview.next_action, interview.next_earliest,
                               interview.next_latest, interview.next_reason)


def to_dict(interview: Interview, sent: list[date], on: date) -> dict:
    """The Interview of CONTRACT.md, its state evaluated on `on`."""
    action = stored_action(interview)
    iso = lambda day: day.isoformat() if day else None  # noqa: E731
    return {
        "id": interview.id,
        "company": interview.company,
        "position": interview.position,
        "interview_date": iso(interview.interview_date),
        "interviewer_name": interview.interviewer_name,
        "interviewer_email": interview.interviewer_email,
        "timeline": interview.timeline,
        "decision_date": iso(interview.decision_date),
        "timeline_parsed": interview.timeline_parsed,
        "country": interview.country,
        "notes": interview.notes,
        "follow_ups": [{"sent_on": iso(day)} for day in sent],
        "reply_on": iso(interview.reply_on),
        "outcome": interview.outcome,
        "schedule": {
            "state": schedule.state_on(action, reply_on=interview.reply_on,
                                       outcome=interview.outcome, on=on),
            "next": action.to_dict() if action else None,
        },
    }


def to_dicts(rows, on: date) -> list[dict]:
    """Many interviews with their follow-ups, in two queries."""
    rows = list(rows)
    sent = follow_up_dates([row.id for row in rows])
    return [to_dict(row, sent[row.id], on) for row in rows]


def sent_dates(interview: Interview) -> list[date]:
    return [f.sent_on for f in interview.follow_ups.order_by(FollowUp.sent_on, FollowUp.id)]


def refresh_all() -> int:
    """Recompute the stored schedules of interviews that follow the default calendar."""
    rows = list(Interview.select().where(Interview.country.is_null()))
    sent = follow_up_dates([row.id for row in rows])
    fallback = default_country()
    for row in rows:
        refresh(row, sent[row.id], fallback)
        row.save()
    return len(rows)
