"""One list of the content scripts (extension/scripts.json); every other list is held to it.

Content scripts cannot be ES modules: the browsers load the files a list names, in its order,
and the manifest (one entry per webmail) must spell the list out where the browser reads it.
A script added to one and not the others breaks a site quietly. (Self-hosted webmail gets the
list read from scripts.json itself, at run time.) The background and the extension's pages are
ES modules, so their imports are their list: the manifest names one entry point, and every
file is reached.
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


@pytest.mark.parametrize("entry", MANIFEST["content_scripts"], ids=lambda e: e["matches"][0])
def test_each_webmail_loads_the_listed_scripts_with_its_adapter(entry):
    adapters = {CONTENT["adapters"][match] for match in entry["matches"]
                if match in CONTENT["adapters"]}
    assert len(adapters) == 1, f"scripts.json names no adapter for {entry['matches']}"
    assert entry["js"] == content_scripts(adapters.pop())


def test_every_adapter_listed_is_loaded_somewhere_and_exists():
    loaded = {path for entry in MANIFEST["content_scripts"] for path in entry["js"]}
    loaded.add(CONTENT["adapters"]["self-hosted"])  # registered at run time (background/sites.js)
    for path in [*CONTENT["before_adapter"], *CONTENT["after_adapter"], *CONTENT["adapters"].values()]:
        assert (EXTENSION / path).is_file(), path
    assert set(CONTENT["adapters"].values()) <= loaded


def test_self_hosted_webmail_scripts_are_read_from_the_list_not_written_again():
    """The worker builds what an added site gets from scripts.json at run time (tests/js holds
    how); no other file spells the list out."""
    sites = (EXTENSION / "background" / "sites.js").read_text(encoding="utf-8")
    assert "chrome.runtime.getURL('scripts.json')" in sites
    for path in EXTENSION.rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        assert "'content/main.js'" not in text and '"content/main.js"' not in text, path


def test_chrome_and_firefox_start_the_same_background_module():
    entry = "background/service-worker.js"
    assert MANIFEST["background"] == {"service_worker": entry, "scripts": [entry], "type": "module"}


IMPORT = re.compile(r"""^import\s+(?:[^'"]+?\s+from\s+)?['"]([^'"]+)['"]""", re.M)


def module_graph(entry: Path) -> set[Path]:
    """Every file `entry` reaches by its static imports (relative paths, as the modules write them)."""
    seen, todo = set(), [entry]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for target in IMPORT.findall(path.read_text(encoding="utf-8")):
            assert target.startswith("."), f"{path.name} imports {target}: relative paths only"
            resolved = (path.parent / target).resolve()
            assert resolved.is_file(), f"{path.name} imports {target}, which does not exist"
            todo.append(resolved)
    return seen


def test_every_background_file_is_reached_from_the_worker():
    reached = module_graph(EXTENSION / MANIFEST["background"]["service_worker"])
    on_disk = set((EXTENSION / "background").glob("*.js"))
    assert on_disk <= reached, sorted(p.name for p in on_disk - reached)


PAGES = ["popup/popup.html", "options/options.html", "interviews/interviews.html",
         "panel/panel.html", "prompt/prompt.html"]


@pytest.mark.parametrize("page", PAGES)
def test_each_page_loads_one_module_and_no_classic_script(page):
    html = (EXTENSION / page).read_text(encoding="utf-8")
    tags = re.findall(r"<script\b[^>]*>", html)
    assert tags == [re.search(r'<script type="module" src="[\w-]+\.js">', html).group(0)], tags
    entry = (EXTENSION / page).parent / re.search(r'src="([\w-]+\.js)"', tags[0]).group(1)
    assert all(path.is_file() for path in module_graph(entry))


def test_content_scripts_are_classic_scripts():
    """A content script with import/export would not run at all (browsers load classic scripts there)."""
    listed = {*CONTENT["before_adapter"], *CONTENT["after_adapter"], *CONTENT["adapters"].values()}
    for path in listed:
        text = (EXTENSION / path).read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|export)\b", text, re.M), path


def test_every_content_script_file_is_listed():
    """A new file under content/ must be placed in the list (or it never runs)."""
    listed = {*CONTENT["before_adapter"], *CONTENT["after_adapter"], *CONTENT["adapters"].values()}
    on_disk = {str(path.relative_to(EXTENSION)) for path in (EXTENSION / "content").rglob("*.js")}
    assert on_disk <= listed, sorted(on_disk - listed)
