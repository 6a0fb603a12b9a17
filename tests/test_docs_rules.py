"""docs/rules.md lists every registered rule, and only those, as the code has them."""
import re
from dataclasses import fields
from pathlib import Path

import pytest

from backend.checker import RULES, Context, check
from backend.checker.context import ACTIONS
from backend.checker.kinds import GROUP_KEYS

PAGE = (Path(__file__).parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
HEADING = re.compile(r"^### `(\w+)`$", re.M)


def _sections() -> dict[str, str]:
    parts = HEADING.split(PAGE[PAGE.index("## The rules"):PAGE.index("## How well it does")])
    return dict(zip(parts[1::2], parts[2::2]))


def _examples(section: str, title: str) -> list[str]:
    block = section.split(f"{title}:\n", 1)[1].split("\n\n", 1)[0]
    return [line for line in block.splitlines() if line.startswith("- ")]


def test_every_registered_rule_has_a_section_and_every_section_is_a_rule():
    documented = HEADING.findall(PAGE)
    assert len(documented) == len(set(documented)), "a rule is documented twice"
    assert set(documented) == set(RULES), (
        f"missing from docs/rules.md: {set(RULES) - set(documented)}; "
        f"documented but not registered: {set(documented) - set(RULES)}")


def test_no_backticked_rule_id_in_the_page_is_unknown():
    # snake_case names in backticks are rules, the Context's fields and actions, or the keys of
    # a rule group in a data file.
    named = set(re.findall(r"`([a-z]+(?:_[a-z]+)+)`", PAGE))
    known = set(RULES) | {f.name for f in fields(Context)} | set(ACTIONS) | set(GROUP_KEYS)
    assert named <= known, f"not a rule, field, action or group key: {named - known}"


def test_every_key_a_rule_group_may_hold_is_explained_in_adding_a_rule():
    adding = PAGE[PAGE.index("## Adding a rule"):]
    said = set(re.findall(r"`([a-z_]+)(?:`| =)", adding)) | {"name"}
    assert set(GROUP_KEYS) <= said, f"not explained: {set(GROUP_KEYS) - said}"


@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_section_states_the_codes_severity_and_has_examples(rule):
    section = _sections()[rule]
    assert f"Severity: **{RULES[rule].severity}**" in section
    assert "guide" in section.lower()
    assert _examples(section, "Flags") and _examples(section, "Passes")


def _runnable():
    for rule, section in sorted(_sections().items()):
        for title, flags in (("Flags", True), ("Passes", False)):
            for line in _examples(section, title):
                example = re.fullmatch(r"- `([^`]+)`", line)
                if example:
                    yield pytest.param(rule, example[1], flags, id=f"{rule}-{example[1][:30]}")


@pytest.mark.parametrize("rule, body, flags", list(_runnable()))
def test_the_pages_examples_do_what_it_says(rule, body, flags):
    found = [f.rule for f in check(body)]
    assert (rule in found) == flags, (rule, body, found)
