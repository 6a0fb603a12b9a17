"""`python -m backend export|import|restore`: the user's data in and out (docs/data.md)."""
import json
import os
import socket
import sys
import time
from pathlib import Path

from . import backup, portability
from .private import write_private


def export(settings: dict, file: str | None, replace: bool = False) -> int:
    """Write every interview, follow-up, application, template and the profile as JSON."""
    with portability.opened(settings):
        data = portability.export_data()
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if file is None or file == "-":
        sys.stdout.write(text)
        return 0
    target = Path(file)
    partial = target.with_name(target.name + ".partial")
    write_private(partial, text)  # 0600: an export holds the whole job search
    os.replace(partial, target)  # an interrupted export never leaves half a file
    print(f"Exported {len(data['interviews'])} interviews, {len(data['applications'])} "
          f"applications and {len(data['templates'])} templates to {target}")
    return 0


def import_(settings: dict, file: str | None, replace: bool = False) -> int:
    """Read an export; all of it goes in, or nothing does."""
    if not file:
        return fail("Name the file to import: python -m backend import FILE")
    try:
        data = json.loads(Path(file).read_text(encoding="utf-8"))
    except OSError as error:
        return fail(f"Cannot read {file}: {error.strerror}.")
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return fail(f"{file} is not a JSON export ({error}).")
    if server_running(settings):  # a long import would hold the write lock the server needs
        return fail(f"Follow-up Assistant is running on {settings['HOST']}:{settings['PORT']}; "
                    "stop it (Ctrl+C) before importing.")
    if replace and Path(settings["DATABASE"]).exists():
        kept = backup.copy_into(settings["DATABASE"], backup.folder(settings["DATABASE"]) /
                                f"before-import-{time.strftime('%Y%m%d-%H%M%S')}.db")
        print(f"The database as it was is kept in {kept}")
    try:
        with portability.opened(settings):
            counts = portability.import_data(data, replace=replace)
    except portability.ImportRefused as error:
        return fail(f"Nothing was imported: {error}")
    print(f"Imported {counts['interviews']} interviews, {counts['applications']} applications "
          f"and {counts['templates']} templates into {settings['DATABASE']}")
    return 0


def restore(settings: dict, file: str | None, replace: bool = False) -> int:
    """Put a backup in place of the database, keeping the current one beside it."""
    if not file:
        listed = "\n".join(f"  {path}" for path in backup.daily_backups(settings["DATABASE"]))
        return fail("Name the backup to restore: python -m backend restore FILE\n"
                    f"Backups of {settings['DATABASE']}:\n{listed or '  (none yet)'}")
    if server_running(settings):
        return fail(f"Follow-up Assistant is running on {settings['HOST']}:{settings['PORT']}; "
                    "stop it (Ctrl+C) before restoring.")
    try:
        kept = backup.restore(settings["DATABASE"], file)
    except backup.RestoreRefused as error:
        return fail(f"Nothing was restored: {error}")
    print(f"Restored {file} as {settings['DATABASE']}.")
    if kept:
        print(f"The database it replaced is kept as {kept}")
    return 0


def server_running(settings: dict) -> bool:
    try:
        with socket.create_connection((settings["HOST"], settings["PORT"]), timeout=0.5):
            return True
    except OSError:
        return False


def fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


COMMANDS = {"export": export, "import": import_, "restore": restore}
