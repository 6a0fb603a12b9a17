"""The request's body and query string checked against field specs (fields.py)."""
from flask import request

from .errors import ApiError
from .fields import (  # noqa: F401  (the API modules import the specs from here)
    Choice,
    Country,
    Day,
    Email,
    Integer,
    Text,
    clean,
)
from .problems import invalid


def json_body(spec: dict, *, partial: bool = False) -> dict:
    """The request's JSON body, checked against a spec."""
    try:
        data = request.get_json(silent=True)
    except RecursionError:  # json gives up on very deep nesting with this, not ValueError
        data = None
    if data is None:
        raise ApiError(400, "invalid_json", "The body is not valid JSON.")
    return clean(data, spec, partial=partial)


def query(spec: dict) -> dict:
    """The query string, checked against a spec (each parameter once)."""
    args = request.args
    for name in args:
        if len(args.getlist(name)) > 1:
            raise invalid(name, "is given more than once.")
    return clean(args.to_dict(), spec)
