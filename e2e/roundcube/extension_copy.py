"""A copy of the extension for a test, changed only in ways a test needs and no page or user can reach:
  - host permissions granted up front (what the user's "Allow" in the browser's prompt grants;
    headless Chromium shows that prompt where no test can answer it);
  - site adapters left out of what a self-hosted site gets, so that the generic adapter serves a
    real webmail it does not know (the test-only switch: it exists only in this copy, on disk).
"""
import json
import shutil
from pathlib import Path

from e2e.conftest import EXTENSION

SCRIPTS = Path("scripts.json")  # content.adapters["self-hosted"]: the adapter an added site gets


def extension_copy(dest: Path, hosts: tuple[str, ...] = (), without_adapters: tuple[str, ...] = ()) -> Path:
    """Copy the extension to dest; returns dest. hosts: match patterns to grant; without_adapters: names."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(EXTENSION, dest)
    manifest = json.loads((dest / "manifest.json").read_text())
    manifest["host_permissions"] += list(hosts)
    (dest / "manifest.json").write_text(json.dumps(manifest, indent=2))
    lists = json.loads((dest / SCRIPTS).read_text())
    adapters = lists["content"]["adapters"]
    for name in without_adapters:
        assert adapters.get("self-hosted") == f"content/adapters/{name}.js", \
            f"{SCRIPTS} does not give self-hosted sites {name}.js the way this switch expects"
        del adapters["self-hosted"]  # the generic adapter (always loaded) serves the site
    (dest / SCRIPTS).write_text(json.dumps(lists, indent=2))
    return dest
