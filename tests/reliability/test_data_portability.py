"""The user's data: export and import round-trip every field, all or nothing, versioned."""
import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from backend import config, portability
from backend.__main__ import main
from tests.conftest import TOKEN, ApiClient
from tests.live_backend import free_port

ROOT = Path(__file__).resolve().parents[2]
# Tables that hold what the user entered, with every column: the round trip must keep each.
USER_TABLES = ("interview", "follow_up", "profile", "application", "user_template")
TEMPLATE_BODY = ("Hi {{ interviewer_first_name | default('there') }},\n\nThank you again for "
                 "the {{ position }} interview. Is there anything else I can send?\n\n"
                 "{{ signature }}\n")


class Checked(ApiClient):
    """Every request in fill() must succeed."""

    def request(self, *args, **kwargs):
        response = super().request(*args, **kwargs)
        assert response.status_code < 300, response.json
        return response


def fill(app) -> None:
    """A database with every field of every table set, through the API as the user would."""
    api = Checked(app)
    full = api.post("/api/v1/interviews", json={
        "company": "Ærøskøbing Værft — “Ship & Co” 株式会社",
        "position": "Lead 🧑‍💻 Engineer",
        "interview_date": "2026-03-03", "interviewer_name": "Dr. Zoë O'Brien-Łukasz",
        "interviewer_email": "zoe@example.com", "timeline": "within 10 business days",
        "decision_date": "2026-03-20", "country": "GB",
        "notes": "value: I rebuilt their ETL.\narticle: https://example.com/a?b=1&c=2\n"
                 "\tTabbed\r\n"
                 "RTL \u202eevil\u202c and ZWJ 👨‍👩‍👧‍👦"}).json
    api.post(f"/api/v1/interviews/{full['id']}/follow-ups", json={"sent_on": "2026-03-23"})
    api.post(f"/api/v1/interviews/{full['id']}/follow-ups", json={"sent_on": "2026-03-30"})
    parsed = api.post("/api/v1/interviews", json={
        "company": "Globex", "position": "Analyst", "interview_date": "2026-04-01",
        "timeline": "in two weeks", "country": "DE"}).json
    api.post(f"/api/v1/interviews/{parsed['id']}/reply", json={"received_on": "2026-04-10"})
    closed = api.post("/api/v1/interviews", json={
        "company": "Initech", "position": "PM", "interview_date": "2026-02-02",
        "timeline": "we'll be in touch"}).json
    api.post(f"/api/v1/interviews/{closed['id']}/close", json={"outcome": "rejected"})
    gone = api.post("/api/v1/interviews", json={"company": "Gone", "position": "X",
                                                "interview_date": "2026-01-05"}).json
    api.delete(f"/api/v1/interviews/{gone['id']}")  # ids keep their gap
    api.post("/api/v1/interviews", json={"company": "Bare", "position": "Y",
                                         "interview_date": "2026-05-05"})
    assert api.put("/api/v1/profile", json={
        "name": "Sam Lee", "signature": "Best,\nSam Lee\n+1 555 0100", "country": "US",
        "weekly_goal": 7}).status_code == 200
    api.post("/api/v1/applications", json={"applied_on": "2026-03-04", "company": "Hooli"})
    api.post("/api/v1/applications", json={"applied_on": "2026-03-05"})
    saved = api.put("/api/v1/templates/first_follow_up", json={
        "subject": "Following up on the {{ position }} role", "body": TEMPLATE_BODY})
    assert saved.status_code == 200, saved.json


def rows(path: str) -> dict:
    with sqlite3.connect(path) as connection:
        return {table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                for table in USER_TABLES}


def export(app) -> dict:
    with portability.opened(app.config):
        return portability.export_data()


def import_(app, data, replace=False) -> dict:
    with portability.opened(app.config):
        return portability.import_data(data, replace=replace)


@pytest.fixture
def full_app(make_app):
    app = make_app("full.db")
    fill(app)
    return app


