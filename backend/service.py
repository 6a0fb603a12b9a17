"""The interviews service: the domain rules of an interview, for the API, import and commands.

It checks fields against each other, keeps the stored schedule current and holds the
follow-up rules (how many, in what order, not on a closed interview). It knows no HTTP: what
goes wrong is a problems.Problem, which the API maps to a status and the import to a sentence.
The caller holds the transaction (db.writing()) around a change.
"""
from datetime import date

from .db import LARGEST_ID
from .models import FollowUp, Interview, follow_up_dates, now, profile
from .problems import Conflict, NotFound, invalid
from .timing import schedule, timeline
from .timing.rules import RULES
from .vocabulary import FOLLOW_UP_ACTIONS

REQUIRED = ("company", "position", "interview_date")


class Calendar:
    """The holiday calendar used when neither the interview nor the profile names one.

    Set once from the settings (FOLLOWUP_COUNTRY) by whoever opens the database: the app
    factory or a command; rules.toml's default until then.
    """

    country = RULES.default_country


def use_calendar(country: str | None) -> None:
    """Follow `country`'s holidays by default (None: rules.toml's default)."""
    Calendar.country = (country or RULES.default_country).upper()


def default_country() -> str:
    """The profile's holiday calendar, else the configured one."""
    return profile().country or Calendar.country


def country_of(interview: Interview, fallback: str | None = None) -> str:
    return interview.country or fallback or default_country()


def load(interview_id: int) -> Interview:
    """The interview with this id, or NotFound."""
    # A number past SQLite's keys is no interview, not an overflow.
    interview = (Interview.get_or_none(Interview.id == interview_id)
                 if interview_id <= LARGEST_ID else None)
    if interview is None:
        raise NotFound("No interview with that id.")
    return interview


def sent_dates(interview: Interview) -> list[date]:
    """The days its follow-ups were sent, oldest first."""
    if interview.id is None:
        return []
    return follow_up_dates([interview.id])[interview.id]


def apply(interview: Interview, fields: dict, sent: list[date] | None = None) -> None:
    """Set fields, check the dates against each other, and recompute the schedule.

    `sent` are the follow-ups' days when the caller has them (an import); else they are read.
    """
    for name in REQUIRED:
        if name in fields and fields[name] is None:
            raise invalid(name, "must not be null.")
    if "decision_date" in fields:
        interview.decision_source = "given" if fields["decision_date"] else None
    for name, value in fields.items():
        setattr(interview, name, value)
    for name in ("decision_date", "reply_on"):
        day = getattr(interview, name)
        if day and day < interview.interview_date:
            raise invalid(name, f"{day} is before the interview on {interview.interview_date}.")
    sent = sent_dates(interview) if sent is None else sent
    check_follow_ups(interview, sent)
    refresh(interview, sent)


def check_follow_ups(interview: Interview, sent: list[date]) -> None:
    """The follow-ups an interview may hold: after it, in order, at most the rules' number."""
    if len(sent) > RULES.max_follow_ups:
        raise invalid("follow_ups", f"{len(sent)} follow-ups; the advice allows at most "
                                    f"{RULES.max_follow_ups}, then to move on.")
    if sent and sent[0] < interview.interview_date:
        raise invalid("interview_date", "a follow-up was sent before this date.")
    if sent != sorted(sent):
        raise invalid("follow_ups", "must be in the order they were sent.")


def too_many(already: int) -> Conflict:
    return Conflict(f"{already} follow-ups were already sent; the advice is to move on rather "
                    "than send another.", "sent_on", code="too_many_follow_ups")


def create(fields: dict) -> Interview:
    """A new interview from checked fields, its schedule worked out."""
    interview = Interview()
    apply(interview, fields)
    interview.save()
    return interview


def update(interview_id: int, fields: dict) -> Interview:
    interview = load(interview_id)
    apply(interview, fields)
    interview.save()
    return interview


def delete(interview_id: int) -> None:
    load(interview_id).delete_instance(recursive=True)


def record_follow_up(interview_id: int, sent_on: date) -> Interview:
    """A follow-up sent on `sent_on`: refused on a closed interview or past the rules' number."""
    interview = load(interview_id)
    sent = sent_dates(interview)
    if interview.outcome:
        raise Conflict(f"This interview is closed ({interview.outcome}).", code="closed")
    if len(sent) >= RULES.max_follow_ups:
        raise too_many(len(sent))
    if sent_on < interview.interview_date:
        raise invalid("sent_on", "is before the interview.")
    if sent and sent_on < sent[-1]:
        raise invalid("sent_on", f"is before the last follow-up, sent on {sent[-1]}.")
    FollowUp.create(interview=interview, sent_on=sent_on)
    refresh(interview, [*sent, sent_on])
    interview.save()
    return interview


def record_reply(interview_id: int, received_on: date) -> Interview:
    return update(interview_id, {"reply_on": received_on})


def close(interview_id: int, outcome: str) -> Interview:
    return update(interview_id, {"outcome": outcome})


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
        country=country, decision_from_timeline=interview.decision_source == "timeline",
        away_until=interview.away_until)
    interview.next_action = action.action if action else None
    interview.next_earliest = action.earliest if action else None
    interview.next_latest = action.latest if action else None
    interview.next_reason = action.reason if action else None
    interview.due_from = action.earliest if action and action.action in FOLLOW_UP_ACTIONS else None
    interview.updated_at = now()


def refresh_all() -> int:
    """Recompute the stored schedules of interviews that follow the default calendar."""
    rows = list(Interview.select().where(Interview.country.is_null()))
    sent = follow_up_dates([row.id for row in rows])
    fallback = default_country()
    for row in rows:
        refresh(row, sent[row.id], fallback)
        row.save()
    return len(rows)


def preview(interview_date: date, said: str | None, country: str | None) -> dict:
    """What the interviewer's words mean for a new interview: decision date, first action."""
    country = country or default_country()
    decision = timeline.parse_timeline(said, interview_date, country) if said else None
    action = schedule.next_action(
        interview_date=interview_date, decision_date=decision, follow_ups=[], reply_on=None,
        outcome=None, country=country, decision_from_timeline=True)
    return {"decision_date": decision.isoformat() if decision else None,
            "timeline_parsed": decision is not None if said else None, "next": action.to_dict()}
