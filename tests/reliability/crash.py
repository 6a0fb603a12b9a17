"""Kill the real server (`python -m backend`) with SIGKILL in the middle of writes, again.

Each round: start the server, check everything answered with success in earlier rounds is
there, retry every write whose answer was lost (same Idempotency-Key), write from several
threads, and kill the server at a random moment. Between rounds: `PRAGMA integrity_check`.
Shared by tests/reliability/test_crash_safety.py (short) and bench/bench_crash.py (200 rounds).
"""
import http.client
import json
import random
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from tests import live_backend

TOKEN = "crash-token-0123456789"
WRITERS = 4


class Lost(Exception):
    """The request went out, but no answer came back: the server died meanwhile."""


@dataclass
class Ledger:
    """What the clients were told, and what they still have to retry."""

    interviews: dict = field(default_factory=dict)   # marker -> id, answered 201
    follow_ups: dict = field(default_factory=dict)   # interview id -> dates answered 201
    notes: dict = field(default_factory=dict)        # interview id -> [acked, *unanswered]
    pending: list = field(default_factory=list)      # (method, path, body, key) answer lost
    answered: int = 0
    lost: int = 0
    retried: int = 0
    refused: list = field(default_factory=list)      # any answer that was not a success
    lock: threading.Lock = field(default_factory=threading.Lock)


def call(port: int, method: str, path: str, body=None, key: str | None = None):
    """(status, JSON) or Lost; a fresh connection each time, as a service worker would."""
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    if key:
        headers["Idempotency-Key"] = key
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=json.dumps(body) if body is not None else None,
                           headers=headers)
        response = connection.getresponse()
        data = response.read()
    except (OSError, http.client.HTTPException) as error:
        raise Lost(str(error)) from None
    finally:
        connection.close()
    return response.status, (json.loads(data) if data else None)


def start_server(database: str) -> live_backend.LiveBackend:
    """The real server on the database, on a free port, answering /health."""
    path = Path(database)
    return live_backend.start(path.parent, database=path.name, token=TOKEN)


def integrity(database: str) -> str:
    with sqlite3.connect(database) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def check_survivors(port: int, ledger: Ledger) -> None:
    """Everything answered with success is there; no follow-up was doubled."""
    data = {"interviews": [], "next": ""}
    while data["next"] is not None:  # every page of the list
        cursor = f"&cursor={data['next']}" if data["next"] else ""
        status, page = call(port, "GET", f"/api/v1/interviews?on=2026-06-01&limit=200{cursor}")
        assert status == 200, page
        data = {"interviews": data["interviews"] + page["interviews"], "next": page["next"]}
    by_company: dict = {}
    for interview in data["interviews"]:
        by_company.setdefault(interview["company"], []).append(interview)
    for marker, interview_id in ledger.interviews.items():
        assert [i["id"] for i in by_company.get(marker, [])] == [interview_id], marker
    listed = {i["id"]: i for i in data["interviews"]}
    unanswered = {path: body["sent_on"] for _, path, body, _ in ledger.pending
                  if path.endswith("/follow-ups")}
    for interview_id, dates in ledger.follow_ups.items():
        sent = [f["sent_on"] for f in listed[interview_id]["follow_ups"]]
        maybe = unanswered.get(f"/api/v1/interviews/{interview_id}/follow-ups")
        # None lost, none doubled; one whose answer was lost may be there before its retry.
        assert sent == dates or (maybe and sent == [*dates, maybe]), (interview_id, sent, dates)
    for interview_id, (acked, *unanswered) in ledger.notes.items():
        assert listed[interview_id]["notes"] in (acked, *unanswered), interview_id
    for marker, found in by_company.items():
        assert len(found) == 1, f"{marker} was created {len(found)} times"


