"""`make run` by hand: a second copy says it is already running and exits 0; a foreign program
on the port gets one clear line; neither makes a pairing code that voids an earlier one."""
import http.server
import threading

import pytest

from backend import __main__ as cli
from backend import security
from backend.db import database
from backend.models import PairingCode
from tests.live_backend import in_waitress

TOKEN = "main-token-0123456789"


def settings_env(monkeypatch, database_path: str, port: int) -> None:
    monkeypatch.setenv("FOLLOWUP_DB", database_path)
    monkeypatch.setenv("FOLLOWUP_PORT", str(port))
    monkeypatch.delenv("FOLLOWUP_TOKEN", raising=False)


@pytest.mark.parametrize("paired", [True, False])
def test_a_second_run_says_already_running_and_voids_no_code(
        tmp_path, monkeypatch, capsys, paired):
    path = str(tmp_path / "followup.db")
    with in_waitress(path, TOKEN) as (app, port):
        with app.app_context(), database.connection_context():
            code = security.new_pairing_code(600)
            if paired:
                security.new_token()
        settings_env(monkeypatch, path, port)
        assert cli.main([]) == 0
        out = capsys.readouterr().out
        with app.app_context(), database.connection_context():
            codes = PairingCode.select().count()
        client = app.test_client()
        answer = client.post("/api/v1/pair", json={"code": code},
                             base_url=f"http://127.0.0.1:{port}")
    state = "paired" if paired else "not paired yet (make pair for a code)"
    assert out == f"Follow-up Assistant is already running at http://127.0.0.1:{port}, {state}.\n"
    assert codes == 1
    assert answer.status_code == 200  # the code shown by the first run still works


class Foreign(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_foreign_program_on_the_port_gets_one_clear_line(tmp_path, monkeypatch, capsys):
    other = http.server.HTTPServer(("127.0.0.1", 0), Foreign)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        settings_env(monkeypatch, str(tmp_path / "followup.db"), other.server_port)
        assert cli.main([]) == 1
    finally:
        other.shutdown()
        other.server_close()
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and "Another program is using 127.0.0.1:" in lines[0]
    assert "Traceback" not in captured.err
