"""The All interviews page, opened as the extension's own page: list, filters, search, history,
edit, delete with undo, records on a chosen day, calendar files, its states, keyboard only."""
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from e2e.conftest import store_token
from tests.live_backend import silent_server

TODAY = "2027-03-10"  # a Wednesday, as in the popup's tests
SEED = [
    {"company": "Birch & Co", "position": "Analyst", "interview_date": "2027-02-17",
     "interviewer_name": "Ana Birch", "interviewer_email": "ana@birch.test"},  # overdue
    {"company": "Cedar Health", "position": "Data Scientist", "interview_date": "2027-03-03",
     "interviewer_name": "Chris Cedar", "interviewer_email": "chris@cedar.test"},  # due
    {"company": "Elm Systems", "position": "SRE", "interview_date": "2027-03-08",
     "timeline": "in two weeks"},  # upcoming
    {"company": "Ghost Corp", "position": "Writer", "interview_date": "2027-02-24"},  # replied
    {"company": "Oak Offers", "position": "Lead", "interview_date": "2027-02-20"},  # closed
]


def page_url(extension_id, hash_=""):
    return f"chrome-extension://{extension_id}/interviews/interviews.html{hash_}"


def set_storage(worker, values: dict):
    worker.evaluate("(values) => chrome.storage.local.set(values)", values)


def day(page, iso: str) -> str:
    """A date as every page shows it: the browser's locale, through Intl.DateTimeFormat."""
    return page.evaluate("""(iso) => {
        const [y, m, d] = iso.split('-').map(Number);
        return new Intl.DateTimeFormat(undefined, {weekday: 'short', day: 'numeric', month: 'short'})
            .format(new Date(y, m - 1, d));
    }""", iso)


@pytest.fixture
def seeded(paired, service_worker):
    """The seed interviews in an empty backend, the clock at TODAY; returns {company: id}."""
    backend = paired
    backend.clear()
    ids = {}
    for fields in SEED:
        answer = backend.api("POST", "/api/v1/interviews", fields)
        assert answer.status == 201, answer.json
        ids[fields["company"]] = answer.json["id"]
    assert backend.api("POST", f"/api/v1/interviews/{ids['Ghost Corp']}/reply", {"received_on": "2027-03-01"}).status == 200
    assert backend.api("POST", f"/api/v1/interviews/{ids['Oak Offers']}/close", {"outcome": "offer"}).status == 200
    set_storage(service_worker, {"debugToday": TODAY})
    return ids


@pytest.fixture
def page(ext_context):
    """A tab for the page, with page errors collected."""
    tab = ext_context.new_page()
    tab.set_viewport_size({"width": 1100, "height": 900})
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    assert tab.errors == [], tab.errors
    tab.close()


def open_page(page, extension_id, hash_=""):
    page.goto(page_url(extension_id, hash_))
    expect(page.locator("#list")).to_have_attribute("aria-busy", "false")


def listed(page):
    return page.locator("#list .open-button")


def test_every_interview_with_its_state_filtered_and_searched(seeded, page, extension_id, screenshots):
    open_page(page, extension_id)
    expect(listed(page)).to_have_count(5)
    expect(page.locator("#list .badge")).to_have_text(["Overdue", "Due", "Upcoming", "Replied", "Closed"])
    page.screenshot(path=screenshots / "interviews-list.png", full_page=True)

    page.get_by_role("radio", name="Replied").check()
    expect(listed(page)).to_have_text(["Ghost Corp — Writer"])
    page.get_by_role("radio", name="Closed").check()
    expect(listed(page)).to_have_text(["Oak Offers — Lead"])
    page.get_by_role("radio", name="All").check()
    expect(listed(page)).to_have_count(5)

    # The search runs on the backend: company, position or interviewer.
    page.get_by_label("Search").fill("chris@cedar")
    page.get_by_role("button", name="Search").click()
    expect(listed(page)).to_have_text(["Cedar Health — Data Scientist"])
    page.get_by_label("Search").fill("nobody at all")
    page.get_by_label("Search").press("Enter")
    expect(page.get_by_role("heading", name="No interviews match")).to_be_visible()
    page.screenshot(path=screenshots / "interviews-no-match.png", full_page=True)


