"""axe-core (from npm, e2e/package.json) run in a page or a frame: the accessibility audit.

Extension pages forbid inline scripts and eval (their content security policy), so the library
is not added as a <script>: Playwright evaluates its source through the DevTools protocol, which
the page's policy does not govern, and then calls axe.run in the same world.
"""
from pathlib import Path

NODE_MODULES = Path(__file__).resolve().parent / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
# What fails the suite: the two worst of axe's four impact levels.
BLOCKING = ("serious", "critical")
# WCAG 2.0/2.1/2.2 A and AA, plus axe's best practices.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def audit(target) -> list[dict]:
    """Every axe violation in a Playwright Page or Frame: [{id, impact, help, nodes: [selector]}]."""
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE} missing: run `cd e2e && npm ci` (make test does).")
    if not target.evaluate("typeof window.axe === 'object'"):
        target.evaluate(AXE.read_text(encoding="utf-8"))
    result = target.evaluate("""(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                         resultTypes: ['violations']})""", TAGS)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"])
                       for n in v["nodes"]]}
            for v in result["violations"]]


def blocking(target) -> list[dict]:
    """The serious and critical violations only (what the suite refuses)."""
    return [v for v in audit(target) if v["impact"] in BLOCKING]
