"""The native-messaging host: the browser starts it for the extension (only the extension's own
id may, by the host manifest `followup-assistant install` wrote), and it starts the backend when
it is not running and hands the extension a token — no terminal and no pairing code.

The protocol is the browsers' own: each message is a 4-byte length in native byte order, then
that many bytes of UTF-8 JSON, on stdin and stdout. One request, one answer, then it exits.
Requests: {"type": "start"} and {"type": "start", "pair": true}. Answers: {"ok": true, "url",
"token"?} or {"ok": false, "error": {"code", "message"}}.
"""
import json
import os
import struct
import subprocess
import sys
import time
from pathlib import Path

from . import config, db, security, server
from .private import create_private

MAX_MESSAGE = 64 * 1024   # requests are a few bytes; the browsers allow up to 4 GB in
START_SECONDS = 20        # how long a backend that is starting may take to answer /health
PID_FILE = "backend.pid"  # beside the database: which process this host started


def read_message(stream) -> dict | None:
    header = stream.read(4)
    if len(header) < 4:
        return None
    (length,) = struct.unpack("=I", header)
    if length > MAX_MESSAGE:
        raise ValueError("message too large")
    return json.loads(stream.read(length).decode("utf-8"))


def write_message(stream, message: dict) -> None:
    data = json.dumps(message).encode("utf-8")
    stream.write(struct.pack("=I", len(data)) + data)
    stream.flush()


def failure(code: str, message: str) -> dict:
    return {"ok": False, "error": {"code": code, "message": message}}


def start_backend(settings: dict) -> None:
    """Start `python -m backend` on its own, outliving this host and the browser."""
    folder = Path(settings["DATABASE"]).parent
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "backend.log"
    create_private(log)
    options = {"start_new_session": True} if os.name == "posix" else {
        "creationflags": subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP}
    with open(log, "ab") as output:
        process = subprocess.Popen([sys.executable, "-m", "backend"], stdin=subprocess.DEVNULL,
                                   stdout=output, stderr=output, close_fds=True, **options)
    (folder / PID_FILE).write_text(f"{process.pid}\n", encoding="ascii")


def handle(request: dict, settings: dict) -> dict:
    """Start the backend if need be; with "pair", a new token for the calling extension."""
    if not isinstance(request, dict) or request.get("type") != "start":
        return failure("unknown_request", "The native host only starts the backend.")
    host, port = settings["HOST"], settings["PORT"]
    url = f"http://{host}:{port}"
    found = server.whos_there(host, port)
    if found == "other":
        return failure("port_taken", f"Another program is using {host}:{port}; set "
                                     "FOLLOWUP_PORT to a free port and run the install again.")
    if found is None:
        start_backend(settings)
        deadline = time.monotonic() + START_SECONDS
        while server.whos_there(host, port) != "ours":
            if time.monotonic() > deadline:
                return failure("not_started", "The backend did not start; see backend.log in "
                                              f"{Path(settings['DATABASE']).parent}.")
            time.sleep(0.1)
    answer = {"ok": True, "url": url}
    if request.get("pair") is True:
        db.open_database(settings["DATABASE"])
        with db.database.connection_context():
            answer["token"] = security.new_token()
    return answer


def main() -> int:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but protocol messages may reach the browser
    try:
        request = read_message(stdin)
        if request is None:
            return 0
        answer = handle(request, config.load())
    except (ValueError, OSError) as error:
        answer = failure("host_error", f"The native host failed: {error}")
    write_message(stdout, answer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
