"""One list of the extension's scripts (extension/scripts.json); every other list is held to it.

The browsers load scripts in the order listed, and each list is written out where the browser
reads it: the manifest (one content-script entry per webmail, Firefox's background page),
settings.js (self-hosted webmail, registered at run time) and the service worker's
importScripts (Chrome). A script added to one and not the others breaks a site quietly.
"""
import json
import re
from pathlib import Path

import pytest

EXTENSION = Path(__file__).resolve().parent.parent / "extension"
LISTS = json.loads((EXTENSION / "scripts.json").read_text(encoding="utf-8"))
MANIFEST = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
CONTENT = LISTS["content"]


def content_scripts(adapter: str) -> list[str]:
    return [*CONTENT["before_adapter"], adapter, *CONTENT["after_adapter"]]


def quoted_list(text: str, opening: str) -> list[str]:
    """The quoted strings of the first bracketed or parenthesised list after `opening`."""
    start = text.index(opening) + len(opening)
    end = min(i for i in (text.find("]", start), text.find(")", start)) if i != -1)
    return re.findall(r"'([^']+)'", text[start:end])


@pytest.mark.parametrize("entry", MANIFEST["content_scripts"], ids=lambda e: e["matches"][0])
def test_each_webmail_loads_the_listed_scripts_with_its_adapter(entry):
    adapters = {CONTENT["adapters"][match] for match in entry["matches"]
                if match in CONTENT["adapters"]}
    assert len(adapters) == 1, f"scripts.json names no adapter for {entry['matches']}"
    assert entry["js"] == content_scripts(adapters.pop())


def test_every_adapter_listed_is_loaded_somewhere_and_exists():
    loaded = {path for entry in MANIFEST["content_scripts"] for path in entry["js"]}
    settings = (EXTENSION / "shared" / "settings.js").read_text(encoding="utf-8")
    loaded |= set(quoted_list(settings, "SITE_CONTENT_SCRIPTS = Object.freeze(["))
    for path in [*CONTENT["before_adapter"], *CONTENT["after_adapter"],
                 *CONTENT["adapters"].values(), *LISTS["background"]]:
        assert (EXTENSION / path).is_file(), path
    assert set(CONTENT["adapters"].values()) <= loaded


def test_self_hosted_webmail_gets_the_same_scripts_with_the_roundcube_adapter():
    settings = (EXTENSION / "shared" / "settings.js").read_text(encoding="utf-8")
    listed = quoted_list(settings, "SITE_CONTENT_SCRIPTS = Object.freeze([")
    assert listed == content_scripts(CONTENT["adapters"]["self-hosted"])


def test_firefoxs_background_page_and_chromes_worker_load_the_same_list():
    assert MANIFEST["background"]["scripts"] == LISTS["background"]
    worker = (EXTENSION / "background" / "service-worker.js").read_text(encoding="utf-8")
    imported = quoted_list(worker, "importScripts(")
    expected = [path.replace("background/", "") if path.startswith("background/")
                else f"/{path}" for path in LISTS["background"][:-1]]
    assert imported == expected


def test_every_content_script_file_is_listed():
    """A new file under content/ must be placed in the list (or it never runs)."""
    listed = {*CONTENT["before_adapter"], *CONTENT["after_adapter"], *CONTENT["adapters"].values()}
    on_disk = {str(path.relative_to(EXTENSION)) for path in (EXTENSION / "content").rglob("*.js")}
    assert on_disk <= listed, sorted(on_disk - listed)
