"""Reusable kinds of check: phrase lists, patterns and limits, read from data files, compiled once.

In a data file's patterns a space means any run of whitespace and an apostrophe either ' or ’,
so the data reads like the words it catches; `{name}` is replaced by the file's macro `name`.
"""
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .draft import MASK, Draft
from .scan import Part
from .words import WORD, WordIndex

DATA = Path(__file__).parent / "data"
NEGATION = re.compile(r"\b(?:not|never|no|without|nor|hardly)\b|n['’]t\b", re.I)
NEGATION_REACH = 4  # words: "I'm not weighing other offers", not "not hearing for weeks is rude"
SHORT = 200  # characters (a sentence): a plain regex scan beats looking up words
MACRO = re.compile(r"\{([a-z_]+)\}")


class Hit(NamedTuple):
    """One place a check found, before the registry names its rule and severity."""

    start: int
    end: int
    message: str
    suggestion: str | None = None


def expand(pattern: str, macros: dict[str, str]) -> str:
    """The pattern with each `{name}` replaced by its macro, macros within macros too."""
    def one(m: re.Match) -> str:
        if m[1] not in macros:
            raise ValueError(f"no macro named {m[1]!r}")
        return f"(?:{macros[m[1]]})"

    for _ in range(5):
        pattern, count = MACRO.subn(one, pattern)
        if not count:
            return pattern
    raise ValueError(f"macros nest too deep in {pattern[:60]!r}")


