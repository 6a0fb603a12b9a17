"""A preview of what the interviewer's words mean, for the add form as the user types."""
from flask import Blueprint, jsonify

from .. import inputs, service
from ..validate import json_body
from . import PREFIX

bp = Blueprint("timeline", __name__, url_prefix=PREFIX)


@bp.post("/timeline/preview")
def preview():
    fields = json_body(inputs.TIMELINE_PREVIEW)
    return jsonify(service.preview(fields["interview_date"], fields.get("timeline"),
                                      fields.get("country")))
