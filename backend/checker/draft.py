"""The user's own new words in a draft: the quoted thread, the signature and quoted speech set aside.

Every view has the body's length, with what is set aside replaced by MASK, so an offset found in
any view points at the same character of the body.
"""
import re
from bisect import bisect_left, bisect_right
from functools import cached_property

from .words import WordIndex

MASK = "\x00"  # neither a word character nor a space: no phrase or word matches across it

# Where a quoted earlier thread begins; from there on, everything is someone else's words.
THREAD_START = re.compile(r"""
    ^[ \t]*On\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bwrote:[ \t]*$          # Gmail, Apple Mail
  | ^[ \t]*-{2,}[ \t]*(?:Original|Forwarded)[ \t]+message[ \t]*-{2,}     # Outlook, forwards
  | ^[ \t]*_{8,}[ \t]*\n(?=[ \t]*From:)                                 # Outlook's rule
  | ^[ \t]*From:[^\n]*\n(?:[^\n]*\n){0,3}?[ \t]*(?:Sent|Date):          # reply headers
""", re.M | re.X | re.I)
QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*", re.M)
SIG_DELIMITER = re.compile(r"^--[ \t]?$", re.M)
# A closing line, maybe with the name after it ("Best, Sam"); the signature follows it.
CLOSING = re.compile(r"""
    ^[ \t]*(?:best|best\ regards|kind\ regards|kindest\ regards|regards|warm\ regards
      |warmest\ regards|warmly|sincerely|sincerely\ yours|yours\ sincerely|yours\ truly
      |respectfully|cheers|all\ the\ best|best\ wishes|many\ thanks|thanks|thank\ you
      |thanks\ again|thank\ you\ again|thanks\ so\ much|thank\ you\ so\ much|with\ thanks
      |with\ gratitude|with\ appreciation|talk\ soon|take\ care|looking\ forward
      |looking\ forward\ to\ hearing\ from\ you|speak\ soon|gratefully)
    [ \t]*[,.!—–-]*[ \t]*(?:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})?[ \t]*$
""", re.M | re.X | re.I)
POSTSCRIPT = re.compile(r"[ \t]*P\.?S\b", re.I)
NAME_LINE = re.compile(r"[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}[ \t]*")
SIGNATURE_LINES = 6   # name, title, company, phone, email, profile link
SIGNATURE_WIDTH = 100
CLOSING_REACH = 20    # lines from the end: a signature, then maybe a P.S. of a few lines
QUOTED_SPEECH = re.compile(r'["“][^"“”\n]{1,300}["”]')
# What separates words for the count; apostrophes and hyphens join them ("don't", "follow-up").
BETWEEN_WORDS = str.maketrans({c: " " for c in "!\"#$%&()*+,./:;<=>?@[\\]^`{|}~“”—–…•·\x00"})
SENTENCE_REACH = 400  # characters: a sentence longer than this is cut for the checks
SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"”')\]]|$)|\n")
CLAUSE_MARK = re.compile(r".*(?:[,;:—–(]|\bbut\b|\band\b)", re.S | re.I)
INVISIBLE_CHARS = ("\r", "\u200b", "\u200c", "\u200d", "\ufeff")
INVISIBLE = str.maketrans({char: " " for char in INVISIBLE_CHARS})
# Every thread marker above holds one of these (lower-cased).
THREAD_WORDS = ("wrote:", "original", "forwarded", "from:")


def _mask(text: str, start: int, end: int) -> str:
    """The text with [start, end) masked, newlines kept so lines still count."""
    return _mask_all(text, [(start, end)])


def _mask_all(text: str, spans) -> str:
    """The text with every span masked, in one pass: a copy of the text per span would cost
    the length of the text times the number of quoted lines (quadratic on a hostile body)."""
    pieces, at = [], 0
    for start, end in spans:
        if start >= end:
            continue
        pieces += [text[at:start],
                   "\n".join(MASK * len(line) for line in text[start:end].split("\n"))]
        at = end
    if not pieces:
        return text
    pieces.append(text[at:])
    return "".join(pieces)


