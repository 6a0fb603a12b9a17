"""docs/timing.md promises what the timeline reader does: hold the page to the code."""
import re
from datetime import date
from pathlib import Path

from backend.timing.schedule import format_day
from backend.timing.timeline import parse_timeline

PAGE = (Path(__file__).parents[2] / "docs" / "timing.md").read_text(encoding="utf-8")
INTERVIEW = date(2026, 3, 11)  # "examples for an interview on Wednesday 11 March 2026"


def _quotes(text: str) -> list[str]:
    return [" ".join(quote.split()) for quote in re.findall(r'"(.+?)"', text, re.DOTALL)]


def test_every_example_in_the_table_gives_its_date():
    table = PAGE[PAGE.index("| they said |"):PAGE.index("\n\n", PAGE.index("| they said |"))]
    rows = [row.split("|")[1:3] for row in table.splitlines()[2:]]
    assert len(rows) >= 15
    for phrases, expected in rows:
        for phrase in _quotes(phrases):
            found = parse_timeline(phrase, INTERVIEW, "US")
            assert found and format_day(found, 2026) == expected.strip(), phrase


def test_every_example_said_not_to_be_read_is_not_read():
    phrases = _quotes(PAGE[PAGE.index("Not read (no date"):])
    assert len(phrases) >= 15
    for phrase in phrases:
        assert parse_timeline(phrase, INTERVIEW, "US") is None, phrase
