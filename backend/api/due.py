"""The due list: follow-ups that may be sent on the day asked, most urgent first."""
from flask import Blueprint, jsonify

from .. import records
from ..models import due_on
from . import PREFIX, day_asked

bp = Blueprint("due", __name__, url_prefix=PREFIX)


@bp.get("/due")
def due():
    on, _ = day_asked()
    return jsonify(due=records.to_dicts(due_on(on), on))