def test_a_page_at_a_time_with_counts_per_state(paired, service_worker, page, extension_id):
    paired.clear()
    for n in range(30):
        day_of = f"2027-02-{n % 28 + 1:02d}"
        assert paired.api("POST", "/api/v1/interviews", {"company": f"Firm {n:02d}", "position": "Analyst",
                                                         "interview_date": day_of}).status == 201
    set_storage(service_worker, {"debugToday": TODAY})
    open_page(page, extension_id)
    expect(listed(page)).to_have_count(25)
    expect(page.locator("#count")).to_have_text("Showing 25 of 30 interviews")
    counts = paired.api("GET", f"/api/v1/interviews?on={TODAY}&limit=1").json["counts"]
    expect(page.get_by_role("radio", name=f"All ({sum(counts.values())})")).to_be_checked()
    expect(page.get_by_role("radio", name=f"Overdue ({counts['overdue']})")).to_be_visible()
    page.get_by_role("button", name="Show more").click()
    expect(listed(page)).to_have_count(30)
    expect(page.locator("#count")).to_have_text("30 interviews")
    expect(page.get_by_role("button", name="Show more")).to_be_hidden()
    names = listed(page).all_text_contents()
    assert len(set(names)) == 30  # no row twice across the pages


def test_one_interview_shows_its_history(seeded, page, extension_id, paired, screenshots):
    paired.api("POST", f"/api/v1/interviews/{seeded['Birch & Co']}/follow-ups", {"sent_on": "2027-02-25"})
    open_page(page, extension_id)
    page.get_by_role("button", name="Birch & Co — Analyst").click()
    region = page.get_by_role("region", name="Birch & Co — Analyst")
    expect(region).to_be_focused()
    expect(region.locator("#history li")).to_have_text([
        f"{day(page, '2027-02-17')} — Interview", f"{day(page, '2027-02-25')} — First follow-up sent"])
    page.screenshot(path=screenshots / "interviews-detail.png", full_page=True)
    page.get_by_role("button", name="Elm Systems — SRE").click()
    region = page.get_by_role("region", name="Elm Systems — SRE")
    expect(region.locator("#history li")).to_have_text([
        f"{day(page, '2027-03-08')} — Interview", f"{day(page, '2027-03-22')} — Decision expected"])


def test_edit_shows_errors_by_field_label_and_can_be_undone(seeded, page, extension_id, paired, screenshots):
    open_page(page, extension_id, f"#interview-{seeded['Cedar Health']}")
    region = page.get_by_role("region", name="Cedar Health — Data Scientist")
    region.get_by_role("button", name="Edit details").click()
    form = page.get_by_role("form", name="Edit Cedar Health")
    expect(form.get_by_label("Company *")).to_be_focused()
    form.get_by_label("Company *").fill("")
    form.get_by_role("button", name="Save changes").click()
    expect(form.get_by_role("alert")).to_contain_text("Company: Enter the company.")
    form.get_by_label("Company *").fill("Cedar Health Group")
    form.get_by_label("Interviewer e-mail").fill("not-an-email")
    form.get_by_role("button", name="Save changes").click()
    summary = form.get_by_role("alert")
    expect(summary).to_contain_text("Interviewer e-mail: That does not look like an e-mail address (name@example.com).")
    expect(summary).not_to_contain_text("interviewer_email")
    expect(form.get_by_label("Interviewer e-mail")).to_have_attribute("aria-invalid", "true")
    page.screenshot(path=screenshots / "interviews-edit-errors.png", full_page=True)
    summary.get_by_role("link").click()
    expect(form.get_by_label("Interviewer e-mail")).to_be_focused()

    form.get_by_label("Interviewer e-mail").fill("chris@cedarhealth.test")
    form.get_by_label("Interview date *").fill("2027-03-20")  # still to come: a warning, saved anyway
    expect(form.locator(".warning")).to_have_text("Scheduled interview? We'll remind you to send a thank-you that day.")
    form.get_by_label("Notes").fill("Met the whole team.\nAsked about on-call.")
    form.get_by_role("button", name="Save changes").click()
    expect(page.locator("#status")).to_have_text("Saved your changes to Cedar Health Group.")
    saved = paired.api("GET", f"/api/v1/interviews/{seeded['Cedar Health']}").json
    assert saved["company"] == "Cedar Health Group" and saved["interview_date"] == "2027-03-20"
    assert saved["notes"] == "Met the whole team.\nAsked about on-call."

    page.get_by_role("button", name="Undo: Saved your changes to Cedar Health Group.").click()
    expect(page.locator("#status")).to_have_text("Undone.")
    back = paired.api("GET", f"/api/v1/interviews/{seeded['Cedar Health']}").json
    assert (back["company"], back["interview_date"], back["interviewer_email"], back["notes"]) == (
        "Cedar Health", "2027-03-03", "chris@cedar.test", None)


