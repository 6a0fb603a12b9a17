"""Every text field of every route fed the Big List of Naughty Strings and our additions.

Each answer is a 4xx whose message names what is wrong, or the value is stored and read back
exactly as sent; never a 5xx. (A value that is only blank space, sent to an optional field,
means "not given" and reads back as null, as the API documents.)
"""
import collections
import json
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest

from backend import create_app
from backend.render import template_names
from tests.conftest import TOKEN, ApiClient
from tests.reliability.data.make_naughty_strings import OURS as ADDITIONS

CATALOGUE = json.loads((Path(__file__).parent / "data" / "naughty_strings.json").read_text())
# `make test` feeds every field a fixed quarter of the catalogue and every one of our additions
# (the RTL marks, lone surrogates, NUL, emoji and long values); bench/bench_hostile.py runs this
# file with FOLLOWUP_HOSTILE=all for the whole catalogue in every field.
ALL = os.environ.get("FOLLOWUP_HOSTILE") == "all"
STRINGS = CATALOGUE["strings"] if ALL else list(dict.fromkeys(
    CATALOGUE["strings"][::4] + [s for s in CATALOGUE["strings"] if s in ADDITIONS]))
TALLY = collections.Counter()
GOOD = {"company": "Acme", "position": "Analyst", "interview_date": "2026-03-03"}
INTERVIEW_TEXT = ("company", "position", "interviewer_name", "interviewer_email", "timeline",
                  "notes", "country", "interview_date", "decision_date")


class Tallied(ApiClient):
    """Counts every answer by kind, for the figures bench/bench_hostile.py prints."""

    def request(self, *args, **kwargs):
        response = super().request(*args, **kwargs)
        TALLY["requests"] += 1
        TALLY["5xx" if response.status_code >= 500 else
              "4xx" if response.status_code >= 400 else "2xx"] += 1
        return response


