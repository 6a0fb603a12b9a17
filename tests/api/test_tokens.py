"""Unpair revokes the calling token at once; `followup-assistant tokens` lists and revokes;
"last used" is kept without a write on every request."""
from datetime import timedelta

from backend import __main__ as cli
from backend import config, security
from backend.db import database
from backend.models import Token, now

from ..conftest import ApiClient


def paired_client(app, anonymous) -> ApiClient:
    with app.app_context(), database.connection_context():
        code = security.new_pairing_code(600)
    token = anonymous.post("/api/v1/pair", json={"code": code}).json["token"]
    return ApiClient(app, token=token)


def test_unpair_revokes_the_calling_token_and_it_gets_401_at_once(app, anonymous):
    browser, other = paired_client(app, anonymous), paired_client(app, anonymous)
    assert browser.get("/api/v1/profile").status_code == 200
    assert browser.delete("/api/v1/pair").status_code == 204
    refused = browser.get("/api/v1/profile")
    assert refused.status_code == 401 and refused.json["error"]["code"] == "unauthorized"
    assert browser.delete("/api/v1/pair").status_code == 401
    assert other.get("/api/v1/profile").status_code == 200  # only the caller's token went


def test_unpair_without_a_token_is_401_and_the_configured_token_cannot_be_revoked(
        anonymous, api):
    assert anonymous.delete("/api/v1/pair").status_code == 401
    fixed = api.delete("/api/v1/pair")
    assert fixed.status_code == 409 and "FOLLOWUP_TOKEN" in fixed.json["error"]["message"]


def test_last_used_is_written_at_most_once_a_minute(app, anonymous):
    browser = paired_client(app, anonymous)
    with app.app_context(), database.connection_context():
        assert Token.get().last_used_at is None
    browser.get("/api/v1/profile")
    with app.app_context(), database.connection_context():
        first = Token.get().last_used_at
        assert first is not None
    browser.get("/api/v1/profile")
    with app.app_context(), database.connection_context():
        assert Token.get().last_used_at == first  # no second write within the minute
        Token.update(last_used_at=now() - timedelta(minutes=2)).execute()
    browser.get("/api/v1/profile")
    with app.app_context(), database.connection_context():
        assert Token.get().last_used_at > first


def test_the_tokens_command_lists_paired_browsers_and_revokes_one(
        app, anonymous, monkeypatch, capsys):
    first, second = paired_client(app, anonymous), paired_client(app, anonymous)
    first.get("/api/v1/profile")
    monkeypatch.setenv("FOLLOWUP_DB", app.config["DATABASE"])
    assert cli.main(["tokens"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].split() == ["number", "paired", "on", "last", "used"]
    rows = [line.split() for line in listed[1:3]]
    assert [row[0] for row in rows] == ["1", "2"]
    assert rows[0][-1] != "never" and rows[1][-1] == "never"
    assert cli.main(["tokens", "--revoke", "1"]) == 0
    assert "Revoked 1" in capsys.readouterr().out
    assert first.get("/api/v1/profile").status_code == 401
    assert second.get("/api/v1/profile").status_code == 200
    assert cli.main(["tokens", "--revoke", "1"]) == 1
    assert "No paired browser number 1" in capsys.readouterr().err
    assert config.load()["DATABASE"] == app.config["DATABASE"]
