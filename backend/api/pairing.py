"""Pairing: a six-digit code becomes the extension's token; unpairing revokes it."""
import re

from flask import Blueprint, current_app, jsonify

from ..security import redeem_pairing_code, revoke_calling_token
from ..validate import Text, invalid, json_body
from . import PREFIX

bp = Blueprint("pairing", __name__, url_prefix=PREFIX)
CODE = re.compile(r"\d{6}\Z")


@bp.post("/pair")
def pair():
    code = json_body({"code": Text(max_length=20, required=True)})["code"].strip()
    if not CODE.match(code):
        raise invalid("code", "must be the six digits `make pair` printed.")
    token = redeem_pairing_code(code, current_app.config["PAIRING_MAX_ATTEMPTS"])
    return jsonify(token=token)


@bp.delete("/pair")
def unpair():
    """Revoke the token that calls: the extension's Unpair. 204; 401 if it is not known."""
    revoke_calling_token()
    return "", 204
