"""The OpenAPI 3 document of every route; a test holds it against the real url map.

What a route accepts is generated from the field specs its view checks input with
(backend/inputs.py, fields.Field.schema()), so the document cannot drift from the validators.
What a route answers is described here.
"""
from . import __version__, inputs, render
from .api import checks, drafts, messages
from .fields import object_schema, parameters
from .vocabulary import ACTIONS, OUTCOMES, STATES

DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
NULLABLE_DATE = {"anyOf": [DATE, {"type": "null"}]}


def text(max_length: int, nullable: bool = True) -> dict:
    schema = {"type": "string", "maxLength": max_length}
    return {"anyOf": [schema, {"type": "null"}]} if nullable else {**schema, "minLength": 1}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict, required=(), extra: bool = False) -> dict:
    return {"type": "object", "properties": properties, "required": list(required),
            "additionalProperties": extra}


INTERVIEW_FIELDS = object_schema(inputs.INTERVIEW)["properties"]
OUTCOME = {"type": "string", "enum": list(OUTCOMES)}
STATE = {"type": "string", "enum": list(STATES)}

SCHEMAS = {
    "Error": obj({"error": obj({"code": {"type": "string"}, "message": {"type": "string"},
                                "field": {"type": "string"}}, ["code", "message"])},
                 ["error"]),
    "NextAction": obj({"action": {"type": "string", "enum": list(ACTIONS)},
        "earliest": DATE, "latest": DATE, "reason": {"type": "string"}},
        ["action", "earliest", "latest", "reason"]),
    "Schedule": obj({"state": STATE, "next": {"anyOf": [ref("NextAction"), {"type": "null"}]}},
                    ["state", "next"]),
    "Interview": obj({
        "id": {"type": "integer"}, **INTERVIEW_FIELDS,
        "timeline_parsed": {"type": ["boolean", "null"]},
        "follow_ups": {"type": "array", "items": obj({"sent_on": DATE}, ["sent_on"])},
        "reply_on": NULLABLE_DATE, "outcome": {"anyOf": [OUTCOME, {"type": "null"}]},
        "away_until": NULLABLE_DATE, "schedule": ref("Schedule")},
        ["id", *INTERVIEW_FIELDS, "timeline_parsed", "follow_ups", "reply_on", "outcome",
         "away_until", "schedule"]),
    "NewInterview": object_schema(inputs.INTERVIEW),
    "InterviewPatch": object_schema(inputs.INTERVIEW_EDITABLE, partial=True),
    "Counts": obj({state: {"type": "integer", "minimum": 0} for state in STATE["enum"]},
                  STATE["enum"]),
    "Profile": obj({"name": text(200), "signature": text(1000),
                    "country": {"type": "string"},
                    "weekly_goal": {"type": "integer", "minimum": 1, "maximum": 100}},
                   ["name", "signature", "country", "weekly_goal"]),
    "ProfilePatch": object_schema(inputs.PROFILE, partial=True),
    "Application": obj({"id": {"type": "integer"}, "applied_on": DATE,
                        "company": {"type": ["string", "null"]}},
                       ["id", "applied_on", "company"]),
    "Finding": obj({"rule": {"type": "string"},
                    "severity": {"type": "string", "enum": ["error", "warning", "info"]},
                    "message": {"type": "string"}, "start": {"type": "integer", "minimum": 0},
                    "end": {"type": "integer", "minimum": 0}, "match": {"type": "string"},
                    "suggestion": {"type": "string"}},
                   ["rule", "severity", "message", "start", "end", "match"]),
    "Draft": obj({"subject": {"type": "string"}, "body": {"type": "string"},
                  "action": {"type": ["string", "null"]}, "template": {"type": "string"},
                  "variant": {"type": "string"},
                  "variants": {"type": "array", "items": obj(
                      {"name": {"type": "string"}, "label": {"type": "string"}},
                      ["name", "label"])},
                  "schedule": ref("Schedule"),
                  "findings": {"type": "array", "items": ref("Finding")}},
                 ["subject", "body", "action", "template", "variant", "variants", "schedule",
                  "findings"]),
    "Template": obj({"name": {"type": "string"}, "custom": {"type": "boolean"},
                     "subject": {"type": "string"}, "body": {"type": "string"}},
                    ["name", "custom", "subject", "body"]),
}

ERRORS = {
    400: "The input is wrong; `error.field` names the field.",
    401: "No token, or an unknown one: pair the extension.",
    403: "A foreign Host or Origin, or a wrong pairing code.",
    404: "No such interview.",
    409: "The request conflicts with the interview's state.",
    413: "The body is too large.",
    415: "Writes must be JSON.",
}
ON = {**parameters(inputs.ON)[0],
      "description": "The day to evaluate the schedule on (default: today)."}
ID = {"name": "interview_id", "in": "path", "required": True, "schema": {"type": "integer"}}
IDEMPOTENCY = {"name": "Idempotency-Key", "in": "header", "required": False,
               "schema": {"type": "string", "pattern": r"^[A-Za-z0-9._:-]{8,100}$"},
               "description": "Retries with the same key get the first answer, not a second write."}