def readable(pattern: str) -> str:
    """A data-file pattern as a regex: spaces match any whitespace, ' matches both apostrophes."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
            ch = "'’" if ch == "'" else ch
        elif ch == "[":
            in_class = True
        elif ch == " ":
            ch = r"\s+"
        elif ch == "'":
            ch = "['’]"
        out.append(ch)
    return "".join(out)


class Pattern:
    """Regular expressions, one compiled alternation; case-insensitive unless told."""

    def __init__(self, patterns: list[str], macros: dict[str, str] | None = None,
                 case_sensitive: bool = False):
        expanded = [readable(expand(p, macros or {})) for p in patterns]
        self._compile(expanded, case_sensitive)

    def _compile(self, patterns: list[str], case_sensitive: bool) -> None:
        """One regex for all; for each pattern, where it can start and what it needs."""
        flags = 0 if case_sensitive else re.I
        self.regex = re.compile("|".join(f"(?:{p})" for p in patterns), flags)
        self.case_sensitive = case_sensitive
        self.parts = tuple(Part(p, flags) for p in patterns)
        self.scan_all = not self.parts or any(part.starts is None for part in self.parts)

    def finditer(self, text: str, start: int = 0, end: int | None = None,
                 words: WordIndex | None = None) -> Iterator[re.Match]:
        """Every non-overlapping match in text[start:end], leftmost first, as re.finditer.

        With `words`, the index of a text that `text` masks (a Draft's), the regex is tried
        only where one of its starts is; without, at every position, which is fine for a few
        words (the clause before a match) and slow for a whole draft.
        """
        end = len(text) if end is None else end
        if self.scan_all or words is None or end - start <= SHORT:
            yield from self.regex.finditer(text, start, end)
            return
        positions: list[int] = []
        contains = words.contains  # remembered per draft: a search of the whole draft each
        keys = words.keys          # time would cost the draft's length per hit of a rule
        for part in self.parts:
            if (all(not keys.isdisjoint(need) for need in part.words_needed)
                    and all(any(map(contains, need)) for need in part.needs)):
                positions += part.positions(words, start, end)
        yield from self._matches_at(text, sorted(positions), start, end)

    def _matches_at(self, text: str, positions: list[int], start: int,
                    end: int) -> Iterator[re.Match]:
        """The leftmost non-overlapping matches that start at one of `positions` (sorted)."""
        reached = start
        for at in positions:
            if at < reached or at >= end:
                continue
            match = self.regex.match(text, at, end)
            if match:
                reached = max(match.end(), at + 1)
                yield match

    def search(self, text: str, start: int = 0, end: int | None = None,
               words: WordIndex | None = None) -> re.Match | None:
        """The first match in text[start:end], or None."""
        return next(self.finditer(text, start, end, words), None)


TAIL_CHARS = ("'", "’", "-")  # after a phrase, these say the word goes on (Phrases.TAIL)


class Phrases(Pattern):
    """Literal phrases matched as whole words, whatever the case and the whitespace between.

    Compiled as a trie ("any job|any position" -> "any (?:job|position)"): the regex engine
    tries one branch per letter instead of every phrase at every position.
    """

    TAIL = r"(?![\w'’-])"  # a whole word: not "any job-related", not "won" in "won't"

    def __init__(self, phrases: list[str]):
        trie: dict = {}
        for phrase in phrases:
            node = trie
            for ch in " ".join(phrase.lower().split()).replace("’", "'"):
                node = node.setdefault(ch, {})
            node[""] = {}  # the end of a phrase
        # Every phrase starts with a letter: "\b" then "not after an apostrophe" is "not
        # inside a word", and tells the scan to look only where words start.
        self._compile([r"\b(?<!['’])" + self._regex(trie)], case_sensitive=False)
        # A phrase can only be in a draft that has all its words: its first word is where to
        # look, and only for the phrases whose other words are there too.
        self.needs = tuple((frozenset(WORD.findall(p.lower())), WORD.match(p.lower())[0])
                           for p in phrases)
        self.single_words = frozenset(p.lower() for p in phrases if WORD.fullmatch(p.lower()))

    def present(self, text: str, words: WordIndex) -> bool:
        """Whether a phrase is in `text` (a view of the draft `words` indexes).

        One-word phrases are looked up first, without a regex: most drafts say "thank" or
        "interested" in so many words.
        """
        for word in self.single_words & words.keys:
            for at in words.at(word):
                after = text[at + len(word):at + len(word) + 1]
                before = text[at - 1:at] if at else ""
                if text[at] != MASK and after not in TAIL_CHARS and before not in TAIL_CHARS[:2]:
                    return True
        return self.search(text, words=words) is not None

    def finditer(self, text: str, start: int = 0, end: int | None = None,
                 words: WordIndex | None = None) -> Iterator[re.Match]:
        """As Pattern.finditer; with `words`, only the phrases whose words are all there."""
        end = len(text) if end is None else end
        if words is None or end - start <= SHORT:
            yield from super().finditer(text, start, end, words)
            return
        have = words.keys
        firsts = {first for needed, first in self.needs if needed <= have}
        positions = sorted(p for first in firsts for p in words.between(first, start, end))
        yield from self._matches_at(text, positions, start, end)

    @classmethod
    def _regex(cls, node: dict) -> str:
        """One trie node as a regex: longer continuations first, then the end of a phrase."""
        branches = [cls._char(ch) + cls._regex(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append(cls.TAIL)
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    @staticmethod
    def _char(ch: str) -> str:
        return {" ": r"\s+", "'": "['’]"}.get(ch, re.escape(ch))


@dataclass(frozen=True)
class Limit:
    """A number not to exceed, with where it comes from."""

    maximum: int
    source: str

    def exceeded_by(self, value: int) -> bool:
        """Whether `value` goes past the limit."""
        return value > self.maximum


@dataclass(frozen=True)
class Group:
    """Phrases or patterns that mean one thing, with the message shown when one matches."""

    name: str
    matcher: Pattern
    message: str
    suggestion: str | None
    view: str                      # which Draft view to search: "text", "prose" or "mine"
    negatable: bool                # a "not"/"n't" just before the match cancels it
    unless: Pattern | None         # the sentence holding the match excuses it
    unless_before: Pattern | None  # the words just before the match excuse it

    def hits(self, draft: Draft) -> Iterator[Hit]:
        """Each match in the draft that no negation, cue or exception excuses."""
        text = getattr(draft, self.view)
        for match in self.matcher.finditer(text, words=draft.words):
            start, end = match.span()
            if self.negatable or self.unless_before:
                before = draft.clause_before(start)
                if self.negatable and NEGATION.search(
                        " ".join(before.split()[-NEGATION_REACH:])):
                    continue
                if self.unless_before and self.unless_before.search(before):
                    continue
            if self.unless and self.unless.search(text, *draft.sentence(start, end),
                                                  words=draft.words):
                continue
            yield Hit(start, end, self.message, self.suggestion)


@dataclass(frozen=True)
class Book:
    """One rule's data file: its groups, and any other lists it holds."""

    groups: tuple[Group, ...]
    data: dict

    def hits(self, draft: Draft) -> Iterator[Hit]:
        """The hits of every group, in the order the file lists them."""
        for group in self.groups:
            yield from group.hits(draft)


# What a rule group in a data file may say (docs/rules.md, "Adding a rule").
GROUP_KEYS = ("name", "source", "message", "suggestion", "phrases", "patterns", "case_sensitive",
              "view", "negatable", "unless", "unless_before", "like")
# What a group takes from the group it says it is `like`: what the user reads about the mistake,
# and what excuses it in the sentence (its own `unless_before` is what differs).
BORROWED = ("source", "message", "suggestion", "unless")


def borrowed(rule: str, spec: dict, earlier: dict[str, dict]) -> dict:
    """A group's spec with what it borrows from an earlier group it is `like` filled in: a
    group that differs from another only in which words it matches or excuses says so once."""
    like = spec.get("like")
    if like is None:
        return spec
    if like not in earlier:
        raise ValueError(f"{rule}.toml group {spec.get('name')!r} is like {like!r}, "
                         "which no earlier group is named")
    return {**{key: earlier[like][key] for key in BORROWED if key in earlier[like]}, **spec}


def load(rule: str) -> Book:
    """Read `data/<rule>.toml` and compile its groups."""
    with open(DATA / f"{rule}.toml", "rb") as file:
        data = tomllib.load(file)
    macros = data.get("macros", {})

    def pattern(key: str, spec: dict) -> Pattern | None:
        found = spec.get(key)
        return Pattern(found, macros, spec.get("case_sensitive", False)) if found else None

    groups, specs = [], {}
    for spec in data.get("group", []):
        unknown = set(spec) - set(GROUP_KEYS)
        if unknown:  # a misspelt "unles" would otherwise excuse nothing, silently
            raise ValueError(f"{rule}.toml group {spec.get('name')!r} has unknown keys "
                             f"{sorted(unknown)}; a group's keys are {', '.join(GROUP_KEYS)}")
        spec = borrowed(rule, spec, specs)
        specs[spec["name"]] = spec
        if "source" not in spec:
            raise ValueError(f"{rule}.toml group {spec.get('name')!r} says no source")
        matcher = Phrases(spec["phrases"]) if "phrases" in spec else pattern("patterns", spec)
        groups.append(Group(spec["name"], matcher, spec["message"], spec.get("suggestion"),
                            spec.get("view", "text"), spec.get("negatable", True),
                            pattern("unless", spec), pattern("unless_before", spec)))
    return Book(tuple(groups), data)


FOLLOW_UP = load("content").data["follow_up"]
ASKS_AGAIN = Phrases(FOLLOW_UP["asks_again"])


def follows_up(draft: Draft, context) -> bool:
    """Whether the draft is a follow-up: as the context says, or a move-on note that asks again."""
    if context.follows_up:
        return True
    return (context.action == "move_on"
            and ASKS_AGAIN.search(draft.text, words=draft.words) is not None)
