"""Faults the extension meets (a backend that is down, slow, or answers garbage), in real Chromium with the real extension.

The extension talks to the live backend through e2e/faults.py's proxy, which is switched to
`down` (connection refused), `slow` (10 s, then the request goes through) or `error` (500)
while the user opens the panel, inserts a draft, checks it, sends the mail, or marks a
follow-up sent in the popup. Each test proves what the user sees (said within 6 s, in words,
with the fix), that the compose text is untouched (read back from the editor's own model), and
that once the backend is back every action is recorded exactly once (the backend's rows).
"""
import re
import time

import pytest
from playwright.sync_api import expect

from e2e.faults import fault_proxy, via_proxy  # noqa: F401  (fixtures)
from e2e.webmail import SITES as ALL_SITES
from e2e.webmail import draft_lines, normalize, webmail  # noqa: F401  (the page fixture)

SITES = {"gmail": ALL_SITES["gmail"]}
GMAIL = pytest.mark.parametrize("webmail", ["gmail"], indirect=True)
FAULTS = ["down", "slow", "error"]
SAY_WITHIN = 6.0  # seconds: the panel or popup says so within 6 s
USER_TEXT = "Dear Anna, these are my own words — keep them. "
# What the user reads for each fault, and the fix offered with it (background/api.js FAILURES).
SAID = {
    "down": ("Follow-up Assistant isn't running — start it with make run.", "Then click Try again."),
    "slow": ("Follow-up Assistant didn't answer within 5 seconds.",
             "Try again; if it keeps happening, restart it with make run."),
    "error": ("Follow-up Assistant ran into an internal error.",
              "Try again; if it keeps happening, look at the terminal running make run."),
}
POPUP_HEADING = {"down": "Can't reach the backend", "slow": "Can't reach the backend",
                 "error": "Something went wrong"}
POPUP_FIX = {"down": "start it with make run", "slow": "If it keeps happening, restart it with make run.",
             "error": "if it keeps happening, look at the terminal running make run"}


@pytest.fixture(scope="module", autouse=True)
def gmail_served(serve_site):
    serve_site(SITES["gmail"].origin, "gmail")


def within(seconds: float):
    """Milliseconds for Playwright's expect: the budget the issue gives, no more."""
    return int(seconds * 1000)


def rows(backend, interview_id) -> list:
    """The follow-ups the backend holds for an interview (read straight from it, not the proxy)."""
    return backend.api("GET", f"/api/v1/interviews/{interview_id}").json["follow_ups"]


def pending(worker) -> list:
    return worker.evaluate("FA.followUps.pending()")


def gave_up_for_now(worker, timeout: float = SAY_WITHIN + 2) -> bool:
    """Has the worker stopped its quick retries and set its retry alarm (so nothing else posts now)?"""
    deadline = time.monotonic() + timeout
    while not worker.evaluate("chrome.alarms.get('retry-follow-ups').then(Boolean)"):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def open_popup(ext_context, extension_id):
    """The toolbar popup in a tab of its size; page errors are collected on `.errors`."""
    page = ext_context.new_page()
    page.set_viewport_size({"width": 400, "height": 600})
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(f"chrome-extension://{extension_id}/popup/popup.html")
    return page


def popup_row(page, company):
    return page.locator("li.row").filter(has=page.locator(".company", has_text=company))


# -- the compose panel -------------------------------------------------------------------------

