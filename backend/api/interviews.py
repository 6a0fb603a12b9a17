"""Interviews: the user's job search, each with its follow-up schedule.

The views read the request and answer; the rules live in the interviews service.
"""
from flask import Blueprint, jsonify

from .. import inputs, lists, records, service
from ..db import writing
from ..idempotency import idempotent
from ..validate import json_body
from . import day_asked, page_asked

bp = Blueprint("interviews", __name__, url_prefix="/api/v1/interviews")

FIELDS, EDITABLE, FILTERS = inputs.INTERVIEW, inputs.INTERVIEW_EDITABLE, inputs.INTERVIEW_FILTERS

load = service.load  # the drafts and checks views find the interview the same way


def answer(interview, on, status: int = 200):
    return jsonify(records.one(interview, on)), status


@bp.get("")
def list_interviews():
    on, args = day_asked({**FILTERS, **page_asked()})
    limit, cursor = args.pop("limit", lists.DEFAULT_LIMIT), args.pop("cursor", None)
    return jsonify(lists.interviews_page(on, args, limit, cursor))


@bp.post("")
@idempotent
def create_interview():
    on, _ = day_asked()
    fields = json_body(FIELDS)
    with writing():
        interview = service.create(fields)
    return answer(interview, on, 201)


@bp.get("/<int:interview_id>")
def get_interview(interview_id):
    on, _ = day_asked()
    return answer(service.load(interview_id), on)


@bp.patch("/<int:interview_id>")
def update_interview(interview_id):
    on, _ = day_asked()
    fields = json_body(EDITABLE, partial=True)
    with writing():
        interview = service.update(interview_id, fields)
    return answer(interview, on)


@bp.delete("/<int:interview_id>")
def delete_interview(interview_id):
    day_asked()
    with writing():
        service.delete(interview_id)
    return "", 204


@bp.post("/<int:interview_id>/follow-ups")
@idempotent
def record_follow_up(interview_id):
    on, _ = day_asked()
    sent_on = json_body(inputs.FOLLOW_UP)["sent_on"]
    with writing():
        interview = service.record_follow_up(interview_id, sent_on)
    return answer(interview, on, 201)


@bp.post("/<int:interview_id>/reply")
@idempotent
def record_reply(interview_id):
    on, _ = day_asked()
    received_on = json_body(inputs.REPLY)["received_on"]
    with writing():
        interview = service.record_reply(interview_id, received_on)
    return answer(interview, on)


@bp.post("/<int:interview_id>/close")
@idempotent
def close_interview(interview_id):
    on, _ = day_asked()
    outcome = json_body(inputs.CLOSE)["outcome"]
    with writing():
        interview = service.close(interview_id, outcome)
    return answer(interview, on)
