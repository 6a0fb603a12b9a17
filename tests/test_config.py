"""Settings: the defaults, the environment over them, and one source for the default country."""
import re
from pathlib import Path

import pytest

from backend import config
from backend.timing.rules import RULES

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def test_the_default_country_is_the_rules_default_not_a_second_copy():
    assert config.DEFAULTS["COUNTRY"] is None
    loaded = config.load({"DATABASE": ":memory:"}, environ={})
    assert loaded["COUNTRY"] == RULES.default_country


def test_the_environment_and_overrides_choose_another_country():
    chosen = config.load({"DATABASE": ":memory:"}, environ={"FOLLOWUP_COUNTRY": "gb-eng"})
    assert chosen["COUNTRY"] == "GB-ENG"
    assert config.load({"DATABASE": ":memory:", "COUNTRY": "de"}, environ={})["COUNTRY"] == "DE"


def test_the_readme_gives_the_rules_default_country():
    row = next(line for line in README.splitlines() if line.startswith("| `FOLLOWUP_COUNTRY`"))
    assert re.findall(r"`([^`]+)`", row.rsplit("|", 2)[1]) == [RULES.default_country]


def test_an_unknown_setting_is_refused():
    with pytest.raises(ValueError, match="unknown setting"):
        config.load({"COUNTRI": "US"}, environ={})
