"""The user's profile: the name and signature drafts are signed with, the holiday calendar."""
from flask import Blueprint, jsonify

from .. import inputs, service
from ..db import writing
from ..models import profile
from ..timing.rules import RULES
from ..validate import json_body
from . import PREFIX

bp = Blueprint("profile", __name__, url_prefix=PREFIX)

FIELDS = inputs.PROFILE


def to_dict(row) -> dict:
    return {"name": row.name, "signature": row.signature,
            "country": row.country or service.Calendar.country,
            "weekly_goal": row.weekly_goal or RULES.weekly_goal_min}


@bp.get("/profile")
def get_profile():
    return jsonify(to_dict(profile()))


@bp.put("/profile")
def put_profile():
    """Set the fields given; a new holiday calendar reschedules interviews that follow it."""
    fields = json_body(FIELDS, partial=True)
    with writing():
        row = profile()
        calendar_before = service.default_country()
        for name, value in fields.items():
            setattr(row, name, value)
        row.save()
        if service.default_country() != calendar_before:
            service.refresh_all()
    return jsonify(to_dict(row))