@pytest.fixture
def make_app(tmp_path):
    from backend import create_app

    return lambda name: create_app({"DATABASE": str(tmp_path / name), "TOKEN": TOKEN,
                                    "TESTING": True})


def test_the_export_holds_every_table_and_no_secret(full_app):
    data = export(full_app)
    assert data["format_version"] == portability.FORMAT_VERSION
    assert len(data["interviews"]) == 4 and len(data["applications"]) == 2
    assert [t["name"] for t in data["templates"]] == ["first_follow_up"]
    assert data["profile"]["signature"] == "Best,\nSam Lee\n+1 555 0100"
    assert "token" not in json.dumps(data).lower()
    first = data["interviews"][0]
    assert [f["sent_on"] for f in first["follow_ups"]] == ["2026-03-23", "2026-03-30"]
    assert first["decision_source"] == "given" and first["created_at"]


def test_a_round_trip_keeps_every_column_of_every_row(full_app, make_app):
    data = json.loads(json.dumps(export(full_app), ensure_ascii=False))  # as through a file
    fresh = make_app("fresh.db")
    assert import_(fresh, data) == {"interviews": 4, "applications": 2, "templates": 1}
    assert rows(fresh.config["DATABASE"]) == rows(full_app.config["DATABASE"])
    again = export(fresh)
    assert {**again, "exported_at": None} == {**data, "exported_at": None}
    api = ApiClient(fresh)
    assert api.get("/api/v1/interviews?on=2026-04-02").json == \
        ApiClient(full_app).get("/api/v1/interviews?on=2026-04-02").json


def test_a_bad_record_anywhere_imports_nothing(full_app, make_app):
    data = export(full_app)
    data["templates"][0]["body"] = "{{ ''.__class__.__mro__ }}"
    target = make_app("target.db")
    with pytest.raises(portability.ImportRefused, match=r"templates\[0\]"):
        import_(target, data)
    assert all(not table for table in rows(target.config["DATABASE"]).values())


@pytest.mark.parametrize("change, words", [
    (lambda d: d["interviews"][2].update(company=""),
     r"interviews\[2\]\.company: must not be empty"),
    (lambda d: d["interviews"][0].update(notes="x" * 5001),
     r"interviews\[0\]\.notes: is too long"),
    (lambda d: d["interviews"][1].update(interviewer_email="nope"), "not an e-mail address"),
    (lambda d: d["interviews"][0]["follow_ups"].append({"sent_on": "2026-04-06"}),
     "at most 2"),
    (lambda d: d["interviews"][0]["follow_ups"][0].update(sent_on="2026-02-30"),
     r"follow_ups\[0\]\.sent_on: 2026-02-30 is not a real date"),
    (lambda d: d["interviews"][3].update(id=d["interviews"][0]["id"]), "appears twice"),
    (lambda d: d["interviews"][0].update(nickname="Z"), "unknown field"),
    (lambda d: d["interviews"][0].update(reply_on="2020-01-01"), "before the interview"),
    (lambda d: d["profile"].update(weekly_goal=0), r"profile\.weekly_goal"),
    (lambda d: d["applications"][1].update(applied_on=None), r"applications\[1\]\.applied_on"),
    (lambda d: d["interviews"][0].update(created_at="yesterday"), "created_at"),
    (lambda d: d["interviews"][0].update(company="A\u0000B"), "control character"),
])
def test_every_field_is_checked_like_the_api_checks_it(full_app, make_app, change, words):
    data = export(full_app)
    change(data)
    target = make_app("target.db")
    with pytest.raises(portability.ImportRefused, match=words):
        import_(target, data)
    assert all(not table for table in rows(target.config["DATABASE"]).values())


@pytest.mark.parametrize("version", [2, 0, "1", None])
def test_an_unknown_format_version_is_refused_clearly(full_app, make_app, version):
    data = {**export(full_app), "format_version": version}
    with pytest.raises(portability.ImportRefused, match="format_version|not a Follow-up"):
        import_(make_app("target.db"), data)


