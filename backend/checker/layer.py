"""The tone model applied to a draft: which sentences of the user's own words it flags."""
from collections.abc import Iterator
from functools import lru_cache
from importlib import import_module
from itertools import islice

from . import kinds, tone
from .draft import MASK, Draft
from .encoder import ENCODER

SHORTEST = 3  # letters: "Hi," and "Best," are not read
# Sentences the model reads per draft: a follow-up has about ten; the encoder's cost grows with
# each, so a pasted wall of text is read by the rules, and by the model only this far.
MOST_SENTENCES = 40


@lru_cache(maxsize=1)
def model() -> tone.Model:
    """The model, loaded once (its hash checked) on first use."""
    return tone.load()


def sentences(draft: Draft) -> Iterator[tuple[int, int, str]]:
    """Each sentence of the user's own words (no thread, signature or quotes) the model reads:
    its span in the body, spaces trimmed, and its text. Training reads drafts the same way."""
    text = draft.text
    for start, end in draft.sentences("text"):
        piece = text[start:end]
        if MASK in piece:
            piece = piece.replace(MASK, " ")
        stripped = piece.strip()
        if sum(ch.isalpha() for ch in stripped[:200]) < SHORTEST:
            continue
        lead = len(piece) - len(piece.lstrip())
        yield start + lead, start + lead + len(stripped), stripped


@lru_cache(maxsize=1)
def excuses() -> dict[str, tuple[kinds.Pattern, ...]]:
    """Per model rule, the exceptions of the rule's own groups that excuse a sentence
    (data/tone.toml `excused_by`): what the rule knows precisely, the model respects."""
    found = {}
    for rule, words in kinds.load("tone").data.items():
        # the rule's own compiled book: compiling it again would cost as much as the first time
        groups = {g.name: g for g in import_module(f"{__package__}.checks.{rule}").BOOK.groups}
        found[rule] = tuple(groups[name].unless for name in words.get("excused_by", ())
                            if groups[name].unless is not None)
    return found


def readings(draft: Draft) -> list[tuple[int, int, str]]:
    """For each sentence the model flags: its span and the likeliest rule it is not excused
    from."""
    scorer, excused = model(), excuses()
    read = list(islice(sentences(draft), MOST_SENTENCES))
    vectors = ENCODER.vectors([sentence for _, _, sentence in read])
    found = []
    for (start, end, sentence), vector in zip(read, vectors, strict=True):
        for rule, _ in scorer.flagged(sentence, vector):
            if not any(pattern.search(sentence) for pattern in excused.get(rule, ())):
                found.append((start, end, rule))
                break
    return found
