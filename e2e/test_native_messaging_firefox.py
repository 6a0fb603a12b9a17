"""No terminal after setup, in a real Firefox (firefox-esr over WebDriver BiDi, e2e/bidi.py):
`install` writes Firefox's host manifest where Firefox looks for it
(~/.mozilla/native-messaging-hosts/, under a temp HOME), and with no backend running the popup
starts the backend and pairs the extension by itself."""
import json

import pytest

from e2e.bidi import Firefox, firefox_binary, new_uuid
from e2e.conftest import EXTENSION
from e2e.test_native_messaging import HOST_FILE, cli, setup  # noqa: F401  (the setup fixture)
from tests.live_backend import listening

GECKO_ID = "followup-assistant@followup.local"


def test_firefox_starts_the_backend_and_pairs_by_itself(setup, tmp_path, monkeypatch):  # noqa: F811
    if not firefox_binary():
        pytest.fail("No Firefox: install firefox-esr or set FOLLOWUP_FIREFOX.")
    env, port, database = setup
    home = tmp_path / "home"
    hosts = home / ".mozilla" / "native-messaging-hosts"
    installed = cli("install", "--browser-dir", str(hosts), env=env)
    assert installed.returncode == 0, installed.stderr
    manifest = json.loads((hosts / HOST_FILE).read_text())
    assert manifest["allowed_extensions"] == [GECKO_ID] and "allowed_origins" not in manifest

    assert not listening(port)  # nothing runs on the backend's port yet
    monkeypatch.setenv("HOME", str(home))  # where Firefox looks for host manifests
    moz_host = new_uuid()
    with Firefox.launch(tmp_path / "profile", prefs={
            "extensions.webextensions.uuids": f'{{"{GECKO_ID}": "{moz_host}"}}'}) as firefox:
        assert firefox.install(EXTENSION) == GECKO_ID
        popup = firefox.new_tab(f"moz-extension://{moz_host}/popup/popup.html")
        popup.wait_for("document.body.innerText.includes('Nativeworks')", timeout=30,
                       what="the due list, from a backend the extension started")
        page = firefox.new_tab(f"moz-extension://{moz_host}/options/options.html")
        page.wait_for("!document.getElementById('paired').hidden", timeout=10,
                      what="the options saying it is paired")
        assert page.eval("document.getElementById('paired-text').innerText") == \
            f"Paired with the backend at http://127.0.0.1:{port}."

    removed = cli("uninstall", "--browser-dir", str(hosts), env=env)
    assert removed.returncode == 0 and not (hosts / HOST_FILE).exists()
