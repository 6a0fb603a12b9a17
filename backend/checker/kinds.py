"""Reusable kinds of check: phrase lists, patterns and limits, read from data files, compiled once.

In a data file's patterns a space means any run of whitespace and an apostrophe either ' or ’,
so the data reads like the words it catches; `{name}` is replaced by the file's macro `name`.
"""
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, NamedTuple

from .draft import Draft

DATA = Path(__file__).parent / "data"
NEGATION = re.compile(r"\b(?:not|never|no|without|nor|hardly)\b|n['’]t\b", re.I)
NEGATION_REACH = 4  # words: "I'm not weighing other offers", not "not hearing for weeks is rude"
LAST_WORDS = re.compile(r"(?:\S+\s+){0,%d}\S*\s*$" % (NEGATION_REACH - 1))
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
        self.regex = re.compile("|".join(f"(?:{p})" for p in expanded),
                                0 if case_sensitive else re.I)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
        """Every non-overlapping match in text[start:end]."""
        return self.regex.finditer(text, start, len(text) if end is None else end)

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match | None:
        """The first match in text[start:end], or None."""
        return self.regex.search(text, start, len(text) if end is None else end)


class Phrases(Pattern):
    """Literal phrases matched as whole words, whatever the case and the whitespace between."""

    def __init__(self, phrases: list[str]):
        def one(phrase: str) -> str:
            body = r"\s+".join(re.escape(w).replace("'", "['’]") for w in phrase.split())
            head = r"(?<!\w)" if phrase[0].isalnum() else ""
            tail = r"(?![\w'’-])" if phrase[-1].isalnum() else ""  # not "any job-related", "won't"
            return head + body + tail
        # Longest first, so "I really need this job" wins over "need this job".
        super().__init__([])
        self.regex = re.compile("|".join(one(p) for p in sorted(phrases, key=len, reverse=True)),
                                re.I)


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
        for match in self.matcher.finditer(text):
            start, end = match.span()
            before = draft.clause_before(start)
            if self.negatable and NEGATION.search(LAST_WORDS.search(before)[0]):
                continue
            if self.unless_before and self.unless_before.search(before):
                continue
            if self.unless and self.unless.search(text, *draft.sentence(start, end)):
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


def load(rule: str) -> Book:
    """Read `data/<rule>.toml` and compile its groups."""
    with open(DATA / f"{rule}.toml", "rb") as file:
        data = tomllib.load(file)
    macros = data.get("macros", {})

    def pattern(key: str, spec: dict) -> Pattern | None:
        found = spec.get(key)
        return Pattern(found, macros, spec.get("case_sensitive", False)) if found else None

    groups = []
    for spec in data.get("group", []):
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
    return context.action == "move_on" and ASKS_AGAIN.search(draft.text) is not None
