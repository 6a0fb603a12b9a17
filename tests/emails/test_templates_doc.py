"""docs/templates.md stays in step with the code: templates, styles, names, filters and limits."""
import re
from pathlib import Path

from backend import drafting, render

DOC = (Path(__file__).parents[2] / "docs" / "templates.md").read_text()


def table_after(heading: str) -> set[str]:
    """The `code` entries of the first column of the first table in a section."""
    section = DOC.split(heading, 1)[1].split("\n## ", 1)[0]
    table = re.search(r"(?:^\|.*\n)+", section, re.M).group(0)
    return set(re.findall(r"^\| `([^`]+)`", table, re.M))


def test_every_template_has_its_row():
    assert table_after("## Which template, when") == set(render.template_names())


def test_every_style_has_its_row_with_its_label_and_closing():
    assert table_after("## Styles (variants)") == set(drafting.variants())
    for style in drafting.variants().values():
        assert style["label"] in DOC and style["closing"] in DOC


def test_every_name_a_template_sees_is_documented_and_no_other():
    names = set().union(*(context.keys() for context in drafting.sample_contexts()))
    assert table_after("## What fills a template") == names


def test_the_filters_and_limits_are_the_codes():
    for name in render.ALLOWED_FILTERS:
        assert f"`{name}`" in DOC
    for limit in (*render.MAX_SOURCE.values(), *render.MAX_OUTPUT.values()):
        assert f"{limit:,}" in DOC
