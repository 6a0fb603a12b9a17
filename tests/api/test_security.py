"""Access: loopback hosts, extension origins, JSON-only writes, tokens and pairing codes."""
import time
from pathlib import Path

import pytest

from backend.db import database
from backend.models import PairingCode, Token
from backend.security import new_pairing_code
from tests.conftest import ApiClient

EXTENSION = "chrome-extension://aholbjfnddmgpefgmajoflaecdadhlmn"


def new_code(app):
    with app.app_context(), database.connection_context():
        return new_pairing_code(app.config["PAIRING_TTL_SECONDS"])


def test_health_and_openapi_are_open(anonymous):
    assert anonymous.get("/api/v1/health").json["status"] == "ok"
    assert anonymous.get("/api/v1/openapi.json").json["openapi"].startswith("3.")


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer wrong-token", "Basic abc",
                                    "test-token-0123456789"])
def test_no_or_wrong_token_is_401(anonymous, header):
    headers = {"Authorization": header} if header else {}
    response = anonymous.get("/api/v1/interviews", headers=headers)
    assert response.status_code == 401 and response.json["error"]["code"] == "unauthorized"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8642", "127.0.0.1:9999",
                                  "127.0.0.1", "localhost.evil.example:8642"])
def test_a_foreign_host_is_403(api, host):
    response = api.get("/api/v1/health", headers={"Host": host})
    assert response.status_code == 403 and response.json["error"]["code"] == "forbidden_host"


def test_localhost_is_allowed(api):
    assert api.get("/api/v1/health", headers={"Host": "localhost:8642"}).status_code == 200


@pytest.mark.parametrize("origin", ["https://evil.example", "null", "http://127.0.0.1:9999",
                                    EXTENSION + ".evil.example", "chrome-extension://abc"])
def test_a_foreign_origin_is_403_even_with_a_token(api, origin):
    response = api.post("/api/v1/interviews", json={}, headers={"Origin": origin})
    assert response.status_code == 403 and response.json["error"]["code"] == "forbidden_origin"


@pytest.mark.parametrize("origin", [EXTENSION,
                                    "moz-extension://0f9e8d7c-6b5a-4321-8fed-cba987654321"])
def test_extension_origins_get_cors_for_their_origin_only(api, origin):
    preflight = api.request("OPTIONS", "/api/v1/interviews", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    assert preflight.headers["Access-Control-Allow-Origin"] == origin
    response = api.get("/api/v1/interviews", headers={"Origin": origin})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == origin


def test_a_form_post_is_415(api):
    response = api.post("/api/v1/interviews", data={"company": "Acme"})
    assert response.status_code == 415
    text = api.request("POST", "/api/v1/pair", data='{"code": "123456"}',
                       content_type="text/plain")
    assert text.status_code == 415


def test_pairing_gives_a_token_that_is_stored_hashed(app, anonymous):
    code = new_code(app)
    response = anonymous.post("/api/v1/pair", json={"code": code})
    assert response.status_code == 200
    token = response.json["token"]
    assert len(token) >= 32
    assert ApiClient(app, token).get("/api/v1/interviews").status_code == 200
    with database.connection_context():
        stored = [row.token_hash for row in Token.select()]
    assert token not in stored and len(stored) == 1
    assert token.encode() not in Path(app.config["DATABASE"]).read_bytes()


def test_a_pairing_code_works_once(app, anonymous):
    code = new_code(app)
    assert anonymous.post("/api/v1/pair", json={"code": code}).status_code == 200
    again = anonymous.post("/api/v1/pair", json={"code": code})
    assert again.status_code == 403 and again.json["error"]["field"] == "code"


def test_a_pairing_code_expires_after_ten_minutes(app, anonymous, monkeypatch):
    code = new_code(app)
    later = time.time() + 601
    monkeypatch.setattr(time, "time", lambda: later)
    response = anonymous.post("/api/v1/pair", json={"code": code})
    assert response.status_code == 403 and response.json["error"]["code"] == "no_pairing_code"


def test_five_wrong_tries_void_the_code(app, anonymous):
    code = new_code(app)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    answers = [anonymous.post("/api/v1/pair", json={"code": wrong}) for _ in range(5)]
    assert [a.json["error"]["code"] for a in answers] == ["wrong_pairing_code"] * 5
    assert "4 tries left" in answers[0].json["error"]["message"]
    locked = anonymous.post("/api/v1/pair", json={"code": code})
    assert locked.status_code == 403 and locked.json["error"]["code"] == "no_pairing_code"


def test_a_new_code_leaves_the_one_shown_earlier_working(app, anonymous):
    old = new_code(app)
    new = new_code(app)
    assert anonymous.post("/api/v1/pair", json={"code": old}).status_code == 200
    assert anonymous.post("/api/v1/pair", json={"code": new}).status_code == 200


def test_at_most_three_codes_are_valid_at_once(app, anonymous):
    codes = [new_code(app) for _ in range(4)]
    oldest = anonymous.post("/api/v1/pair", json={"code": codes[0]})
    assert oldest.status_code == 403 or codes[0] in codes[1:]
    for code in codes[1:]:
        assert anonymous.post("/api/v1/pair", json={"code": code}).status_code == 200


def test_wrong_tries_count_against_every_code_at_once(app, anonymous):
    codes = {new_code(app) for _ in range(3)}
    wrong = next(f"{n:06d}" for n in range(10**6) if f"{n:06d}" not in codes)
    for _ in range(5):
        assert anonymous.post("/api/v1/pair", json={"code": wrong}).status_code == 403
    for code in codes:
        locked = anonymous.post("/api/v1/pair", json={"code": code})
        assert locked.json["error"]["code"] == "no_pairing_code"


@pytest.mark.parametrize("code", ["12345", "abcdef", "1234567", 123456, ""])
def test_a_malformed_code_is_400(anonymous, code):
    response = anonymous.post("/api/v1/pair", json={"code": code})
    assert response.status_code == 400 and response.json["error"]["field"] == "code"


def test_pairing_codes_are_stored_hashed(app):
    code = new_code(app)
    with database.connection_context():
        assert [row.code_hash for row in PairingCode.select()] != [code]
