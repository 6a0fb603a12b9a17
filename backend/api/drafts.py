"""Drafts: the follow-up for an interview, written from a template and checked."""
from datetime import date

from flask import Blueprint, jsonify

from .. import drafting, records, render
from ..db import LARGEST_ID
from ..models import UserTemplate, profile
from ..validate import Choice, Day, Integer, json_body
from . import PREFIX
from .interviews import load

bp = Blueprint("drafts", __name__, url_prefix=PREFIX)


def fields() -> dict:
    return {"interview_id": Integer(1, LARGEST_ID, required=True), "on": Day(),
            "template": Choice(render.template_names()),
            "variant": Choice(tuple(drafting.variants()))}


def user_templates() -> dict:
    """The user's saved templates, as plain dicts by name."""
    return {row.name: {"subject": row.subject, "body": row.body}
            for row in UserTemplate.select()}


@bp.post("/drafts")
def create_draft():
    asked = json_body(fields())
    on = asked.get("on") or date.today()
    interview = records.one(load(asked["interview_id"]), on)
    row = profile()
    # A DraftError is a problem of the domain: the one error handler answers it.
    draft = drafting.build_draft(interview, {"name": row.name, "signature": row.signature},
                                 on, asked.get("template"), asked.get("variant"),
                                 user_templates())
    return jsonify(draft)
