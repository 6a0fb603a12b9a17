"""The user's own e-mail templates: each replaces one of ours, checked before it is saved."""
from flask import Blueprint, jsonify

from .. import drafting, inputs, render
from ..db import writing
from ..errors import ApiError
from ..models import UserTemplate, now
from ..validate import json_body, query
from . import PREFIX

bp = Blueprint("templates", __name__, url_prefix=f"{PREFIX}/templates")

FIELDS = inputs.TEMPLATE


def known(name: str) -> str:
    """The template's name, or a 404 listing the names there are."""
    if name not in render.template_names():
        raise ApiError(404, "not_found", f"No template named {name[:80]!r}; the templates are "
                                         f"{', '.join(render.template_names())}.")
    return name


def to_dict(name: str) -> dict:
    """The template in use for `name`: the user's if saved, else our source to start from."""
    row = UserTemplate.get_or_none(UserTemplate.name == name)
    if row is not None:
        return {"name": name, "custom": True, "subject": row.subject, "body": row.body}
    return {"name": name, "custom": False, **render.source_of(name)}


@bp.get("")
def list_templates():
    query({})
    return jsonify(templates=[to_dict(name) for name in render.template_names()])


@bp.get("/<name>")
def get_template(name):
    query({})
    return jsonify(to_dict(known(name)))


@bp.put("/<name>")
def put_template(name):
    fields = json_body(FIELDS)
    known(name)
    errors = drafting.check_user_template(name, fields["subject"], fields["body"])
    if errors:
        raise ApiError(400, "invalid_template", errors[0]["message"], errors[0]["field"])
    with writing():
        UserTemplate.insert(name=name, subject=fields["subject"], body=fields["body"],
                            updated_at=now()).on_conflict_replace().execute()
    return jsonify(to_dict(name))


@bp.delete("/<name>")
def delete_template(name):
    """Go back to our template; 204 whether or not one was saved."""
    query({})
    known(name)
    UserTemplate.delete().where(UserTemplate.name == name).execute()
    return "", 204
