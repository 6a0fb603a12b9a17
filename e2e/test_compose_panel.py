"""The panel's states and choices, in the Gmail fixture: timing wording, picking or adding the
interview, variants, Check my draft, keyboard use, recording that cannot double, the worker's checks."""
import re
import time
import uuid

import pytest
from playwright.sync_api import expect

from e2e.conftest import store_token
from e2e.webmail import SITES as ALL_SITES
from e2e.webmail import normalize, webmail  # noqa: F401  (the page fixture)
from tests.live_backend import silent_server

SITES = {"gmail": ALL_SITES["gmail"]}
GMAIL = pytest.mark.parametrize("webmail", ["gmail"], indirect=True)
# Dates in the browser's locale (Intl.DateTimeFormat; the test browser's is en-US): "Mon, Nov 16".
DATE = r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}(, \d{4})?"
BACKEND_DAY = r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"  # the API's own


@pytest.fixture(scope="module", autouse=True)
def gmail_served(serve_site):
    serve_site(SITES["gmail"].origin, "gmail")


def assert_says_reason(panel, reason: str) -> None:
    """The timing box says the backend's reason, its dates ("Wed 9 Dec") in the browser's format."""
    expect(panel.locator(".timing .muted")).to_be_visible()
    detail = panel.locator(".timing .muted").inner_text()
    assert re.search(DATE, detail) and not re.search(BACKEND_DAY, detail), f"dates in the browser's format: {detail}"
    assert re.sub(DATE, "<day>", detail) == re.sub(BACKEND_DAY, "<day>", reason), detail


def open_for(webmail, email):
    webmail.open_compose(email)
    return webmail.open_panel()


@GMAIL
def test_too_early_says_until_when_and_why_and_inserts_only_after_a_warning(webmail, paired, interviews, screenshots):
    interview = interviews.make("early")
    panel = open_for(webmail, interview["interviewer_email"])
    title = panel.locator(".timing .title")
    expect(title).to_have_text(re.compile(rf"^Too early — wait until {DATE}$"))
    reason = interview["schedule"]["next"]["reason"]  # "The decision date is Wed 9 Dec; follow up …"
    assert_says_reason(panel, "Because " + reason[0].lower() + reason[1:])
    panel.screenshot(path=str(screenshots / "panel-state-too-early.png"))

    panel.get_by_role("button", name="Insert draft").click()
    warning = panel.locator(".confirm")
    expect(warning).to_contain_text("too early")
    expect(warning).to_be_focused()
    panel.screenshot(path=str(screenshots / "panel-state-too-early-warning.png"))
    panel.get_by_role("button", name="Cancel").click()
    expect(warning).to_have_count(0)
    assert "Checking in" not in webmail.body() and webmail.subject() == "", "nothing inserted on Cancel"

    panel.get_by_role("button", name="Insert draft").click()
    panel.get_by_role("button", name="Insert anyway").click()
    expect(panel.get_by_role("status")).to_contain_text("inserted")
    first_line = normalize(panel.locator(".draft-body").inner_text().split("\n")[0])
    assert first_line in normalize(webmail.body())


@GMAIL
def test_overdue_and_move_on_are_named(webmail, paired, interviews, screenshots):
    overdue = interviews.make("overdue")
    panel = open_for(webmail, overdue["interviewer_email"])
    expect(panel.locator(".timing .title")).to_have_text(re.compile(rf"^Overdue since {DATE}$"))
    panel.screenshot(path=str(screenshots / "panel-state-overdue.png"))
    panel.get_by_role("button", name="Close").click()
    expect(panel).to_be_hidden()

    done = interviews.make("move_on")
    panel = open_for(webmail, done["interviewer_email"])
    expect(panel.locator(".timing .title")).to_have_text("Two follow-ups sent — time to move on")
    assert_says_reason(panel, done["schedule"]["next"]["reason"])
    panel.screenshot(path=str(screenshots / "panel-state-move-on.png"))
    where = panel.evaluate("(d) => { const w = document.createTreeWalker(d, NodeFilter.SHOW_TEXT); const out = []; while (w.nextNode()) if (/null|undefined/.test(w.currentNode.data)) out.push(w.currentNode.parentElement.outerHTML.slice(0, 200)); return out; }")
    assert where == [], where
    # The draft is a gracious close, not a third follow-up: it goes in without a warning.
    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_contain_text("inserted")
    expect(panel.locator(".confirm")).to_have_count(0)
    expect(panel).not_to_contain_text("already sent two follow-ups")


