"""Ways to pressure the employer that no rule example spells out, and polite look-alikes."""
import pytest

from backend.checker import check

# Written after held-out batch 5's changes, to probe them; the last three were missed at first
# ("revert by", "advise by", "you have 48 hours to") and the rules were widened for them.
PRESSURE = [
    "If I have not heard from you by Monday, I will be accepting a position elsewhere.",
    "Failing a reply by Friday, I shall assume the role is no longer available to me.",
    "I will need an answer within the next 72 hours.",
    "I must have your decision before the weekend.",
    "If there is no update by Friday I'll be moving ahead with the other company.",
    "Kindly revert by tomorrow.",
    "Please advise by close of business Thursday.",
    "You have 48 hours to make me an offer.",
]
POLITE = [
    "If there is no update yet, no worries at all.",
    "I know the team hopes to finish interviews by Friday.",
    "I'll be travelling until Thursday but can take calls after that.",
    "Please let me know if there is anything I can send before the weekend.",
    "I read the article you sent before I accepted the interview invitation.",
    "Or I could come in for a second chat, whichever suits you.",
    "I'm not pushing you for an answer; take the time you need.",
    "I know you have until Friday to decide, so no rush.",
    "Should I not hear back, I will assume you are busy and check in next week.",
    "Please advise when you have a moment.",
]


@pytest.mark.parametrize("sentence", PRESSURE)
def test_pressure_is_an_ultimatum(sentence):
    assert "ultimatum" in {f.rule for f in check(sentence)}, sentence


@pytest.mark.parametrize("sentence", POLITE)
def test_polite_sentence_gets_no_error(sentence):
    errors = [(f.rule, f.match) for f in check(sentence) if f.severity == "error"]
    assert not errors, f"{sentence!r}: {errors}"
