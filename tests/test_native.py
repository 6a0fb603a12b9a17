"""The native-messaging host and its install: manifest contents per browser, the launcher,
uninstall, and the host starting the backend and handing out a token."""
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from backend import native_host, native_install, security
from backend.db import database, open_database
from backend.models import Token
from tests.live_backend import backend_env, free_port, wait_until_closed

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FAMILY = ("Chrome", "Chromium", "Edge", "Brave")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A temp HOME where every browser has been run once, and a temp data folder."""
    monkeypatch.setattr(native_install, "HOME", lambda: tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    for base in native_install.LINUX.values():
        (tmp_path / base).mkdir(parents=True)
    return tmp_path


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux folders")
def test_install_writes_a_manifest_per_browser_that_only_our_extension_may_use(
        home, monkeypatch, capsys):
    monkeypatch.setenv("FOLLOWUP_PORT", "9876")
    assert native_install.install() == 0
    launcher = native_install.launcher_path()
    expected = {
        "Chrome": home / ".config/google-chrome/NativeMessagingHosts",
        "Chromium": home / ".config/chromium/NativeMessagingHosts",
        "Edge": home / ".config/microsoft-edge/NativeMessagingHosts",
        "Brave": home / ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts",
        "Firefox": home / ".mozilla/native-messaging-hosts",
    }
    for browser, folder in expected.items():
        data = json.loads((folder / "com.followup_assistant.backend.json").read_text())
        assert data["name"] == "com.followup_assistant.backend"
        assert data["type"] == "stdio" and data["path"] == str(launcher)
        if browser == "Firefox":
            assert data["allowed_extensions"] == ["followup-assistant@followup.local"]
            assert "allowed_origins" not in data
        else:
            assert data["allowed_origins"] == ["chrome-extension://aholbjfnddmgpefgmajoflaecdadhlmn/"]
            assert "allowed_extensions" not in data
    script = launcher.read_text()
    assert os.stat(launcher).st_mode & 0o777 == 0o700
    assert f"exec {sys.executable} -m backend.native_host" in script
    assert "export FOLLOWUP_PORT=9876" in script
    assert "Registered Follow-up Assistant with: Chrome, Chromium, Edge, Brave, Firefox." in \
        capsys.readouterr().out

    assert native_install.uninstall() == 0
    for folder in expected.values():
        assert not (folder / "com.followup_assistant.backend.json").exists()
    assert not launcher.exists()
    assert "Removed 5 browser registrations" in capsys.readouterr().out


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux folders")
def test_install_skips_browsers_that_are_not_there_and_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(native_install, "HOME", lambda: tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    (tmp_path / ".mozilla").mkdir()
    native_install.install()
    out = capsys.readouterr().out
    assert "Registered Follow-up Assistant with: Firefox." in out
    assert "Not found (run `make install` again after installing one): Chrome, Chromium, Edge, " \
           "Brave." in out
    assert not (tmp_path / ".config").exists()


def test_the_ids_in_the_host_manifests_are_the_extensions_own():
    import base64
    import hashlib

    extension = json.loads((ROOT / "extension" / "manifest.json").read_text())
    digest = hashlib.sha256(base64.b64decode(extension["key"])).hexdigest()[:32]
    chromium_id = "".join(chr(ord("a") + int(c, 16)) for c in digest)
    assert native_install.EXTENSION_ID == chromium_id
    assert native_install.GECKO_ID == extension["browser_specific_settings"]["gecko"]["id"]
    assert "nativeMessaging" in extension["permissions"]


def talk(request: dict, env: dict) -> dict:
    """Run the host as a browser would: one framed message in, one framed answer out."""
    data = json.dumps(request).encode()
    done = subprocess.run([sys.executable, "-m", "backend.native_host",
                           "chrome-extension://aholbjfnddmgpefgmajoflaecdadhlmn/"],
                          input=struct.pack("=I", len(data)) + data, capture_output=True,
                          env=env, cwd=ROOT, timeout=60)
    (length,) = struct.unpack("=I", done.stdout[:4])
    assert len(done.stdout) == 4 + length, done.stderr
    return json.loads(done.stdout[4:])


def test_the_host_starts_the_backend_once_and_pairs_the_extension(tmp_path):
    port = free_port()
    database_path = tmp_path / "data" / "followup.db"
    env = backend_env(database_path, port, token=None)  # the host starts the backend here
    try:
        first = talk({"type": "start", "pair": True}, env)
        assert first["ok"] is True and first["url"] == f"http://127.0.0.1:{port}"
        assert len(first["token"]) > 30
        pid = int((database_path.parent / "backend.pid").read_text())
        second = talk({"type": "start"}, env)
        assert second == {"ok": True, "url": f"http://127.0.0.1:{port}"}
        assert int((database_path.parent / "backend.pid").read_text()) == pid  # not twice
        import urllib.request
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/profile")
        request.add_header("Authorization", f"Bearer {first['token']}")
        with urllib.request.urlopen(request, timeout=5) as answer:
            assert answer.status == 200
        refused = talk({"type": "read", "path": "/etc/passwd"}, env)
        assert refused["ok"] is False and refused["error"]["code"] == "unknown_request"
        # Uninstall stops the backend the host started (and only that one).
        home_env = {**env, "XDG_DATA_HOME": str(tmp_path / "share")}
        done = subprocess.run([sys.executable, "-m", "backend", "uninstall", "--browser-dir",
                               str(tmp_path / "hosts")], env=home_env, cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert "stopped the backend the browser had started" in done.stdout, done.stdout
        wait_until_closed(port)
    finally:
        pid_file = database_path.parent / "backend.pid"
        if pid_file.exists():
            os.kill(int(pid_file.read_text()), 15)
    open_database(str(database_path))
    with database.connection_context():
        assert Token.select().count() == 1 and security.is_paired()


def test_a_message_larger_than_the_limit_is_refused(tmp_path):
    import io

    with pytest.raises(ValueError):
        native_host.read_message(io.BytesIO(struct.pack("=I", 10**7) + b"{}"))