@GMAIL
def test_no_match_offers_a_search_that_finds_the_interview(webmail, paired, interviews, screenshots):
    interview = interviews.make("due")
    panel = open_for(webmail, "someone.else@other.example")
    expect(panel).to_contain_text("No interview matches someone.else@other.example")
    search = panel.get_by_label("Search interviews (company, position or interviewer)")
    expect(search).to_be_focused()
    search.fill(interview["company"].lower())
    choice = panel.get_by_role("button", name=re.compile(re.escape(interview["company"])))
    expect(choice).to_have_count(1)
    panel.screenshot(path=str(screenshots / "panel-state-search.png"))
    choice.click()
    expect(panel.locator(".timing .title")).to_have_text("Due today")
    expect(panel).to_contain_text(interview["company"])
    panel.get_by_role("button", name="Not this one?").click()
    expect(panel).to_contain_text("Search for the interview this mail is about, or add it.")
    expect(panel.get_by_role("button", name="Insert draft")).to_have_count(0)


@GMAIL
def test_several_matches_ask_which_one(webmail, paired, interviews):
    first = interviews.make("due")
    second = interviews.make("early", interviewer_email=first["interviewer_email"], company="Globex")
    panel = open_for(webmail, first["interviewer_email"])
    expect(panel).to_contain_text("2 interviews match")
    panel.get_by_role("button", name=re.compile("Globex")).click()
    expect(panel.locator(".timing .title")).to_have_text(re.compile("^Too early"))
    assert second["company"] == "Globex"


@GMAIL
def test_an_interview_can_be_added_from_the_panel(webmail, paired, backend, screenshots):
    email = f"hiring.{uuid.uuid4().hex[:8]}@initech.example"
    panel = open_for(webmail, email)
    panel.get_by_role("button", name="Add this interview").click()
    expect(panel.get_by_label("Interviewer email")).to_have_value(email)
    panel.get_by_label("Company").fill("Initech")
    panel.get_by_label("Position").fill("Data Analyst")
    panel.get_by_label("What they said about timing").fill("We will decide within two weeks")
    panel.screenshot(path=str(screenshots / "panel-state-add-form.png"))
    panel.get_by_role("button", name="Save interview").click()
    expect(panel.locator(".timing .title")).to_have_text("Interview today — send a thank-you note")
    saved = backend.api("GET", f"/api/v1/interviews?email={email}").json["interviews"]
    assert [(i["company"], i["position"], i["timeline_parsed"]) for i in saved] == [("Initech", "Data Analyst", True)]


@GMAIL
def test_a_variant_changes_the_draft(webmail, paired, interviews):
    interview = interviews.make("due")
    panel = open_for(webmail, interview["interviewer_email"])
    body = panel.locator(".draft-body")
    expect(body).not_to_be_empty()
    before = body.inner_text()
    panel.get_by_role("radio", name="Direct and to the point").check()
    expect(body).not_to_have_text(before)
    expect(panel.get_by_role("radio", name="Direct and to the point")).to_be_checked()


@GMAIL
def test_check_my_draft_marks_the_words_after_an_emoji(webmail, paired, interviews, screenshots):
    """The backend counts code points, JavaScript UTF-16 units: the mark must still fall on the words."""
    interview = interviews.make("due")
    webmail.open_compose(interview["interviewer_email"])
    webmail.type_at_start("🙂 Hi Anna, I need an answer by Friday or I will accept another offer.")
    panel = webmail.open_panel()
    panel.get_by_role("button", name="Check my draft").click()
    findings = panel.get_by_role("list", name="Findings about your draft")
    expect(findings).to_be_visible()
    ultimatum = findings.locator("li", has_text="I need an answer by Friday").first
    expect(ultimatum.locator("mark")).to_have_text("I need an answer by Friday")
    expect(ultimatum.locator(".quote").first).to_contain_text("🙂 Hi Anna, I need an answer by Friday or")
    panel.screenshot(path=str(screenshots / "panel-state-check.png"))
    assert "I need an answer by Friday" in webmail.body(), "checking changes nothing in the editor"


