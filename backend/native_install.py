"""`followup-assistant install` / `uninstall` (what `make install` / `make uninstall` run):
register the native-messaging host with Chrome, Chromium, Edge, Brave and Firefox, per user.

Install writes a small launcher (it runs this environment's Python on backend.native_host, with
the FOLLOWUP_* settings of the moment) and, in each browser's per-user folder, a host manifest
naming it, which only the extension's own id may use. Uninstall removes both; the user's data
stays where it is.
"""
import json
import os
import shlex
import stat
import sys
from pathlib import Path

import platformdirs

from . import config

HOST_NAME = "com.followup_assistant.backend"
# The extension's ids: Chromium's is fixed by the manifest's "key", Firefox's is its gecko id
# (a test holds both equal to extension/manifest.json).
EXTENSION_ID = "aholbjfnddmgpefgmajoflaecdadhlmn"
GECKO_ID = "followup-assistant@followup.local"
DESCRIPTION = "Follow-up Assistant: starts the local backend for the extension"
SETTINGS = tuple(config.ENVIRONMENT)  # FOLLOWUP_DB, FOLLOWUP_PORT, ... kept in the launcher

HOME = Path.home
# Per-user NativeMessagingHosts folders, below the browser's own folder (which must exist).
LINUX = {
    "Chrome": ".config/google-chrome",
    "Chromium": ".config/chromium",
    "Edge": ".config/microsoft-edge",
    "Brave": ".config/BraveSoftware/Brave-Browser",
    "Firefox": ".mozilla",
}
MACOS = {
    "Chrome": "Library/Application Support/Google/Chrome",
    "Chromium": "Library/Application Support/Chromium",
    "Edge": "Library/Application Support/Microsoft Edge",
    "Brave": "Library/Application Support/BraveSoftware/Brave-Browser",
    "Firefox": "Library/Application Support/Mozilla",
}
WINDOWS_KEYS = {  # HKEY_CURRENT_USER\<key>\<HOST_NAME> = the manifest's path
    "Chrome": r"Software\Google\Chrome\NativeMessagingHosts",
    "Chromium": r"Software\Chromium\NativeMessagingHosts",
    "Edge": r"Software\Microsoft\Edge\NativeMessagingHosts",
    "Brave": r"Software\BraveSoftware\Brave-Browser\NativeMessagingHosts",
    "Firefox": r"Software\Mozilla\NativeMessagingHosts",
}


def is_firefox(browser: str) -> bool:
    return browser == "Firefox"


def host_folders() -> dict[str, Path]:
    """Each browser's per-user host-manifest folder on this system (POSIX)."""
    home = HOME()
    if sys.platform == "darwin":
        return {name: home / base / "NativeMessagingHosts" for name, base in MACOS.items()}
    return {name: home / base / ("native-messaging-hosts" if is_firefox(name) else
                                 "NativeMessagingHosts") for name, base in LINUX.items()}


def manifest(browser: str, launcher: Path) -> dict:
    """The host manifest for one browser: only our extension may start the host."""
    allowed = ({"allowed_extensions": [GECKO_ID]} if is_firefox(browser) else
               {"allowed_origins": [f"chrome-extension://{EXTENSION_ID}/"]})
    return {"name": HOST_NAME, "description": DESCRIPTION, "path": str(launcher),
            "type": "stdio", **allowed}


def app_folder() -> Path:
    return Path(platformdirs.user_data_dir(config.APP_NAME, appauthor=False))


def launcher_path() -> Path:
    return app_folder() / ("native-host.bat" if os.name == "nt" else "native-host")


