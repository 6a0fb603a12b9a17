"""A copy of the extension for a test, changed only in ways a test needs and no page or user can reach:
  - host permissions granted up front (what the user's "Allow" in the browser's prompt grants;
    headless Chromium shows that prompt where no test can answer it);
  - site adapters left out of what a self-hosted site gets, so that the generic adapter serves a
    real webmail it does not know (the test-only switch: it exists only in this copy, on disk).
"""
import json
import re
import shutil
from pathlib import Path

from e2e.conftest import EXTENSION

SETTINGS = Path("shared") / "settings.js"  # SITE_CONTENT_SCRIPTS: what an added site gets


def extension_copy(dest: Path, hosts: tuple[str, ...] = (), without_adapters: tuple[str, ...] = ()) -> Path:
    """Copy the extension to dest; returns dest. hosts: match patterns to grant; without_adapters: names."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(EXTENSION, dest)
    manifest = json.loads((dest / "manifest.json").read_text())
    manifest["host_permissions"] += list(hosts)
    (dest / "manifest.json").write_text(json.dumps(manifest, indent=2))
    settings = dest / SETTINGS
    text = settings.read_text()
    for name in without_adapters:
        line = re.compile(rf"^[ \t]*'content/adapters/{re.escape(name)}\.js',\n", re.M)  # any indent
        assert line.search(text), f"{SETTINGS} no longer lists {name}.js the way this switch expects"
        text = line.sub("", text)
    settings.write_text(text)
    return dest
