"""A preview of what the interviewer's words mean, for the add form as the user types."""
from flask import Blueprint, jsonify

from .. import records
from ..timing import schedule, timeline
from ..validate import Country, Day, Text, json_body
from . import PREFIX

bp = Blueprint("timeline", __name__, url_prefix=PREFIX)


@bp.post("/timeline/preview")
def preview():
    fields = json_body({"interview_date": Day(required=True), "timeline": Text(500),
                        "country": Country()})
    country = fields.get("country") or records.default_country()
    said = fields.get("timeline")
    decision = timeline.parse_timeline(said, fields["interview_date"], country) if said else None
    action = schedule.next_action(
        interview_date=fields["interview_date"], decision_date=decision, follow_ups=[],
        reply_on=None, outcome=None, country=country, decision_from_timeline=True)
    return jsonify(decision_date=decision.isoformat() if decision else None,
                   timeline_parsed=decision is not None if said else None,
                   next=action.to_dict())
