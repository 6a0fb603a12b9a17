"""The user's data is theirs alone: the data folder 0700, every data file 0600 (POSIX).

SQLite and Python create files as the umask allows (0644 on most systems: readable by every
local account). These helpers create files private from the start and fix what an earlier
version left readable. On Windows, files in the user's profile are private already and chmod
only knows read-only, so they do nothing there.
"""
import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
POSIX = os.name == "posix"
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's own files beside a database


def private_folder(path: Path) -> Path:
    """Make `path` (and nothing above it) a folder only its owner can enter."""
    path.mkdir(parents=True, exist_ok=True)
    if POSIX:
        os.chmod(path, FOLDER_MODE)
    return path


def private_file(path: Path) -> None:
    """Make an existing file readable by its owner only; a missing one is no error."""
    if POSIX:
        try:
            os.chmod(path, FILE_MODE)
        except FileNotFoundError:
            pass


def create_private(path: Path) -> None:
    """Create `path` empty and private unless it exists, so it is never readable by others."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(descriptor)
    private_file(path)  # the umask may have taken bits away; never added any


def write_private(path: Path, text: str) -> None:
    """Write a new file that is private from its first byte."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with open(descriptor, "w", encoding="utf-8") as stream:
        stream.write(text)
    private_file(path)


def protect_database(database: str) -> None:
    """Before SQLite opens it: the database, its side files and its backups, private.

    SQLite gives the -wal and -shm files the database's own mode, so a private database keeps
    them private; this also fixes those an earlier version left readable.
    """
    path = Path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    create_private(path)
    for suffix in SQLITE_SIDE_FILES:
        private_file(Path(f"{path}{suffix}"))
    backups = path.parent / "backups"
    if backups.is_dir():
        private_folder(backups)
        for kept in backups.iterdir():
            if kept.is_file():
                private_file(kept)
