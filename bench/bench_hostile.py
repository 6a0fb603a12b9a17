"""Hostile strings at full length: the whole catalogue in every text field of every route.

Runs tests/reliability/test_hostile_strings.py with FOLLOWUP_HOSTILE=all and prints what it
sent. Target: 0 answers 5xx, every refusal a 4xx naming the field, everything else read back
exactly as sent (the tests assert both).
"""
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    report = Path(tempfile.mkdtemp()) / "hostile.json"
    env = {**os.environ, "FOLLOWUP_HOSTILE": "all", "FOLLOWUP_HOSTILE_REPORT": str(report)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "tests/reliability/test_hostile_strings.py"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    took = time.perf_counter() - started
    figures = json.loads(report.read_text()) if report.exists() else {}
    print(f"strings in the catalogue: {figures.get('strings', 0)} (Big List of Naughty Strings "
          "+ RTL marks, lone surrogates, NUL, emoji ZWJ sequences, 10,000-character values)")
    print(f"requests: {figures.get('requests', 0):,} in {took:.0f} s; refused with a named "
          f"field (4xx): {figures.get('4xx', 0):,}; 2xx (stored values, their read-backs, "
          f"drafts, checks): {figures.get('2xx', 0):,}; server errors (5xx): "
          f"{figures.get('5xx', 0)} (target 0)")
    print("tests: " + (done.stdout.strip().splitlines() or ["(no output)"])[-1])
    verdict = "NOT met" if done.returncode else "met"
    print(f"target no 5xx, clear refusals, exact read-back: {verdict}")
    if done.returncode:
        print(done.stdout[-3000:], done.stderr[-2000:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
