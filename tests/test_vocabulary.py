"""One source for the product's words and numbers, and the extension's copy held to it."""
import json
import re
import shutil
import subprocess

import pytest

from backend import drafting, inputs, models, vocabulary
from backend.timing import schedule
from backend.timing.rules import RULES

ROOT = vocabulary.GENERATED.parent.parent.parent


def test_the_extensions_generated_vocabulary_is_up_to_date():
    written = vocabulary.GENERATED.read_text(encoding="utf-8")
    assert written == vocabulary.script(), (
        "extension/common/vocabulary.js is out of date: run `python -m backend.vocabulary`")


@pytest.mark.skipif(shutil.which("node") is None, reason="node is part of make test's tools")
def test_the_generated_file_gives_the_extension_the_same_words():
    hook = ROOT / "tests" / "js" / "register.mjs"  # tells Node the file is an ES module
    script = (f"import {{ VOCABULARY }} from {json.dumps(vocabulary.GENERATED.as_uri())};"
              "process.stdout.write(JSON.stringify(VOCABULARY));")
    shown = json.loads(subprocess.run(
        ["node", "--import", hook.as_uri(), "--input-type=module", "-e", script],
        check=True, capture_output=True, text=True).stdout)
    assert shown == vocabulary.as_data()


def test_the_number_of_follow_ups_is_the_rules_number():
    assert vocabulary.MAX_FOLLOW_UPS == RULES.max_follow_ups
    assert vocabulary.as_data()["MAX_FOLLOW_UPS_WORD"] == "two"


def test_the_backends_own_names_are_the_vocabularys():
    assert schedule.ACTIONS is vocabulary.ACTIONS and schedule.STATES is vocabulary.STATES
    assert models.OUTCOMES is vocabulary.OUTCOMES
    assert drafting.FOLLOW_UP_ACTIONS is vocabulary.FOLLOW_UP_ACTIONS
    assert inputs.INTERVIEW_EDITABLE["outcome"].values is vocabulary.OUTCOMES
    assert inputs.INTERVIEW_FILTERS["state"].values is vocabulary.STATES


def test_no_backend_module_spells_the_words_out_again():
    """A tuple of the actions, states or outcomes written anew anywhere else is a second source."""
    lists = [vocabulary.ACTIONS, vocabulary.STATES, vocabulary.OUTCOMES,
             vocabulary.FOLLOW_UP_ACTIONS]
    pattern = re.compile("|".join(
        r"\(\s*" + r"\s*,\s*".join(f'"{word}"' for word in words) for words in lists))
    for path in ROOT.joinpath("backend").rglob("*.py"):
        if path.name == "vocabulary.py":
            continue
        assert not pattern.search(path.read_text(encoding="utf-8")), path


# Tables of words keyed by the names, each held to the vocabulary by tests/js/vocabulary.test.mjs.
WORD_TABLES = {"common/vocabulary.js", "common/vocabulary-words.js", "panel/timing.js"}
NAME = re.compile(r"""['"]([a-z_]+)['"]|(?:^|[{,\s])([a-z_]+)\s*:""", re.M)


def test_no_extension_script_spells_a_whole_list_or_the_number_again():
    """A script naming every action, state or outcome keeps a second copy of the list (it would
    miss a new one); "two follow-ups" written out would stay two if the rules said three."""
    lists = {"actions": vocabulary.ACTIONS, "states": vocabulary.STATES,
             "outcomes": vocabulary.OUTCOMES, "follow-up actions": vocabulary.FOLLOW_UP_ACTIONS}
    extension = ROOT / "extension"
    found = []
    for path in sorted(extension.rglob("*.js")) + sorted(extension.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(extension))
        if re.search(r"\btwo follow-ups?\b", text, re.I) and name != "common/vocabulary.js":
            found.append(f"{name}: says 'two follow-ups' (use MAX_FOLLOW_UPS_WORDS)")
        if name in WORD_TABLES or path.suffix != ".js":
            continue
        named = {quoted or key for quoted, key in NAME.findall(text)}
        found += [f"{name}: names every one of the {what}" for what, words in lists.items()
                  if set(words) <= named]
    assert not found, "read them from common/vocabulary.js or common/vocabulary-words.js:\n" + \
        "\n".join(found)
