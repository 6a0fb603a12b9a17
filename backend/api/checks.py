"""Check any draft — ours or the user's — against the advice, for the interview's moment."""
from datetime import date

from flask import Blueprint, jsonify

from .. import checker, drafting, records
from ..db import LARGEST_ID
from ..validate import Choice, Day, Integer, Text, json_body
from . import PREFIX
from .interviews import load

bp = Blueprint("checks", __name__, url_prefix=PREFIX)

FIELDS = {
    "body": Text(20_000, multiline=True, required=True),  # a long e-mail is 300 words
    "subject": Text(500),
    "interview_id": Integer(1, LARGEST_ID),
    "on": Day(),
    # "left_out": the client took the webmail's own signature out of the body (the extension
    # knows where it is), so no closing or name block is taken for one: lines the user typed
    # after the signature are their words and are checked. "in_body" (the default): guess.
    "signature": Choice(checker.SIGNATURE_MODES),
}


@bp.post("/check")
def check_draft():
    asked = json_body(FIELDS)
    on = asked.get("on") or date.today()
    context = checker.Context(on=on)
    if asked.get("interview_id") is not None:
        interview = records.one(load(asked["interview_id"]), on)
        context = drafting.check_context(interview, on)
    findings = checker.check(asked["body"], context, asked.get("subject"),
                             signature_left_out=asked.get("signature") == "left_out")
    return jsonify(ok=not any(f.severity == "error" for f in findings),
                   findings=[finding.to_dict() for finding in findings])
