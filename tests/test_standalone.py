"""The repository stands on its own: nothing in it points at documents outside it or at
numbered tickets; what a contributor needs is said in docs/ in the project's own words."""
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Documents that lived beside the repository while it was built, and ticket numbers.
OUTSIDE = re.compile(r"\.\./shared|\bshared/seeds\b|(CONTRACT|WEBMAIL|STYLE|E2E|TONE)\.md|"
                     r"(?<![A-Za-z])[Ii]ssues?[ _]#?[0-9]+")


def tracked_files() -> list[Path]:
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True,
                                capture_output=True).stdout.decode().split("\0")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [ROOT / name for name in listed if name and (ROOT / name).is_file()]


def test_nothing_points_outside_the_repository_or_at_ticket_numbers():
    found = []
    for path in tracked_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # images and other binary files
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert not found, "say it in docs/ instead:\n" + "\n".join(found)


def test_the_docs_a_contributor_needs_are_here():
    for name in ("api.md", "timing.md", "extension.md", "style.md", "architecture.md"):
        assert (ROOT / "docs" / name).is_file(), name


def test_the_pattern_catches_what_it_is_for():
    # Built from parts, so this file does not hold what it looks for.
    for line in ("see ." + "./shared/x", "as CONTRACT" + ".md says", "WEBMAIL" + ".md",
                 "fixes iss" + "ue 9", "Iss" + "ue #10", "iss" + "ues 3"):
        assert OUTSIDE.search(line), line
    assert not OUTSIDE.search("the tissue 3 layers")
    assert not OUTSIDE.search("import { VOCABULARY } from '.." + "/common/vocabulary.js';")
    assert OUTSIDE.search("see .." + "/shar" + "ed/seeds/notes.txt")
    assert OUTSIDE.search("the seed (shar" + "ed/seeds/000.txt)")
    assert OUTSIDE.search("def test_severities_are_as_iss" + "ue_3_says():")