@GMAIL
@pytest.mark.parametrize("fault", FAULTS)
def test_opening_the_panel_during_a_fault_says_so_and_keeps_the_users_text(
        webmail, via_proxy, interviews, backend, fault, screenshots):
    interview = interviews.make("due")
    via_proxy.mode = fault  # before the compose window opens: the panel looks the recipient up then
    webmail.open_compose(interview["interviewer_email"])
    webmail.type_at_start(USER_TEXT)
    typed = webmail.body()
    assert USER_TEXT.strip() in normalize(typed)

    started = time.monotonic()
    panel = webmail.open_panel()
    if fault == "slow":  # while it waits, the panel says what it is doing
        expect(panel.get_by_role("status")).to_have_text("Looking up the interview…")
    alert = panel.get_by_role("alert")
    message, fix = SAID[fault]
    expect(alert).to_contain_text(message, timeout=within(SAY_WITHIN))
    took = time.monotonic() - started
    assert took < SAY_WITHIN, f"the panel said so after {took:.1f} s"
    expect(alert).to_contain_text(fix)
    expect(alert.get_by_role("button", name="Try again")).to_be_visible()
    expect(panel.locator(".status")).to_be_empty()  # no "Looking up…" left spinning beside it
    panel.screenshot(path=str(screenshots / f"fault-panel-open-{fault}.png"))
    assert webmail.body() == typed, "a fault never touches what the user wrote"

    via_proxy.mode = "pass"
    alert.get_by_role("button", name="Try again").click()
    expect(panel.locator(".timing .title")).to_have_text("Due today")
    expect(panel.locator(".alert")).to_be_empty()
    assert webmail.body() == typed
    assert rows(backend, interview["id"]) == [], "opening the panel records nothing"


@GMAIL
def test_insert_needs_no_backend_and_a_failed_check_leaves_the_draft_alone(
        webmail, via_proxy, interviews, backend, screenshots):
    interview = interviews.make("due")
    webmail.open_compose(interview["interviewer_email"])
    webmail.type_at_start(USER_TEXT)
    panel = webmail.open_panel()
    expect(panel.locator(".timing .title")).to_have_text("Due today")
    lines = draft_lines(panel.locator(".draft-body").inner_text())

    via_proxy.mode = "down"  # the draft is in the panel already: inserting it asks nobody
    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_contain_text("inserted")
    expect(panel.locator(".alert")).to_be_empty()
    inserted = webmail.body()
    text = normalize(inserted)
    assert text.startswith(normalize(USER_TEXT)), "the user's words stay first, as typed"
    assert all(text.count(line) == 1 for line in lines), "every line of the draft, once"
    assert [s for s in via_proxy.log if s.mode == "down"] == [], "insertion sent no request"

    via_proxy.mode = "error"
    started = time.monotonic()
    panel.get_by_role("button", name="Check my draft").click()
    alert = panel.get_by_role("alert")
    expect(alert).to_contain_text(SAID["error"][0], timeout=within(SAY_WITHIN))
    assert time.monotonic() - started < SAY_WITHIN
    expect(alert).to_contain_text(SAID["error"][1])
    panel.screenshot(path=str(screenshots / "fault-panel-check-error.png"))
    assert webmail.body() == inserted, "a failed check changes nothing in the editor"

    via_proxy.mode = "pass"
    alert.get_by_role("button", name="Try again").click()
    expect(panel.locator(".user-check h3")).to_have_text("Your draft")
    expect(panel.locator(".alert")).to_be_empty()
    assert webmail.body() == inserted
    assert rows(backend, interview["id"]) == []