def test_delete_asks_first_and_undo_brings_it_back_whole(seeded, page, extension_id, paired, screenshots):
    paired.api("POST", f"/api/v1/interviews/{seeded['Birch & Co']}/follow-ups", {"sent_on": "2027-02-25"})
    before = paired.api("GET", f"/api/v1/interviews/{seeded['Birch & Co']}?on={TODAY}").json
    open_page(page, extension_id, f"#interview-{seeded['Birch & Co']}")
    region = page.get_by_role("region", name="Birch & Co — Analyst")
    region.get_by_role("button", name="Delete interview").click()
    confirm = region.get_by_role("group", name="Delete Birch & Co — Analyst, with its follow-ups? You can undo it right after.")
    expect(confirm.get_by_role("button", name="Keep it")).to_be_focused()
    page.screenshot(path=screenshots / "interviews-delete-confirm.png", full_page=True)
    confirm.get_by_role("button", name="Keep it").click()
    assert paired.api("GET", f"/api/v1/interviews/{seeded['Birch & Co']}").status == 200

    region.get_by_role("button", name="Delete interview").click()
    region.get_by_role("button", name="Delete", exact=True).click()
    expect(page.locator("#status")).to_have_text("Deleted Birch & Co.")
    expect(listed(page)).to_have_count(4)
    assert paired.api("GET", f"/api/v1/interviews/{seeded['Birch & Co']}").status == 404
    undo = page.get_by_role("button", name="Undo: Deleted Birch & Co.")
    expect(undo).to_be_focused()
    page.screenshot(path=screenshots / "interviews-deleted-undo.png", full_page=True)
    undo.click()
    expect(listed(page)).to_have_count(5)
    assert paired.api("GET", f"/api/v1/interviews/{seeded['Birch & Co']}?on={TODAY}").json == before
    expect(page.get_by_role("region", name="Birch & Co — Analyst")).to_be_visible()