def write_launcher(path: Path) -> None:
    """A script that runs this Python on the host, with today's FOLLOWUP_* settings."""
    from .private import private_folder

    private_folder(path.parent)
    settings = {name: os.environ[name] for name in SETTINGS if os.environ.get(name)}
    if os.name == "nt":
        lines = ["@echo off", *(f'set "{k}={v}"' for k, v in settings.items()),
                 f'"{sys.executable}" -m backend.native_host %*']
        path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
        return
    lines = ["#!/bin/sh", "# Written by `followup-assistant install`; `uninstall` removes it.",
             *(f"export {k}={shlex.quote(v)}" for k, v in settings.items()),
             f"exec {shlex.quote(sys.executable)} -m backend.native_host \"$@\""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.chmod(path, stat.S_IRWXU)  # 0700: the user's alone


def targets(folders: list[str] | None) -> tuple[dict[str, Path], list[str]]:
    """Where to write, by browser: each browser's own folder when that browser is there, or the
    given folders (a `native-messaging-hosts` one is Firefox's, others Chromium's). Also the
    browsers skipped."""
    if folders:
        return {("Firefox" if Path(f).name == "native-messaging-hosts" else "Chromium") +
                f" ({f})": Path(f) for f in folders}, []
    found, skipped = {}, []
    for browser, folder in host_folders().items():
        (found.__setitem__(browser, folder) if folder.parent.is_dir() else
         skipped.append(browser))
    return found, skipped


def install(folders: list[str] | None = None) -> int:
    """Write the launcher and a host manifest for each browser; say where."""
    launcher = launcher_path()
    write_launcher(launcher)
    if os.name == "nt" and not folders:
        return _install_windows(launcher)
    found, skipped = targets(folders)
    for browser, folder in found.items():
        folder.mkdir(parents=True, exist_ok=True)
        data = manifest(browser.split()[0], launcher)
        (folder / f"{HOST_NAME}.json").write_text(json.dumps(data, indent=2) + "\n",
                                                  encoding="utf-8")
    names = ", ".join(found) or "no browser found"
    print(f"Registered Follow-up Assistant with: {names}.")
    if skipped:
        print(f"Not found (run `make install` again after installing one): {', '.join(skipped)}.")
    print("Load the extension (README: Load the extension); it starts the backend and pairs "
          "itself from now on. `make uninstall` undoes this.")
    return 0


def uninstall(folders: list[str] | None = None) -> int:
    """Remove every host manifest and the launcher; the user's data stays."""
    removed = 0
    if os.name == "nt" and not folders:
        removed += _uninstall_windows()
    all_folders = [Path(folder) for folder in folders] if folders else \
        list(host_folders().values())
    for folder in all_folders:
        target = folder / f"{HOST_NAME}.json"
        if target.exists():
            target.unlink()
            removed += 1
    launcher_path().unlink(missing_ok=True)
    stopped = stop_started_backend()
    print(f"Removed {removed} browser registration{'s' if removed != 1 else ''} and the "
          f"launcher{'; stopped the backend the browser had started' if stopped else ''}. "
          f"Your data is still in {app_folder()}.")
    return 0


def stop_started_backend() -> bool:
    """Stop the backend the native host started (its backend.pid), if it is still ours."""
    import signal

    from . import server
    from .native_host import PID_FILE

    try:
        settings = config.load()
    except ValueError:
        return False
    pid_file = Path(settings["DATABASE"]).parent / PID_FILE
    if not pid_file.exists():
        return False
    try:
        pid = int(pid_file.read_text())
    except ValueError:
        pid = 0
    pid_file.unlink()
    running = server.whos_there(settings["HOST"], settings["PORT"]) == "ours"
    cmdline = Path(f"/proc/{pid}/cmdline")  # Linux: make sure the pid is still that process
    if not pid or not running or (cmdline.parent.parent.is_dir() and not (
            cmdline.exists() and b"backend" in cmdline.read_bytes())):
        return False
    try:
        os.kill(pid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError, OSError):
        return False
    return True


def _install_windows(launcher: Path) -> int:  # pragma: no cover - Windows only
    import winreg

    for browser, key in WINDOWS_KEYS.items():
        path = app_folder() / f"{HOST_NAME}.{browser.lower()}.json"
        path.write_text(json.dumps(manifest(browser, launcher), indent=2), encoding="utf-8")
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, f"{key}\\{HOST_NAME}") as handle:
            winreg.SetValueEx(handle, "", 0, winreg.REG_SZ, str(path))
    print(f"Registered Follow-up Assistant with: {', '.join(WINDOWS_KEYS)}.")
    return 0


def _uninstall_windows() -> int:  # pragma: no cover - Windows only
    import winreg

    removed = 0
    for browser, key in WINDOWS_KEYS.items():
        try:
            winreg.DeleteKey(winreg.HKEY_CURRENT_USER, f"{key}\\{HOST_NAME}")
            removed += 1
        except FileNotFoundError:
            pass
        (app_folder() / f"{HOST_NAME}.{browser.lower()}.json").unlink(missing_ok=True)
    return removed


COMMANDS = {"install": install, "uninstall": uninstall}
