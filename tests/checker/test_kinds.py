"""The rule data loader: what a group borrows from the group it is `like`, and what it refuses."""
import pytest

from backend.checker import check, kinds
from backend.checker.draft import Draft


def _book(tmp_path, monkeypatch, text):
    (tmp_path / "demo.toml").write_text(text)
    monkeypatch.setattr(kinds, "DATA", tmp_path)
    return kinds.load("demo")


FIRST = '''
[[group]]
name = "first"
source = "the guide"
message = "Said once."
suggestion = "Ask instead."
phrases = ["by friday"]
unless = ["\\\\bno rush\\\\b"]
'''


def test_a_group_like_another_shows_its_message_and_suggestion_and_keeps_its_own_words(
        tmp_path, monkeypatch):
    book = _book(tmp_path, monkeypatch, FIRST + '''
[[group]]
name = "second"
like = "first"
phrases = ["reply tomorrow"]
''')
    second = book.groups[1]
    hits = list(second.hits(Draft("Please reply tomorrow.")))
    assert [(h.message, h.suggestion) for h in hits] == [("Said once.", "Ask instead.")]
    assert list(second.hits(Draft("Please reply tomorrow, no rush."))) == []  # unless borrowed
    assert list(second.hits(Draft("Answer by Friday."))) == []  # the words are its own


def test_a_group_overrides_what_it_would_borrow(tmp_path, monkeypatch):
    book = _book(tmp_path, monkeypatch, FIRST + '''
[[group]]
name = "second"
like = "first"
message = "Said differently."
phrases = ["reply tomorrow"]
''')
    assert [h.message for h in book.groups[1].hits(Draft("Reply tomorrow."))] == [
        "Said differently."]


def test_like_a_group_that_is_not_there_is_refused_by_name(tmp_path, monkeypatch):
    with pytest.raises(ValueError, match="'second' is like 'nowhere'"):
        _book(tmp_path, monkeypatch, FIRST + '''
[[group]]
name = "second"
like = "nowhere"
phrases = ["reply tomorrow"]
''')


def test_a_misspelt_key_is_refused_rather_than_ignored(tmp_path, monkeypatch):
    with pytest.raises(ValueError, match=r"unknown keys \['unles'\]"):
        _book(tmp_path, monkeypatch, FIRST.replace("unless =", "unles ="))


def test_a_group_without_a_source_is_refused(tmp_path, monkeypatch):
    with pytest.raises(ValueError, match="says no source"):
        _book(tmp_path, monkeypatch, FIRST.replace('source = "the guide"\n', ""))


def test_the_asking_verbs_read_as_the_deadline_they_borrow_from():
    deadline, = (f for f in check("I need an answer by Friday.", tone=False)
                 if f.rule == "ultimatum")
    asked, = (f for f in check("Please respond by Friday.", tone=False) if f.rule == "ultimatum")
    assert asked.match == "Please respond by Friday" and deadline.match != asked.match
    assert asked.message == deadline.message
    assert asked.suggestion == deadline.suggestion