class Draft:
    """A body and its views: `mine` (no quoted thread), `prose` (no signature), `text` (no quotes)."""

    def __init__(self, body: str, guess_signature: bool = True):
        self.body = body
        # Each search below runs only when a plain substring test says it may find something:
        # most drafts have no thread, no quoted line, no quotes.
        work = body.translate(INVISIBLE) if any(map(body.__contains__, INVISIBLE_CHARS)) \
            else body
        lower = work.lower()
        thread = (THREAD_START.search(work)
                  if any(map(lower.__contains__, THREAD_WORDS)) else None)
        self.own_end = thread.start() if thread else len(work)
        work = _mask(work, self.own_end, len(work))
        if ">" in work:
            work = _mask_all(work, (line.span() for line in
                                    QUOTED_LINE.finditer(work, 0, self.own_end)))
        self.mine = work
        self.signature = _signature(work, self.own_end, guess_signature)
        self.prose = _mask(work, *self.signature)
        text = self.prose
        if '"' in text or "“" in text:
            unquoted = _mask_all(text, (quote.span() for quote in QUOTED_SPEECH.finditer(text)))
            # Quotes are someone else's words when the user's own words frame them ("you said
            # …", a motto); a draft that is nothing but quotes has no one else in it: it is the
            # writer's own, as typed.
            if any(map(str.isalnum, unquoted)):
                text = unquoted
        self.text = text

    @cached_property
    def words(self) -> WordIndex:
        """Where each word of the body starts: the patterns are tried only there."""
        return WordIndex(self.body)

    @cached_property
    def word_count(self) -> int:
        """How many words the user wrote: the thread and the signature do not count.

        A word is what stands between spaces and punctuation ("don't" and "follow-up" are one)
        and holds a letter or a digit.
        """
        return len(self.prose.translate(BETWEEN_WORDS).split())

    @cached_property
    def _boundaries(self) -> tuple[list[int], list[int]]:
        """Where each sentence end starts and ends in `text`, found once for all hits.

        Searching forward from every hit instead costs the rest of the text per hit when no
        sentence end comes ("XX." repeated): quadratic.
        """
        starts, ends = [], []
        for boundary in SENTENCE_END.finditer(self.text):
            starts.append(boundary.start())
            ends.append(boundary.end())
        return starts, ends

    def sentence(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The span of the sentence (or line) holding [start, end), cut to SENTENCE_REACH
        characters on each side of it."""
        end = start if end is None else end
        starts, ends = self._boundaries
        first = max(0, start - SENTENCE_REACH)
        before = bisect_right(ends, start) - 1  # the last sentence end before the start
        if before >= 0 and ends[before] > first and starts[before] >= first:
            first = ends[before]
        after = bisect_left(starts, end)  # the first sentence end from the end on
        last = min(len(self.text), end + SENTENCE_REACH)
        if after < len(starts):
            last = min(last, ends[after])
        return first, last

    def sentences(self, view: str = "text") -> list[tuple[int, int]]:
        """Every sentence (or line) of a view, as spans, blank ones left out."""
        text = getattr(self, view)
        spans, first = [], 0
        for end in self._boundaries[1] + [len(text)]:
            if text[first:end].strip(" \t\n" + MASK):
                spans.append((first, end))
            first = end
        return spans

    def clause_before(self, start: int, width: int = 40) -> str:
        """The few words before `start` in its sentence, from the last clause mark on."""
        first, _ = self.sentence(start)
        window = self.text[max(first, start - width):start]
        mark = CLAUSE_MARK.match(window)
        return window[mark.end():] if mark else window


def _signature(text: str, end: int, guess: bool = True) -> tuple[int, int]:
    """The signature's span: after "-- ", after a closing line, or a trailing name block
    (the last two only when `guess`: else a body without "-- " has no signature)."""
    delimiter = None
    if "--" in text[:end]:
        for delimiter in SIG_DELIMITER.finditer(text, 0, end):  # noqa: B007  (the last one)
            pass
    if delimiter:
        return delimiter.start(), end
    if not guess:
        return end, end
    # A closing is one of the last lines: walk up from the end, the last closing first.
    line_end = end
    for _ in range(CLOSING_REACH):
        line_start = text.rfind("\n", 0, line_end) + 1
        if CLOSING.match(text, line_start, line_end):
            stop = _signature_end(text, line_end, end)
            if stop is not None:
                return line_end, stop
        if not line_start:
            break
        line_end = line_start - 1
    return _name_block(text, end), end


def _signature_end(text: str, start: int, end: int) -> int | None:
    """Where a signature that starts at `start` ends (at a P.S.), or None if it is not one."""
    count, offset = 0, start
    for line in text[start:end].split("\n"):
        if POSTSCRIPT.match(line):
            return offset
        if line.strip(" \t" + MASK):
            count += 1
            if count > SIGNATURE_LINES or len(line) > SIGNATURE_WIDTH:
                return None
        offset += len(line) + 1
    return end


def _name_block(text: str, end: int) -> int:
    """A last paragraph of a few short lines that starts with a name ("Sam Lee"), or `end`."""
    head = text[:end].rstrip(" \t\n" + MASK)
    gap = head.rfind("\n\n")
    if gap < 0:
        return end
    block = head[gap + 2:].split("\n")
    if len(block) > 4 or any(len(line) > 60 for line in block):
        return end
    if not NAME_LINE.fullmatch(block[0]) or CLOSING.fullmatch(block[0]):
        return end
    return gap + 2
