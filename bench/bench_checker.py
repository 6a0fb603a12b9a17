"""The checker's speed on a realistic 150-word draft, beside proselint on the same text.

Run: `python bench/bench_checker.py` (or `make bench`). Both run in this process, on this machine,
one after the other, so the ratio holds whatever the machine. Targets (issue 3): the checker's p99
under 2 ms, and at least 10x faster than proselint.
"""
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backend.checker import Context, check  # noqa: E402

RUNS = 2000
WARMUP = 50
P99_TARGET_MS = 2.0
SPEEDUP_TARGET = 10.0

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


def timings(function, runs: int) -> list[float]:
    """Milliseconds per call, after a warm-up."""
    for _ in range(WARMUP):
        function()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        out.append((time.perf_counter() - start) * 1000)
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
    findings = check(DRAFT, CONTEXT)
    print("checker findings:", [(f.rule, f.severity) for f in findings] or "none")
    ours = timings(lambda: check(DRAFT, CONTEXT), RUNS)
    try:
        lint = proselint_lint()
    except ImportError:
        print("proselint is not installed (pip install '.[bench]'); no comparison")
        return 1
    print(f"proselint findings: {len(lint())}")
    theirs = timings(lint, max(200, RUNS // 10))
    ours_p50, ours_p99 = percentile(ours, 0.5), percentile(ours, 0.99)
    theirs_p50, theirs_p99 = percentile(theirs, 0.5), percentile(theirs, 0.99)
    print(f"{'':12}{'p50 ms':>10}{'p99 ms':>10}{'mean ms':>10}{'runs':>8}")
    print(f"{'checker':12}{ours_p50:>10.3f}{ours_p99:>10.3f}{statistics.mean(ours):>10.3f}"
          f"{len(ours):>8}")
    print(f"{'proselint':12}{theirs_p50:>10.3f}{theirs_p99:>10.3f}"
          f"{statistics.mean(theirs):>10.3f}{len(theirs):>8}")
    print(f"ratio proselint/checker: p50 {theirs_p50 / ours_p50:.1f}x, "
          f"p99 {theirs_p99 / ours_p99:.1f}x")
    met = ours_p99 < P99_TARGET_MS and theirs_p50 / ours_p50 >= SPEEDUP_TARGET
    print(f"targets (p99 < {P99_TARGET_MS} ms, >= {SPEEDUP_TARGET:.0f}x proselint): "
          + ("met" if met else "MISSED"))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