def json_content(schema: dict) -> dict:
    return {"application/json": {"schema": schema}}


def operation(summary, *, ok=200, response=None, body=None, params=(), errors=(), secure=True):
    """One operation: its success answer and each error status it can give."""
    statuses = set(errors) | ({401} if secure else set()) | ({400} if params else set())
    if body is not None:
        statuses |= {400, 413, 415}
    responses = {str(ok): {"description": "Success"} if response is None else
                 {"description": "Success", "content": json_content(response)}}
    for status in sorted(statuses | {403}):
        responses[str(status)] = {"description": ERRORS[status],
                                  "content": json_content(ref("Error"))}
    op = {"summary": summary, "responses": responses, "parameters": list(params)}
    if body is not None:
        op["requestBody"] = {"required": True, "content": json_content(body)}
    if not secure:
        op["security"] = []
    return op


def paths() -> dict:
    interview, interviews = ref("Interview"), {"type": "array", "items": ref("Interview")}
    page_params = parameters(inputs.PAGE)
    page_params[0]["description"] = f"How many rows on the page (default {inputs.DEFAULT_LIMIT})."
    page_params[1]["description"] = "The `next` of the page before; opaque."
    list_params = [ON, *parameters(inputs.INTERVIEW_FILTERS), *page_params]

    def page(name):
        return obj({name: interviews, "total": {"type": "integer", "minimum": 0},
                    "next": {"type": ["string", "null"]}, "counts": ref("Counts")},
                   [name, "total", "next", "counts"])
    return {
        "/api/v1/health": {"get": operation(
            "Is the backend up?", secure=False, response=obj(
                {"status": {"const": "ok"}, "version": {"type": "string"}},
                ["status", "version"]))},
        "/api/v1/openapi.json": {"get": operation(
            "This document", secure=False, response={"type": "object"})},
        "/api/v1/pair": {
            "post": operation(
                "Trade a pairing code for a token", secure=False,
                body=obj({"code": {"type": "string"}}, ["code"]),
                response=obj({"token": {"type": "string"}}, ["token"])),
            "delete": operation("Unpair: revoke the calling token", ok=204, errors=[409])},
        "/api/v1/interviews": {
            "get": operation("List interviews", params=list_params,
                             response=page("interviews")),
            "post": operation("Add an interview", ok=201, body=ref("NewInterview"),
                              params=[ON, IDEMPOTENCY], response=interview, errors=[409])},
        "/api/v1/interviews/{interview_id}": {
            "get": operation("One interview", params=[ID, ON], response=interview,
                             errors=[404]),
            "patch": operation("Change an interview", params=[ID, ON],
                               body=ref("InterviewPatch"), response=interview, errors=[404]),
            "delete": operation("Delete an interview and its follow-ups", ok=204,
                                params=[ID, ON], errors=[404])},
        "/api/v1/interviews/{interview_id}/follow-ups": {"post": operation(
            "Record a follow-up sent", ok=201, params=[ID, ON, IDEMPOTENCY],
            body=object_schema(inputs.FOLLOW_UP), response=interview, errors=[404, 409])},
        "/api/v1/interviews/{interview_id}/reply": {"post": operation(
            "Record their reply", params=[ID, ON, IDEMPOTENCY],
            body=object_schema(inputs.REPLY), response=interview,
            errors=[404, 409])},
        "/api/v1/interviews/{interview_id}/close": {"post": operation(
            "Record the outcome", params=[ID, ON, IDEMPOTENCY],
            body=object_schema(inputs.CLOSE), response=interview,
            errors=[404, 409])},
        "/api/v1/due": {"get": operation(
            "Follow-ups that may be sent on the day, most urgent first",
            params=[ON, *page_params], response=page("due"))},
        "/api/v1/profile": {
            "get": operation("The profile", response=ref("Profile")),
            "put": operation("Change the profile (the fields given)", body=ref("ProfilePatch"),
                             response=ref("Profile"))},
        "/api/v1/applications": {
            "get": operation("This week's applications against the weekly goal", params=[ON],
                             response=obj({"week_start": DATE, "count": {"type": "integer"},
                                           "goal": {"type": "integer"},
                                           "applications": {"type": "array",
                                                            "items": ref("Application")}},
                                          ["week_start", "count", "goal", "applications"])),
            "post": operation("Log an application", ok=201, params=[ON, IDEMPOTENCY],
                              body=object_schema(inputs.APPLICATION),
                              response=ref("Application"), errors=[409])},
        "/api/v1/timeline/preview": {"post": operation(
            "What the interviewer's words mean: decision date and first follow-up",
            body=object_schema(inputs.TIMELINE_PREVIEW),
            response=obj({"decision_date": NULLABLE_DATE,
                          "timeline_parsed": {"type": ["boolean", "null"]},
                          "next": ref("NextAction")},
                         ["decision_date", "timeline_parsed", "next"]))},
        **draft_paths(),
        **undo_and_calendar_paths(interview),
        **message_paths(),
    }


