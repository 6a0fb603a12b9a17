"""Measure every rule on the labelled corpus: `python -m backend.checker.eval` (`make eval`).

Prints each rule's precision and recall over the drafts (a draft counts once per rule, however
many findings), then the errors found on polite drafts. Exits 1 when a target is missed:
recall >= 95% on each error rule and on `desperate`, and no error on any polite draft.
"""
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .context import Context
from .registry import REGISTRY, RULES, check

CORPUS = Path(__file__).parent / "corpus" / "drafts.toml"
MIN_RECALL = 0.95
# The rules whose every miss hurts the candidate: the errors, and desperation (a warning).
TARGET_RULES = tuple(r.id for r in REGISTRY if r.severity == "error") + ("desperate",)


@dataclass(frozen=True)
class Entry:
    """One labelled draft of the corpus."""

    id: str
    body: str
    flag: frozenset[str]
    subject: str | None = None
    context: Context | None = None
    split: str = "tuning"  # "tuning": the rules were tuned on it; else a batch written after

    @property
    def polite(self) -> bool:
        """Labelled with no error rule and no desperation."""
        return not self.flag & set(TARGET_RULES)


@dataclass
class Report:
    """Counts per rule, and the drafts behind every miss and false alarm."""

    entries: int = 0
    polite: int = 0
    hits: Counter = field(default_factory=Counter)
    false_alarms: dict[str, list[str]] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)
    polite_errors: list[str] = field(default_factory=list)

    def precision(self, rule: str) -> float | None:
        """Of the drafts the rule flagged, the share labelled with it."""
        flagged = self.hits[rule] + len(self.false_alarms.get(rule, []))
        return self.hits[rule] / flagged if flagged else None

    def recall(self, rule: str) -> float | None:
        """Of the drafts labelled with the rule, the share it flagged."""
        labelled = self.hits[rule] + len(self.misses.get(rule, []))
        return self.hits[rule] / labelled if labelled else None

    def failures(self) -> list[str]:
        """Each target missed, in words; empty when all are met."""
        failed = [f"recall of {rule} is {self.recall(rule):.0%}, below {MIN_RECALL:.0%}"
                  for rule in TARGET_RULES
                  if self.recall(rule) is not None and self.recall(rule) < MIN_RECALL]
        failed += [f"no labelled draft for {rule}" for rule in TARGET_RULES
                   if self.recall(rule) is None]
        if self.polite_errors:
            failed.append(f"{len(self.polite_errors)} error finding(s) on polite drafts")
        return failed


def load(path: Path = CORPUS) -> list[Entry]:
    """The corpus, checked: known rules only, unique ids."""
    with open(path, "rb") as file:
        drafts = tomllib.load(file)["draft"]
    entries, seen = [], set()
    for raw in drafts:
        unknown = set(raw["flag"]) - set(RULES)
        if unknown or raw["id"] in seen:
            raise ValueError(f"corpus entry {raw['id']}: unknown rules {unknown} or repeated id")
        seen.add(raw["id"])
        context = Context(**raw["context"]) if "context" in raw else None
        entries.append(Entry(raw["id"], raw["body"], frozenset(raw["flag"]),
                             raw.get("subject"), context, raw.get("split", "tuning")))
    return entries


def evaluate(entries: list[Entry] | None = None) -> Report:
    """Run the checker on every entry and count hits, misses and false alarms per rule."""
    report = Report()
    for entry in entries if entries is not None else load():
        findings = check(entry.body, entry.context, entry.subject)
        found = {f.rule for f in findings}
        report.entries += 1
        for rule in RULES:
            if rule in found and rule in entry.flag:
                report.hits[rule] += 1
            elif rule in found:
                matches = [f.match or "(whole draft)" for f in findings if f.rule == rule]
                report.false_alarms.setdefault(rule, []).append(f"{entry.id} {matches}")
            elif rule in entry.flag:
                report.misses.setdefault(rule, []).append(entry.id)
        if entry.polite:
            report.polite += 1
            report.polite_errors += [f"{entry.id}: {f.rule} {f.match!r}"
                                     for f in findings if f.severity == "error"]
    return report


def _percent(value: float | None) -> str:
    return "   —" if value is None else f"{value:4.0%}"


def render(report: Report, title: str = "all") -> str:
    """The report as a table and lists, as `make eval` prints it."""
    lines = [f"== {title}: {report.entries} drafts, {report.polite} polite "
             "(no error rule, no desperation)",
             "", f"{'rule':<22}{'severity':<10}{'labelled':>9}{'flagged':>9}"
             f"{'precision':>11}{'recall':>8}"]
    for rule in REGISTRY:
        labelled = report.hits[rule.id] + len(report.misses.get(rule.id, []))
        flagged = report.hits[rule.id] + len(report.false_alarms.get(rule.id, []))
        target = " *" if rule.id in TARGET_RULES else ""
        lines.append(f"{rule.id + target:<22}{rule.severity:<10}{labelled:>9}{flagged:>9}"
                     f"{_percent(report.precision(rule.id)):>11}"
                     f"{_percent(report.recall(rule.id)):>8}")
    lines += ["", f"* target: recall >= {MIN_RECALL:.0%}",
              f"error findings on polite drafts: {len(report.polite_errors)}"]
    lines += [f"  {line}" for line in report.polite_errors]
    for title, table in (("missed", report.misses), ("false alarms", report.false_alarms)):
        for rule, drafts in sorted(table.items()):
            lines.append(f"{title} by {rule}: " + "; ".join(drafts))
    return "\n".join(lines)


def main() -> int:
    """Print the figures; exit status 1 when a target is missed."""
    entries = load()
    report = evaluate(entries)
    print(render(report))
    for split in sorted({e.split for e in entries} - {"tuning"}):
        print("\n" + render(evaluate([e for e in entries if e.split == split]), split))
    failures = report.failures()
    print("\n" + ("targets met" if not failures else "TARGETS MISSED: " + "; ".join(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
