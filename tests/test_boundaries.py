"""Each part reaches only the parts docs/architecture.md draws arrows to: read from the imports.

The rules engines (timing, checker, the inbox reader) are pure: no web framework, no database.
The data layer and the domain (models, service, lists, ...) know no HTTP. Only the API package
and the app factory import the API. In the extension, content scripts never reach into the
extension's own pages or its storage, and only the service worker talks to the backend.
"""
import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BACKEND = ROOT / "backend"
EXTENSION = ROOT / "extension"

HTTP = {"flask", "flask_cors", "werkzeug", "waitress"}
STORAGE = {"peewee", "sqlite3", "backend.db", "backend.models"}
# The API's side of the seam: what turns a request into a call and a result into an answer.
WEB_LAYER = {"backend.api", "backend.errors", "backend.validate", "backend.security",
             "backend.idempotency"}

# Part (a module prefix) -> what it must never import (module prefixes).
FORBIDDEN = {
    "backend.timing": HTTP | STORAGE | WEB_LAYER | {"backend.service", "backend.checker"},
    "backend.checker": HTTP | STORAGE | WEB_LAYER | {"backend.service"},
    "backend.inbox": HTTP | STORAGE | WEB_LAYER | {"backend.service"},
    "backend.vocabulary": HTTP | STORAGE | WEB_LAYER,
    "backend.problems": HTTP | STORAGE | WEB_LAYER,
    "backend.fields": HTTP | STORAGE | WEB_LAYER,
    "backend.inputs": HTTP | STORAGE | WEB_LAYER,
    "backend.drafting": HTTP | STORAGE | WEB_LAYER,
    "backend.render": HTTP | STORAGE | WEB_LAYER,
    "backend.render_worker": HTTP | STORAGE | WEB_LAYER,
    "backend.private": HTTP | STORAGE | WEB_LAYER,
    "backend.db": HTTP | WEB_LAYER,
    "backend.models": HTTP | WEB_LAYER,
    "backend.records": HTTP | WEB_LAYER,
    "backend.lists": HTTP | WEB_LAYER,
    "backend.service": HTTP | WEB_LAYER,
    "backend.portability": HTTP | WEB_LAYER,
    "backend.backup": HTTP | WEB_LAYER,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module a file imports, relative imports resolved, at any depth in the file."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}  # `from . import api`
    return found


def reaches(name: str, prefixes: set[str]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


SOURCES = sorted(BACKEND.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_each_backend_module_reaches_only_what_its_part_may(path):
    name = module_name(path)
    rules = [(part, banned) for part, banned in FORBIDDEN.items() if reaches(name, {part})]
    for part, banned in rules:
        wrong = sorted(i for i in imports(path) if reaches(i, banned))
        assert not wrong, f"{name} ({part}) must not import {wrong}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_app_factory_and_the_api_import_the_api(path):
    name = module_name(path)
    # The OpenAPI document describes the API's routes from the specs the views use.
    if name in ("backend", "backend.__main__", "backend.openapi") or reaches(name, {"backend.api"}):
        return
    assert not [i for i in imports(path) if reaches(i, {"backend.api"})], name


# The web side and the process around it: the server, commands, the native host. They may
# import anything below them; nothing below imports them (the rules above say so).
OUTER = WEB_LAYER | {"backend", "backend.__main__", "backend.config", "backend.openapi",
                     "backend.data_commands", "backend.ics", "backend.server",
                     "backend.native_host", "backend.native_install"}


def test_every_backend_module_is_placed_under_a_rule_or_in_the_outer_layer():
    """A new module must be placed: under a rule above, or in the outer layer on purpose."""
    loose = [module_name(p) for p in SOURCES
             if module_name(p) not in OUTER
             and not reaches(module_name(p), set(FORBIDDEN) | {"backend.api"})]
    assert not loose, f"place these in tests/test_boundaries.py and docs/architecture.md: {loose}"


def test_nothing_below_the_outer_layer_imports_it():
    outer = OUTER - {"backend"} - WEB_LAYER
    for path in SOURCES:
        name = module_name(path)
        if name in OUTER or reaches(name, {"backend.api"}):
            continue
        wrong = sorted(i for i in imports(path) if reaches(i, outer))
        assert not wrong, f"{name} must not import {wrong}"


def test_the_rules_catch_a_module_that_breaks_them(tmp_path, monkeypatch):
    """The reader of imports sees relative imports, so a leak cannot hide behind dots."""
    source = "from ..models import Interview\nfrom .. import api\nimport flask\n"
    probe = tmp_path / "probe.py"
    probe.write_text(source)
    monkeypatch.setattr(sys.modules[__name__], "module_name", lambda path: "backend.timing.leak_probe")
    found = imports(probe)
    assert {"backend.models", "backend.api", "flask"} <= found
    assert reaches("backend.models.Interview", FORBIDDEN["backend.timing"])


# --- the extension ---------------------------------------------------------------------------

def scripts(folder: str) -> list[Path]:
    return sorted((EXTENSION / folder).rglob("*.js"))


PAGES = ("popup", "options", "interviews", "prompt")


@pytest.mark.parametrize("path", scripts("content"), ids=lambda p: p.name)
def test_content_scripts_do_not_reach_into_extension_pages_or_storage(path):
    text = path.read_text(encoding="utf-8")
    assert "chrome.storage" not in text and "browser.storage" not in text, \
        "the token lives in storage: content scripts ask the service worker instead"
    for folder in ("background", *PAGES):
        assert not re.search(rf"""['"`](\.\./)?{folder}/[\w-]+\.js""", text), \
            f"content scripts do not load {folder}/ scripts"


@pytest.mark.parametrize("path", [p for folder in ("content", *PAGES) for p in scripts(folder)],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_only_the_service_worker_talks_to_the_backend(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\bfetch\s*\(|XMLHttpRequest|new\s+WebSocket", text), \
        f"{path.relative_to(ROOT)} must send a message to the service worker instead"


# The extension's ES modules: what each folder's modules may import (relative paths, read from
# their import lines). The pages reach the worker by messages only, never by importing its code
# (that code holds the token and talks to the backend); the worker draws no page.
IMPORT = re.compile(r"""^import\s+(?:[^'"]+?\s+from\s+)?['"]([^'"]+)['"]""", re.M)
MODULE_FOLDERS = ("background", "popup", "options", "interviews", "panel", "prompt")
MAY_IMPORT = {
    "background": {"background", "common"},
    "popup": {"popup", "common"},
    "options": {"options", "popup", "common"},
    "interviews": {"interviews", "popup", "common"},
    "panel": {"panel", "popup", "common", "content"},  # only the pure scripts it shares (below)
    "prompt": {"prompt", "common"},
}


@pytest.mark.parametrize("path", [p for folder in MODULE_FOLDERS for p in scripts(folder)],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_extension_modules_import_only_what_their_part_may(path):
    folder = path.relative_to(EXTENSION).parts[0]
    for target in IMPORT.findall(path.read_text(encoding="utf-8")):
        reached = (path.parent / target).resolve().relative_to(EXTENSION).parts[0]
        assert reached in MAY_IMPORT[folder], f"{folder}/{path.name} imports {target}"
        if folder == "panel" and reached in ("content", "popup"):
            assert target in ("../content/text.js", "../content/dates.js", "../popup/words.js"), target
