"""A sentence-level reading of tone beyond phrase lists: the checker's own small learned model.

The phrase rules are precise and explain themselves, but people say "pushy" in more ways than any
list holds. This layer scores each sentence of the user's own words for `ultimatum`,
`aggressive` and `desperate` with two linear models whose log-odds add up: one over words, word
pairs and letter groups (TF-IDF weighted), one over what the sentence means (the 384 numbers of
a small pretrained sentence encoder, `encoder.py`), both learned by logistic regression in
`train.py`. Its hits are **warnings** that name the sentence and say what it may sound like: its
precision on real writing is good enough to point at a sentence, not to promise an error.

The weights are plain numbers in `model/tone.json`, trained by the project on its own labelled
sentences (see `model/PROVENANCE.md`); its SHA-256 is pinned below and checked when it is
loaded, so a changed or damaged file is refused instead of silently read.
"""
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).parent / "model"
MODEL = FOLDER / "tone.json"
# Pinned: `python -m backend.checker.train` writes the model and this line together.
MODEL_SHA256 = "82ba32eb755f9785f86d8fa4a2b14c2e726d67136c665ad2a13c256c208113ac"
RULES = ("ultimatum", "aggressive", "desperate")

TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[!?*]")
CHAR_SIZES = (3, 4, 5)
LONGEST_WORD = 30  # characters: longer runs are not words, and get no letter groups
# Shorter words get no letter groups: groups share a stem ("ghosting", "ghosted"), and for "me"
# or "my" they would only count the word four times over.
SHORTEST_STEM = 4
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
DIGITS = str.maketrans("123456789", "000000000")
NEGATIONS = frozenset({"not", "never", "no", "nor", "without", "hardly"})  # and any "…n't"
NEGATION_REACH = 3  # words after a "not" that it changes: "not in the least desperate"
# A "not" on an obligation stops at its "to": "you don't need to respond" releases the reader
# from a duty; it does not say that anyone failed to respond.
OBLIGATIONS = frozenset({"need", "needs", "have", "has", "had", "got", "ought"})
CLAUSE = re.compile(r"[,;:()\u2013\u2014]|\s-\s")  # where a "not" stops reaching


class ModelError(RuntimeError):
    """The model file is missing or is not the one the code was built with."""


def tokens(sentence: str) -> list[str]:
    """The sentence's words, lower-cased, apostrophes made plain, digits all 0."""
    return TOKEN.findall(sentence.lower().translate(APOSTROPHES).translate(DIGITS))


def negated(sentence: str) -> list[str]:
    """The sentence's words, those a "not" reaches marked with a leading `~`: "I'm not
    desperate" must not read as "desperate" (a bag of words cannot tell them apart otherwise).
    A "not" reaches NEGATION_REACH words, and never past a comma or the end of a clause."""
    out = []
    for clause in CLAUSE.split(sentence):
        reach, obligation = 0, False
        for word in tokens(clause):
            if word in ("!", "?"):
                reach = 0
            out.append("~" + word if reach else word)
            reach = max(reach - 1, 0)
            if reach and obligation and word == "to":
                reach = 0
            obligation = bool(reach) and word in OBLIGATIONS
            if word == "needn't":  # "you needn't respond": no duty, and no failure either
                out[-1] = "~need"
            elif word in NEGATIONS or word.endswith("n't"):
                reach = NEGATION_REACH
    return out


def features(sentence: str) -> Counter:
    """What the model reads in a sentence: words, pairs of words, and letter groups of 3–5
    inside each word of four letters or more (with its edges), so "ghosting" and "ghosted"
    share most of their weight. Words a "not" reaches are read as other words, their letter
    groups as other groups.

    One function for training and for use: what the model learned from is what it reads.
    """
    words = negated(sentence)
    found = Counter("w " + word for word in words)
    found.update("b " + a + " " + b for a, b in zip(words, words[1:]))
    for word in words:
        kind = "c "
        if word[0] == "~":
            word, kind = word[1:], "n "
        if not SHORTEST_STEM <= len(word) <= LONGEST_WORD or not word[0].isalpha():
            continue
        padded = f"<{word}>"
        for size in CHAR_SIZES:
            found.update(kind + padded[i:i + size] for i in range(len(padded) - size + 1))
    return found


@dataclass(frozen=True)
class Model:
    """Per feature: its idf and one weight per rule; per rule: the weights of the sentence's
    encoder vector, the two models' intercepts added, and the threshold."""

    rules: tuple[str, ...]
    table: dict[str, list[float]]       # feature -> [idf, weight of rules[0], rules[1], ...]
    intercepts: tuple[float, ...]
    thresholds: tuple[float, ...]       # a sentence whose score passes this gets a warning
    vector_weights: tuple[tuple[float, ...], ...]  # per rule, one weight per encoder number

    def scores(self, sentence: str, vector: Sequence[float]) -> dict[str, float]:
        """The model's score (log-odds) of each rule for one sentence and its encoder vector."""
        meaning = [sum(w * v for w, v in zip(weights, vector, strict=True))
                   for weights in self.vector_weights]
        norm = 0.0
        table = self.table
        words = [0.0] * len(self.rules)
        for feature, count in features(sentence).items():
            row = table.get(feature)
            if row is None:
                continue
            value = (1.0 + math.log(count)) * row[0]
            norm += value * value
            for i in range(len(words)):
                words[i] += value * row[i + 1]
        scale = 1.0 / math.sqrt(norm) if norm else 0.0
        return {rule: meaning[i] + words[i] * scale + self.intercepts[i]
                for i, rule in enumerate(self.rules)}

    def flagged(self, sentence: str, vector: Sequence[float]) -> list[tuple[str, float]]:
        """The rules whose threshold the sentence passes, with the margin, widest first."""
        scores = self.scores(sentence, vector)
        passed = [(rule, scores[rule] - self.thresholds[i]) for i, rule in enumerate(self.rules)
                  if scores[rule] >= self.thresholds[i]]
        return sorted(passed, key=lambda pair: -pair[1])


def pinned_bytes(path: Path, expected: str, what: str, remedy: str) -> bytes:
    """The file's bytes, after checking them against the pinned SHA-256; ModelError, saying
    what the file is and `remedy`, when it cannot be read or is not the pinned one."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ModelError(f"the {what} {path} cannot be read ({error}); {remedy}") from None
    found = hashlib.sha256(raw).hexdigest()
    if found != expected:
        raise ModelError(f"the {what} {path} has SHA-256 {found}, not the pinned {expected}: "
                         f"the file was changed or damaged. Refusing to use it; {remedy}.")
    return raw


def load(path: Path = MODEL, sha256: str | None = None) -> Model:
    """The model, after checking its bytes against the pinned hash; ModelError otherwise."""
    raw = pinned_bytes(path, MODEL_SHA256 if sha256 is None else sha256, "tone model",
                       "reinstall the package, or rebuild it with "
                       "`python -m backend.checker.train` (which pins the new hash)")
    data = json.loads(raw)
    return Model(tuple(data["rules"]), data["table"], tuple(data["intercepts"]),
                 tuple(data["thresholds"]), tuple(map(tuple, data["vector_weights"])))