def test_import_does_not_mix_with_data_already_there(full_app):
    before = rows(full_app.config["DATABASE"])
    data = export(full_app)
    with pytest.raises(portability.ImportRefused, match="--replace"):
        import_(full_app, data)
    data["interviews"] = data["interviews"][:1]
    data["interviews"][0]["company"] = "Replaced"
    assert import_(full_app, data, replace=True)["interviews"] == 1
    after = rows(full_app.config["DATABASE"])
    assert [row[1] for row in after["interview"]] == ["Replaced"] and after != before


def test_a_failed_replace_keeps_what_was_there(full_app):
    before = rows(full_app.config["DATABASE"])
    data = export(full_app)
    data["applications"][0]["applied_on"] = "soon"
    with pytest.raises(portability.ImportRefused):
        import_(full_app, data, replace=True)
    assert rows(full_app.config["DATABASE"]) == before


def run_cli(*args, db: str):
    env = {**os.environ, "FOLLOWUP_DB": db, "FOLLOWUP_PORT": str(free_port())}
    return subprocess.run([sys.executable, "-m", "backend", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_import_refuses_while_the_server_runs(full_app, tmp_path, monkeypatch, capsys):
    file = tmp_path / "data.json"
    file.write_text(json.dumps(export(full_app)))
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / "empty.db"))
        monkeypatch.setenv("FOLLOWUP_PORT", str(listening.getsockname()[1]))
        assert main(["import", str(file)]) == 1
    assert "stop it" in capsys.readouterr().err
    assert not (tmp_path / "empty.db").exists()


def test_the_commands_export_and_import_from_a_terminal(full_app, tmp_path):
    file = tmp_path / "my data.json"
    done = run_cli("export", str(file), db=full_app.config["DATABASE"])
    assert done.returncode == 0 and "Exported 4 interviews" in done.stdout
    to_screen = run_cli("export", db=full_app.config["DATABASE"])
    assert json.loads(to_screen.stdout)["interviews"] == json.loads(file.read_text())["interviews"]
    target = str(tmp_path / "new.db")
    done = run_cli("import", str(file), db=target)
    assert done.returncode == 0 and "Imported 4 interviews" in done.stdout, done.stderr
    assert rows(target) == rows(full_app.config["DATABASE"])
    again = run_cli("import", str(file), db=target)
    assert again.returncode == 1 and "Nothing was imported" in again.stderr
    replaced = run_cli("import", str(file), "--replace", db=target)
    assert replaced.returncode == 0 and "kept in" in replaced.stdout
    assert list((tmp_path / "backups").glob("before-import-*.db"))


@pytest.mark.parametrize("content, words", [
    ("{not json", "is not a JSON export"), ('{"format_version": 99, "kind": '
                                            '"followup-assistant-export"}', "format version 1"),
    ("[]", "not a Follow-up Assistant export")])
def test_a_bad_file_is_refused_with_a_message(tmp_path, capsys, monkeypatch, content, words):
    file = tmp_path / "bad.json"
    file.write_text(content)
    monkeypatch.setenv("FOLLOWUP_DB", str(tmp_path / "db.db"))
    monkeypatch.setenv("FOLLOWUP_PORT", str(free_port()))  # not a server someone runs
    assert main(["import", str(file)]) == 1
    assert words in capsys.readouterr().err
    assert main(["import", str(tmp_path / "missing.json")]) == 1
    assert "Cannot read" in capsys.readouterr().err


def test_an_export_of_a_first_version_database_migrates_and_imports(tmp_path, make_app):
    from tests.test_db import make_v1_database

    old = tmp_path / "old.db"
    make_v1_database(old)
    settings = config.load({"DATABASE": str(old)})
    with portability.opened(settings):
        data = portability.export_data()
    assert data["interviews"][0]["company"] == "Acme"
    fresh = make_app("fresh.db")
    import_(fresh, data)
    assert ApiClient(fresh).get("/api/v1/interviews/1").json["decision_date"] == "2026-03-06"
