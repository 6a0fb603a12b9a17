"""No terminal after setup: `install` registers the native-messaging host where Chromium really
looks for it (<user_data_dir>/NativeMessagingHosts/), and with no backend running, opening the
popup starts the backend and pairs the extension by itself; `uninstall` undoes it."""
import json
import os
import signal
import socket
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e.conftest import CHROMIUM_FLAGS, EXTENSION, EXTENSION_ID, chromium_path, stored_token

ROOT = Path(__file__).resolve().parent.parent
HOST_FILE = "com.followup_assistant.backend.json"
SEED = """
import json, sys
from backend import create_app
database, port, interview = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
app = create_app({"DATABASE": database, "TOKEN": "setup-token", "TESTING": True, "PORT": port})
answer = app.test_client().post("/api/v1/interviews", base_url=f"http://127.0.0.1:{port}",
                                headers={"Authorization": "Bearer setup-token"}, json=interview)
assert answer.status_code == 201, answer.json
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_closed(port: int) -> None:
    """Until nothing listens on the port any more (bounded: 10 s)."""
    import time

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"port {port} still open")


def cli(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "backend", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def setup(tmp_path):
    """A user's machine: data in a temp folder, the backend's port free, nothing running."""
    port = free_port()
    database = tmp_path / "data" / "followup.db"
    env = {**os.environ, "FOLLOWUP_DB": str(database), "FOLLOWUP_PORT": str(port),
           "XDG_DATA_HOME": str(tmp_path / "share")}
    env.pop("FOLLOWUP_TOKEN", None)
    # An interview entered earlier, whose follow-up is overdue. Entered in a process of its own:
    # create_app binds the one module-level database, and in this process that would take it
    # away from the session's live backend that other tests share.
    today = date.today()
    interview = {"company": "Nativeworks", "position": "Designer",
                 "interview_date": (today - timedelta(days=30)).isoformat(),
                 "decision_date": (today - timedelta(days=21)).isoformat()}
    seed = subprocess.run([sys.executable, "-c", SEED, str(database), str(port), json.dumps(interview)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert seed.returncode == 0, seed.stderr
    yield env, port, database
    pid_file = database.parent / "backend.pid"
    if pid_file.exists():  # the backend the extension started
        try:
            os.kill(int(pid_file.read_text()), signal.SIGTERM)
        except ProcessLookupError:
            pass


def test_after_install_the_popup_starts_the_backend_and_pairs_by_itself(
        setup, pw, tmp_path, screenshots):
    env, port, database = setup
    profile = tmp_path / "profile"
    hosts = profile / "NativeMessagingHosts"
    installed = cli("install", "--browser-dir", str(hosts), env=env)
    assert installed.returncode == 0, installed.stderr
    manifest = json.loads((hosts / HOST_FILE).read_text())
    assert manifest["allowed_origins"] == [f"chrome-extension://{EXTENSION_ID}/"]
    with socket.socket() as probe:  # nothing runs on the backend's port yet
        assert probe.connect_ex(("127.0.0.1", port)) != 0

    context = pw.chromium.launch_persistent_context(
        str(profile), executable_path=chromium_path(), headless=True,
        args=[f"--disable-extensions-except={EXTENSION}", f"--load-extension={EXTENSION}",
              *CHROMIUM_FLAGS])
    try:
        worker = context.service_workers[0] if context.service_workers else \
            context.wait_for_event("serviceworker", timeout=10_000)
        assert stored_token(worker) == ""
        popup = context.new_page()
        popup.goto(f"chrome-extension://{EXTENSION_ID}/popup/popup.html")
        expect(popup.get_by_text("Nativeworks").first).to_be_visible(timeout=30_000)
        popup.screenshot(path=screenshots / "popup-native-started.png", full_page=True)
        assert stored_token(worker)  # paired through the host, no code typed
        assert worker.evaluate("chrome.storage.local.get('backendUrl')")["backendUrl"] == \
            f"http://127.0.0.1:{port}"
        assert "token" not in worker.evaluate("chrome.storage.local.get(null)")
        token = stored_token(worker)

        # The backend stops (a reboot, a crash): the next look at the popup starts it again.
        pid_file = database.parent / "backend.pid"
        first_pid = int(pid_file.read_text())
        os.kill(first_pid, signal.SIGTERM)
        wait_until_closed(port)
        popup.reload()
        expect(popup.get_by_text("Nativeworks").first).to_be_visible(timeout=30_000)
        assert int(pid_file.read_text()) != first_pid
        assert stored_token(worker) == token  # the same pairing
    finally:
        context.close()

    # The token outlives a browser restart.
    context = pw.chromium.launch_persistent_context(
        str(profile), executable_path=chromium_path(), headless=True,
        args=[f"--disable-extensions-except={EXTENSION}", f"--load-extension={EXTENSION}",
              *CHROMIUM_FLAGS])
    try:
        worker = context.service_workers[0] if context.service_workers else \
            context.wait_for_event("serviceworker", timeout=10_000)
        assert stored_token(worker) == token
    finally:
        context.close()

    listed = cli("tokens", env=env)
    assert listed.returncode == 0 and listed.stdout.splitlines()[1].split()[0] == "1"

    removed = cli("uninstall", "--browser-dir", str(hosts), env=env)
    assert removed.returncode == 0, removed.stderr
    assert not (hosts / HOST_FILE).exists()
    assert not (tmp_path / "share" / "followup-assistant" / "native-host").exists()
    assert database.exists()  # the user's data stays
