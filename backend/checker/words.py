"""A draft's words, and where each one starts: the places patterns are tried."""
import re
from bisect import bisect_left
from functools import cached_property, lru_cache

WORD = re.compile(r"\w+")  # as the regexes' \w and \b see a word
# The usual characters between words, to split on with str.split (much faster than a regex).
SEPARATORS = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~‘’“”—–…\x00"})


class WordIndex:
    """A text's words (as the regexes' \\w sees them), lower-cased, and where each one starts.

    Built once per draft on its body: a view of the draft masks some of the body's characters,
    so a start found in the body is tried in the view, and fails there if it is masked. Where a
    word is found is worked out only for the words a pattern asks about.
    """

    def __init__(self, text: str):
        self.hay = text.lower()
        self._at: dict[str, list[int]] = {}
        self._contains: dict[str, bool] = {}

    def contains(self, text: str) -> bool:
        """Whether the lower-cased text holds `text`; each string searched for once."""
        found = self._contains.get(text)
        if found is None:
            found = self._contains[text] = text in self.hay
        return found

    @cached_property
    def keys(self) -> frozenset[str]:
        """Every word of the text, as \\w+ finds them, but split by str methods (faster)."""
        tokens = set(self.hay.translate(SEPARATORS).split())
        odd = {token for token in tokens if not token.isalnum()}
        if odd:  # "_", an emoji, a mark: let the regex split these few
            tokens = (tokens - odd).union(*(WORD.findall(token) for token in odd))
        return frozenset(tokens)

    @cached_property
    def words(self) -> list[str]:
        """The words, sorted: those starting with a prefix are side by side."""
        return sorted(self.keys)

    def at(self, word: str) -> list[int]:
        """Where `word` starts, as a whole word."""
        found = self._at.get(word)
        if found is None:
            hay, found = self.hay, []
            if word in self.keys:
                for match in _ending(word).finditer(hay):
                    at = match.start()
                    if not at or not (hay[at - 1].isalnum() or hay[at - 1] == "_"):
                        found.append(at)
            self._at[word] = found
        return found

    def between(self, word: str, begin: int, end: int) -> list[int]:
        """Where `word` starts in hay[begin:end]."""
        at = self.at(word)
        if not at or (begin <= at[0] and at[-1] < end):
            return at
        return at[bisect_left(at, begin):bisect_left(at, end)]

    def positions(self, start, begin: int, end: int) -> list[int]:
        """Where `start` occurs in hay[begin:end], as its flags say."""
        text = start.text.lower()  # the index is lower-case; the regex checks the case
        if start.word_start and start.whole_word:
            return self.between(text, begin, end)
        if start.word_start:
            i, found = bisect_left(self.words, text), []
            while i < len(self.words) and self.words[i].startswith(text):
                found += self.between(self.words[i], begin, end)
                i += 1
            return found
        found, at = [], self.hay.find(text, begin, end)
        while at >= 0:
            found.append(at)
            at = self.hay.find(text, at + 1, end)
        return found


@lru_cache(maxsize=2048)
def _ending(word: str) -> re.Pattern:
    """A word that ends there: starting with the word itself, the regex engine finds it fast.

    Compiled once for all drafts (the words patterns start with are a few hundred).
    """
    return re.compile(re.escape(word) + r"\b")
