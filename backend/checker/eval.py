"""Measure every rule: `python -m backend.checker.eval` (`make eval`).

First on the team's labelled corpus: each rule's precision and recall over the drafts (a draft
counts once per rule, however many findings), then the errors found on polite drafts. Exits 1
when one of its targets is missed: recall >= 95% on each error rule and on `desperate`, and no
error on any polite draft.

Then on the real-world corpus (text nobody on the team wrote, realworld.py), its `dev` part and
its `locked` part apart: per label, how many drafts a rule of that label caught (any severity)
and how many with an error; per rule, its precision; and the share of polite drafts with an
error and with a tone warning. Its targets are printed, met or missed, and do not set the exit
status: they are what the checker is measured by, not a gate it was tuned to pass.
`--dev` leaves the locked part out: it is scored only at the end of a batch of changes.
"""
import argparse
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import realworld
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


# Which rules catch each real-world label; `hostile` (insults, profanity) is aggression too.
LABEL_RULES = {"ultimatum": ("ultimatum",), "aggressive": ("aggressive", "hostile"),
               "desperate": ("desperate",), "placeholder": ("placeholder",)}
TONE_RULES = ("ultimatum", "aggressive", "hostile", "desperate")
# The targets on the locked part: recall per label whose rule is an error rule, and the share
# of polite drafts with an error, and with a tone warning.
REAL_RECALL = 0.85
REAL_ERROR_SHARE = 1 / 60
REAL_WARNING_SHARE = 1 / 10


@dataclass
class RealReport:
    """Per label: caught drafts; per rule: flagged drafts and right ones; polite false alarms."""

    labelled: Counter = field(default_factory=Counter)
    caught: Counter = field(default_factory=Counter)
    caught_as_error: Counter = field(default_factory=Counter)
    flagged: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)
    flagged_error: Counter = field(default_factory=Counter)
    right_error: Counter = field(default_factory=Counter)
    polite: int = 0
    polite_errors: list[str] = field(default_factory=list)
    polite_warnings: list[str] = field(default_factory=list)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def recall(self, label: str) -> float | None:
        return self.caught[label] / self.labelled[label] if self.labelled[label] else None

    def failures(self) -> list[str]:
        """Each real-world target missed, in words."""
        failed = []
        for label, rules in LABEL_RULES.items():
            if any(RULES[r].severity == "error" for r in rules if r in RULES):
                recall = self.recall(label)
                if recall is not None and recall < REAL_RECALL:
                    failed.append(f"recall of {label} {recall:.0%} < {REAL_RECALL:.0%}")
        if self.polite and len(self.polite_errors) / self.polite > REAL_ERROR_SHARE:
            failed.append(f"errors on {len(self.polite_errors)}/{self.polite} polite drafts "
                          f"(at most 1 in {round(1 / REAL_ERROR_SHARE)})")
        if self.polite and len(self.polite_warnings) / self.polite > REAL_WARNING_SHARE:
            failed.append(f"tone warnings on {len(self.polite_warnings)}/{self.polite} polite "
                          f"drafts (at most 1 in {round(1 / REAL_WARNING_SHARE)})")
        return failed


def evaluate_real(items: list) -> RealReport:
    """Run the checker on each real-world item (no context: the moment is unknown)."""
    report = RealReport()
    for item in items:
        findings = check(item.text)
        if item.polite:
            report.polite += 1
            errors = [f for f in findings if f.severity == "error"]
            warnings = [f for f in findings if f.severity == "warning" and f.rule in TONE_RULES]
            if errors:
                report.polite_errors.append(
                    f"{item.id}: " + "; ".join(f"{f.rule} {f.match!r}" for f in errors))
            if warnings:
                report.polite_warnings.append(
                    f"{item.id}: " + "; ".join(f"{f.rule} {f.match!r}" for f in warnings))
        else:
            report.labelled[item.label] += 1
            mine = [f for f in findings if f.rule in LABEL_RULES[item.label]]
            report.caught[item.label] += bool(mine)
            report.caught_as_error[item.label] += any(f.severity == "error" for f in mine)
            if not mine:
                report.misses.setdefault(item.label, []).append(item.id)
        for rule in {f.rule for f in findings} & set(RULES):
            right = rule in LABEL_RULES.get(item.label, ())
            report.flagged[rule] += 1
            report.right[rule] += right
            if any(f.rule == rule and f.severity == "error" for f in findings):
                report.flagged_error[rule] += 1
                report.right_error[rule] += right
    return report


def render_real(report: RealReport, title: str, details: bool = True) -> str:
    """The real-world report as `make eval` prints it; without `details` (the locked part),
    counts only: which drafts were missed or falsely flagged is not shown, so that nobody
    tunes the rules to them."""
    lines = [f"== real-world {title}: {sum(report.labelled.values()) + report.polite} drafts, "
             f"{report.polite} polite", "",
             f"{'label':<14}{'drafts':>7}{'caught':>8}{'recall':>8}{'as error':>10}"]
    for label in LABEL_RULES:
        lines.append(f"{label:<14}{report.labelled[label]:>7}{report.caught[label]:>8}"
                     f"{_percent(report.recall(label)):>8}{report.caught_as_error[label]:>10}")
    lines += ["", f"{'rule':<22}{'flagged':>8}{'right':>7}{'precision':>11}"
              f"{'errors':>8}{'right':>7}{'precision':>11}"]
    for rule in REGISTRY:
        if rule.id not in TONE_RULES and rule.id != "placeholder":
            continue
        flagged, right = report.flagged[rule.id], report.right[rule.id]
        errors, right_errors = report.flagged_error[rule.id], report.right_error[rule.id]
        lines.append(f"{rule.id:<22}{flagged:>8}{right:>7}"
                     f"{_percent(right / flagged if flagged else None):>11}{errors:>8}"
                     f"{right_errors:>7}{_percent(right_errors / errors if errors else None):>11}")
    polite = max(report.polite, 1)
    lines += ["", f"polite drafts with an error: {len(report.polite_errors)} of {report.polite} "
              f"({len(report.polite_errors) / polite:.1%}; target at most 1 in "
              f"{round(1 / REAL_ERROR_SHARE)})"]
    lines += [f"  {line}" for line in report.polite_errors if details]
    lines += [f"polite drafts with a tone warning: {len(report.polite_warnings)} of "
              f"{report.polite} ({len(report.polite_warnings) / polite:.1%}; target at most "
              f"1 in {round(1 / REAL_WARNING_SHARE)})"]
    lines += [f"  {line}" for line in report.polite_warnings if details]
    for label, ids in sorted(report.misses.items()) if details else ():
        lines.append(f"missed {label}: " + "; ".join(ids))
    failures = report.failures()
    lines.append("real-world targets " + ("met" if not failures else
                                          "MISSED: " + "; ".join(failures)))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the figures; exit status 1 when a target on the team's corpus is missed."""
    parser = argparse.ArgumentParser(prog="python -m backend.checker.eval")
    parser.add_argument("--dev", action="store_true",
                        help="score the real-world dev part only, not the locked part")
    args = parser.parse_args([] if argv is None else argv)
    entries = load()
    report = evaluate(entries)
    print(render(report))
    for split in sorted({e.split for e in entries} - {"tuning"}):
        print("\n" + render(evaluate([e for e in entries if e.split == split]), split))
    failures = report.failures()
    print("\n" + ("targets met" if not failures else "TARGETS MISSED: " + "; ".join(failures)))
    for split in ("dev",) if args.dev else realworld.SPLITS:
        print("\n" + render_real(evaluate_real(realworld.load(split)), split,
                                  details=split != "locked"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
