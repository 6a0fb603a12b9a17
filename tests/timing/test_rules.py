"""rules.toml: the numbers of the timing rules (docs/timing.md), each with its source in the seed."""
import re
import tomllib
from pathlib import Path

import pytest

from backend.timing.rules import RULES, RULES_FILE, RulesError, load_rules

# seed.txt: a verbatim copy of the career advice the product is built on, so the quotes can be checked
# on any clone.
SEED = Path(__file__).with_name("seed.txt").read_text(encoding="utf-8")


def test_the_numbers_are_the_contracts():
    assert (RULES.first_follow_up_without_timeline.earliest,
            RULES.first_follow_up_without_timeline.latest) == (4, 5)
    assert (RULES.first_follow_up_after_decision.earliest,
            RULES.first_follow_up_after_decision.latest) == (1, 2)
    assert (RULES.second_follow_up.earliest, RULES.second_follow_up.latest) == (4, 5)
    assert (RULES.move_on.earliest, RULES.move_on.latest) == (4, 5)
    assert RULES.max_follow_ups == 2
    assert RULES.default_country == "US"
    assert (RULES.weekly_goal_min, RULES.weekly_goal_max) == (10, 15)


def test_every_section_names_its_source():
    data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    for name, section in data.items():
        assert section["source"].startswith(("seed", "docs/timing.md")), name


def test_every_quote_is_word_for_word_in_the_seed():
    quotes = re.findall(r"“(.+?)”", RULES_FILE.read_text(encoding="utf-8"))
    assert len(quotes) >= 7
    for quote in quotes:
        assert quote in SEED, quote


def test_rules_cannot_be_changed_at_run_time():
    with pytest.raises(AttributeError):
        RULES.max_follow_ups = 3


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of rules.toml with one edit."""
    text = RULES_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "rules.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("old, new, complaint", [
    ("[move_on]\nearliest = 4", "[move_on]\nearliest = 6", "earliest is after latest"),
    ("[follow_ups]\nmax = 2", "[follow_ups]\nmax = 0", "at least 1"),
    ("[follow_ups]\nmax = 2", "[follow_ups]\nmax = true", "at least 1"),
    ("[follow_ups]\nmax = 2", '[follow_ups]\nmax = "2"', "at least 1"),
    ("[second_follow_up]\nearliest = 4\n", "[second_follow_up]\nearliest = 4\nextra = 1\n",
     "exactly the keys"),
    ('default = "US"', 'default = "XX"', "not a country"),
    ("[weekly_goal]\nmin = 10", "[weekly_goal]\nmin = 20", "min is above max"),
    ("[country]", "[countries]", "sections missing ['country'], unknown ['countries']"),
])
def test_a_broken_rules_file_is_refused_with_a_reason(tmp_path, old, new, complaint):
    with pytest.raises(RulesError, match=re.escape(complaint)):
        load_rules(_edited(tmp_path, old, new))


def test_a_number_without_a_source_is_refused(tmp_path):
    text = RULES_FILE.read_text(encoding="utf-8")
    start = text.index('source = "seed, When to Send')
    end = text.index("\n", start)
    path = tmp_path / "rules.toml"
    path.write_text(text[:start] + 'source = " "' + text[end:], encoding="utf-8")
    with pytest.raises(RulesError, match="second_follow_up.source"):
        load_rules(path)


def test_the_shipped_file_loads_to_the_same_rules():
    assert load_rules() == RULES