def test_a_follow_up_and_a_reply_on_a_chosen_past_day_and_undo(seeded, page, extension_id, paired):
    open_page(page, extension_id, f"#interview-{seeded['Birch & Co']}")
    region = page.get_by_role("region", name="Birch & Co — Analyst")
    sent = region.get_by_label("Follow-up sent on")
    expect(sent).to_have_value(TODAY)
    sent.fill("2027-03-01")
    region.get_by_role("button", name="Record follow-up").click()
    expect(page.locator("#status")).to_have_text(f"Recorded your follow-up to Birch & Co, sent {day(page, '2027-03-01')}.")
    birch = paired.api("GET", f"/api/v1/interviews/{seeded['Birch & Co']}").json
    assert birch["follow_ups"] == [{"sent_on": "2027-03-01"}]
    page.get_by_role("button", name="Undo").click()
    expect(page.locator("#status")).to_have_text("Undone.")
    assert paired.api("GET", f"/api/v1/interviews/{seeded['Birch & Co']}").json["follow_ups"] == []

    region = page.get_by_role("region", name="Birch & Co — Analyst")
    region.get_by_label("They replied on").fill("2027-03-05")
    region.get_by_role("button", name="Record reply").click()
    expect(page.locator("#status")).to_have_text(f"Recorded the reply from Birch & Co on {day(page, '2027-03-05')}.")
    assert paired.api("GET", f"/api/v1/interviews/{seeded['Birch & Co']}").json["reply_on"] == "2027-03-05"
    expect(page.locator("#detail .badge")).to_have_text("Replied")
    page.get_by_role("button", name="Undo").click()
    expect(page.locator("#detail .badge")).to_have_text("Overdue")
    assert paired.api("GET", f"/api/v1/interviews/{seeded['Birch & Co']}").json["reply_on"] is None

    # A day before the interview is refused in plain words, and nothing is recorded.
    region = page.get_by_role("region", name="Birch & Co — Analyst")
    region.get_by_label("Follow-up sent on").fill("2027-02-01")
    region.get_by_role("button", name="Record follow-up").click()
    expect(page.locator("#status")).to_have_text("It is before the interview.")
    assert paired.api("GET", f"/api/v1/interviews/{seeded['Birch & Co']}").json["follow_ups"] == []


def test_calendar_files_for_one_window_and_for_all(seeded, page, extension_id):
    open_page(page, extension_id, f"#interview-{seeded['Elm Systems']}")
    with page.expect_download() as saved:
        page.get_by_role("region", name="Elm Systems — SRE").get_by_role("button", name="Add to calendar").click()
    download = saved.value
    assert download.suggested_filename == "follow-up-elm-systems.ics"
    events = [c for c in Calendar.from_ical(Path(download.path()).read_bytes()).walk() if c.name == "VEVENT"]
    assert [str(e["summary"]) for e in events] == ["Follow up with Elm Systems"]
    assert events[0].decoded("dtstart").isoformat() == "2027-03-23"

    with page.expect_download() as saved:
        page.get_by_role("button", name="Export upcoming follow-ups (.ics)").click()
    everything = Calendar.from_ical(Path(saved.value.path()).read_bytes())
    summaries = sorted(str(e["summary"]) for e in everything.walk() if e.name == "VEVENT")
    assert summaries == ["Follow up with Cedar Health", "Follow up with Elm Systems"]
    expect(page.locator("#status")).to_contain_text("follow-ups.ics")


def test_company_with_markup_shows_as_text(paired, service_worker, page, extension_id):
    paired.clear()
    created = paired.api("POST", "/api/v1/interviews", {
        "company": "<img src=x onerror=alert(1)>", "position": "<b>QA</b>", "interview_date": "2027-03-04"})
    set_storage(service_worker, {"debugToday": TODAY})
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_page(page, extension_id, f"#interview-{created.json['id']}")
    expect(listed(page)).to_have_text(["<img src=x onerror=alert(1)> — <b>QA</b>"])
    expect(page.locator("#detail-title")).to_have_text("<img src=x onerror=alert(1)> — <b>QA</b>")
    assert page.locator("#list img, #detail img, #detail b").count() == 0
    assert dialogs == []


def test_empty_unpaired_and_backend_down(paired, service_worker, page, extension_id, dead_url, screenshots):
    paired.clear()
    set_storage(service_worker, {"debugToday": TODAY})
    open_page(page, extension_id)
    expect(page.get_by_role("heading", name="No interviews yet")).to_be_visible()
    page.screenshot(path=screenshots / "interviews-empty.png", full_page=True)

    store_token(service_worker, "")
    open_page(page, extension_id)
    expect(page.get_by_role("heading", name="Not connected yet")).to_be_visible()
    expect(page.locator("#list-state").get_by_role("button", name="Open options")).to_be_visible()
    page.screenshot(path=screenshots / "interviews-unpaired.png", full_page=True)

    store_token(service_worker, paired.token)
    set_storage(service_worker, {"backendUrl": dead_url})
    try:
        open_page(page, extension_id)
        expect(page.get_by_role("heading", name="Can't reach the backend")).to_be_visible()
        text = page.locator("#list-state-text").text_content()
        assert "`" not in text and "Try again" not in text, text
        page.screenshot(path=screenshots / "interviews-backend-down.png", full_page=True)
    finally:
        set_storage(service_worker, {"backendUrl": paired.url})
    page.get_by_role("button", name="Try again").click()
    expect(page.get_by_role("heading", name="No interviews yet")).to_be_visible()


