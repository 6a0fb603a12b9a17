"""check() and Finding as docs/api.md defines them: ids, severities, offsets, order, JSON shape."""
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from backend.checker import REGISTRY, RULES, Context, Finding, check
from backend.checker.eval import load

CONTRACT_RULES = {"ultimatum", "aggressive", "desperate", "placeholder", "too_soon",
                  "too_many_follow_ups", "missing_thanks", "missing_interest",
                  "missing_question", "too_long", "add_value"}
ERRORS = {"ultimatum", "aggressive", "hostile", "placeholder", "too_soon",
          "too_many_follow_ups"}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def test_the_registry_holds_the_contract_rules_once_each():
    assert [r.id for r in REGISTRY] == list(RULES)
    assert set(RULES) >= CONTRACT_RULES


def test_the_pushy_rules_and_blanks_are_errors_and_the_rest_warnings():
    for rule in REGISTRY:
        assert (rule.severity == "error") == (rule.id in ERRORS), rule.id


def test_to_dict_has_the_contract_keys_and_no_suggestion_key_when_none():
    with_suggestion = Finding("ultimatum", "error", "why", 3, 8, "offer", "ask instead")
    assert with_suggestion.to_dict() == {
        "rule": "ultimatum", "severity": "error", "message": "why", "start": 3, "end": 8,
        "match": "offer", "suggestion": "ask instead"}
    assert "suggestion" not in Finding("add_value", "info", "why", 0, 0, "").to_dict()


def test_match_is_the_body_between_the_offsets_for_every_corpus_finding():
    count = 0
    for entry in load():
        for finding in check(entry.body, entry.context, entry.subject):
            assert finding.match == entry.body[finding.start:finding.end]
            assert 0 <= finding.start <= finding.end <= len(entry.body)
            count += 1
    assert count > 300


def test_offsets_count_code_points_so_emoji_do_not_shift_them():
    body = "Hi 👋🏽 Anna! I need an answer by Friday."
    found = [f for f in check(body) if f.rule == "ultimatum"]
    assert found and found[0].match == "I need an answer by Friday"
    assert found[0].start == body.index("I need")


def test_findings_sort_by_start_then_errors_first():
    body = "Hi [Name], any update?? I really need this job."
    found = check(body, Context(follow_ups_sent=2))
    keys = [(f.start, SEVERITY_ORDER[f.severity]) for f in found]
    assert keys == sorted(keys)
    assert [f.rule for f in found][:2] == ["too_many_follow_ups", "missing_interest"]
    assert [f.match for f in found if f.start] == ["[Name]", "??", "I really need this job"]


def test_whole_draft_findings_are_zero_zero_with_an_empty_match():
    found = check("Hello. The role sounds fine.", Context(follow_ups_sent=2))
    whole = [f for f in found if f.rule in ("too_many_follow_ups", "missing_thanks")]
    assert {f.rule for f in whole} == {"too_many_follow_ups", "missing_thanks"}
    assert all((f.start, f.end, f.match) == (0, 0, "") for f in whole)


def test_the_subject_is_checked_too_and_reported_as_the_whole_draft():
    found = check("Hi Anna, thank you! I'm still very interested. Any update?",
                  subject="URGENT: [Position] interview")
    subject = [f for f in found if f.message.startswith("In the subject: ")]
    assert {f.rule for f in subject} == {"aggressive", "placeholder"}
    assert all((f.start, f.end, f.match) == (0, 0, "") for f in subject)


def test_too_soon_says_the_day_and_the_reason():
    context = Context(on=date(2026, 3, 10), action="first_follow_up", earliest=date(2026, 3, 16),
                      reason="They said they would decide by Fri 13 Mar; follow up the next "
                             "business day, Mon 16 Mar.")
    [finding] = [f for f in check("Any update?", context) if f.rule == "too_soon"]
    assert finding.message.startswith("Too early: wait until Mon 16 Mar, because they said")
    assert "Mon 16 Mar" in finding.suggestion


def test_too_soon_uses_the_label_given():
    context = Context(on=date(2026, 3, 10), earliest=date(2026, 3, 16),
                      earliest_label="Monday, March 16")
    [finding] = [f for f in check("Any update?", context) if f.rule == "too_soon"]
    assert "wait until Monday, March 16." in finding.message


def test_context_refuses_an_unknown_action():
    try:
        Context(action="third_follow_up")
    except ValueError as error:
        assert "third_follow_up" in str(error)
    else:
        raise AssertionError("an unknown action was accepted")


def test_check_is_pure_the_same_input_gives_the_same_findings():
    body = load()[0].body
    assert check(body) == check(body)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400),
       st.one_of(st.none(), st.text(max_size=60)))
def test_any_text_gives_findings_whose_match_is_the_body_slice(body, subject):
    for finding in check(body, None, subject):
        assert finding.match == body[finding.start:finding.end]
        assert finding.rule in RULES and finding.severity in SEVERITY_ORDER
