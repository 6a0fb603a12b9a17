"""The user's profile: the name and signature drafts are signed with, the holiday calendar."""
from flask import Blueprint, current_app, jsonify

from .. import records
from ..db import writing
from ..models import profile
from ..timing.rules import RULES
from ..validate import Country, Integer, Text, json_body
from . import PREFIX

bp = Blueprint("profile", __name__, url_prefix=PREFIX)

FIELDS = {
    "name": Text(200),
    "signature": Text(1000, multiline=True),
    "country": Country(),
    "weekly_goal": Integer(1, 100),
}


def to_dict(row) -> dict:
    return {"name": row.name, "signature": row.signature,
            "country": row.country or current_app.config["COUNTRY"],
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
        calendar_before = records.default_country()
        for name, value in fields.items():
            setattr(row, name, value)
        row.save()
        if records.default_country() != calendar_before:
            records.refresh_all()
    return jsonify(to_dict(row))
