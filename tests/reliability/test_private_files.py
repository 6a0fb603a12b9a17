"""The user's data is private: the data folder 0700, the database with its WAL files, backups
and exports 0600 on POSIX, whatever the umask, on a fresh install and after an old one starts."""
import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from backend import backup, config, create_app, data_commands, db
from backend.models import Interview

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """The most careless umask there is: every file created readable and writable by all."""
    previous = os.umask(0)
    yield
    os.umask(previous)


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.delenv("FOLLOWUP_DB", raising=False)
    return tmp_path / "share" / config.APP_NAME


def use_database(database: str) -> dict:
    """Start the app on it and write one interview; the modes of the WAL files meanwhile
    (SQLite removes them when the last connection closes)."""
    app = create_app({"DATABASE": database, "TOKEN": "t", "TESTING": True})
    with app.app_context(), db.database.connection_context():
        Interview.create(company="Acme", position="Engineer", interview_date=date(2026, 3, 2))
        return {suffix: mode(Path(database + suffix)) for suffix in ("-wal", "-shm")}


def test_a_fresh_install_keeps_everything_private_whatever_the_umask(
        data_home, open_umask, tmp_path):
    settings = config.load()
    assert Path(settings["DATABASE"]) == data_home / "followup.db"
    side_files = use_database(settings["DATABASE"])
    made = backup.back_up_daily(settings["DATABASE"], date(2026, 3, 2))
    export = tmp_path / "export.json"
    assert data_commands.export(settings, str(export)) == 0

    assert mode(data_home) == 0o700
    assert mode(data_home / "backups") == 0o700
    assert side_files == {"-wal": 0o600, "-shm": 0o600}
    for path in (data_home / "followup.db", made, export):
        assert path.exists(), path
        assert mode(path) == 0o600, f"{path.name}: {oct(mode(path))}"


def test_an_old_install_left_readable_is_made_private_at_start(data_home, open_umask):
    data_home.mkdir(parents=True, mode=0o755)
    os.chmod(data_home, 0o755)
    database = data_home / "followup.db"
    connection = sqlite3.connect(database)  # an install from before, as the umask made it,
    connection.execute("PRAGMA journal_mode=wal")  # its WAL files left open by a crash
    connection.execute("CREATE TABLE t (x)")
    connection.execute("INSERT INTO t VALUES (1)")
    connection.commit()
    (data_home / "backups").mkdir()
    old_backup = data_home / "backups" / "followup-2026-03-01.db"
    old_backup.write_bytes(database.read_bytes())
    side_files = [data_home / "followup.db-wal", data_home / "followup.db-shm"]
    for path in (data_home / "backups", old_backup, database, *side_files):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    os.chmod(data_home, 0o755)

    try:
        create_app(config.load({"TESTING": True}))  # the server starting up
        assert mode(data_home) == 0o700
        assert mode(data_home / "backups") == 0o700
        for path in (database, old_backup, *side_files):
            assert mode(path) == 0o600, f"{path.name}: {oct(mode(path))}"
    finally:
        connection.close()


def test_a_restored_backup_is_private_too(tmp_path, open_umask):
    database = tmp_path / "data" / "followup.db"
    use_database(str(database))
    made = backup.back_up_daily(str(database), date(2026, 3, 2))
    db.database.close()
    backup.restore(str(database), str(made))
    assert mode(database) == 0o600
