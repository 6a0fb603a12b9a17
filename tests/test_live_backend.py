"""The one live-backend helper: it starts the real server apart from the test process, says
plainly when it cannot, and stops it so the port is free again."""
import signal
import socket

import pytest

from backend import db
from tests import live_backend


def test_a_started_backend_answers_with_its_token_and_stops_cleanly(tmp_path):
    bound_before = db.database.database
    live = live_backend.start(tmp_path / "data", token="a-token-for-this-test")
    try:
        assert live.database == tmp_path / "data" / "followup.db" and live.database.exists()
        created = live.api("POST", "/api/v1/interviews", json={
            "company": "Acme", "position": "PM", "interview_date": "2026-03-02"})
        assert created.status == 201, created.json
        live.token = "not-the-token"
        assert live.api("GET", "/api/v1/interviews").status == 401
    finally:
        code = live.stop()
    assert code == 0, live.log.read_text()  # Ctrl+C: waitress closed, the process exited
    assert not live_backend.listening(live.port)
    assert db.database.database == bound_before  # nothing in this process was re-bound


def test_ctrl_c_stops_a_backend_whose_parent_ignored_it(tmp_path):
    # A script's background job inherits SIGINT ignored; the server must still stop on it.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        live = live_backend.start(tmp_path / "data")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert live.stop() == 0, live.log.read_text()
    assert not live_backend.listening(live.port)


def test_a_backend_that_cannot_start_says_why(tmp_path):
    with socket.socket() as taken:  # a foreign program on the port
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(AssertionError, match="exited with 1") as failed:
            live_backend.start(tmp_path, port=port, timeout=60)
    assert "Another program is using" in str(failed.value)  # the server's own words, from its log


def test_the_users_own_settings_do_not_reach_a_test_backend(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_COUNTRY", "DE")
    monkeypatch.setenv("FOLLOWUP_DB", "/somewhere/real.db")
    env = live_backend.backend_env(tmp_path / "t.db", 1234, token=None)
    assert env["FOLLOWUP_DB"] == str(tmp_path / "t.db") and "FOLLOWUP_COUNTRY" not in env
    assert "FOLLOWUP_TOKEN" not in env
