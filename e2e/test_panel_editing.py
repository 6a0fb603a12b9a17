"""What the panel changes in the editor besides inserting, on a Gmail and an Outlook fixture
(a plain contenteditable and RoosterJS): Insert twice offers "Replace the draft?" and replaces it
through the editor's input path (one undo brings the first back; never a second copy); Check my
draft lists errors, then warnings, then tips; "Show in the editor" selects the sentence;
"Use this wording" replaces it, and one undo brings the user's words back."""
import re
import time

import pytest
from playwright.sync_api import expect

from e2e.webmail import SITES as ALL_SITES
from e2e.webmail import draft_lines, normalize, wait_for_selection, webmail  # noqa: F401  (the page fixture)

SITES = {name: ALL_SITES[name] for name in ("gmail", "outlook")}
BOTH = pytest.mark.parametrize("webmail", list(SITES), indirect=True)
ULTIMATUM = "I need an answer by Friday or I will accept another offer."
RANK = {"error": 0, "warning": 1, "info": 2}


@pytest.fixture(scope="module", autouse=True)
def sites_served(serve_site):
    for site in SITES.values():
        serve_site(site.origin, site.fixture)


def undo(webmail):
    webmail.editor().focus()
    webmail.page.keyboard.press("Control+z")


def wait_until(webmail, condition, seconds=5.0):
    deadline = time.monotonic() + seconds
    while not condition(normalize(webmail.body())) and time.monotonic() < deadline:
        webmail.page.wait_for_timeout(50)
    return normalize(webmail.body())


@BOTH
def test_insert_twice_offers_to_replace_and_one_undo_brings_the_first_back(webmail, paired, interviews, screenshots):
    interview = interviews.make("due")
    webmail.open_compose(interview["interviewer_email"])
    webmail.type_at_start("Hello ")
    panel = webmail.open_panel()
    first = draft_lines(panel.locator(".draft-body").inner_text())
    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_contain_text("inserted")

    shown = panel.locator(".draft-body").inner_text()
    panel.get_by_role("radio", name="Direct and to the point").check()
    expect(panel.locator(".draft-body")).not_to_have_text(shown)
    second = draft_lines(panel.locator(".draft-body").inner_text())
    assert second[1] != first[1]
    panel.get_by_role("button", name="Insert draft").click()
    confirm = panel.locator(".confirm")
    expect(confirm).to_contain_text("Replace the draft with this one?")
    panel.screenshot(path=str(screenshots / f"panel-{webmail.name}-replace.png"))
    panel.get_by_role("button", name="Replace the draft").click()
    expect(panel.get_by_role("status")).to_contain_text("Draft replaced")

    body = normalize(webmail.body())
    assert body.count(second[1]) == 1 and first[1] not in body, body
    assert body.count(webmail.site.signature) == 1, "one signature, no second copy glued to it"
    assert body.index("Hello") < body.index(second[1]) < body.rindex(webmail.site.signature)

    undo(webmail)
    after = wait_until(webmail, lambda text: first[1] in text)
    assert first[1] in after and second[1] not in after, f"one undo brings the first draft back: {after!r}"
    assert after.count(first[1]) == 1 and "Hello" in after


@BOTH
def test_check_orders_findings_selects_and_rewords_with_one_undo(webmail, paired, interviews, screenshots):
    interview = interviews.make("due")
    webmail.open_compose(interview["interviewer_email"])
    webmail.type_at_start(f"Hi Anna,\n{ULTIMATUM} ")
    panel = webmail.open_panel()
    panel.get_by_role("button", name="Check my draft").click()
    findings = panel.get_by_role("list", name="Findings about your draft")
    expect(findings).to_be_visible()
    severities = [re.search(r"\b(error|warning|info)\b", c).group(1)
                  for c in findings.locator("li.finding").evaluate_all("(items) => items.map((i) => i.className)")]
    assert severities and severities == sorted(severities, key=RANK.get), severities
    assert severities[0] == "error"
    rules = findings.locator("li.finding").evaluate_all("(items) => items.map((i) => i.dataset.rule)")
    assert len(rules) == len(set(rules)), f"one finding per sentence and rule: {rules}"
    expect(panel.get_by_role("status")).to_have_text(re.compile(r"^\d+ things? to look at in your draft\.$"))
    status_colour = panel.get_by_role("status").evaluate("(s) => getComputedStyle(s).backgroundColor")
    assert status_colour != "rgb(240, 253, 244)", "a count of things to look at is not green"
    panel.screenshot(path=str(screenshots / f"panel-{webmail.name}-check-order.png"))

    item = findings.locator("li.finding.error").first
    item.get_by_role("button", name="Show in the editor").click()
    selected = wait_for_selection(webmail, ULTIMATUM)
    assert selected == ULTIMATUM, f"the sentence is selected in the editor: {selected!r}"

    wording = re.search(r'"([^"]+)"', item.locator(".quote.muted").inner_text()).group(1)
    item.get_by_role("button", name="Use this wording").click()
    expect(panel.get_by_role("status")).to_contain_text("Replaced with the suggested wording")
    body = wait_until(webmail, lambda text: wording in text)
    assert wording in body and ULTIMATUM not in body and body.startswith("Hi Anna,"), body

    undo(webmail)
    after = wait_until(webmail, lambda text: ULTIMATUM in text)
    assert ULTIMATUM in after and wording not in after, f"one undo brings the user's words back: {after!r}"
