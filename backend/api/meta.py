"""Health and the OpenAPI document: open to anyone on loopback."""
from flask import Blueprint, jsonify

from .. import __version__
from ..openapi import document
from . import PREFIX

bp = Blueprint("meta", __name__, url_prefix=PREFIX)


@bp.get("/health")
def health():
    return jsonify(status="ok", version=__version__)


@bp.get("/openapi.json")
def openapi():
    return jsonify(document())