@GMAIL
def test_not_paired_says_how_to_pair(webmail, paired, interviews, service_worker, screenshots):
    store_token(service_worker, "")
    panel = open_for(webmail, "anna@acme.example")
    alert = panel.get_by_role("alert")
    expect(alert).to_contain_text("Not paired — open the extension's options and pair with the code from make pair.")
    expect(alert.locator("code")).to_have_count(0)  # plain words: no code, no backticks
    expect(alert).not_to_contain_text("`")
    expect(alert.get_by_role("button", name="Open options")).to_be_visible()
    panel.screenshot(path=str(screenshots / "panel-state-not-paired.png"))


@GMAIL
def test_keyboard_opens_uses_and_closes_the_panel(webmail, paired, interviews):
    interview = interviews.make("due")
    webmail.open_compose(interview["interviewer_email"])
    page = webmail.page
    page.evaluate("window.__keys = []; document.addEventListener('keydown', (e) => window.__keys.push(e.key))")
    webmail.button().focus()
    # Enter right after the compose window opened: the panel's frame may still be loading.
    page.keyboard.press("Enter")
    panel = webmail.panel()
    expect(panel.get_by_role("heading", name="Follow-up assistant")).to_be_focused()
    expect(webmail.button()).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    expect(panel.get_by_role("button", name="Close")).to_be_focused()  # Tab stays in the panel
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(webmail.button()).to_be_focused()
    expect(webmail.button()).to_have_attribute("aria-expanded", "false")
    assert page.evaluate("window.__keys") == [], "keys used in our UI do not reach the webmail's shortcuts"


@GMAIL
def test_a_send_while_the_backend_is_down_is_recorded_once_later(webmail, paired, interviews, service_worker, dead_url):
    interview = interviews.make("due")
    panel = open_for(webmail, interview["interviewer_email"])
    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_contain_text("inserted")
    service_worker.evaluate("(url) => chrome.storage.local.set({backendUrl: url})", dead_url)
    webmail.send()
    assert len(webmail.sent()) == 1
    deadline = time.monotonic() + 8
    while not service_worker.evaluate("FA.followUps.pending()") and time.monotonic() < deadline:
        time.sleep(0.1)
    pending = service_worker.evaluate("FA.followUps.pending()")
    assert [p["interviewId"] for p in pending] == [interview["id"]]
    assert interviews.follow_ups(interview["id"]) == []

    service_worker.evaluate("(url) => chrome.storage.local.set({backendUrl: url})", paired.url)
    assert service_worker.evaluate("FA.followUps.flush()") == 0
    # The same key again (a retry whose first answer was lost) is replayed, not recorded twice.
    again = service_worker.evaluate("(item) => FA.followUps.record(item)", {**pending[0]})
    assert again["ok"] is True
    assert len(interviews.follow_ups(interview["id"])) == 1
    assert service_worker.evaluate("FA.followUps.pending()") == []


def test_the_worker_refuses_malformed_and_misdirected_messages(service_worker, paired):
    panel = {"id": 1, "tab": {"id": 1}, "url": "chrome-extension://abcdefghijklmnopabcdefghijklmnop/panel/panel.html#x"}
    answer = service_worker.evaluate(
        "(sender) => FA.dispatch({type: 'panel-bg-get-draft', interviewId: 'x', on: '2026-01-01'}, {...sender, id: chrome.runtime.id})", panel)
    assert answer["ok"] is False and answer["error"]["code"] == "bad_message"
    assert "interviewId" in answer["error"]["message"]
    answer = service_worker.evaluate(
        "(sender) => FA.dispatch({type: 'panel-bg-get-draft', interviewId: 1, on: '2026-01-01', extra: 1}, {...sender, id: chrome.runtime.id})", panel)
    assert answer["error"]["code"] == "bad_message"
    answer = service_worker.evaluate("FA.dispatch({type: 'cs-bg-nope'}, {id: chrome.runtime.id, tab: {id: 1}})")
    assert answer["error"]["code"] == "unknown_message"
    answer = service_worker.evaluate(
        "FA.dispatch({type: 'panel-bg-find-interviews', emails: []}, {id: 'another-extension', tab: {id: 1}, url: 'https://x.example/'})")
    assert answer["error"]["code"] == "forbidden_sender"
    # Interviews and drafts are for the framed panel only: a content script (a tab's page URL)
    # is refused, and so is any other page of ours.
    answer = service_worker.evaluate(
        "FA.dispatch({type: 'panel-bg-find-interviews', emails: []}, {id: chrome.runtime.id, tab: {id: 1}, url: 'https://mail.google.com/'})")
    assert answer["error"]["code"] == "forbidden_sender"
    answer = service_worker.evaluate(
        "FA.dispatch({type: 'panel-bg-find-interviews', emails: []}, {id: chrome.runtime.id, url: chrome.runtime.getURL('popup/popup.html')})")
    assert answer["error"]["code"] == "forbidden_sender"
    # Recording a send is the content script's: the panel page may not.
    answer = service_worker.evaluate(
        "(sender) => FA.dispatch({type: 'cs-bg-record-follow-up', interviewId: 1, sentOn: '2026-01-01', key: crypto.randomUUID()}, {...sender, id: chrome.runtime.id})", panel)
    assert answer["error"]["code"] == "forbidden_sender"


