"""Where a regex can start: so a pattern is tried at a few words, not at every character.

Python's regex engine tries a pattern at each position of the text; over a thousand characters
and a few hundred patterns that is most of the checker's time. Most patterns start with a word
("I", "if", "per", "another"), so `match_starts` reads, from the parsed regex, the strings every
match starts with, and whether they start (and end) a word. `WordIndex` lists a draft's words
once; a pattern is then tried only where one of its starts is.
"""
import re
import re._constants as sre
import re._parser as sre_parse
from bisect import bisect_left
from functools import cached_property
from typing import NamedTuple

START_LIMIT = 400  # past this many starts, scan the whole text instead
WORD = re.compile(r"\w+")  # as the regexes' \w and \b see a word
ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
SPACE = (sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])


class Start(NamedTuple):
    """A string every match starts with; whether it starts a word, and is a whole word."""

    text: str
    word_start: bool = False
    whole_word: bool = False


def match_starts(regex: str, flags: int) -> frozenset[Start] | None:
    """Every way a match of `regex` can start (lower-cased unless case-sensitive), or None."""
    fold = str.lower if flags & re.I else str

    def starts(items: list) -> frozenset[Start] | None:
        bounded = False
        while items and items[0][0] in ZERO_WIDTH:
            bounded |= items[0] == (sre.AT, sre.AT_BOUNDARY)
            items = items[1:]
        found = literal(items)
        if found is not None and bounded:
            found = frozenset(s._replace(word_start=s.text[:1].isalnum()) for s in found)
        return found

    def literal(items: list) -> frozenset[Start] | None:
        if not items:
            return None  # could match the empty string
        op, av = items[0]
        rest = items[1:]
        if op is sre.LITERAL or (op is sre.IN and all(o is sre.LITERAL for o, _ in av)):
            firsts = {fold(chr(av))} if op is sre.LITERAL else {fold(chr(c)) for _, c in av}
            after = literal(rest) if rest else None  # no "\b" inside: the word goes on
            if after and len(after) * len(firsts) <= START_LIMIT:
                return frozenset(Start(f + a.text, whole_word=a.whole_word)
                                 for f in firsts for a in after)
            ends = all(f.isalnum() for f in firsts) and ends_word(rest)
            return frozenset(Start(f, whole_word=ends) for f in firsts)
        if op is sre.SUBPATTERN:
            return starts(list(av[3]) + rest)
        if op is sre.BRANCH:
            found: set[Start] = set()
            for branch in av[1]:
                one = starts(list(branch) + rest)
                if one is None or len(found) + len(one) > START_LIMIT:
                    return None
                found |= one
            return frozenset(found)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _, item = av
            first = starts(list(item))
            if low >= 1 or first is None:
                return first
            skipped = starts(rest)
            return None if skipped is None else first | skipped
        return None

    return starts(list(sre_parse.parse(regex, flags)))


def required_literals(regex: str, flags: int) -> frozenset[str] | None:
    """Strings one of which is in any text the regex matches (lower-cased), or None if unsure.

    A draft holding none of them cannot match, so the pattern is skipped: a substring test is
    much cheaper than trying a regex, and most drafts hold no "offer", "demand" or "per my".
    """
    fold = str.lower if flags & re.I else str

    def sequence(items) -> frozenset[str] | None:
        best, run = None, ""
        for op, av in list(items) + [(None, None)]:
            if op is sre.LITERAL:
                run += fold(chr(av))
                continue
            found = frozenset([run]) if run else None
            run = ""
            if op is sre.SUBPATTERN:
                found = _telling(found, sequence(av[3]))
            elif op is sre.BRANCH:
                branches = [sequence(b) for b in av[1]]
                if all(branches):
                    found = _telling(found, frozenset().union(*branches))
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
                found = _telling(found, sequence(av[2]))
            best = _telling(best, found)
        return best

    return sequence(sre_parse.parse(regex, flags))


def _telling(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more telling of two requirements: the one whose shortest string is longer."""
    if a is None or b is None:
        return a or b
    return a if min(map(len, a)) >= min(map(len, b)) else b


def ends_word(items: list) -> bool:
    """Whether what follows certainly starts with a character that is not a letter or digit."""
    if not items:
        return False
    op, av = items[0]
    if op is sre.AT:
        return av is sre.AT_BOUNDARY or ends_word(items[1:])
    if op is sre.ASSERT_NOT and av[0] == 1:  # (?![\w…]): no word character follows
        return any(item == (sre.CATEGORY, sre.CATEGORY_WORD)
                   for o, a in av[1] if o is sre.IN for item in a)
    if (op, av) == SPACE:
        return True
    if op is sre.LITERAL:
        return not chr(av).isalnum() and chr(av) != "_"
    if op is sre.IN:
        return all(o is sre.LITERAL and not chr(c).isalnum() and chr(c) != "_" for o, c in av)
    if op is sre.SUBPATTERN:
        return ends_word(list(av[3]) + items[1:])
    if op is sre.BRANCH:
        return all(ends_word(list(b) + items[1:]) for b in av[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, item = av
        return ends_word(list(item)) and (low >= 1 or ends_word(items[1:]))
    return False


class WordIndex:
    """A text's words (letters and digits), lower-cased: where each one starts.

    Built once per draft on its body: a view of the draft masks some of the body's characters,
    so a start found in the body is tried in the view, and fails there if it is masked.
    """

    def __init__(self, text: str):
        self.hay = text.lower()

    @cached_property
    def at(self) -> dict[str, list[int]]:
        """Each word, and where it starts."""
        at: dict[str, list[int]] = {}
        for word in WORD.finditer(self.hay):
            at.setdefault(word[0], []).append(word.start())
        return at

    @cached_property
    def words(self) -> list[str]:
        """The words, sorted: those starting with a prefix are side by side."""
        return sorted(self.at)

    def positions(self, start: Start, begin: int, end: int) -> list[int]:
        """Where `start` occurs in hay[begin:end], as its flags say."""
        text = start.text.lower()  # the index is lower-case; the regex checks the case
        if start.word_start and start.whole_word:
            found = self.at.get(text, ())
        elif start.word_start:
            i, found = bisect_left(self.words, text), []
            while i < len(self.words) and self.words[i].startswith(text):
                found += self.at[self.words[i]]
                i += 1
        else:
            found, at = [], self.hay.find(text, begin, end)
            while at >= 0:
                found.append(at)
                at = self.hay.find(text, at + 1, end)
        return [p for p in found if begin <= p < end]
