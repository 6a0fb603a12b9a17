"""The due list: follow-ups that may be sent on the day asked, most urgent first, a page at a time."""
from flask import Blueprint, jsonify

from .. import lists
from . import PREFIX, day_asked, page_asked

bp = Blueprint("due", __name__, url_prefix=PREFIX)


@bp.get("/due")
def due():
    on, args = day_asked(page_asked())
    return jsonify(lists.due_page(on, args.get("limit", lists.DEFAULT_LIMIT), args.get("cursor")))