@pytest.fixture
def app(tmp_path_factory):
    # In RAM: what this file measures is validation, not the disk (tens of thousands of writes).
    folder = Path(tempfile.mkdtemp(dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
    yield create_app({"DATABASE": str(folder / "hostile.db"), "TOKEN": TOKEN, "TESTING": True})
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def api(app):
    return Tallied(app)


@pytest.fixture
def anonymous(app):
    return Tallied(app, token=None)


@pytest.fixture(scope="module", autouse=True)
def report():
    yield
    if os.environ.get("FOLLOWUP_HOSTILE_REPORT"):
        Path(os.environ["FOLLOWUP_HOSTILE_REPORT"]).write_text(json.dumps(
            {**TALLY, "strings": len(STRINGS)}))


def test_the_catalogue_is_big_and_hostile():
    assert len(CATALOGUE["strings"]) >= 500
    assert len(set(CATALOGUE["strings"])) == len(CATALOGUE["strings"])
    for needle in ("\u202e", "\ud800", "\x00", "\u200d", "x" * 10_000,
                   "👨‍👩‍👧‍👦"):
        assert any(needle in s for s in STRINGS), repr(needle)


def refused_clearly(response, field: str | None) -> bool:
    """A 4xx in the one error shape, with a message, naming the field when one is at fault."""
    if not 400 <= response.status_code < 500:
        return False
    error = response.json["error"]
    return bool(error["message"].strip()) and (field is None or error.get("field") == field)


def blank(value: str) -> bool:
    return not value.strip()


def as_query(value: str) -> str:
    """Percent-encode anything, lone surrogates too (as the bytes a careless client sends)."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def test_interview_fields_on_create_then_read_back(api):
    stored, outcomes = [], {"refused": 0, "stored": 0}
    for field in INTERVIEW_TEXT:
        for value in STRINGS:
            response = api.post("/api/v1/interviews", json={**GOOD, field: value})
            assert response.status_code < 500, (field, value)
            if response.status_code == 201:
                stored.append((response.json["id"], field, value))
                outcomes["stored"] += 1
            else:
                assert refused_clearly(response, field), (field, value, response.json)
                outcomes["refused"] += 1
    listed, page = {}, {"next": ""}
    while page["next"] is not None:  # every page of the list
        page = api.get("/api/v1/interviews?limit=200"
                       + (f"&cursor={page['next']}" if page["next"] else "")).json
        listed.update((i["id"], i) for i in page["interviews"])
    for interview_id, field, value in stored:
        shown = listed[interview_id][field]
        expected = value.upper() if field == "country" else value
        assert shown == (None if blank(value) else expected), (field, value, shown)
    assert outcomes["stored"] > 1000 and outcomes["refused"] > 1000


def test_interview_fields_on_change_then_read_back(api, add_interview):
    url = f"/api/v1/interviews/{add_interview()['id']}"
    for field in (*INTERVIEW_TEXT, "reply_on", "outcome"):
        for value in STRINGS:
            response = api.patch(url, json={field: value})
            assert response.status_code < 500, (field, value)
            if response.status_code == 200:
                shown = api.get(url).json[field]
                expected = value.upper() if field == "country" else value
                assert shown == (None if blank(value) and field not in ("company", "position")
                                 else expected), (field, value)
            else:
                assert refused_clearly(response, field), (field, value, response.json)


def test_record_routes_refuse_every_hostile_date_and_outcome(api, add_interview):
    url = f"/api/v1/interviews/{add_interview()['id']}"
    for route, field in (("follow-ups", "sent_on"), ("reply", "received_on"),
                         ("close", "outcome")):
        for value in STRINGS:
            response = api.post(f"{url}/{route}", json={field: value})
            assert refused_clearly(response, field), (route, value, response.json)
    assert api.get(url).json["follow_ups"] == []


def test_query_parameters(api, add_interview):
    add_interview(interviewer_email="dana@example.com")
    for path, names in (("/api/v1/interviews", ("on", "email", "state", "q")),
                        ("/api/v1/due", ("on",)), ("/api/v1/applications", ("on",)),
                        ("/api/v1/interviews/1", ("on",))):
        for name in names:
            for value in STRINGS:
                response = api.get(f"{path}?{name}={as_query(value)}")
                assert response.status_code == 200 or refused_clearly(response, name), \
                    (path, name, value, response.json)


def test_profile_fields_stored_and_read_back(api):
    for field in ("name", "signature", "country"):
        for value in STRINGS:
            response = api.put("/api/v1/profile", json={field: value})
            assert response.status_code < 500, (field, value)
            if response.status_code != 200:
                assert refused_clearly(response, field), (field, value, response.json)
                continue
            shown = api.get("/api/v1/profile").json[field]
            if field == "country":
                assert shown == value.upper(), value
            else:
                assert shown == (None if blank(value) else value), (field, value)


def test_applications_and_timeline_preview(api):
    for value in STRINGS:
        response = api.post("/api/v1/applications", json={"applied_on": "2026-03-04",
                                                          "company": value})
        if response.status_code == 201:
            assert response.json["company"] == (None if blank(value) else value)
        else:
            assert refused_clearly(response, "company"), (value, response.json)
        response = api.post("/api/v1/applications", json={"applied_on": value})
        assert refused_clearly(response, "applied_on"), (value, response.json)
        for field in ("timeline", "country", "interview_date"):
            body = {"interview_date": "2026-03-03", field: value}
            response = api.post("/api/v1/timeline/preview", json=body)
            assert response.status_code == 200 or refused_clearly(response, field), \
                (field, value, response.json)
    week = api.get("/api/v1/applications?on=2026-03-04").json["applications"]
    assert {a["company"] for a in week} <= {None, *STRINGS}


def test_pairing_code(anonymous):
    for value in STRINGS:
        response = anonymous.post("/api/v1/pair", json={"code": value})
        assert refused_clearly(response, "code"), (value, response.json)


def test_check_finds_offsets_that_match_the_text(api, add_interview):
    interview_id = add_interview()["id"]
    for value in STRINGS:
        body = f"Hi Dana,\n\n{value}\n\nI must hear back by Friday or I will move on.\n"
        for asked in ({"body": value}, {"body": body, "subject": value},
                      {"body": body, "interview_id": interview_id, "on": "2026-03-09"}):
            response = api.post("/api/v1/check", json=asked)
            if response.status_code != 200:
                assert refused_clearly(response, None), (asked, response.json)
                assert response.json["error"]["field"] in ("subject", "body"), asked
                continue
            for finding in response.json["findings"]:
                start, end = finding["start"], finding["end"]
                assert asked["body"][start:end] == finding["match"], (value, finding)


def test_drafts_for_interviews_full_of_hostile_text(api):
    drafted, created_count = 0, 0
    for value in STRINGS:
        fields = {**GOOD}
        for field in ("company", "position", "interviewer_name", "timeline", "notes"):
            probe = api.post("/api/v1/timeline/preview", json={
                "interview_date": "2026-03-03", "timeline": value}) if field == "timeline" \
                else None
            fields[field] = value if probe is None or probe.status_code == 200 else None
        created = api.post("/api/v1/interviews", json=fields)
        if created.status_code != 201:
            continue
        created_count += 1
        for asked in ({}, {"template": "thank_you"}, {"template": value}, {"variant": value},
                      {"on": value}):
            response = api.post("/api/v1/drafts", json={"interview_id": created.json["id"],
                                                        "on": "2026-03-10", **asked})
            assert response.status_code < 500, (value, asked)
            if response.status_code == 200:
                drafted += 1
            else:
                # Only the hostile template, style or day may be refused: ours always draft.
                assert value in asked.values(), (value, asked, response.json)
                assert response.json["error"]["message"], (value, asked)
    assert created_count > len(STRINGS) / 2 and drafted >= 2 * created_count


@pytest.mark.parametrize("part", ["subject", "body"])
def test_user_templates(api, part):
    name = template_names()[0]
    other = {"subject": "Following up", "body": "Hi,\n\nThank you.\n"}
    for value in STRINGS:
        response = api.put(f"/api/v1/templates/{name}", json={**other, part: value})
        assert response.status_code < 500, value
        if response.status_code == 200:
            assert api.get(f"/api/v1/templates/{name}").json[part] == value
        else:
            assert refused_clearly(response, part), (value, response.json)
        response = api.get(f"/api/v1/templates/{as_query(value)}")
        assert response.status_code == 404 or (value in template_names()), value
