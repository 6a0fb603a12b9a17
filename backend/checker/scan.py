"""Where a regex can start: so a pattern is tried at a few words, not at every character.

Python's regex engine tries a pattern at each position of the text; over a thousand characters
and a few hundred patterns that is most of the checker's time. Most patterns start with a word
("I", "if", "per", "another"), so `match_starts` reads, from the parsed regex, the strings every
match starts with, and whether they start (and end) a word. `WordIndex` lists a draft's words
once (words.py); a pattern is then tried only where one of its starts is, and only in drafts
that hold the words it `requirements` says every match holds.
"""
import re
import re._constants as sre
import re._parser as sre_parse
from typing import NamedTuple

from .words import WORD, WordIndex

START_LIMIT = 400  # past this many starts, scan the whole text instead
ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
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


class Need(NamedTuple):
    """A string a match holds; `whole` when it is a whole word there (then a set lookup)."""

    text: str
    whole: bool = False


def requirements(regex: str, flags: int) -> tuple[frozenset[Need], ...]:
    """What any text the regex matches holds: for each set, one of its strings (lower-cased).

    A draft missing one of them cannot match, so the pattern is not tried at all: a word looked
    up in the draft's words, or a substring test, is much cheaper than a regex, and most drafts
    hold no "offer", "demand" or "per my".
    """
    fold = str.lower if flags & re.I else str

    def sequence(items, bounded: bool, after: list) -> list[frozenset[Need]]:
        needs, items = [], list(items)
        i = 0
        while i < len(items):
            op, av = items[i]
            rest = items[i + 1:] + after
            if op is sre.LITERAL:
                j = next((k for k in range(i, len(items)) if items[k][0] is not sre.LITERAL),
                         len(items))
                run = "".join(fold(chr(c)) for _, c in items[i:j])
                whole = bounded and run.isalnum() and ends_word(items[j:] + after)
                needs.append(frozenset([Need(run, whole)]))
                bounded, i = not run[-1].isalnum(), j
                continue
            if op is sre.SUBPATTERN:
                needs += sequence(av[3], bounded, rest)
            elif op is sre.BRANCH:
                branches = [sequence(b, bounded, rest) for b in av[1]]
                if all(branches):  # one string from each branch: the longest-shortest
                    needs.append(frozenset().union(*(
                        max(b, key=lambda need: min(len(n.text) for n in need))
                        for b in branches)))
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
                needs += sequence(av[2], bounded, [])
            if op is sre.AT:
                bounded = av in (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)
            elif op in REPEATS and av[0] == 0:  # "(?:already )?": skipped, what came before
                bounded = bounded and ends_nonword(list(av[2]))
            elif op not in (sre.ASSERT, sre.ASSERT_NOT):
                bounded = ends_nonword([(op, av)])
            i += 1
        return needs

    return tuple(sequence(sre_parse.parse(regex, flags), False, []))


def ends_nonword(items: list) -> bool:
    """Whether what `items` match certainly ends with a character that is not a word's."""
    if not items:
        return False
    op, av = items[-1]
    if (op, av) == SPACE:
        return True
    if op is sre.LITERAL:
        return not (chr(av).isalnum() or chr(av) == "_")
    if op is sre.IN:
        return all(o is sre.LITERAL and not (chr(c).isalnum() or chr(c) == "_")
                   for o, c in av)
    if op is sre.SUBPATTERN:
        return ends_nonword(list(av[3]))
    if op is sre.BRANCH:
        return all(ends_nonword(list(b)) for b in av[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return av[0] >= 1 and ends_nonword(list(av[2]))
    return False


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


class Part:
    """One pattern of a Pattern: where its matches can start, and the strings they need."""

    def __init__(self, regex: str, flags: int):
        starts = match_starts(regex, flags)
        self.starts = starts
        # Checked: every requirement of whole words (looked up in the draft's set of words,
        # cheap), and of the others (each string a search of the whole draft) those of one or
        # two strings of three letters or more, or else the one of fewest strings.
        needs = [frozenset(Need(n.text.lower(), n.whole) for n in need)
                 for need in requirements(regex, flags)]
        self.words_needed = tuple(frozenset(n.text for n in need) for need in needs
                                  if all(n.whole for n in need))
        texts = sorted((tuple({n.text for n in need}) for need in needs
                        if not all(n.whole for n in need) and min(len(n.text) for n in need) >= 3),
                       key=len)
        self.needs = tuple(need for need in texts if len(need) <= 2)[:4] or tuple(texts[:1])
        starts = [indexable(s) for s in starts or ()]
        # Whole words are looked up at once; word beginnings and other strings one by one.
        self.whole_words = frozenset(s.text.lower() for s in starts
                                     if s.word_start and s.whole_word)
        others = {s for s in starts if s.word_start and not s.whole_word}
        # Strings that need not start a word are looked for by their first character only:
        # "(company", "(date)", "(name)" are all found by looking for "(".
        others |= {s._replace(text=s.text[0]) for s in starts if not s.word_start}
        self.others = tuple(sorted(others))

    def positions(self, words: WordIndex, start: int, end: int) -> list[int]:
        """Where this pattern could match in hay[start:end]."""
        found: list[int] = []
        for word in words.keys & self.whole_words:
            found += words.between(word, start, end)
        for other in self.others:
            found += words.positions(other, start, end)
        return found


def indexable(start: Start) -> Start:
    """A start as the word index can find it: "won't" is the word "won", then more."""
    word = WORD.match(start.text)
    if start.word_start and word and word.end() < len(start.text):
        return Start(start.text[:word.end()], word_start=True, whole_word=True)
    return start
