"""The checker's speed: a realistic 150-word draft, the tone model's load, hostile bodies.

Run: `python bench/bench_checker.py` (or `make bench`). Everything runs in this one run, on this
machine, so the ratios hold whatever the machine. Targets:
- a 150-word draft checked in p95 <= 150 ms warm, tone model included, every sentence new to
  the sentence encoder (its memory emptied before each check: the honest worst case, a draft
  pasted in; a draft checked again after one edit re-encodes only that sentence);
- the tone model and the sentence encoder loaded (hashes checked) in <= 3 s at start, in a
  fresh process;
- the worst of the adversarial 20,000-character bodies <= 5x a benign body of that length;
- the extra installed size of new run-time dependencies printed (budget 250 MB).
Beside them, proselint on the same draft, for scale (the rules alone were once held to 10x it).
"""
import os
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backend.checker import Context, check, tone
from backend.checker.adversarial import benign, bodies
from backend.checker.encoder import ENCODER
from backend.checker.eval import load

RUNS = 400             # checker runs; proselint runs one in PROSELINT_EVERY (it is slower)
PROSELINT_EVERY = 10
WARMUP = 20
P95_TARGET_MS = 150.0
LOAD_TARGET_S = 3.0
ADVERSARIAL_LENGTH = 20_000
ADVERSARIAL_TARGET = 5.0
SIZE_BUDGET_MB = 250

# A first follow-up as people write them: greeting, thanks, the date the interviewer gave,
# interest, something of value, a question, a signature, and the quoted thread below it.
DRAFT = """Hi Anna,

I hope your week is going well. Thank you again for taking the time to meet with me last \
Tuesday to talk about the Product Manager role on the payments team. I really enjoyed hearing \
how the team decides what to build next, and the discussion about the checkout redesign has \
stayed with me since.

You mentioned that you hoped to make a decision by March 13, so I wanted to check in. Since \
we spoke, I finished a short analysis of the onboarding funnel from my current job, which cut \
drop-off by 18%, and I'd be glad to share it if it would be useful. I'm still very excited \
about the possibility of joining the team and contributing to the next launch.

Is there any update on the timeline, or anything else I can provide to help with your \
decision? I know these things take time, so no rush at all.

Best regards,
Sam Lee
Senior Product Analyst | sam.lee@example.com

On Mon, Mar 2, 2026 at 4:12 PM Anna Park <anna.park@example.com> wrote:
> Thanks Sam, great talking today. We hope to decide by the 13th.
"""
CONTEXT = Context(company="Acme Payments", position="Product Manager", interviewer_name="Anna Park")


def timings(functions: dict, runs: int, every: dict) -> dict:
    """Milliseconds per call, wall clock and CPU (the whole process's: the sentence encoder
    runs on worker threads), for each function, runs interleaved.

    Interleaved so that both tools meet the same load: this machine is shared, and a burst
    of someone else's work must not land on one tool only.
    """
    for function in functions.values():
        for _ in range(WARMUP):
            function()
    out = {name: {"wall": [], "cpu": []} for name in functions}
    for run in range(runs):
        for name, function in functions.items():
            if run % every[name]:
                continue
            wall, cpu = time.perf_counter(), time.process_time()
            function()
            out[name]["cpu"].append((time.process_time() - cpu) * 1000)
            out[name]["wall"].append((time.perf_counter() - wall) * 1000)
    return out


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the sorted values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def proselint_lint():
    """proselint 0.16's own programmatic path: register its checks once, lint a LintFile."""
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    registry = CheckRegistry()
    if not registry.checks:
        registry.register_many(__register__)
    return lambda: LintFile("<draft>", DRAFT).lint()


def main() -> int:
    own_words = DRAFT.split("\n\nBest regards")[0]
    print(f"draft: {len(own_words.split())} words of the user's own, "
          f"{len(DRAFT)} characters with signature and quoted thread")
    print("checker findings:", [(f.rule, f.severity) for f in check(DRAFT, CONTEXT)] or "none")
    try:
        lint = proselint_lint()
    except ImportError:
        print("proselint is not installed (pip install -e '.[bench]'): no comparison")
        return 0
    print(f"proselint findings: {len(lint())}")
    def checker():
        ENCODER.forget()  # every sentence new to the encoder: the cost of a pasted draft
        check(DRAFT, CONTEXT)

    found = timings({"checker": checker, "checked again": lambda: check(DRAFT, CONTEXT),
                     "proselint": lint}, RUNS,
                    {"checker": 1, "checked again": 1, "proselint": PROSELINT_EVERY})
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
          f"on {os.cpu_count()} CPUs")
    print(f"{'':12}{'clock':>6}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}{'mean ms':>10}"
          f"{'runs':>7}")
    figures = {}
    for name, clocks in found.items():
        for clock, values in clocks.items():
            figures[name, clock] = [percentile(values, q) for q in (0.5, 0.95, 0.99)]
            print(f"{name:12}{clock:>6}" + "".join(f"{v:>10.3f}" for v in figures[name, clock])
                  + f"{statistics.mean(values):>10.3f}{len(values):>7}")
    met = True
    p95 = figures["checker", "wall"][1]
    ok = p95 <= P95_TARGET_MS
    met &= ok
    print(f"150-word draft, warm, tone model included, every sentence encoded: p95 {p95:.2f} ms "
          f"wall (target <= {P95_TARGET_MS:.0f} ms) — {'met' if ok else 'MISSED'}; checked again "
          f"unchanged: p95 {figures['checked again', 'wall'][1]:.2f} ms")
    speedup = figures["proselint", "cpu"][0] / figures["checker", "cpu"][0]
    print(f"for scale: proselint/checker at p50 (CPU) {speedup:.1f}x")
    corpus = [(e.body, e.context, e.subject) for e in load()]
    per_draft = [cpu_ms(lambda entry=entry: check(*entry)) for _ in range(3) for entry in corpus]
    print(f"the {len(corpus)} corpus drafts (pushy ones too), CPU: "
          f"p50 {percentile(per_draft, 0.5):.3f} ms, p95 {percentile(per_draft, 0.95):.3f} ms")
    met &= model_load()
    met &= adversarial()
    met &= installed_size()
    print("checker targets: " + ("met" if met else "NOT met"))
    return 0


