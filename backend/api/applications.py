"""Applications sent while waiting: the seed's weekly goal keeps the search moving."""
from datetime import timedelta

from flask import Blueprint, jsonify

from .. import inputs
from ..idempotency import idempotent
from ..models import Application, profile
from ..timing.rules import RULES
from ..validate import json_body
from . import PREFIX, day_asked

bp = Blueprint("applications", __name__, url_prefix=PREFIX)


@bp.get("/applications")
def this_week():
    """Applications of the week (Monday to Sunday) holding the day asked."""
    on, _ = day_asked()
    start = on - timedelta(days=on.weekday())
    rows = (Application.select()
            .where(Application.applied_on.between(start, start + timedelta(days=6)))
            .order_by(Application.applied_on, Application.id))
    return jsonify(week_start=start.isoformat(), count=len(rows),
                   goal=profile().weekly_goal or RULES.weekly_goal_min,
                   applications=[{"id": row.id, "applied_on": row.applied_on.isoformat(),
                                  "company": row.company} for row in rows])


@bp.post("/applications")
@idempotent
def log_application():
    on, _ = day_asked()
    fields = json_body(inputs.APPLICATION)
    row = Application.create(applied_on=fields.get("applied_on") or on,
                             company=fields.get("company"))
    return jsonify(id=row.id, applied_on=row.applied_on.isoformat(), company=row.company), 201
