"""The real-world corpus: published follow-up e-mails and "never write this" examples.

Nobody on the team wrote these texts; each item quotes its source and is labelled as that source
characterises it (see corpus/realworld/README.md). The corpus is split once, by a hash of the
normalised text, into `dev` (look at it, tune on it) and `locked` (score it only at the end of a
batch of changes, never tune on it). The split of an item never changes once it is added,
because it depends on the item's own text and nothing else.
"""
import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).parent / "corpus" / "realworld"
SPLITS = ("dev", "locked")
LABELS = ("polite", "ultimatum", "aggressive", "desperate", "placeholder")
# The share of the hash range that goes to `locked`: items whose hash fraction is below it.
LOCKED_SHARE = 0.35


@dataclass(frozen=True)
class Item:
    """One published text with its label and where it was published."""

    id: str
    label: str  # one of LABELS
    kind: str  # a short free tag: competing_offer, sarcasm, template_blank, ...
    text: str
    tone_sentences: tuple[str, ...]  # the sentences that carry the tone; empty when polite
    source: str  # the address it was quoted from
    source_says: str  # how the source characterises it
    split: str

    @property
    def polite(self) -> bool:
        return self.label == "polite"


def normalise(text: str) -> str:
    """The text as compared for duplicates and hashed for the split: case and spacing folded,
    typographic quotes and apostrophes made plain."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def split_of(text: str) -> str:
    """`locked` when the first 8 bytes of the SHA-256 of the normalised text, read as a
    fraction of 2**64, fall below LOCKED_SHARE; else `dev`."""
    digest = hashlib.sha256(normalise(text).encode("utf-8")).digest()
    fraction = int.from_bytes(digest[:8], "big") / 2**64
    return "locked" if fraction < LOCKED_SHARE else "dev"


def path(split: str) -> Path:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; one of {SPLITS}")
    return FOLDER / f"{split}.toml"


def load(split: str) -> list[Item]:
    """The items of one split (`dev` or `locked`), in file order."""
    with open(path(split), "rb") as file:
        raw = tomllib.load(file).get("item", [])
    return [Item(id=r["id"], label=r["label"], kind=r["kind"], text=r["text"],
                 tone_sentences=tuple(r.get("tone_sentences", [])), source=r["source"],
                 source_says=r["source_says"], split=split) for r in raw]


def load_all() -> list[Item]:
    """Both splits, dev first."""
    return [item for split in SPLITS for item in load(split)]
