"""What kind of message is this: an interview to track, an automatic reply, or nothing to say.

Signals (signals.toml) are groups of phrases, each with a kind and a weight. A kind's score is
the sum of the weights of its groups that match. The message is read as the kind with the
highest score; a prompt to track an interview is offered only when a track kind wins by at least
THRESHOLD over every other kind and the message is about a job at all, and no veto signal matched
(a decision already taken, such as "we have chosen another candidate", rules the prompt out even
when the message also thanks the user for coming in). The threshold was chosen
on the dev half of the labelled messages for precision of at least 95% (python -m
backend.inbox.eval prints both halves).
"""
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

SIGNALS_FILE = Path(__file__).with_name("signals.toml")
TRACK_KINDS = ("invitation", "confirmation", "thanks")
KINDS = (*TRACK_KINDS, "update", "rejection", "offer", "auto_reply", "received", "bulk", "own",
         "outreach")
# The lead a track kind needs over every other kind before a prompt is shown (see the module doc).
THRESHOLD = 3
# An automatic reply needs this much evidence (a subject prefix alone, or two phrases).
AUTO_REPLY_MIN = 6
PLACES = ("subject", "text", "any")


@dataclass(frozen=True)
class Signal:
    name: str
    kind: str
    weight: int
    where: str
    patterns: tuple[re.Pattern, ...]
    veto: bool = False  # a match rules the prompt out, whatever the scores (a decision taken)


@dataclass(frozen=True)
class Message:
    """The opened message as the extension read it from the page."""

    subject: str = ""
    text: str = ""
    from_name: str = ""
    from_email: str = ""
    received_on: date | None = None  # the day it arrived
    calendar: dict | None = None  # {start, summary, organizer_email, organizer_name}


@dataclass
class Reading:
    """What the detector makes of a message."""

    kind: str  # a KINDS entry, or "none"
    track: bool  # offer "Track this interview"
    margin: int  # the winning kind's lead over the next (0 when nothing matched)
    scores: dict[str, int] = field(default_factory=dict)
    matched: list[str] = field(default_factory=list)  # signal names, for tests and the eval
    about_job: bool = False  # a job-context phrase matched
    vetoed: bool = False  # a veto signal matched (a rejection: "we have chosen another candidate")

    def tracks_at(self, threshold: int) -> bool:
        """Would the prompt show with this threshold? (The eval's threshold table.)"""
        return (self.kind in TRACK_KINDS and self.about_job and not self.vetoed
                and self.margin >= threshold)


@cache
def signals() -> tuple[Signal, ...]:
    """The signal groups of signals.toml; a group without a source or with a bad kind is refused."""
    loaded = []
    for entry in tomllib.loads(SIGNALS_FILE.read_text(encoding="utf-8"))["signal"]:
        name = entry.get("name", "?")
        if not str(entry.get("source", "")).strip():
            raise ValueError(f"signal {name} names no source")
        if entry["kind"] not in (*KINDS, "context"):
            raise ValueError(f"signal {name} has an unknown kind {entry['kind']!r}")
        where = entry.get("where", "any")
        if where not in PLACES:
            raise ValueError(f"signal {name}: where must be one of {PLACES}")
        loaded.append(Signal(name, entry["kind"], int(entry["weight"]), where,
                             tuple(re.compile(p, re.IGNORECASE) for p in entry["patterns"]),
                             bool(entry.get("veto", False))))
    return tuple(loaded)


def normalise(text: str) -> str:
    """Typographic quotes and dashes as plain ones, so one pattern reads both."""
    return re.sub(r"[’‘`]", "'", re.sub(r"[–—]", "-", text or ""))


def classify(message: Message) -> Reading:
    """Score every kind and decide; pure, deterministic."""
    subject, text = normalise(message.subject).strip(), normalise(message.text)
    places = {"subject": subject, "text": text, "any": f"{subject}\n{text}"}
    scores = dict.fromkeys(KINDS, 0)
    matched, context, vetoed = [], False, False
    for signal in signals():
        if any(p.search(places[signal.where]) for p in signal.patterns):
            matched.append(signal.name)
            vetoed = vetoed or signal.veto
            if signal.kind == "context":
                context = True
            else:
                scores[signal.kind] += signal.weight
    if _calendar_interview(message.calendar):
        scores["invitation"] += 3
        matched.append("calendar-interview")
        context = True
    if scores["auto_reply"] >= AUTO_REPLY_MIN:  # "I'm away" wins over whatever it quotes
        rest = max(v for k, v in scores.items() if k != "auto_reply")
        return Reading("auto_reply", False, scores["auto_reply"] - rest, scores, matched)
    kind = max(KINDS, key=lambda k: (scores[k], -KINDS.index(k)))
    if scores[kind] == 0:
        return Reading("none", False, 0, scores, matched)
    # The track kinds agree with each other ("thanks for meeting us; we'd like to invite you to a
    # second interview"): the lead that counts is over the best kind that is not a track kind.
    other = max(v for k, v in scores.items() if k not in TRACK_KINDS)
    if kind in TRACK_KINDS:
        margin = scores[kind] - other
    else:
        margin = scores[kind] - max(v for k, v in scores.items() if k != kind)
    track = kind in TRACK_KINDS and context and not vetoed and margin >= THRESHOLD
    return Reading(kind, track, margin, scores, matched, context, vetoed)


def _calendar_interview(calendar: dict | None) -> bool:
    """A calendar invitation whose title says interview (or screen)."""
    summary = str((calendar or {}).get("summary") or "")
    return bool(re.search(r"\binterview|\bphone screen\b", summary, re.IGNORECASE))


def read_message(message: Message, country: str):
    """The kind and the interview's fields (fields.Found) of one message; `country` (the user's
    holiday country) decides how a date like 3/4 reads."""
    from .fields import extract  # fields imports this module's Message

    reading = classify(message)
    return reading, extract(message, reading.kind, country)
