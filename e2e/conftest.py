"""Browser tests: real Chromium, the real extension, a live backend, webmail fixtures at their real addresses.

Fixtures (shared with the popup/options tests):
  backend         the real server in its own process on 127.0.0.1:<free port>, a temp data folder
                  (session; tests/live_backend.py): .url .token .database .country .api() .clear()
  ext_context     a persistent Chromium context with the extension loaded (one per test module)
  extension_id    the pinned id, read from the service worker's URL
  service_worker  the extension's service worker (Playwright Worker)
  paired          the backend URL in chrome.storage.local, the token in the background's own
                  store (IndexedDB of the extension origin: content scripts cannot read it)
  store_token(worker, token) / stored_token(worker)   set ('' = unpaired) and read that token
  serve_site      serve_site(origin, "gmail") serves e2e/fixtures/gmail at that origin
  roundcube       a real Roundcube + dovecot IMAP + SMTP sink on loopback (session; e2e/roundcube/);
                  .deliver(sender, subject, text) puts a received message in the user's INBOX
Screenshots go to e2e/screenshots/ (git-ignored).
"""
import itertools
import mimetypes
import os
import shutil
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests import live_backend
from tests.live_backend import LiveBackend

HERE = Path(__file__).resolve().parent
EXTENSION = HERE.parent / "extension"
FIXTURES = HERE / "fixtures"
NODE_MODULES = HERE / "node_modules"
SCREENSHOTS = HERE / "screenshots"
EXTENSION_ID = "aholbjfnddmgpefgmajoflaecdadhlmn"  # pinned by the manifest's "key"
TOKEN = "test-token-e2e-0123456789abcdef"
# Flags this machine needs (machines/python.md): no background traffic to hosts it cannot reach.
CHROMIUM_FLAGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-first-run", "--disable-quic", "--disable-gpu"]
# Editor bundles the fixture pages load from /__editors__/<name>/..., served from npm packages.
EDITORS = {
    "roosterjs": NODE_MODULES / "roosterjs" / "dist",
    "squire": NODE_MODULES / "squire-rte" / "dist",
    "dompurify": NODE_MODULES / "dompurify" / "dist",
    "tinymce": NODE_MODULES / "tinymce",
}
COMMON = FIXTURES / "common"  # fixture.js, the test-facing helpers every fixture page loads