def model_load() -> bool:
    """The tone model's load in a fresh process (read, hash checked, parsed), the import of the
    whole checker (rules compiled, model loaded: what the server does at start), and the
    first check after it."""
    probe = ("import time; t = time.perf_counter(); import backend.checker.tone as tone; "
             "from backend.checker.encoder import Encoder; "
             "i = time.perf_counter(); tone.load(); Encoder().load(); l = time.perf_counter(); "
             "from backend.checker import check; s = time.perf_counter(); "
             "check('Thank you for the interview. Any update?'); c = time.perf_counter(); "
             "print(l - i, s - t - (l - i), c - s)")
    root = Path(__file__).resolve().parent.parent
    runs = [tuple(map(float, subprocess.run([sys.executable, "-c", probe], cwd=root, check=True,
                                            capture_output=True, text=True).stdout.split()))
            for _ in range(3)]
    worst = max(runs, key=lambda r: r[0])
    ok = worst[0] <= LOAD_TARGET_S
    print(f"tone model and sentence encoder load in a fresh process (worst of 3): {worst[0]:.2f} s "
          f"(target <= {LOAD_TARGET_S:.0f} s) — {'met' if ok else 'MISSED'}; the whole checker's "
          f"import, model included: {max(r[1] for r in runs):.2f} s; first check after it: "
          f"{max(r[2] for r in runs) * 1000:.0f} ms")
    return ok


def adversarial() -> bool:
    """The worst adversarial body against a benign one of the same length, CPU, best of 3."""
    def best(body: str) -> float:
        return min(cpu_ms(lambda: check(body)) for _ in range(3))

    check(benign(ADVERSARIAL_LENGTH))
    yardstick = best(benign(ADVERSARIAL_LENGTH))
    costs = {name: best(body) for name, body in bodies(ADVERSARIAL_LENGTH).items()}
    ranked = sorted(costs.items(), key=lambda pair: -pair[1])
    worst_name, worst = ranked[0]
    ok = worst <= ADVERSARIAL_TARGET * yardstick
    print(f"{ADVERSARIAL_LENGTH:,}-character bodies, CPU: benign {yardstick:.1f} ms; worst of "
          f"{len(costs)} adversarial: {worst_name!r} {worst:.1f} ms = {worst / yardstick:.1f}x "
          f"(target <= {ADVERSARIAL_TARGET:.0f}x) — {'met' if ok else 'MISSED'}")
    print("  next: " + ", ".join(f"{name} {cost / yardstick:.1f}x" for name, cost in ranked[1:5]))
    return ok


def installed_size() -> bool:
    """The distributions the tone layer needs beyond the standard library, and their size.

    Read from the import statements of the layer's own modules (the rest of the checker was
    there before it), each traced to the distribution that installs it, with everything those
    require in turn, less what the rest of the backend installs anyway.
    """
    import ast

    folder = Path(tone.__file__).parent
    imported = set()
    for module in ("tone.py", "layer.py", "encoder.py"):
        tree = ast.parse((folder / module).read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level:
                imported.add(node.module.split(".")[0])
    owners = metadata.packages_distributions()
    direct = {dist for module in imported - set(sys.stdlib_module_names) - {"backend"}
              for dist in owners.get(module, [module])}
    rest = closure(installs("followup-assistant") - direct)
    added = sorted(closure(direct) - rest)
    size = sum(dist_size(name) for name in added)
    model = sum(f.stat().st_size for f in tone.FOLDER.iterdir()) / 1e6
    ok = size / 1e6 <= SIZE_BUDGET_MB
    print(f"distributions the tone layer needs beyond the standard library: "
          f"{', '.join(added) or 'none'} ({size / 1e6:.1f} MB installed; budget "
          f"{SIZE_BUDGET_MB} MB) — {'met' if ok else 'MISSED'}; the model's own files: "
          f"{model:.2f} MB (scikit-learn is needed only to retrain it: the `train` extra)")
    return ok


def installs(name: str) -> set[str]:
    """The distributions one distribution requires, extras left out (packaging reads the
    requirement strings and their markers, as pip does)."""
    from packaging.requirements import Requirement

    found = set()
    for text in metadata.requires(name) or ():
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            found.add(requirement.name.lower().replace("_", "-"))
    return found


def closure(names: set[str]) -> set[str]:
    """The distributions `names` install: themselves and what they require, without extras."""
    found, todo = set(), [n.lower().replace("_", "-") for n in names]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        try:
            todo += installs(name)
        except metadata.PackageNotFoundError:
            continue
        found.add(name)
    return found


def dist_size(name: str) -> int:
    """Bytes installed by one distribution, from its RECORD."""
    files = metadata.distribution(name).files or ()
    return sum(f.size or 0 for f in files)


def cpu_ms(function) -> float:
    """CPU milliseconds of one call, on every thread of the process."""
    start = time.process_time()
    function()
    return (time.process_time() - start) * 1000


if __name__ == "__main__":
    sys.exit(main())
