"""The extension's own pages in a real Firefox (Debian's firefox-esr over WebDriver BiDi, the
real extension installed, the live backend): the toolbar popup, the options page and the All
interviews page each render and work, one main flow each, with a screenshot of each step.

- popup: the due list shows a due interview in its group; Add interview saves one through the
  form (the preview works out the dates as the user types) and it is listed;
- options: paired (the pairing itself is e2e/test_firefox.py's), the profile form saves a new
  name and signature, and they are there after a reload;
- All interviews: every interview with its state, one opened with its history, edited through
  its form (an error by field label first), saved, and shown changed.
"""
import json

import pytest

from e2e.test_firefox import ff_paired, firefox, page_url  # noqa: F401  (module fixtures)

BY_TEXT = "[...document.querySelectorAll({selector!r})].find((el) => el.textContent.trim() === {text!r})"
PAGE_ERRORS = "window.__pageErrors"
# Installed before a page's scripts run would be best; right after load it still catches what the
# flows below do (each step waits for what the user sees).
COLLECT_ERRORS = ("(() => { window.__pageErrors = [];"
                  " addEventListener('error', (e) => __pageErrors.push(String(e.message)));"
                  " addEventListener('unhandledrejection', (e) => __pageErrors.push(String(e.reason))); })()")


def by_text(selector: str, text: str) -> str:
    return BY_TEXT.format(selector=selector, text=text)


def fill(tab, element: str, text: str) -> None:
    """Click a field, select what it holds and type over it, as a person does."""
    tab.click(element)
    tab.press("Control+a")
    tab.type(text)


def open_page(firefox, path: str, ready: str):  # noqa: F811  (firefox: the module fixture's value)
    tab = firefox.new_tab(page_url(firefox, path))
    tab.wait_for(ready, what=f"{path} to be ready")
    tab.eval(COLLECT_ERRORS)
    return tab


def close_checked(tab) -> None:
    errors = tab.eval(PAGE_ERRORS) or []
    tab.close()
    assert errors == [], f"the page threw: {errors}"


@pytest.fixture
def profile_kept(backend):
    """The profile as it was, put back after the test."""
    before = backend.api("GET", "/api/v1/profile").json
    yield before
    backend.api("PUT", "/api/v1/profile", {"name": before["name"], "signature": before["signature"]})


def test_popup_due_list_and_add_an_interview(firefox, ff_paired, interviews, backend, screenshots):  # noqa: F811
    due = interviews.make("due")
    tab = open_page(firefox, "popup/popup.html", "document.getElementById('main').getAttribute('aria-busy') === 'false'")
    try:
        group = tab.wait_for(
            f"""(() => {{ const row = [...document.querySelectorAll('li.row')].find((r) => r.querySelector('.company')
                  && r.querySelector('.company').textContent.trim() === {due['company']!r});
                  const group = row && row.closest('section.group');
                  return group && group.dataset.group; }})()""", what="the due interview in the list")
        assert group in ("due", "overdue"), group
        heading = tab.eval(f"document.querySelector('section.group[data-group={group}] h2').textContent")
        assert heading.startswith("Due today" if group == "due" else "Overdue"), heading
        tab.screenshot(screenshots / "firefox-pages-popup-due.png")

        company = f"Juniper {interviews.prefix}"
        tab.click(by_text("button", "Add interview"))
        tab.wait_for("document.activeElement && document.activeElement.id === 'f-company'", what="focus in Company")
        tab.type(company)
        fill(tab, "document.getElementById('f-position')", "Risk Analyst")
        fill(tab, "document.getElementById('f-interviewer_email')", "jo@juniper.test")
        fill(tab, "document.getElementById('f-timeline')", "in one week")
        tab.wait_for("document.querySelector('#preview .decision')", what="the preview's decision date")
        tab.screenshot(screenshots / "firefox-pages-popup-add.png")
        tab.click(by_text("button", "Save interview"))
        status = tab.wait_for("(() => { const t = document.getElementById('status').textContent;"
                              " return t.includes('Saved') && t; })()", what="the saved message")
        assert company in status, status
        tab.wait_for(f"[...document.querySelectorAll('li.row .company')].some((c) => c.textContent.trim() === {company!r})",
                     what="the new interview listed")
        assert tab.eval("document.getElementById('add-form').hidden") is True
        saved = [i for i in backend.api("GET", "/api/v1/interviews").json["interviews"] if i["company"] == company]
        assert len(saved) == 1 and saved[0]["interviewer_email"] == "jo@juniper.test" and saved[0]["decision_date"]
        tab.screenshot(screenshots / "firefox-pages-popup-added.png")
    finally:
        close_checked(tab)