def test_loading_then_a_backend_that_does_not_answer(paired, service_worker, page, extension_id, screenshots):
    with silent_server() as url:  # accepts the connection, never answers
        set_storage(service_worker, {"backendUrl": url})
        try:
            page.goto(page_url(extension_id))
            expect(page.get_by_role("heading", name="Loading your interviews…")).to_be_visible()
            expect(page.locator("#list")).to_have_attribute("aria-busy", "true")
            page.screenshot(path=screenshots / "interviews-loading.png")
            expect(page.get_by_role("heading", name="Can't reach the backend")).to_be_visible(timeout=10_000)
            expect(page.locator("#list-state-text")).to_contain_text("didn't answer within 5 seconds")
        finally:
            set_storage(service_worker, {"backendUrl": paired.url})


def test_dark_theme(seeded, page, extension_id, screenshots):
    page.emulate_media(color_scheme="dark")
    open_page(page, extension_id, f"#interview-{seeded['Birch & Co']}")
    expect(page.get_by_role("region", name="Birch & Co — Analyst")).to_be_visible()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(23, 25, 27)"
    page.screenshot(path=screenshots / "interviews-dark.png", full_page=True)
    # 400% zoom of a 1280-pixel window is 320 CSS pixels: one column, nothing scrolls sideways.
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    page.screenshot(path=screenshots / "interviews-narrow.png", full_page=True)


def test_keyboard_only_open_record_edit_delete_and_undo(seeded, page, extension_id, paired):
    open_page(page, extension_id)
    page.get_by_label("Search").focus()
    page.keyboard.type("Birch")
    page.keyboard.press("Enter")
    expect(listed(page)).to_have_text(["Birch & Co — Analyst"])
    # Tab past the filters (one stop for the radio group) to the row, Enter opens it.
    page.keyboard.press("Tab")  # Search button
    page.keyboard.press("Tab")  # the filters' checked radio
    expect(page.get_by_role("radio", name="All")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Birch & Co — Analyst")).to_be_focused()
    page.keyboard.press("Enter")
    region = page.get_by_role("region", name="Birch & Co — Analyst")
    expect(region).to_be_focused()
    # Record a follow-up sent today: Tab to the date (today already), Enter submits its form.
    page.keyboard.press("Tab")
    expect(region.get_by_label("Follow-up sent on")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_contain_text("Recorded your follow-up to Birch & Co")
    assert paired.api("GET", f"/api/v1/interviews/{seeded['Birch & Co']}").json["follow_ups"] == [{"sent_on": TODAY}]
    # Edit by keyboard: the form opens on Company; type, Enter saves.
    region = page.get_by_role("region", name="Birch & Co — Analyst")
    region.get_by_role("button", name="Edit details").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Company *")).to_be_focused()
    page.keyboard.press("End")
    page.keyboard.type(" Ltd")
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_have_text("Saved your changes to Birch & Co Ltd.")
    # Delete and undo by keyboard.
    region = page.get_by_role("region", name="Birch & Co Ltd — Analyst")
    region.get_by_role("button", name="Delete interview").focus()
    page.keyboard.press("Enter")
    expect(region.get_by_role("button", name="Keep it")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(region.get_by_role("button", name="Delete", exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Undo: Deleted Birch & Co Ltd.")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_have_text("Undone.")
    back = paired.api("GET", f"/api/v1/interviews/{seeded['Birch & Co']}").json
    assert back["company"] == "Birch & Co Ltd" and back["follow_ups"] == [{"sent_on": TODAY}]