def chromium_path() -> str:
    """FOLLOWUP_CHROMIUM, else the system Chromium."""
    found = os.environ.get("FOLLOWUP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        pytest.fail(f"No Chromium at {found}: install Debian's chromium or set FOLLOWUP_CHROMIUM.")
    return found


@pytest.fixture(scope="session")
def backend(tmp_path_factory):
    """The real server in its own process (tests/live_backend.py) with a temp data folder, for
    the whole session; stopped at the end. Nothing in this process binds its database."""
    live = live_backend.start(tmp_path_factory.mktemp("backend"), token=TOKEN)
    yield live
    live.stop()


@pytest.fixture(scope="session")
def dead_url():
    """An address on which nothing listens: a port the system just gave out and took back."""

    return f"http://127.0.0.1:{live_backend.free_port()}"


@pytest.fixture(scope="session")
def pw():
    """Playwright's sync API for the whole session."""
    with sync_playwright() as playwright:
        yield playwright


def launch_chromium(pw, profile, extension: Path = EXTENSION, args=()):
    """Chromium with `extension` loaded on the `profile` folder (only a persistent context starts
    an extension's worker); `args` adds flags."""
    return pw.chromium.launch_persistent_context(
        str(profile), executable_path=chromium_path(), headless=True,
        args=[f"--disable-extensions-except={extension}", f"--load-extension={extension}",
              *CHROMIUM_FLAGS, *args],
        viewport={"width": 1280, "height": 860})


def worker_of(context):
    """The extension's service worker in `context`, once it has started."""
    workers = [w for w in context.service_workers if w.url.startswith("chrome-extension://")]
    return workers[0] if workers else context.wait_for_event("serviceworker", timeout=10_000)


@pytest.fixture(scope="module")
def ext_context(pw, tmp_path_factory):
    """Chromium with the extension loaded, one per test module."""
    context = launch_chromium(pw, tmp_path_factory.mktemp("profile"))
    yield context
    context.close()


@pytest.fixture(scope="module")
def service_worker(ext_context):
    """The extension's service worker, once it has started."""
    return worker_of(ext_context)


@pytest.fixture(scope="module")
def extension_id(service_worker):
    """The extension's id, from its worker's URL; the manifest's key pins it."""
    found = service_worker.url.split("/")[2]
    assert found == EXTENSION_ID, "the manifest's key no longer gives the pinned id"
    return found


def store_token(worker, token: str) -> None:
    """Put the token where the extension keeps it ('' = not paired), as pairing would."""
    worker.evaluate("(token) => token ? FA.tokenStore.save(token) : FA.tokenStore.clear()", token)


def stored_token(worker) -> str:
    """The token the extension holds ('' when not paired)."""
    return worker.evaluate("FA.tokenStore.load()")


@pytest.fixture
def paired(backend, service_worker):
    """Start the test paired: the backend URL in chrome.storage.local, the token in the
    background's own store."""
    service_worker.evaluate("(url) => chrome.storage.local.set({backendUrl: url, autoPair: true})",
                            backend.url)
    store_token(service_worker, backend.token)
    return backend


def awaiting_reply(live: LiveBackend, **fields) -> dict:
    """An interview ten days ago whose follow-up went out yesterday, so the interviewer's next
    mail is their reply (the prompt then offers to stop reminders). `fields`: company, position,
    interviewer_name, interviewer_email. Returns the Interview as created."""
    from datetime import date, timedelta

    today = date.today()
    made = live.api("POST", "/api/v1/interviews", json={
        "interview_date": (today - timedelta(days=10)).isoformat(), **fields})
    assert made.status == 201, made.json
    sent = live.api("POST", f"/api/v1/interviews/{made.json['id']}/follow-ups",
                    json={"sent_on": (today - timedelta(days=1)).isoformat()})
    assert sent.status == 201, sent.json
    return made.json


def fixture_file(site_dir: Path, url: str) -> tuple[int, dict, bytes]:
    """(status, headers, body) for a URL served from a fixture folder, editor bundles under
    /__editors__/, the shared helpers under /__common__/ (Chromium's routes and Firefox's BiDi both)."""
    path = urllib.request.url2pathname(url.split("://", 1)[1].partition("/")[2].split("?")[0].split("#")[0])
    if path.startswith("__editors__/"):
        name, _, rest = path[len("__editors__/"):].partition("/")
        target = EDITORS.get(name, Path("/nonexistent")) / rest
    elif path.startswith("__common__/"):
        target = COMMON / path[len("__common__/"):]
    else:
        target = site_dir / (path or "index.html")
        if not target.is_file():
            target = site_dir / "index.html"  # the app's routes all serve the app
    if not target.is_file():
        return 404, {"Content-Type": "text/plain"}, f"not found: {path}".encode()
    kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    return 200, {"Content-Type": kind}, target.read_bytes()


def fixture_route(site_dir: Path):
    """A Playwright route handler serving a fixture folder (see fixture_file)."""

    def handle(route):
        status, headers, body = fixture_file(site_dir, route.request.url)
        route.fulfill(status=status, body=body, headers=headers)

    return handle


@pytest.fixture(scope="module")
def serve_site(ext_context):
    """serve_site("https://mail.google.com", "gmail"): answer that origin from e2e/fixtures/gmail."""
    if not (NODE_MODULES / "roosterjs").is_dir():
        pytest.fail("Editor bundles missing: run `cd e2e && npm ci` (make test does).")

    def serve(origin: str, site: str):
        ext_context.route(f"{origin}/**", fixture_route(FIXTURES / site))

    return serve


@pytest.fixture(scope="session")
def roundcube():
    """One real Roundcube (Debian's package), dovecot and an SMTP sink for the whole session."""
    from e2e.roundcube.server import Roundcube

    server = Roundcube().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def screenshots():
    """The folder the tests write their screenshots to."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


class Interviews:
    """Make interviews in a given timing state, each with its own interviewer address."""

    def __init__(self, live: LiveBackend, prefix: str):
        self.live, self.prefix, self.count = live, prefix, 0

    def make(self, state: str, **fields) -> dict:
        """state: due | overdue | early | today | move_on. Returns the Interview the backend answered."""
        from datetime import date, timedelta

        from backend.timing.business_days import next_business_day

        today = date.today()
        country = self.live.country
        if state == "due":  # a decision date whose follow-up window [earliest, latest] holds today
            decision = next(today - timedelta(days=back) for back in range(1, 15)
                            if next_business_day(today - timedelta(days=back), country) <= today
                            <= next_business_day(next_business_day(today - timedelta(days=back), country), country))
            dates = {"interview_date": (decision - timedelta(days=7)).isoformat(), "decision_date": decision.isoformat()}
        elif state == "overdue":
            dates = {"interview_date": (today - timedelta(days=30)).isoformat(),
                     "decision_date": (today - timedelta(days=21)).isoformat()}
        elif state == "early":
            dates = {"interview_date": (today - timedelta(days=2)).isoformat(),
                     "decision_date": (today + timedelta(days=10)).isoformat()}
        elif state == "today":  # interviewed today: the draft is the thank-you note
            state = "early"
            dates = {"interview_date": today.isoformat(), "decision_date": (today + timedelta(days=10)).isoformat()}
        elif state == "move_on":
            dates = {"interview_date": (today - timedelta(days=60)).isoformat(),
                     "decision_date": (today - timedelta(days=53)).isoformat()}
        else:
            raise ValueError(state)
        self.count += 1
        body = {"company": f"Acme {self.prefix} {self.count}", "position": "Product Designer",
                "interviewer_name": "Anna Lee",
                "interviewer_email": f"anna.{self.prefix}.{self.count}@acme.example",
                **dates, **fields}
        answer = self.live.api("POST", "/api/v1/interviews", json=body)
        assert answer.status == 201, answer.json
        interview = answer.json
        if state == "move_on":
            for days_ago in (45, 35):
                sent = (today - timedelta(days=days_ago)).isoformat()
                recorded = self.live.api("POST", f"/api/v1/interviews/{interview['id']}/follow-ups",
                                         json={"sent_on": sent})
                assert recorded.status == 201, recorded.json
                interview = recorded.json
        assert interview["schedule"]["state"] == {"early": "upcoming"}.get(state, state), interview["schedule"]
        return interview

    def follow_ups(self, interview_id: int) -> list:
        """The follow-ups the backend has recorded for an interview."""
        return self.live.api("GET", f"/api/v1/interviews/{interview_id}").json["follow_ups"]

    def wait_for_follow_ups(self, interview_id: int, count: int = 1, timeout: float = 8) -> list:
        """The interview's follow-ups once `count` are recorded (or the time is up), after half a
        second more: a second record, if one were coming, would land by then."""
        deadline = time.monotonic() + timeout
        while len(self.follow_ups(interview_id)) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)
        return self.follow_ups(interview_id)


# One number per test in the session: every test's interviews get addresses of their own. (A number
# taken from the request object's memory address repeated now and then, and two tests' interviews
# then matched the same address: the panel asked "which one is this?" instead of drafting.)
_TEST_NUMBERS = itertools.count(1)


@pytest.fixture
def interviews(backend, request):
    """A factory of interviews in a timing state, named after the test that made them."""
    return Interviews(backend, request.node.name.split("[")[0][-12:].strip("_") + str(next(_TEST_NUMBERS)))
