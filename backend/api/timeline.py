"""A preview of what the interviewer's words mean, for the add form as the user types."""
from flask import Blueprint, jsonify

from .. import service
from ..validate import Country, Day, Text, json_body
from . import PREFIX

bp = Blueprint("timeline", __name__, url_prefix=PREFIX)


@bp.post("/timeline/preview")
def preview():
    fields = json_body({"interview_date": Day(required=True), "timeline": Text(500),
                        "country": Country()})
    return jsonify(service.preview(fields["interview_date"], fields.get("timeline"),
                                      fields.get("country")))
