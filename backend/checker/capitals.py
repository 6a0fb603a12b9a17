"""Words in capitals: shouting, unless they are acronyms or the interview's own names."""
import re
from bisect import bisect_left

from .kinds import Hit, load

SHOUT = load("aggressive").data["shouting"]
ACRONYMS = frozenset(SHOUT["acronyms"])
EMPHATIC = frozenset(SHOUT["emphatic"])
SENTENCE_WORDS = frozenset(SHOUT["sentence_words"]) | EMPHATIC
# Words in a run are apart by spaces or commas: "CPR/BLS" and "R&D" are acronyms, not a run.
CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’]*\b(?:[ \t,;:-]+[A-Z][A-Z'’]*\b)*")
CAPS_WORD = re.compile(r"[A-Z][A-Z'’]*")
TWO_CAPITALS = re.compile(r"[A-Z]{2}")
NAME_WORD = re.compile(r"[\w'’]+")


def shouting(text: str, names: tuple[str, ...], blanks) -> list[Hit]:
    """Runs of capitalised words that are not acronyms, `names`, or a template's blank.

    `blanks()` gives the spans of blanks left in ("INSERT COMPANY NAME"): the placeholder
    rule reports those; it is called only when a run shouts.
    """
    if not TWO_CAPITALS.search(text):  # most drafts: no word in capitals at all
        return []
    names_upper = {word.upper() for name in names for word in NAME_WORD.findall(name)}
    found, spans = [], None
    for run in CAPS_RUN.finditer(text):
        loud = [w for w in CAPS_WORD.finditer(run[0])
                if len(w[0]) > 1 and w[0] not in ACRONYMS and w[0] not in names_upper]
        if not _shouts([w[0] for w in loud]):
            continue
        spans = _merged(blanks()) if spans is None else spans
        if not _overlaps(spans, run.start(), run.end()):
            start = run.start() + loud[0].start()
            found.append(Hit(start, run.start() + loud[-1].end(), SHOUT["message"],
                             SHOUT["suggestion"]))
    return found


def _shouts(words: list[str]) -> bool:
    """Shouting: one stressed word, or a run with a word of a sentence, not of a name."""
    if len(words) == 1:
        return words[0] in EMPHATIC
    return len(words) >= SHOUT["min_loud_words"] and not SENTENCE_WORDS.isdisjoint(
        word.replace("’", "'") for word in words)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a span of `spans` (sorted, none overlapping) overlaps [start, end): a bisection,
    not a walk through all of them for every run (quadratic on "AGAIN [Name]" repeated)."""
    i = bisect_left(spans, (start,))
    return any(s < end and start < e for s, e in spans[max(0, i - 1):i + 1])


def _merged(spans) -> list[tuple[int, int]]:
    """The spans sorted, those that overlap joined into one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
