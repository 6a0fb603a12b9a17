"""Measure the detector on the labelled messages: `python -m backend.inbox.eval` (`make eval`).

Prints, for the dev half (rules may be tuned on it) and the locked half (never tuned on), the
precision and recall of the "Track this interview" prompt and of automatic replies, then how
often each field came out right, and every wrong prompt or miss by id. Exits 1 when the prompt's
precision on dev falls below TARGET_PRECISION.
"""
import hashlib
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..timing import timeline
from .detect import THRESHOLD, TRACK_KINDS, Message, classify, read_message

# The labelled messages are read as a user in the United States would (their dates month first,
# as most of the published ones are written): a fact about the set, not the product's default.
DATES_AS_IN = "US"

CORPUS = Path(__file__).parent / "corpus" / "messages.toml"
TARGET_PRECISION = 0.95
LOCKED_SHARE = 0.35  # of the messages, by hash of their id
FIELDS = ("company", "position", "interview_date", "interview_time", "interviewer_name",
          "interviewer_email", "timeline")


@dataclass(frozen=True)
class Labelled:
    id: str
    label: str
    message: Message
    expect: dict
    return_on: date | None

    @property
    def split(self) -> str:
        """dev or locked, fixed by the id alone (adding messages never moves another)."""
        digest = hashlib.sha256(self.id.encode()).digest()
        return "locked" if int.from_bytes(digest[:4], "big") / 2**32 < LOCKED_SHARE else "dev"


def load(path: Path = CORPUS) -> list[Labelled]:
    entries = tomllib.loads(path.read_text(encoding="utf-8"))["message"]
    out = []
    for e in entries:
        if not str(e.get("source", "")).strip():
            raise ValueError(f"message {e['id']} names no source")
        message = Message(subject=e["subject"], text=e["text"], from_name=e.get("from_name", ""),
                          from_email=e.get("from_email", ""),
                          received_on=date.fromisoformat(e["date"]), calendar=e.get("calendar"))
        out.append(Labelled(e["id"], e["label"], message, e.get("expect", {}),
                            date.fromisoformat(e["return_on"]) if "return_on" in e else None))
    if len({m.id for m in out}) != len(out):
        raise ValueError("two messages share an id")
    return out


def _field_right(name: str, got: dict, want, arrived: date) -> bool:
    if name == "timeline":  # the same decision date is the same timeline
        said = got.get("timeline")
        start = date.fromisoformat(got["interview_date"]) if got.get("interview_date") else arrived
        return bool(said) and (timeline.parse_timeline(said, start, DATES_AS_IN)
                               == timeline.parse_timeline(want, start, DATES_AS_IN))
    value = got.get(name)
    return value is not None and str(value).lower() == str(want).lower()


def measure(messages: list[Labelled]) -> dict:
    """Counts for one split: the prompt, automatic replies, fields, and the ids behind mistakes."""
    c = Counter()
    wrong_prompts, missed, field_misses = [], [], []
    for m in messages:
        reading, fields = read_message(m.message, DATES_AS_IN)
        got = fields.to_dict()
        should = m.label in TRACK_KINDS
        c["tp"] += reading.track and should
        c["fp"] += reading.track and not should
        c["fn"] += should and not reading.track
        if reading.track and not should:
            wrong_prompts.append(f"{m.id} ({m.label} read as {reading.kind})")
        if should and not reading.track:
            missed.append(f"{m.id} (read as {reading.kind}, lead {reading.margin})")
        auto = reading.kind == "auto_reply"
        c["auto_tp"] += auto and m.label == "auto_reply"
        c["auto_fp"] += auto and m.label != "auto_reply"
        c["auto_fn"] += m.label == "auto_reply" and not auto
        if m.return_on:
            c["return_total"] += 1
            c["return_right"] += fields.return_on == m.return_on
        if reading.track:
            for name, want in m.expect.items():
                c["fields_total"] += 1
                if _field_right(name, got, want, m.message.received_on):
                    c["fields_right"] += 1
                else:
                    field_misses.append(f"{m.id}.{name}: {got.get(name)!r} (want {want!r})")
    return {"counts": c, "wrong_prompts": wrong_prompts, "missed": missed,
            "field_misses": field_misses, "size": len(messages)}


def ratio(a: int, b: int) -> str:
    return f"{a / b:6.1%} ({a}/{b})" if b else "   n/a"


def report(name: str, result: dict) -> float | None:
    c = result["counts"]
    print(f"\n{name}: {result['size']} messages")
    print(f"  Track this interview  precision {ratio(c['tp'], c['tp'] + c['fp'])}"
          f"   recall {ratio(c['tp'], c['tp'] + c['fn'])}")
    print(f"  automatic reply       precision {ratio(c['auto_tp'], c['auto_tp'] + c['auto_fp'])}"
          f"   recall {ratio(c['auto_tp'], c['auto_tp'] + c['auto_fn'])}"
          f"   return day right {ratio(c['return_right'], c['return_total'])}")
    print(f"  fields right on prompted messages  {ratio(c['fields_right'], c['fields_total'])}")
    for title, items in (("wrong prompts", result["wrong_prompts"]), ("missed", result["missed"]),
                         ("field misses", result["field_misses"])):
        for item in items:
            print(f"    {title}: {item}")
    return c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else None


def threshold_table(messages: list[Labelled]) -> None:
    """Precision and recall of the prompt on dev for each lead the prompt could require."""
    readings = [(classify(m.message), m.label in TRACK_KINDS) for m in messages]
    print("\n  lead needed   precision        recall      (dev; the detector uses "
          f"{THRESHOLD})")
    for threshold in range(1, 8):
        tp = sum(r.tracks_at(threshold) and should for r, should in readings)
        fp = sum(r.tracks_at(threshold) and not should for r, should in readings)
        fn = sum(should and not r.tracks_at(threshold) for r, should in readings)
        print(f"  {threshold:>11}   {ratio(tp, tp + fp)}  {ratio(tp, tp + fn)}")


def main() -> int:
    messages = load()
    labels = Counter(m.label for m in messages)
    print("Detector: noticing interviews in opened mail "
          f"({len(messages)} labelled messages: "
          + ", ".join(f"{n} {label}" for label, n in labels.most_common()) + ")")
    dev = [m for m in messages if m.split == "dev"]
    precision = report("dev (tuned on)", measure(dev))
    threshold_table(dev)
    report("locked (never tuned on)", measure([m for m in messages if m.split == "locked"]))
    if precision is not None and precision < TARGET_PRECISION:
        print(f"\nFAIL: precision on dev below {TARGET_PRECISION:.0%}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
