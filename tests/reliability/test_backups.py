"""Daily backups (VACUUM INTO backups/, seven kept) and a tested way back from one."""
import socket
import sqlite3
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from backend import backup, create_app
from backend.__main__ import main
from tests import live_backend
from tests.conftest import TOKEN, ApiClient
from tests.live_backend import free_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app(tmp_path):
    return create_app({"DATABASE": str(tmp_path / "followup.db"), "TOKEN": TOKEN,
                       "TESTING": True})


def add(app, company: str) -> int:
    response = ApiClient(app).post("/api/v1/interviews", json={
        "company": company, "position": "PM", "interview_date": "2026-03-03"})
    assert response.status_code == 201
    return response.json["id"]


def companies(path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("SELECT company FROM interview ORDER BY id")]


def test_one_backup_a_day_and_the_last_seven_kept(app):
    database = app.config["DATABASE"]
    add(app, "Acme")
    first = date(2026, 3, 1)
    made = backup.back_up_daily(database, first)
    assert made == Path(database).parent / "backups" / "followup-2026-03-01.db"
    assert backup.back_up_daily(database, first) is None  # at most once a day
    for n in range(1, 10):
        assert backup.back_up_daily(database, first + timedelta(days=n)) is not None
    kept = [path.name for path in backup.daily_backups(database)]
    assert kept == [f"followup-2026-03-{day:02d}.db" for day in range(4, 11)]
    assert companies(made.parent / kept[-1]) == ["Acme"]


def test_a_backup_taken_during_writes_is_whole_and_consistent(app):
    database = app.config["DATABASE"]
    stop = threading.Event()

    def write():
        while not stop.is_set():
            add(app, "Busy")

    writer = threading.Thread(target=write)
    writer.start()
    try:
        time.sleep(0.2)
        made = backup.back_up_daily(database, date(2026, 3, 2))
    finally:
        stop.set()
        writer.join()
    with sqlite3.connect(made) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = connection.execute("SELECT count(*) FROM interview").fetchone()[0]
    assert 0 < count <= len(companies(database))
    assert not list(made.parent.glob("*.partial")) and not Path(f"{made}-wal").exists()


def test_a_copy_cut_short_is_never_taken_for_a_backup(app):
    database = app.config["DATABASE"]
    folder = backup.folder(database)
    folder.mkdir()
    (folder / "followup-2026-03-03.db.partial").write_bytes(b"half a file")
    assert backup.daily_backups(database) == []
    assert backup.back_up_daily(database, date(2026, 3, 3)) is not None
    assert [p.name for p in folder.iterdir()] == ["followup-2026-03-03.db"]


def test_restore_brings_back_the_day_of_the_backup(app, tmp_path, monkeypatch, capsys):
    database = app.config["DATABASE"]
    add(app, "Kept")
    made = backup.back_up_daily(database, date(2026, 3, 4))
    add(app, "Written after the backup")
    monkeypatch.setenv("FOLLOWUP_DB", database)
    monkeypatch.setenv("FOLLOWUP_PORT", str(free_port()))
    assert main(["restore", str(made)]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "kept as" in out
    assert companies(database) == ["Kept"]
    replaced = next(tmp_path.glob("followup.db.before-restore-*"))
    assert companies(replaced) == ["Kept", "Written after the backup"]
    fresh = create_app({"DATABASE": database, "TOKEN": TOKEN, "TESTING": True, "PORT": 8642})
    listed = ApiClient(fresh).get("/api/v1/interviews")
    assert listed.status_code == 200, listed.json
    assert [i["company"] for i in listed.json[
        "interviews"]] == ["Kept"]


def test_restore_refuses_what_is_not_a_backup(app, tmp_path, monkeypatch, capsys):
    database = app.config["DATABASE"]
    add(app, "Safe")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    monkeypatch.setenv("FOLLOWUP_DB", database)
    monkeypatch.setenv("FOLLOWUP_PORT", str(free_port()))
    for path in (junk, tmp_path / "missing.db"):
        assert main(["restore", str(path)]) == 1
        assert "Nothing was restored" in capsys.readouterr().err
    assert main(["restore"]) == 1 and "Name the backup" in capsys.readouterr().err
    assert companies(database) == ["Safe"]


def test_restore_refuses_while_the_server_runs(app, monkeypatch, capsys):
    made = backup.back_up_daily(app.config["DATABASE"], date(2026, 3, 5))
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        monkeypatch.setenv("FOLLOWUP_DB", app.config["DATABASE"])
        monkeypatch.setenv("FOLLOWUP_PORT", str(listening.getsockname()[1]))
        assert main(["restore", str(made)]) == 1
    assert "stop it" in capsys.readouterr().err


def test_the_server_backs_up_at_start(tmp_path):
    server = live_backend.start(tmp_path, token=TOKEN)
    try:
        expected = tmp_path / "backups" / f"followup-{date.today().isoformat()}.db"
        deadline = time.monotonic() + 20
        while not expected.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert expected.exists()
    finally:
        server.stop()