def message_paths() -> dict:
    """Reading the one message the user opened (docs/mail-detector.md); nothing is stored."""
    nullable_text = {"type": ["string", "null"]}
    found = obj({"company": nullable_text, "position": nullable_text,
                 "interview_date": NULLABLE_DATE,
                 "interview_time": {"anyOf": [{"type": "string", "pattern": r"^\d{2}:\d{2}$"},
                                              {"type": "null"}]},
                 "interviewer_name": nullable_text, "interviewer_email": nullable_text,
                 "timeline": nullable_text, "decision_date": NULLABLE_DATE,
                 "return_on": NULLABLE_DATE})
    reply = obj({"interview_id": {"type": "integer"}, "company": {"type": "string"},
                 "position": {"type": "string"}, "interviewer_name": nullable_text,
                 "received_on": DATE, "last_follow_up": DATE})
    away = obj({"interview_id": {"type": "integer"}, "company": {"type": "string"},
                "interviewer_name": nullable_text, "return_on": DATE, "next": ref("NextAction"),
                "away_until": NULLABLE_DATE, "can_move": {"type": "boolean"},
                "move_to": DATE})
    either = lambda schema: {"anyOf": [schema, {"type": "null"}]}
    kinds = ["invitation", "confirmation", "thanks", "update", "rejection", "offer",
             "auto_reply", "received", "bulk", "own", "outreach", "none"]
    return {"/api/v1/messages/inspect": {"post": operation(
        "Read an opened message: an interview to track, their reply, or an automatic reply",
        body=object_schema(messages.FIELDS),
        response=obj({"kind": {"type": "string", "enum": kinds}, "track": {"type": "boolean"},
                      "already_tracked": {"type": ["integer", "null"]},
                      "interview": either(found), "reply": either(reply),
                      "away": either(away)},
                     ["kind", "track", "already_tracked", "interview", "reply", "away"]))},
        "/api/v1/messages/watch": {"get": operation(
            "Whom the user waits to hear from (addresses and company mail domains)",
            response=obj({"addresses": {"type": "array", "items": {"type": "string"}},
                          "domains": {"type": "array", "items": {"type": "string"}}},
                         ["addresses", "domains"]))},
        "/api/v1/messages/reply": {"post": operation(
            "Does a message from this sender on this day answer a follow-up? (no text)",
            body=object_schema(messages.REPLY_FIELDS),
            response=obj({"reply": either(reply)}, ["reply"]))}}


def undo_and_calendar_paths(interview: dict) -> dict:
    """Undo a delete or a follow-up recorded; follow-up windows as .ics text."""
    ics = obj({"filename": {"type": "string"}, "ics": {"type": "string"}}, ["filename", "ics"])
    restored = {"type": "object", "required": ["id", "company", "position", "interview_date"],
                "description": "The Interview as GET gave it before the delete."}
    return {
        "/api/v1/interviews/restore": {"post": operation(
            "Bring back a deleted interview under its old id", ok=201, params=[ON],
            body=restored, response=interview, errors=[409])},
        "/api/v1/interviews/{interview_id}/follow-ups/last": {"delete": operation(
            "Take back the follow-up recorded last", params=[ID, ON], response=interview,
            errors=[404, 409])},
        "/api/v1/calendar": {"get": operation(
            "Every follow-up still to send, as one iCalendar file", params=[ON],
            response=ics)},
        "/api/v1/interviews/{interview_id}/calendar": {"get": operation(
            "One interview's next follow-up window, as an iCalendar file", params=[ID, ON],
            response=ics, errors=[404, 409])},
    }


def draft_paths() -> dict:
    """Drafts, the checker and the user's templates (docs/templates.md)."""
    names = list(render.template_names())
    name = {"name": "name", "in": "path", "required": True,
            "schema": {"type": "string", "enum": names}}
    template = ref("Template")
    return {
        "/api/v1/drafts": {"post": operation(
            "Write the follow-up for an interview and check it", response=ref("Draft"),
            body=object_schema(drafts.fields()),
            errors=[404, 409])},
        "/api/v1/check": {"post": operation(
            "Check a draft against the advice", errors=[404],
            body=object_schema(checks.FIELDS),
            response=obj({"ok": {"type": "boolean"},
                          "findings": {"type": "array", "items": ref("Finding")}},
                         ["ok", "findings"]))},
        "/api/v1/templates": {"get": operation(
            "Every template: the user's where saved, else ours",
            response=obj({"templates": {"type": "array", "items": template}}, ["templates"]))},
        "/api/v1/templates/{name}": {
            "get": operation("One template", params=[name], response=template, errors=[404]),
            "put": operation("Save the user's version of a template", params=[name],
                             body=object_schema(inputs.TEMPLATE), response=template,
                             errors=[404]),
            "delete": operation("Go back to our template", ok=204, params=[name],
                                errors=[404])},
    }


def document() -> dict:
    """The whole document."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Follow-up Assistant", "version": __version__,
                 "description": "The local backend of Follow-up Assistant. Loopback only."},
        "servers": [{"url": "http://127.0.0.1:8642"}],
        "paths": paths(),
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{"token": []}],
    }
