"""The checks, in one explicit list, and `check()`: a draft in, findings out. Pure: no clock."""
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice
from types import ModuleType

from . import layer
from .checks import (
    add_value,
    aggressive,
    desperate,
    hostile,
    missing_interest,
    missing_question,
    missing_thanks,
    placeholder,
    too_long,
    too_many_follow_ups,
    too_soon,
    ultimatum,
)
from .context import DEFAULT, Context
from .draft import Draft
from .encoder import ENCODER
from .kinds import Hit, load

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
SUBJECT_PREFIX = "In the subject: "
# A rule reports at most this many places in one draft: a real e-mail never has more, and a
# body of "XX." repeated must not cost (nor send back) thousands of findings.
MAX_HITS = 40


@dataclass(frozen=True)
class Finding:
    """One thing to look at in a draft, as the Finding of docs/api.md."""

    rule: str
    severity: str
    message: str
    start: int   # offset into the body in Python characters (code points); 0/0: the whole draft
    end: int
    match: str   # always body[start:end]
    suggestion: str | None = None

    def to_dict(self) -> dict:
        """The JSON object of docs/api.md; no `suggestion` key when there is none."""
        found = {"rule": self.rule, "severity": self.severity, "message": self.message,
                 "start": self.start, "end": self.end, "match": self.match}
        if self.suggestion is not None:
            found["suggestion"] = self.suggestion
        return found


Example = str | tuple[str, Context]


@dataclass(frozen=True)
class Check:
    """A rule: its id, severity, why, examples that must flag and pass, and the function."""

    id: str
    severity: str
    why: str
    examples_flag: tuple[Example, ...]
    examples_pass: tuple[Example, ...]
    function: Callable[[Draft, Context], Iterable[Hit]]
    subject: bool = False  # also read the subject line

    @classmethod
    def from_module(cls, module: ModuleType) -> "Check":
        """A check from a module of checks/: SEVERITY, WHY, FLAG, PASS, run (and SUBJECT)."""
        if module.SEVERITY not in SEVERITIES:
            raise ValueError(f"{module.__name__}: unknown severity {module.SEVERITY!r}")
        return cls(module.__name__.rsplit(".", 1)[-1], module.SEVERITY, module.WHY,
                   tuple(module.FLAG), tuple(module.PASS), module.run,
                   getattr(module, "SUBJECT", False))


REGISTRY: tuple[Check, ...] = tuple(Check.from_module(m) for m in (
    ultimatum, aggressive, hostile, desperate, placeholder, too_soon, too_many_follow_ups,
    missing_thanks, missing_interest, missing_question, too_long, add_value,
))
RULES = {c.id: c for c in REGISTRY}
# The rules about tone: the model reads for three of them; a finding of any says the sentence
# is already pointed at.
TONE_RULES = ("ultimatum", "aggressive", "desperate", "hostile")
TONE_WORDS = load("tone").data
# Loaded now, at start: a model or encoder whose hash does not match is refused before the
# first check, and the first check does not pay for the load.
layer.model()
layer.excuses()
ENCODER.load()


# What the caller says about the body's signature (POST /check's "signature"): "in_body", the
# default, lets the checker find it; "left_out": the caller removed it, none is guessed.
SIGNATURE_MODES = ("in_body", "left_out")


def check(body: str, context: Context | None = None, subject: str | None = None,
          tone: bool = True, signature_left_out: bool = False) -> list[Finding]:
    """Every finding in a draft, sorted by where it starts, then errors first.

    `tone=False` leaves out the sentence-level tone model (the rules alone: what it is
    trained beside). `signature_left_out`: the body holds no signature (the caller removed the
    webmail's own), so none is guessed from a closing line or a name block.
    """
    context = context or DEFAULT
    draft = Draft(body, guess_signature=not signature_left_out)
    heading = Draft(subject) if subject and subject.strip() else None
    found: list[Finding] = []
    for rule in REGISTRY:
        found += _findings(rule, body, rule.function(draft, context))
        if heading is not None and rule.subject:
            found += [Finding(rule.id, rule.severity, SUBJECT_PREFIX + hit.message, 0, 0, "",
                              hit.suggestion) for hit in _apart(rule.function(heading, context))]
    if tone:
        found += tone_findings(draft, found)
    found.sort(key=lambda f: (f.start, SEVERITY_RANK[f.severity], f.rule, f.end))
    return found


def tone_findings(draft: Draft, found: list[Finding]) -> list[Finding]:
    """The tone model's warnings: at most one per sentence, its likeliest reading, and none on
    a sentence a tone rule already points into (the rule says it better, with the words)."""
    covered = sorted((f.start, f.end) for f in found if f.rule in TONE_RULES and f.end)
    out = []
    for start, end, rule in layer.readings(draft):
        if any(s < end and start < e for s, e in covered):
            continue
        words = TONE_WORDS[rule]
        out.append(Finding(rule, "warning", words["message"], start, end, draft.body[start:end],
                           words["suggestion"]))
        if len(out) >= MAX_HITS:
            break
    return out


def _apart(hits: Iterable[Hit]) -> list[Hit]:
    """One rule's hits without overlaps: the longest wins where two overlap."""
    kept: list[Hit] = []
    for hit in sorted(islice(hits, MAX_HITS), key=lambda h: (h.start, -h.end)):
        if kept and hit.start < kept[-1].end and (kept[-1].start, kept[-1].end) != (0, 0):
            continue
        kept.append(hit)
    return kept


def _findings(rule: Check, body: str, hits: Iterable[Hit]) -> list[Finding]:
    """The rule's hits as findings over the body."""
    return [Finding(rule.id, rule.severity, h.message, h.start, h.end, body[h.start:h.end],
                    h.suggestion) for h in _apart(hits)]