def test_options_profile_saves_and_stays(firefox, ff_paired, backend, profile_kept, screenshots):  # noqa: F811
    tab = open_page(firefox, "options/options.html", "!document.getElementById('profile-card').hidden")
    try:
        assert tab.eval("document.getElementById('paired').hidden") is False
        assert tab.eval("document.getElementById('paired-text').textContent") == f"Paired with the backend at {backend.url}."
        fill(tab, "document.getElementById('p-name')", "Robin Example")
        fill(tab, "document.getElementById('p-signature')", "Robin Example\n+1 555 0100")
        tab.click(by_text("#profile-form button", "Save profile"))
        message = tab.wait_for("(() => { const t = document.getElementById('profile-message').textContent;"
                               " return t && t; })()", what="the profile's message")
        assert message == "Profile saved.", message
        saved = backend.api("GET", "/api/v1/profile").json
        assert (saved["name"], saved["signature"]) == ("Robin Example", "Robin Example\n+1 555 0100")
        tab.screenshot(screenshots / "firefox-pages-options.png")
    finally:
        close_checked(tab)
    again = open_page(firefox, "options/options.html", "document.getElementById('p-name').value !== ''")
    try:
        assert again.eval("document.getElementById('p-name').value") == "Robin Example"
        assert again.eval("document.getElementById('p-signature').value") == "Robin Example\n+1 555 0100"
    finally:
        close_checked(again)


def test_all_interviews_list_open_and_edit(firefox, ff_paired, interviews, backend, screenshots):  # noqa: F811
    made = {state: interviews.make(state) for state in ("due", "overdue", "early")}
    tab = open_page(firefox, "interviews/interviews.html", "document.getElementById('list').getAttribute('aria-busy') === 'false'")
    try:
        fill(tab, "document.getElementById('search')", interviews.prefix)
        tab.press("Enter")
        badges = tab.wait_for(
            """(() => { const rows = [...document.querySelectorAll('#list li.row')];
                  if (rows.length !== 3) return null;
                  return JSON.stringify(rows.map((r) => [r.querySelector('.open-button').textContent,
                                                         r.querySelector('.badge').textContent])); })()""",
            what="the three interviews listed")
        listed = dict(json.loads(badges))
        words = {"due": "Due", "overdue": "Overdue", "early": "Upcoming"}
        for state, interview in made.items():
            assert listed[f"{interview['company']} — {interview['position']}"] == words[state], listed
        tab.screenshot(screenshots / "firefox-pages-interviews-list.png")

        overdue = made["overdue"]
        name = f"{overdue['company']} — {overdue['position']}"
        tab.click(by_text("#list .open-button", name))
        tab.wait_for(f"!document.getElementById('detail').hidden && document.getElementById('detail-title').textContent.includes({overdue['company']!r})",
                     what="the interview opened")
        assert tab.eval("document.querySelectorAll('#history li').length") >= 1, "its history is shown"
        tab.click("document.getElementById('edit-open')")
        tab.wait_for("document.activeElement && document.activeElement.id === 'edit-company'", what="focus in Company")
        fill(tab, "document.getElementById('edit-interviewer_email')", "not-an-email")
        tab.click(by_text(".edit-form button", "Save changes"))
        alert = tab.wait_for("(() => { const a = document.querySelector('.edit-form [role=alert]');"
                             " return a && a.textContent; })()", what="the form's error")
        assert "Interviewer e-mail" in alert and "interviewer_email" not in alert, alert
        tab.screenshot(screenshots / "firefox-pages-interviews-error.png")

        renamed = f"{overdue['company']} Group"
        fill(tab, "document.getElementById('edit-company')", renamed)
        fill(tab, "document.getElementById('edit-interviewer_email')", "anna@acme.test")
        tab.click(by_text(".edit-form button", "Save changes"))
        status = tab.wait_for("(() => { const t = document.getElementById('status').textContent;"
                              " return t.startsWith('Saved') && t; })()", what="the saved message")
        assert status == f"Saved your changes to {renamed}.", status
        tab.wait_for(f"[...document.querySelectorAll('#list .open-button')].some((b) => b.textContent.startsWith({renamed!r}))",
                     what="the list to show the new name")
        stored = backend.api("GET", f"/api/v1/interviews/{overdue['id']}").json
        assert (stored["company"], stored["interviewer_email"]) == (renamed, "anna@acme.test")
        tab.screenshot(screenshots / "firefox-pages-interviews-saved.png")
    finally:
        close_checked(tab)