def retry_lost(port: int, ledger: Ledger) -> None:
    """Send every write whose answer was lost again, with its key: it lands exactly once."""
    pending, ledger.pending = ledger.pending, []
    ledger.retried += len(pending)
    for method, path, body, key in pending:
        status, data = call(port, method, path, body, key)
        assert status in (200, 201), (path, body, status, data)
        record(ledger, path, body, data)


def record(ledger: Ledger, path: str, body: dict, data: dict) -> None:
    with ledger.lock:
        ledger.answered += 1
        if path == "/api/v1/interviews":
            ledger.interviews[body["company"]] = data["id"]
            ledger.follow_ups[data["id"]] = []
            ledger.notes[data["id"]] = [body["notes"] or None]  # blank notes are none
        elif path.startswith("/api/v1/interviews/") and "notes" in body:
            ledger.notes[data["id"]] = [body["notes"]]  # earlier unanswered edits are moot
        elif path.endswith("/follow-ups"):
            ledger.follow_ups[data["id"]] = [f["sent_on"] for f in data["follow_ups"]]


def writer(port: int, ledger: Ledger, rng: random.Random, stop: threading.Event) -> None:
    """Create interviews, record follow-ups on them and edit notes until the server dies."""
    mine: list[int] = []
    while not stop.is_set():
        choice = rng.random()
        key = str(uuid.uuid4())
        if mine and choice < 0.3:
            interview_id = rng.choice(mine)
            sent = ledger.follow_ups[interview_id]
            if len(sent) >= 2:
                continue
            path = f"/api/v1/interviews/{interview_id}/follow-ups"
            method, body = "POST", {"sent_on": f"2026-03-1{len(sent) + 1}"}
        elif mine and choice < 0.5:
            interview_id = rng.choice(mine)
            path, method, body = f"/api/v1/interviews/{interview_id}", "PATCH", {"notes": key}
            with ledger.lock:
                ledger.notes[interview_id].append(key)  # stored or not: unknown until answered
            key = None  # no Idempotency-Key: PATCH sets a value, so a retry is harmless
        else:
            path, method = "/api/v1/interviews", "POST"
            body = {"company": f"crash-{key}", "position": "Tester",
                    "interview_date": "2026-03-02", "notes": "x" * rng.randint(0, 4000)}
        try:
            status, data = call(port, method, path, body, key)
        except Lost:
            with ledger.lock:
                ledger.lost += 1
                if key:
                    ledger.pending.append((method, path, body, key))
            return  # the server is gone; this client stops like a closed tab
        if status not in (200, 201):  # told to the main thread, which fails the round
            with ledger.lock:
                ledger.refused.append((method, path, status, data))
            return
        record(ledger, path, body, data)
        if path == "/api/v1/interviews":
            mine.append(data["id"])


def crash_rounds(database: str, rounds: int, seed: int = 1, log=None) -> Ledger:
    """Run the rounds; AssertionError on the first broken promise."""
    rng = random.Random(seed)
    ledger = Ledger()
    for round_ in range(rounds):
        server = start_server(database)
        port = server.port
        try:
            check_survivors(port, ledger)
            retry_lost(port, ledger)
            check_survivors(port, ledger)
            stop = threading.Event()
            threads = [threading.Thread(target=writer, args=(
                port, ledger, random.Random(rng.random()), stop)) for _ in range(WRITERS)]
            for thread in threads:
                thread.start()
            time.sleep(rng.uniform(0.05, 0.6))
        finally:
            server.kill()  # SIGKILL mid-write: no shutdown, no checkpoint
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        assert not ledger.refused, f"round {round_}: a write was refused: {ledger.refused[:3]}"
        verdict = integrity(database)
        assert verdict == "ok", f"round {round_}: integrity_check says {verdict}"
        if log:
            log(round_, ledger)
    server = start_server(database)  # it starts again after the last kill, too
    try:
        check_survivors(server.port, ledger)
        retry_lost(server.port, ledger)
        check_survivors(server.port, ledger)
    finally:
        server.stop()
    return ledger