@GMAIL
@pytest.mark.parametrize("fault", FAULTS)
def test_a_send_during_a_fault_is_told_in_the_popup_and_recorded_once_when_the_backend_is_back(
        webmail, via_proxy, interviews, backend, service_worker, ext_context, extension_id, fault,
        screenshots):
    interview = interviews.make("due")
    webmail.open_compose(interview["interviewer_email"])
    webmail.type_at_start(USER_TEXT)
    panel = webmail.open_panel()
    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_contain_text("inserted")
    composed = normalize(webmail.body())

    via_proxy.mode = fault
    webmail.send()
    sent = webmail.sent()
    assert len(sent) == 1 and normalize(sent[0]["text"]) == composed, "the mail went as written"

    # The compose window is gone with its panel: the toolbar popup is where the user looks.
    started = time.monotonic()
    popup = open_popup(ext_context, extension_id)
    expect(popup.get_by_role("heading", name=POPUP_HEADING[fault])).to_be_visible(timeout=within(SAY_WITHIN))
    state = popup.locator("#state-text")
    expect(state).to_contain_text(SAID[fault][0].replace("`", ""))
    expect(state).to_contain_text(POPUP_FIX[fault])
    expect(state).to_contain_text("1 follow-up you sent is kept and will be recorded as soon as Follow-up Assistant answers.")
    took = time.monotonic() - started
    assert took < SAY_WITHIN, f"the popup said so after {took:.1f} s"
    popup.screenshot(path=str(screenshots / f"fault-send-{fault}-popup.png"), full_page=True)
    assert [p["interviewId"] for p in pending(service_worker)] == [interview["id"]], "kept for later"
    # Its quick retries are over: from here only the popup (or the minute's alarm) can send it.
    assert gave_up_for_now(service_worker)

    if fault == "slow":  # the held request reaches the backend after 10 s: recorded then, once
        assert via_proxy.wait_idle(), "the slow request never finished"
        assert len(rows(backend, interview["id"])) == 1
    else:
        assert rows(backend, interview["id"]) == [], "nothing reached the backend"

    via_proxy.mode = "pass"
    popup.get_by_role("button", name="Try again").click()
    row = popup_row(popup, interview["company"])
    expect(row.locator(".action")).to_have_text("Second follow-up")  # the first one counted
    assert pending(service_worker) == [], "nothing left waiting once the backend answered"
    assert service_worker.evaluate("FA.followUps.flush()") == 0
    assert len(rows(backend, interview["id"])) == 1, "recorded exactly once"
    assert popup.errors == []
    popup.close()


# -- the toolbar popup -------------------------------------------------------------------------

KEPT = {  # what the popup says after Mark sent during a fault (the follow-up is kept)
    "down": re.compile(r"^Not recorded yet: Follow-up Assistant isn't running — start it with make run\. "
                       r"Your follow-up to .+ is kept and will be recorded as soon as Follow-up Assistant answers\.$"),
    "slow": re.compile(r"^Not recorded yet: Follow-up Assistant didn't answer within 5 seconds\. "
                       r"Your follow-up to .+ is kept .+ If it keeps happening, restart it with make run\.$"),
    "error": re.compile(r"^Not recorded yet: Follow-up Assistant ran into an internal error\. "
                        r"Your follow-up to .+ is kept .+ If it keeps happening, look at the terminal running make run\.$"),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_mark_sent_during_a_fault_says_so_and_a_retry_records_it_once(
        via_proxy, interviews, backend, service_worker, ext_context, extension_id, fault, screenshots):
    interview = interviews.make("due")
    popup = open_popup(ext_context, extension_id)
    row = popup_row(popup, interview["company"])
    more = row.get_by_role("button", name=f"More actions for {interview['company']}")
    expect(more).to_be_visible()

    def mark_sent():  # the row's More menu, then its item (the popup's one way to mark sent)
        more.click()
        row.get_by_role("menuitem", name="Mark sent today").click()

    via_proxy.mode = fault
    started = time.monotonic()
    mark_sent()
    status = popup.locator("#status")
    expect(status).to_have_text(KEPT[fault], timeout=within(SAY_WITHIN))
    took = time.monotonic() - started
    assert took < SAY_WITHIN, f"the popup said so after {took:.1f} s"
    expect(status).to_have_class(re.compile(r"\bproblem\b"))
    expect(more).to_be_enabled()
    popup.screenshot(path=str(screenshots / f"fault-mark-sent-{fault}.png"), full_page=True)
    if fault != "slow":
        assert rows(backend, interview["id"]) == []

    via_proxy.mode = "pass"
    mark_sent()  # the user tries once more, now that the backend is back
    expect(status).to_have_text(f"Marked your follow-up to {interview['company']} as sent.")
    expect(row.locator(".action")).to_have_text("Second follow-up")
    assert via_proxy.wait_idle(), "a held request never finished"
    assert service_worker.evaluate("FA.followUps.flush()") == 0
    assert len(rows(backend, interview["id"])) == 1, "one click during the fault and one after: one follow-up"
    assert popup.errors == []
    popup.close()
