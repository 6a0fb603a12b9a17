"""The README documents every setting the backend reads, and no setting it does not read."""
import re
from pathlib import Path

from backend.config import ENVIRONMENT

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_environment_variable_is_in_the_readme():
    for variable in ENVIRONMENT:
        assert f"`{variable}`" in README, variable


def test_the_readme_names_no_unknown_variable():
    named = set(re.findall(r"`(FOLLOWUP_[A-Z_]+)`", README))
    assert named <= set(ENVIRONMENT), named - set(ENVIRONMENT)
