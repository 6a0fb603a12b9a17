"""Pairing: a six-digit code from the terminal becomes the extension's token."""
import re

from flask import Blueprint, current_app, jsonify

from ..validate import Text, invalid, json_body
from ..security import redeem_pairing_code
from . import PREFIX

bp = Blueprint("pairing", __name__, url_prefix=PREFIX)
CODE = re.compile(r"\d{6}\Z")


@bp.post("/pair")
def pair():
    code = json_body({"code": Text(max_length=20, required=True)})["code"].strip()
    if not CODE.match(code):
        raise invalid("code", "must be the six digits printed by `python -m backend pair`.")
    token = redeem_pairing_code(code, current_app.config["PAIRING_MAX_ATTEMPTS"])
    return jsonify(token=token)
