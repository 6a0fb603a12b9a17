"""The OpenAPI document holds against the real routes: each route and status documented and real."""
import re

import pytest

from backend.openapi import document

PREFIX = "/api/v1"


def real_operations(app) -> set[tuple[str, str]]:
    operations = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(PREFIX):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
            operations |= {(path, method.lower()) for method in rule.methods
                           if method not in ("HEAD", "OPTIONS")}
    return operations


def documented_operations() -> set[tuple[str, str]]:
    return {(path, method) for path, item in document()["paths"].items() for method in item}


def test_every_route_is_documented_and_every_documented_route_is_real(app):
    assert real_operations(app) == documented_operations()


def test_every_operation_documents_its_errors_with_the_error_shape():
    for path, item in document()["paths"].items():
        for method, operation in item.items():
            codes = {int(code) for code in operation["responses"]}
            assert any(200 <= code < 300 for code in codes), (path, method)
            assert 403 in codes, (path, method)
            if operation.get("security") != []:
                assert 401 in codes, (path, method)
            for code in codes - set(range(200, 300)):
                schema = operation["responses"][str(code)]["content"]["application/json"]
                assert schema["schema"] == {"$ref": "#/components/schemas/Error"}


def generic_error(api, anonymous, path: str, method: str, code: int):
    """A request that must yield `code` on any operation that documents it."""
    url = path.replace("{interview_id}", "1")
    send = lambda client, **kw: client.request(method.upper(), url, **kw)
    body = {"json": {}} if method in ("post", "put", "patch") else {}
    return {
        401: lambda: send(anonymous, **body),
        403: lambda: send(api, headers={"Host": "evil.example:8642"}, **body),
        413: lambda: send(api, json={"x": "y" * 300_000}),
        415: lambda: send(api, data="a=b", content_type="application/x-www-form-urlencoded"),
        400: lambda: (send(api, json={"no_such_field": 1}) if body else
                      send(api, query_string={"on": "never"})),
    }[code]()


@pytest.mark.parametrize("code", [400, 401, 403, 413, 415])
def test_each_documented_generic_error_is_real(api, anonymous, add_interview, code):
    add_interview()
    for path, item in document()["paths"].items():
        for method, operation in item.items():
            if str(code) in operation["responses"]:
                response = generic_error(api, anonymous, path, method, code)
                assert response.status_code == code, (path, method, response.json)


def test_each_documented_404_and_409_is_real(api, add_interview):
    url = f"/api/v1/interviews/{add_interview()['id']}"
    for path, item in document()["paths"].items():
        for method, operation in item.items():
            if "404" in operation["responses"]:
                missing = path.replace("{interview_id}", "999")
                body = {"json": {}} if method != "get" and method != "delete" else {}
                assert api.request(method.upper(), missing, **body).status_code in (400, 404)
    api.post(url + "/close", json={"outcome": "withdrawn"})
    assert api.post(url + "/follow-ups", json={"sent_on": "2026-03-09"}).status_code == 409
    key = {"Idempotency-Key": "reused-key-0001"}
    api.post("/api/v1/applications", json={}, headers=key)
    assert api.post(url + "/reply", json={"received_on": "2026-03-09"},
                    headers=key).status_code == 409


PROBES = [None, "", " ", "Acme", "x" * 201, "x" * 5001, "2026-03-03", "2026-02-30", "03/03/2026",
          "a@b.example", "not an e-mail", "US", "us", "ZZ", "offer", "maybe", "due", 0, 1, 50,
          200, 201, -1, True, 1.5, [], {}, "line\nbreak"]


@pytest.mark.parametrize("spec_name", ["INTERVIEW", "INTERVIEW_EDITABLE", "INTERVIEW_FILTERS",
                                       "PROFILE", "APPLICATION", "TIMELINE_PREVIEW", "FOLLOW_UP",
                                       "REPLY", "CLOSE", "TEMPLATE"])
def test_the_document_never_forbids_a_value_the_validators_take(spec_name):
    """The schemas are generated from the specs: whatever `clean` accepts, the schema allows."""
    import jsonschema_rs  # schemathesis's validator

    from backend import inputs
    from backend.fields import clean
    from backend.problems import Invalid

    spec = getattr(inputs, spec_name)
    checked = 0
    for name, field in spec.items():
        validator = jsonschema_rs.validator_for(field.schema())
        for value in PROBES:
            try:
                clean({name: value}, {name: field}, partial=True)
            except Invalid:
                continue
            checked += 1
            assert validator.is_valid(value), (spec_name, name, value, field.schema())
    assert checked >= len(spec)


def test_every_body_the_document_describes_is_the_views_spec():
    from backend import inputs
    from backend.fields import object_schema

    paths, schemas = document()["paths"], document()["components"]["schemas"]
    body = lambda path, method: paths[path][method]["requestBody"]["content"][
        "application/json"]["schema"]
    assert schemas["NewInterview"] == object_schema(inputs.INTERVIEW)
    assert schemas["InterviewPatch"] == object_schema(inputs.INTERVIEW_EDITABLE, partial=True)
    assert body("/api/v1/interviews/{interview_id}/follow-ups", "post") == \
        object_schema(inputs.FOLLOW_UP)
    listed = {p["name"] for p in paths["/api/v1/interviews"]["get"]["parameters"]}
    assert listed == {"on", *inputs.INTERVIEW_FILTERS, *inputs.PAGE}
