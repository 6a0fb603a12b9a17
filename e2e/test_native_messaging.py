"""No terminal after setup: `install` registers the native-messaging host where Chromium really
looks for it (<user_data_dir>/NativeMessagingHosts/), and with no backend running, opening the
popup starts the backend and pairs the extension by itself; `uninstall` undoes it."""
import json
import os
import signal
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e.conftest import EXTENSION_ID, launch_chromium, stored_token, worker_of
from tests.live_backend import backend_env, free_port, listening, running, wait_until_closed

ROOT = Path(__file__).resolve().parent.parent
HOST_FILE = "com.followup_assistant.backend.json"
def cli(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "backend", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def setup(tmp_path):
    """A user's machine: data in a temp folder, the backend's port free, nothing running."""
    port = free_port()
    database = tmp_path / "data" / "followup.db"
    env = {**backend_env(database, port, token=None), "XDG_DATA_HOME": str(tmp_path / "share")}
    # An interview entered earlier, whose follow-up is overdue: entered through a backend run once
    # on that data (its own token, never stored), then stopped, so the port is free again.
    today = date.today()
    interview = {"company": "Nativeworks", "position": "Designer",
                 "interview_date": (today - timedelta(days=30)).isoformat(),
                 "decision_date": (today - timedelta(days=21)).isoformat()}
    with running(database.parent, port=port) as earlier:
        assert earlier.api("POST", "/api/v1/interviews", json=interview).status == 201
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
    assert not listening(port)  # nothing runs on the backend's port yet

    context = launch_chromium(pw, profile)
    try:
        worker = worker_of(context)
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
    context = launch_chromium(pw, profile)
    try:
        worker = worker_of(context)
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