@GMAIL
def test_on_interview_day_the_thank_you_note_goes_in_without_a_warning_and_is_no_follow_up(webmail, paired, interviews, screenshots):
    interview = interviews.make("today")
    panel = open_for(webmail, interview["interviewer_email"])
    expect(panel.locator(".timing .title")).to_have_text("Interview today — send a thank-you note")
    expect(panel.locator(".timing")).to_contain_text("The follow-up comes later. Too early — wait until")
    panel.screenshot(path=str(screenshots / "panel-state-thank-you.png"))
    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_have_text(re.compile("inserted. Edit it as you like.$"))
    expect(panel.locator(".confirm")).to_have_count(0)
    webmail.send()
    assert len(webmail.sent()) == 1
    time.sleep(1)
    assert interviews.follow_ups(interview["id"]) == [], "a thank-you note is not a follow-up"


@GMAIL
def test_after_a_reply_no_follow_up_is_drafted(webmail, paired, interviews, backend, screenshots):
    interview = interviews.make("due")
    replied = backend.api("POST", f"/api/v1/interviews/{interview['id']}/reply",
                          json={"received_on": interview["decision_date"]})
    assert replied.status == 200, replied.json
    panel = open_for(webmail, interview["interviewer_email"])
    expect(panel.locator(".timing .title")).to_have_text(re.compile(rf"^They replied on {DATE} — no follow-up needed$"))
    expect(panel.locator(".timing")).to_contain_text("stopped reminding you")
    expect(panel.get_by_role("button", name="Insert draft")).to_have_count(0)
    expect(panel).not_to_contain_text("anyway")  # nothing offered that has no control
    panel.screenshot(path=str(screenshots / "panel-state-replied.png"))


@GMAIL
def test_a_closed_interview_says_so_in_plain_words(webmail, paired, interviews, backend, screenshots):
    interview = interviews.make("due")
    closed = backend.api("POST", f"/api/v1/interviews/{interview['id']}/close", json={"outcome": "rejected"})
    assert closed.status == 200, closed.json
    panel = open_for(webmail, interview["interviewer_email"])
    expect(panel.locator(".timing .title")).to_have_text("This interview is closed (not selected)")
    expect(panel.locator(".timing")).to_contain_text("There is nothing to follow up.")
    expect(panel.get_by_role("button", name="Insert draft")).to_have_count(0)
    expect(panel).not_to_contain_text("anyway")
    assert "null" not in panel.inner_text() and "_" not in panel.locator(".timing").inner_text()
    panel.screenshot(path=str(screenshots / "panel-state-closed.png"))


def test_a_backend_that_never_answers_times_out_with_a_plain_message(service_worker, paired):
    """A server that accepts the connection but never answers: the worker gives up after ~5 s."""
    with silent_server() as url:
        service_worker.evaluate("(url) => chrome.storage.local.set({backendUrl: url})", url)
        started = time.monotonic()
        answer = service_worker.evaluate("FA.api.request('GET', '/api/v1/interviews')")
        waited = time.monotonic() - started
    assert answer["ok"] is False and answer["error"]["code"] == "timeout"
    assert answer["error"]["message"] == "Follow-up Assistant didn't answer within 5 seconds."
    assert 4.5 < waited < 8
