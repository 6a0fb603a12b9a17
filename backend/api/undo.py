"""Undo: bring back a deleted interview, take back the last follow-up recorded.

A delete stays a real delete (no hidden rows for every query to filter out); the page that
deleted keeps the Interview it showed and sends it back here to undo. Undoing a reply or an
outcome needs no route of its own: PATCH the field back to what it was.
"""
from flask import Blueprint

from .. import service
from ..db import LARGEST_ID, writing
from ..errors import ApiError
from ..models import FollowUp, Interview
from ..timing.rules import RULES
from ..validate import Day, Integer, clean, invalid, json_body
from . import day_asked
from .interviews import EDITABLE, answer, load

bp = Blueprint("undo", __name__, url_prefix="/api/v1/interviews")

# Worked out by the backend, so ignored when an Interview comes back.
COMPUTED = ("schedule", "timeline_parsed")
RESTORE = {"id": Integer(1, LARGEST_ID, required=True), **EDITABLE}


@bp.post("/restore")
def restore_interview():
    """Re-create a deleted interview, under its old id, from the Interview the API gave."""
    on, _ = day_asked()
    body = json_body({**{name: Passed() for name in RESTORE}, "follow_ups": Passed(),
                      **{name: Passed() for name in COMPUTED}})
    sent = sent_dates(body.pop("follow_ups", None) or [])
    for name in COMPUTED:
        body.pop(name, None)
    fields = clean(body, RESTORE)
    for name in ("company", "position", "interview_date"):
        if name not in fields or fields[name] is None:
            raise invalid(name, "is required.")
    interview_id = fields.pop("id")
    with writing():
        if Interview.get_or_none(Interview.id == interview_id) is not None:
            raise ApiError(409, "id_taken", "An interview with this id exists: it was "
                                            "restored already.")
        interview = Interview()
        service.apply(interview, timeline_first(fields))
        if sent and sent[0] < interview.interview_date:
            raise invalid("follow_ups", "one was sent before the interview.")
        service.refresh(interview, sent)
        interview.id = interview_id
        interview.save(force_insert=True)
        FollowUp.insert_many([{"interview": interview_id, "sent_on": day} for day in sent]).execute()
    return answer(interview, on, 201)


@bp.delete("/<int:interview_id>/follow-ups/last")
def undo_follow_up(interview_id):
    """Take back the follow-up recorded last (a Mark sent clicked by mistake)."""
    on, _ = day_asked()
    with writing():
        interview = load(interview_id)
        last = (interview.follow_ups.order_by(FollowUp.sent_on.desc(), FollowUp.id.desc())
                .first())
        if last is None:
            raise ApiError(409, "no_follow_up", "No follow-up is recorded for this interview.")
        last.delete_instance()
        service.refresh(interview, service.sent_dates(interview))
        interview.save()
    return answer(interview, on)


def timeline_first(fields: dict) -> dict:
    """The fields, with a decision date that the timeline gives anyway left to the timeline.

    An Interview does not say whether its decision date was typed or read from the timeline;
    when reading the timeline gives the same date, it came from there (and follows it on edits).
    """
    probe = Interview()
    service.apply(probe, {name: value for name, value in fields.items() if name != "decision_date"})
    if fields.get("decision_date") == probe.decision_date:
        return {name: value for name, value in fields.items() if name != "decision_date"}
    return fields


def sent_dates(items) -> list:
    """The follow-ups' sent_on dates, checked: a list of {"sent_on"}, in order, within the rule."""
    if not isinstance(items, list):
        raise invalid("follow_ups", "must be a list.")
    if len(items) > RULES.max_follow_ups:
        raise invalid("follow_ups", f"at most {RULES.max_follow_ups}.")
    days = [clean(item, {"sent_on": Day(required=True)})["sent_on"] for item in items]
    if days != sorted(days):
        raise invalid("follow_ups", "must be in the order they were sent.")
    return days


class Passed:
    """A field taken as it is, to be checked afterwards."""

    required = False
    nullable = True

    def clean(self, name, value):
        return value
