"""Daily backups beside the database (backups/, the last seven kept) and restoring one."""
import logging
import os
import shutil
import sqlite3
import threading
import time
from contextlib import closing
from datetime import date
from pathlib import Path

from .db import SCHEMA_VERSION
from .private import private_file, private_folder

KEEP = 7                  # a week of days to go back to
CHECK_EVERY_SECONDS = 3600  # a server left running makes the next day's backup within the hour
log = logging.getLogger(__name__)


def folder(database: str) -> Path:
    return Path(database).resolve().parent / "backups"


def daily_name(database: str, day: date) -> str:
    return f"{Path(database).stem}-{day.isoformat()}.db"


def daily_backups(database: str) -> list[Path]:
    """The daily backups of `database`, oldest first (ISO dates sort by name)."""
    stem = Path(database).stem
    found = folder(database).glob(f"{stem}-[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].db")
    return sorted(found)


def copy_into(database: str, target: Path) -> Path:
    """A consistent copy of the live database, written whole or not at all."""
    private_folder(target.parent)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)  # left by a copy that was killed midway
    with closing(sqlite3.connect(database, timeout=30)) as connection:
        # VACUUM INTO reads one snapshot while the server keeps writing (WAL), and writes a
        # compact file with no -wal beside it: a single file to keep or to copy back.
        connection.execute("VACUUM INTO ?", (str(partial),))
    private_file(partial)  # SQLite creates it as the umask allows; the folder is 0700 meanwhile
    os.replace(partial, target)
    return target


def back_up_daily(database: str, today: date) -> Path | None:
    """Take today's backup unless there is one; keep the last KEEP. The new path, or None."""
    target = folder(database) / daily_name(database, today)
    if target.exists():
        return None
    copy_into(database, target)
    for old in daily_backups(database)[:-KEEP]:
        old.unlink(missing_ok=True)
    return target


def keep_backing_up(database: str, stop: threading.Event) -> None:
    """At start, then every hour: today's backup if it is missing. Never stops the server."""
    while not stop.is_set():
        try:
            made = back_up_daily(database, date.today())
            if made:
                log.info("backup written: %s", made)
        except (sqlite3.Error, OSError) as error:  # a full disk must not take the server down
            log.warning("the daily backup failed: %s", error)
        stop.wait(CHECK_EVERY_SECONDS)


def init_app(app) -> threading.Event | None:
    """Start the daily backup in a background thread; tests build apps without one."""
    if app.testing:
        return None
    stop = threading.Event()
    threading.Thread(target=keep_backing_up, args=(app.config["DATABASE"], stop),
                     name="daily-backup", daemon=True).start()
    app.extensions["backup_stop"] = stop
    return stop


class RestoreRefused(ValueError):
    """The backup cannot be restored; the message says why."""


def check_backup(path: Path) -> None:
    """A readable SQLite file of a schema this app knows, intact."""
    if not path.is_file():
        raise RestoreRefused(f"{path} does not exist.")
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise RestoreRefused(f"{path} is not a Follow-up Assistant database ({error}).") from None
    if "interview" not in tables or version < 1:
        raise RestoreRefused(f"{path} is not a Follow-up Assistant database.")
    if version > SCHEMA_VERSION:
        raise RestoreRefused(f"{path} was written by a newer Follow-up Assistant "
                             f"(schema {version}); update the app first.")
    if verdict != "ok":
        raise RestoreRefused(f"{path} is damaged: {verdict}")


def restore(database: str, backup: str) -> Path | None:
    """Put `backup` in place of `database`; the current one is kept beside it, renamed.

    The server must be stopped. Returns where the replaced database went (None if none).
    """
    source, live = Path(backup).resolve(), Path(database).resolve()
    check_backup(source)
    kept = None
    if live.exists():
        kept = live.with_name(f"{live.name}.before-restore-{time.strftime('%Y%m%d-%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):  # the WAL may hold the latest writes: move it along
            part = Path(f"{live}{suffix}")
            if part.exists():
                os.replace(part, f"{kept}{suffix}")
    partial = live.with_name(live.name + ".partial")
    shutil.copyfile(source, partial)
    private_file(partial)
    os.replace(partial, live)
    return kept
