"""Trying a pattern only where it can start finds exactly what a full regex scan finds."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from backend.checker import kinds
from backend.checker.checks import (
    add_value,
    aggressive,
    desperate,
    missing_interest,
    missing_question,
    missing_thanks,
    placeholder,
    ultimatum,
)
from backend.checker.draft import Draft
from backend.checker.eval import load
from backend.checker.kinds import Pattern, Phrases
from backend.checker.scan import Need, Start, match_starts, requirements


def _patterns():
    found = [kinds.ASKS_AGAIN]
    for module in (add_value, aggressive, desperate, missing_interest, missing_question,
                   missing_thanks, placeholder, ultimatum):
        for value in vars(module).values():
            if isinstance(value, Pattern):
                found.append(value)
            if isinstance(value, kinds.Book):
                for group in value.groups:
                    found += [p for p in (group.matcher, group.unless, group.unless_before) if p]
    return found


PATTERNS = _patterns()
# Words that start or sit in the patterns, so random drafts do hit them.
VOCABULARY = sorted({s.text for p in PATTERNS for s in (match_starts(p.regex.pattern, p.regex.flags)
                                                        or ()) if s.text.strip()}
                    | {"need", "know", "by", "Friday", "offer", "offers", "answer", "hear", "back",
                       "you", "never", "replied", "[Name]", "XXX", "TBD", "job", "please", "?",
                       "!!!", "’", "'", "-", "won't", "I'm", "INSERT", "Insert", "company"})


def _spans(pattern, text, words=None):
    return [m.span() for m in pattern.finditer(text, words=words)]


def test_every_pattern_is_scanned_by_its_starts():
    # Not a vacuous test: the scan must be narrowed for most patterns.
    narrowed = [p for p in PATTERNS if not p.scan_all]
    assert len(narrowed) >= len(PATTERNS) - 2


def test_anchored_scan_equals_full_scan_on_the_corpus():
    for entry in load():
        draft = Draft(entry.body)
        for view in (draft.text, draft.prose, draft.mine):
            for pattern in PATTERNS:
                assert _spans(pattern, view, draft.words) == _spans(pattern, view), (
                    entry.id, pattern.regex.pattern[:80])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY) | st.sampled_from([" ", " ", "\n", ", ", ". "]),
                max_size=40))
def test_anchored_scan_equals_full_scan_on_random_drafts(pieces):
    body = " ".join(pieces)
    draft = Draft(body)
    for pattern in PATTERNS:
        assert _spans(pattern, draft.text, draft.words) == _spans(pattern, draft.text), (
            body, pattern.regex.pattern[:80])


def test_starts_of_simple_patterns():
    starts = match_starts(r"\bI\s+(?:need|want)\b", re.I)
    assert starts == {Start("i", word_start=True, whole_word=True)}
    assert match_starts(r"\bghost(?:ed|ing)\b", re.I) == {
        Start("ghosted", True, True), Start("ghosting", True, True)}
    assert match_starts(r"\w+ offer", re.I) is None
    assert match_starts(r"(?:please\s+)?let", re.I) == {
        Start("please", False, True), Start("let", False, False)}


def test_required_strings_and_words():
    assert requirements(r"\bI\s+(?:need|want)\s+an\s+answer", re.I) == (
        {Need("i", True)}, {Need("need", True), Need("want", True)}, {Need("an", True)},
        {Need("answer")})
    assert requirements(r"\byou\s+(?:never|haven't)\s+(?:replied|called)\b", re.I) == (
        {Need("you", True)}, {Need("never", True), Need("haven't")},
        {Need("replied", True), Need("called", True)})
    # Not whole words: nothing says a word ends, or starts, there.
    assert requirements(r"ghost(?:ed|ing)", re.I) == ({Need("ghost")}, {Need("ed"), Need("ing")})
    assert requirements(r"(\s+foo)bar\b", re.I) == ({Need("foo")}, {Need("bar")})
    assert requirements(r"(?:\s+foo)bar\b", re.I) == ({Need("foobar", True)},)
    assert requirements(r"\w+", re.I) == ()


def test_phrases_match_whole_words_only():
    phrases = Phrases(["any job", "I'm begging", "won"])
    text = "Any job-related? any job. I’m begging. It won't. We won."
    assert [text[s:e] for s, e in _spans(phrases, text, Draft(text).words)] == [
        "any job", "I’m begging", "won"]


def test_a_word_after_an_optional_group_is_still_a_whole_word():
    needs = requirements(r"\bI(?:\s+already)?\s+emailed\b", re.I)
    assert {Need("emailed", True)} in needs
    # …but not when the optional group may end inside a word.
    assert {Need("emailed", True)} not in requirements(r"\bI(?:\s+re)?emailed\b", re.I)


def test_phrase_presence_by_word_lookup_agrees_with_the_regex():
    present = [missing_interest.PRESENT, missing_question.PRESENT, missing_thanks.PRESENT]
    bodies = [e.body for e in load()] + [
        "'thanks", "thank-you note", "Thanks!", '"thank you" they said', "no thx", "THANK YOU"]
    for body in bodies:
        draft = Draft(body)
        for phrases in present:
            for view in (draft.prose, draft.text):
                assert phrases.present(view, draft.words) == (
                    phrases.regex.search(view) is not None), body
