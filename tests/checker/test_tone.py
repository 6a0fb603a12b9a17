"""The sentence-level tone model: pinned and checked, pure Python, warnings that name a sentence."""
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from backend.checker import check, layer, tone
from backend.checker.draft import Draft

ROOT = Path(__file__).resolve().parents[2]
TONE_RULES = {"ultimatum", "aggressive", "desperate"}


def test_the_shipped_model_matches_its_pinned_hash_and_loads():
    raw = tone.MODEL.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == tone.MODEL_SHA256
    model = tone.load()
    assert model.rules == tone.RULES
    assert len(model.thresholds) == len(model.rules) == len(model.intercepts)
    assert len(model.table) > 1000


def test_a_changed_model_file_is_refused_with_a_clear_message(tmp_path):
    raw = bytearray(tone.MODEL.read_bytes())
    raw[raw.index(b'"thresholds":[') + 15] ^= 1  # one changed digit of a threshold
    changed = tmp_path / "tone.json"
    changed.write_bytes(bytes(raw))
    with pytest.raises(tone.ModelError) as refused:
        tone.load(changed)
    message = str(refused.value)
    assert "SHA-256" in message and "Refusing" in message and "backend.checker.train" in message


def test_a_missing_model_file_is_refused_with_a_clear_message(tmp_path):
    with pytest.raises(tone.ModelError) as refused:
        tone.load(tmp_path / "nowhere.json")
    assert "cannot be read" in str(refused.value)


def test_the_checker_needs_no_training_package_at_run_time():
    probe = ("import sys; from backend.checker import check; "
             "check('Thanks for nothing. You wasted three weeks of my life.'); "
             "print(sorted(m for m in ('sklearn', 'scipy') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_model_findings_are_warnings_that_name_the_sentence_and_suggest_a_rewording():
    body = ("Hi Dana,\n\nThank you for the interview. Lovely of you to keep me guessing, "
            "though. You wasted three weeks of my life.\n\nBest,\nSam")
    found = [f for f in check(body) if f.rule in TONE_RULES]
    assert found, "the model should read hostility without stock phrases"
    sentences = {(s, e) for s, e, _ in layer.sentences(Draft(body))}
    for finding in found:
        assert finding.severity == "warning"
        assert (finding.start, finding.end) in sentences
        assert finding.match == body[finding.start:finding.end]
        assert finding.message.startswith("This sentence may")
        assert finding.suggestion
    assert len({(f.start, f.end) for f in found}) == len(found), "one finding per sentence"


def test_a_sentence_a_rule_already_points_into_gets_no_model_finding_too():
    body = "You never replied to my last email, which is frankly unprofessional."
    found = check(body)
    assert [f.severity for f in found if f.rule == "aggressive"] == ["error", "error"]
    assert not [f for f in found if f.severity == "warning" and f.rule in TONE_RULES]


@pytest.mark.parametrize("body", [
    "I have received another offer; your company remains my first choice. Could you share "
    "your timeline?",
    "I wanted to let you know that I've received a competing offer with a deadline of next "
    "Tuesday. I'm still very excited about this role. Could you let me know where you are in "
    "the process?",
    "In full transparency, I'm weighing another offer, but this is the role I want most.",
    "I need to give the other company an answer by the 15th, so any update on your timeline "
    "would help.",
])
def test_a_polite_competing_offer_or_own_decision_date_is_no_error(body):
    assert not [f for f in check(body) if f.severity == "error"], check(body)


@pytest.mark.parametrize("body, rule", [
    ("I need an answer by Monday or I'll accept the other offer.", "ultimatum"),
    ("I will mention this to the CEO.", "ultimatum"),
    ("You have not shown me the courtesy of a reply.", "aggressive"),
    ("Why haven't you come back to me?", "aggressive"),
    ("You people are idiots.", "hostile"),
])
def test_demands_threats_escalation_and_insults_stay_errors(body, rule):
    assert any(f.rule == rule and f.severity == "error" for f in check(body)), check(body)


def test_tone_false_gives_the_rules_alone():
    body = "Lovely of you to keep me guessing. You wasted three weeks of my life."
    assert any(f.rule in TONE_RULES for f in check(body))
    assert not any(f.rule in TONE_RULES for f in check(body, tone=False))


def test_features_read_words_pairs_and_letter_groups_and_skip_runs_that_are_not_words():
    found = tone.features("I’m begging you!")
    assert found["w i'm"] == 1 and found["b begging you"] == 1 and found["c <beg"] == 1
    assert found["w !"] == 1
    assert not any(f.startswith("c ") and "x" in f for f in tone.features("x" * 5000))


def test_words_a_not_reaches_are_read_as_other_words():
    found = tone.features("I'm not desperate, just curious!")
    assert found["w ~desperate"] == 1 and found["w desperate"] == 0
    assert found["n <des"] == 1 and found["c <des"] == 0
    assert found["w curious"] == 1  # the reach ends: three words, or a ! or ?
    assert tone.features("Why haven't you replied? Desperate.")["w desperate"] == 1



def test_a_not_on_an_obligation_stops_at_its_to():
    """"You don't need to respond" frees the reader of a duty; it accuses no one of silence."""
    assert tone.negated("You don't need to respond right away.") == [
        "you", "don't", "~need", "~to", "respond", "right", "away"]
    assert tone.negated("You needn't reply today.") == ["you", "~need", "reply", "today"]
    assert tone.negated("You haven't responded to me.")[2] == "~responded"
    assert tone.negated("I did not have the courtesy")[3:] == ["~have", "~the", "~courtesy"]
