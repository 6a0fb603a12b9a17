"""The toolbar popup, opened as a page: groups and order, row actions, the add form, its states."""
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from e2e.conftest import store_token
from tests.live_backend import free_port, silent_server

# A fixed day (a Wednesday, no US holiday near), so the groups do not depend on the calendar.
TODAY = "2027-03-10"
# Each seed's group and place on TODAY (US calendar: first follow-up 4-5 business days after
# the interview, or the business day after a decision date).
SEED = [
    # overdue: window Feb 23-24, then Mar 2-3 -> the older one first
    {"company": "Birch & Co", "position": "Analyst", "interview_date": "2027-02-17",
     "interviewer_name": "Ana Birch", "interviewer_email": "ana@birch.test"},
    {"company": "Alder Labs", "position": "Engineer", "interview_date": "2027-02-24",
     "interviewer_name": "Sam Alder", "interviewer_email": "sam@alder.test"},
    # due: window Mar 9-10 (deadline today), then Mar 10-11
    {"company": "Cedar Health", "position": "Data Scientist", "interview_date": "2027-03-03",
     "interviewer_name": "Chris Cedar", "interviewer_email": "chris@cedar.test"},
    {"company": "Dogwood", "position": "Product Manager", "interview_date": "2027-03-04",
     "interviewer_name": "Dee Wood", "interviewer_email": "dee@dogwood.test"},
    # coming up: window Mar 12-15
    {"company": "Elm Systems", "position": "SRE", "interview_date": "2027-03-08",
     "interviewer_name": "Eli Elm", "interviewer_email": "eli@elm.test"},
    # later than next week: decision Mar 22 -> first follow-up Mar 23
    {"company": "Fir Finance", "position": "Controller", "interview_date": "2027-03-08",
     "timeline": "in two weeks"},
    # replied: in no group
    {"company": "Ghost Corp", "position": "Writer", "interview_date": "2027-02-24"},
]
MOVE_ON = {"company": "Hemlock", "position": "Designer", "interview_date": "2027-02-01",
           "interviewer_name": "Hal Hem", "interviewer_email": "hal@hemlock.test"}
XSS = "<img src=x onerror=alert(1)>"


def popup_url(extension_id):
    return f"chrome-extension://{extension_id}/popup/popup.html"


def set_storage(worker, values: dict):
    worker.evaluate("(values) => chrome.storage.local.set(values)", values)


def badge_text(worker) -> str:
    return worker.evaluate("chrome.action.getBadgeText({})")


@pytest.fixture
def seeded(paired, service_worker):
    """The seed interviews in an empty backend, the clock at TODAY; returns {company: id}."""
    backend = paired
    backend.clear()
    ids = {}
    for fields in SEED + [MOVE_ON]:
        answer = backend.api("POST", "/api/v1/interviews", fields)
        assert answer.status == 201, answer.json
        ids[fields["company"]] = answer.json["id"]
    for day in ("2027-02-10", "2027-02-17"):
        assert backend.api("POST", f"/api/v1/interviews/{ids['Hemlock']}/follow-ups", {"sent_on": day}).status == 201
    assert backend.api("POST", f"/api/v1/interviews/{ids['Ghost Corp']}/reply", {"received_on": "2027-03-01"}).status == 200
    set_storage(service_worker, {"debugToday": TODAY, "preferredWebmail": "gmail"})
    return ids


@pytest.fixture
def popup(ext_context, extension_id):
    """The popup in a tab the size of the toolbar popup, with page errors collected."""
    page = ext_context.new_page()
    page.set_viewport_size({"width": 400, "height": 720})
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    assert page.errors == [], page.errors
    page.close()


def open_popup(page, extension_id):
    page.goto(popup_url(extension_id))
    expect(page.locator("#main")).to_have_attribute("aria-busy", "false")


def day(page, iso: str, with_year: bool = False) -> str:
    """A date as every page shows it: the browser's locale, through Intl.DateTimeFormat."""
    return page.evaluate("""([iso, year]) => {
        const [y, m, d] = iso.split('-').map(Number);
        const options = {weekday: 'short', day: 'numeric', month: 'short'};
        if (year) options.year = 'numeric';
        return new Intl.DateTimeFormat(undefined, options).format(new Date(y, m - 1, d));
    }""", [iso, with_year])


def menu_item(page, company, name):
    """Open a row's More menu and return one of its items."""
    row(page, company).get_by_role("button", name=f"More actions for {company}").click()
    return row(page, company).get_by_role("menuitem", name=name)


def expect_group(page, key, companies):
    """The companies of a group, in order (waiting for the popup to redraw)."""
    expect(page.locator(f'section.group[data-group="{key}"] li.row .company')).to_have_text(companies)


def row(page, company):
    return page.locator("li.row").filter(has=page.locator(".company", has_text=company))


def test_groups_and_order(seeded, popup, extension_id, screenshots):
    open_popup(popup, extension_id)
    headings = popup.locator("section.group > h2").all_text_contents()
    assert headings == ["Overdue(2)", "Due today(2)", "Coming up(1)", "Time to move on(1)"]
    expect_group(popup, "overdue", ["Birch & Co", "Alder Labs"])
    expect_group(popup, "due", ["Cedar Health", "Dogwood"])
    expect_group(popup, "coming", ["Elm Systems"])
    expect_group(popup, "move_on", ["Hemlock"])
    expect(popup.locator("#later")).to_have_text("One more interview is waiting beyond next week.")
    expect(popup.get_by_text("Ghost Corp")).to_have_count(0)

    birch = row(popup, "Birch & Co")
    d = lambda iso: day(popup, iso)
    expect(birch.locator(".who")).to_have_text(f"Ana Birch · interviewed {d('2027-02-17')}")
    expect(birch.locator(".action")).to_have_text("First follow-up")
    expect(birch.locator(".when")).to_have_text(f"was due by {d('2027-02-24')}")
    expect(row(popup, "Cedar Health").locator(".when")).to_have_text(f"today, {d('2027-03-10')}")
    expect(row(popup, "Dogwood").locator(".when")).to_have_text(f"now, ideally by {d('2027-03-11')}")
    expect(row(popup, "Elm Systems").locator(".when")).to_have_text(f"from {d('2027-03-12')}, ideally by {d('2027-03-15')}")
    hemlock = row(popup, "Hemlock")
    expect(hemlock.locator(".action")).to_have_text("Move on")
    expect(hemlock.locator(".when")).to_have_text(f"since {d('2027-02-23')}")

    # One button per row for what fits its state, the rest in a menu; writing is loud only when due.
    for company, primary, loud in [("Birch & Co", "Write follow-up", True), ("Cedar Health", "Write follow-up", True),
                                   ("Elm Systems", "Add to calendar", False), ("Hemlock", "Move on", False)]:
        buttons = row(popup, company).locator(".actions > button")
        expect(buttons).to_have_text([primary])
        expect(buttons).to_have_class("primary" if loud else "")
        expect(row(popup, company).get_by_role("button", name=f"More actions for {company}")).to_have_attribute("aria-haspopup", "menu")
    menu_item(popup, "Hemlock", "Open in All interviews")
    items = row(popup, "Hemlock").get_by_role("menuitem").all_text_contents()
    assert "Mark sent today" not in items and "Write follow-up now" not in items  # no third follow-up
    popup.keyboard.press("Escape")
    expect(row(popup, "Hemlock").get_by_role("menu")).to_be_hidden()

    # The reason on demand: a disclosure button that says whether it is open.
    why = birch.get_by_role("button", name="Why? (Birch & Co)")
    expect(why).to_have_attribute("aria-expanded", "false")
    expect(birch.locator(".why")).to_be_hidden()
    why.click()
    expect(why).to_have_attribute("aria-expanded", "true")
    expect(birch.locator(".why")).to_be_visible()
    expect(birch.locator(".why")).not_to_be_empty()
    popup.screenshot(path=screenshots / "popup-groups.png", full_page=True)
    popup.set_viewport_size({"width": 400, "height": 600})  # the largest a toolbar popup gets
    popup.screenshot(path=screenshots / "readme-popup.png")


def test_mark_sent_records_the_follow_up_and_moves_the_row(seeded, popup, extension_id, paired):
    open_popup(popup, extension_id)
    menu_item(popup, "Birch & Co", "Mark sent today").click()
    expect(popup.locator("#status")).to_have_text("Marked your follow-up to Birch & Co as sent.")
    interview = paired.api("GET", f"/api/v1/interviews/{seeded['Birch & Co']}?on={TODAY}").json
    assert interview["follow_ups"] == [{"sent_on": TODAY}]
    assert interview["schedule"]["next"]["action"] == "second_follow_up"
    # The second follow-up's window (Mar 16-17) is within the week: the row moves to Coming up.
    expect_group(popup, "overdue", ["Alder Labs"])
    expect_group(popup, "coming", ["Elm Systems", "Birch & Co"])
    expect(row(popup, "Birch & Co").locator(".action")).to_have_text("Second follow-up")

    # Undo takes the follow-up back: the row returns to Overdue, the backend has none recorded.
    popup.get_by_role("button", name="Undo: Marked your follow-up to Birch & Co as sent.").click()
    expect(popup.locator("#status")).to_have_text("Undone: Birch & Co is back as it was.")
    expect_group(popup, "overdue", ["Birch & Co", "Alder Labs"])
    assert paired.api("GET", f"/api/v1/interviews/{seeded['Birch & Co']}").json["follow_ups"] == []
    expect(popup.get_by_role("button", name="Undo")).to_be_hidden()


def test_they_replied_and_close(seeded, popup, extension_id, paired):
    open_popup(popup, extension_id)
    menu_item(popup, "Cedar Health", "They replied today").click()
    expect(popup.locator("#status")).to_contain_text("Cedar Health replied")
    cedar = paired.api("GET", f"/api/v1/interviews/{seeded['Cedar Health']}?on={TODAY}").json
    assert cedar["reply_on"] == TODAY and cedar["schedule"]["state"] == "replied"
    expect(row(popup, "Cedar Health")).to_have_count(0)
    # "They replied" by mistake is no longer final: Undo brings the row back.
    undo = popup.get_by_role("button", name="Undo: Noted that Cedar Health replied. Good luck!")
    expect(undo).to_be_visible()
    undo.click()
    expect_group(popup, "due", ["Cedar Health", "Dogwood"])
    assert paired.api("GET", f"/api/v1/interviews/{seeded['Cedar Health']}").json["reply_on"] is None

    elm = row(popup, "Elm Systems")
    more = elm.get_by_role("button", name="More actions for Elm Systems")
    expect(more).to_have_attribute("aria-expanded", "false")
    more.click()
    expect(more).to_have_attribute("aria-expanded", "true")
    closing = [t for t in elm.get_by_role("menuitem").all_text_contents() if t.startswith("Close:")]
    assert closing == ["Close: got an offer", "Close: rejected", "Close: I withdrew", "Close: moved on"]
    elm.get_by_role("menuitem", name="Close: got an offer").click()
    expect(row(popup, "Elm Systems")).to_have_count(0)
    expect(popup.locator("#status")).to_have_text("Closed Elm Systems: an offer.")
    elm_after = paired.api("GET", f"/api/v1/interviews/{seeded['Elm Systems']}?on={TODAY}").json
    assert elm_after["outcome"] == "offer" and elm_after["schedule"]["next"] is None

    row(popup, "Hemlock").get_by_role("button", name="Move on", exact=True).click()
    expect(row(popup, "Hemlock")).to_have_count(0)
    assert paired.api("GET", f"/api/v1/interviews/{seeded['Hemlock']}").json["outcome"] == "moved_on"
    expect(popup.locator('section.group[data-group="move_on"]')).to_have_count(0)


def test_write_follow_up_opens_gmail_compose_with_the_draft(seeded, popup, extension_id, ext_context, service_worker):
    open_popup(popup, extension_id)
    with ext_context.expect_page() as opened:
        row(popup, "Alder Labs").get_by_role("button", name="Write follow-up").click()
    compose = opened.value
    # This machine has no internet, so the tab shows an error page; the address it was opened
    # with is in its navigation history (a route cannot catch a tab the extension opens itself).
    history = ext_context.new_cdp_session(compose).send("Page.getNavigationHistory")
    gmail = [e["url"] for e in history["entries"] if e["url"].startswith("https://mail.google.com/")]
    assert len(gmail) == 1, history
    url = urlsplit(gmail[0])
    query = parse_qs(url.query)
    assert url.path == "/mail/" and query["view"] == ["cm"] and query["fs"] == ["1"]
    assert query["to"] == ["sam@alder.test"]
    assert "Engineer" in query["su"][0] + query["body"][0]
    assert query["body"][0].startswith("Hi Sam") or "Sam" in query["body"][0]
    compose.close()
    # One instruction everywhere: sending from the compose window counts; Mark sent is for elsewhere.
    expect(popup.locator("#status")).to_have_text(
        "Your draft is open in a new tab. Sending it from that compose window counts by itself; "
        "Mark sent is for a follow-up you sent some other way.")


def test_add_interview_shows_parsed_dates_as_the_user_types(seeded, popup, extension_id, paired, screenshots):
    open_popup(popup, extension_id)
    toggle = popup.get_by_role("button", name="Add interview")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(popup.get_by_label("Company *")).to_be_focused()
    expect(popup.get_by_label("Interview date *")).to_have_value(TODAY)
    popup.get_by_label("Company *").fill("Juniper Bank")
    popup.get_by_label("Position *").fill("Risk Analyst")
    popup.get_by_label("Interviewer name").fill("Jo Juniper")
    popup.get_by_label("Interviewer e-mail").fill("jo@juniper.test")
    preview = popup.locator("#preview")
    expect(preview).to_contain_text("No timeline given")
    # Wed Mar 10 + "in one week" = Wed Mar 17; first follow-up the business day after, Thu 18 - Fri 19.
    popup.get_by_label("What did they say about timing?").press_sequentially("in one week", delay=20)
    expect(preview.locator(".decision")).to_have_text(day(popup, "2027-03-17"))
    expect(preview.locator(".first-follow-up")).to_have_text(f"{day(popup, '2027-03-18')} – {day(popup, '2027-03-19')}")
    popup.screenshot(path=screenshots / "popup-add-form.png", full_page=True)
    popup.set_viewport_size({"width": 400, "height": 780})
    popup.screenshot(path=screenshots / "readme-popup-add.png")

    popup.get_by_label("What did they say about timing?").fill("we'll be in touch")
    expect(preview).to_contain_text("We couldn't find a date in that")
    popup.get_by_label("What did they say about timing?").fill("by Friday")
    expect(preview.locator(".decision")).to_have_text(day(popup, "2027-03-12"))

    popup.get_by_role("button", name="Save interview").click()
    expect(popup.locator("#status")).to_contain_text("Saved Juniper Bank")
    created = [i for i in paired.api("GET", "/api/v1/interviews").json["interviews"] if i["company"] == "Juniper Bank"]
    assert len(created) == 1
    assert created[0]["decision_date"] == "2027-03-12" and created[0]["interviewer_email"] == "jo@juniper.test"
    # Interviewed today: first the thank-you note (its first follow-up, Mon Mar 15, comes after).
    expect_group(popup, "thank_you", ["Juniper Bank"])
    expect(row(popup, "Juniper Bank").locator(".when")).to_have_text(f"today; first follow-up from {day(popup, '2027-03-15')}")
    expect(popup.locator("#add-form")).to_be_hidden()


def test_add_interview_says_what_is_missing(seeded, popup, extension_id):
    open_popup(popup, extension_id)
    popup.get_by_role("button", name="Add interview").click()
    popup.get_by_label("Position *").fill("Engineer")
    popup.get_by_role("button", name="Save interview").click()
    company = popup.get_by_label("Company *")
    expect(company).to_have_attribute("aria-invalid", "true")
    expect(company).to_be_focused()
    expect(popup.locator("#e-company")).to_have_text("Enter the company.")
    # A field the backend refuses is shown beside that field, in plain words, without its id.
    company.fill("Kauri")
    popup.get_by_label("Interviewer e-mail").fill("not an address")
    popup.get_by_role("button", name="Save interview").click()
    expect(popup.get_by_label("Interviewer e-mail")).to_have_attribute("aria-invalid", "true")
    expect(popup.locator("#e-interviewer_email")).to_have_text("That does not look like an e-mail address (name@example.com).")


def test_a_future_interview_date_is_a_warning_not_a_refusal(seeded, popup, extension_id, paired, screenshots):
    open_popup(popup, extension_id)
    popup.get_by_role("button", name="Add interview").click()
    popup.get_by_label("Company *").fill("Larch Lane")
    popup.get_by_label("Position *").fill("Planner")
    popup.get_by_label("Interview date *").fill("2027-03-15")
    warning = popup.locator("#w-interview_date")
    expect(warning).to_have_text("Scheduled interview? We'll remind you to send a thank-you that day.")
    popup.screenshot(path=screenshots / "popup-future-date.png", full_page=True)
    popup.get_by_role("button", name="Save interview").click()
    expect(popup.locator("#status")).to_contain_text("Saved Larch Lane")
    assert any(i["company"] == "Larch Lane" for i in paired.api("GET", "/api/v1/interviews").json["interviews"])
    popup.get_by_role("button", name="Add interview").click()
    popup.get_by_label("Interview date *").fill("2027-03-09")
    expect(warning).to_be_hidden()


def test_a_long_timeline_previews_without_a_message_about_the_extension(seeded, popup, extension_id):
    open_popup(popup, extension_id)
    popup.get_by_role("button", name="Add interview").click()
    popup.get_by_label("What did they say about timing?").fill("we will decide in two weeks, " * 12)
    expect(popup.locator("#preview")).to_contain_text("Decision expected by")
    expect(popup.locator("#preview")).not_to_contain_text("malformed")


def test_company_with_markup_shows_as_text(paired, service_worker, popup, extension_id, screenshots):
    paired.clear()
    created = paired.api("POST", "/api/v1/interviews", {
        "company": XSS, "position": "<b>QA</b>", "interview_date": "2027-03-04",
        "interviewer_name": "<script>alert(2)</script>"})
    assert created.status == 201
    set_storage(service_worker, {"debugToday": TODAY})
    dialogs = []
    popup.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_popup(popup, extension_id)
    expect(popup.locator("li.row .company")).to_have_text(XSS)
    expect(popup.locator("li.row .position")).to_have_text(" — <b>QA</b>")
    expect(popup.locator("li.row .who")).to_contain_text("<script>alert(2)</script>")
    assert popup.locator("li.row img, li.row b, li.row script").count() == 0
    popup.wait_for_timeout(300)
    assert dialogs == []
    popup.screenshot(path=screenshots / "popup-markup-as-text.png", full_page=True)


def test_weekly_goal_and_i_applied(seeded, popup, extension_id, paired):
    before = paired.api("GET", f"/api/v1/applications?on={TODAY}").json
    open_popup(popup, extension_id)
    goal = popup.get_by_role("region", name="While you wait")
    expect(goal).to_contain_text("10–15 applications a week")
    expect(goal.locator("#goal-count")).to_have_text(f"This week: {before['count']} of {before['goal']} applications.")
    goal.get_by_role("button", name="I applied somewhere").click()
    expect(goal.locator("#goal-count")).to_have_text(f"This week: {before['count'] + 1} of {before['goal']} applications.")
    after = paired.api("GET", f"/api/v1/applications?on={TODAY}").json
    assert after["count"] == before["count"] + 1
    assert after["applications"][-1]["applied_on"] == TODAY


def test_empty_state(paired, service_worker, popup, extension_id, screenshots):
    paired.clear()
    set_storage(service_worker, {"debugToday": TODAY})
    open_popup(popup, extension_id)
    expect(popup.get_by_role("heading", name="Nothing to follow up on right now")).to_be_visible()
    expect(popup.locator("#state-text")).to_contain_text("add it with Add interview")
    expect(popup.get_by_role("button", name="Add interview")).to_be_visible()
    popup.screenshot(path=screenshots / "popup-empty.png", full_page=True)


def test_unpaired_state_points_to_the_options(paired, service_worker, popup, extension_id, ext_context, screenshots):
    store_token(service_worker, "")
    open_popup(popup, extension_id)
    expect(popup.get_by_role("heading", name="Not connected yet")).to_be_visible()
    expect(popup.locator("#state-text")).to_have_text("Pair the extension with your Follow-up Assistant in the options.")
    expect(popup.get_by_role("button", name="Add interview")).to_be_hidden()
    popup.screenshot(path=screenshots / "popup-unpaired.png", full_page=True)
    with ext_context.expect_page() as opened:
        popup.locator("#state").get_by_role("button", name="Open options").click()
    assert opened.value.url.endswith("/options/options.html")
    opened.value.close()


def test_backend_down_state_says_how_to_start_it(paired, service_worker, popup, extension_id, screenshots):
    dead = free_port()  # a port nobody listens on
    set_storage(service_worker, {"backendUrl": f"http://127.0.0.1:{dead}"})
    open_popup(popup, extension_id)
    expect(popup.get_by_role("heading", name="Can't reach the backend")).to_be_visible()
    text = popup.locator("#state-text").text_content()
    assert "`" not in text and popup.locator("#state-text code").count() == 0  # no code shown to users
    assert text.count("Try again") == 1, text  # once, and there is such a button
    expect(popup.locator("#state-text")).to_contain_text(f"looks for it at http://127.0.0.1:{dead}")
    popup.screenshot(path=screenshots / "popup-backend-down.png", full_page=True)
    set_storage(service_worker, {"backendUrl": paired.url})
    popup.get_by_role("button", name="Try again").click()
    expect(popup.get_by_role("heading", name="Can't reach the backend")).to_be_hidden()


def test_loading_then_a_backend_that_does_not_answer(paired, service_worker, popup, extension_id, screenshots):
    """A backend that accepts the connection but never answers: loading, then a timeout that says so."""
    with silent_server() as url:
        set_storage(service_worker, {"backendUrl": url})
        try:
            popup.goto(popup_url(extension_id))
            expect(popup.locator("#main")).to_have_attribute("aria-busy", "true")
            expect(popup.get_by_role("heading", name="Loading your follow-ups…")).to_be_visible()
            popup.screenshot(path=screenshots / "popup-loading.png")
            expect(popup.get_by_role("heading", name="Can't reach the backend")).to_be_visible(timeout=10_000)
            expect(popup.locator("#state-text")).to_contain_text("didn't answer within 5 seconds")
            expect(popup.locator("#main")).to_have_attribute("aria-busy", "false")
        finally:
            set_storage(service_worker, {"backendUrl": paired.url})


def test_keyboard_and_zoom(seeded, popup, extension_id, screenshots):
    open_popup(popup, extension_id)
    # Tab order reaches the first row's actions without a mouse, and Enter works them.
    popup.keyboard.press("Tab")
    expect(popup.get_by_role("button", name="All interviews")).to_be_focused()
    popup.keyboard.press("Tab")
    expect(popup.get_by_role("button", name="Options")).to_be_focused()
    popup.keyboard.press("Tab")
    expect(popup.get_by_role("button", name="Add interview")).to_be_focused()
    popup.keyboard.press("Tab")
    expect(popup.get_by_role("button", name="Why? (Birch & Co)")).to_be_focused()
    popup.keyboard.press("Enter")
    expect(row(popup, "Birch & Co").locator(".why")).to_be_visible()
    popup.keyboard.press("Tab")
    expect(row(popup, "Birch & Co").get_by_role("button", name="Write follow-up")).to_be_focused()
    # The menu by keyboard alone: open on its first item, arrows move, Escape returns to the button.
    popup.keyboard.press("Tab")
    more = row(popup, "Birch & Co").get_by_role("button", name="More actions for Birch & Co")
    expect(more).to_be_focused()
    popup.keyboard.press("Enter")
    items = row(popup, "Birch & Co").get_by_role("menuitem")
    expect(items.first).to_be_focused()
    popup.keyboard.press("ArrowDown")
    expect(items.nth(1)).to_be_focused()
    popup.keyboard.press("End")
    expect(items.last).to_be_focused()
    popup.keyboard.press("ArrowDown")
    expect(items.first).to_be_focused()
    popup.screenshot(path=screenshots / "popup-menu-open.png")
    popup.keyboard.press("Escape")
    expect(row(popup, "Birch & Co").get_by_role("menu")).to_be_hidden()
    expect(more).to_be_focused()
    # Mark sent from the keyboard: ArrowDown opens the menu; Enter on the item records it.
    popup.keyboard.press("ArrowDown")
    expect(items.first).to_have_text("Mark sent today")
    popup.keyboard.press("Enter")
    expect(popup.locator("#status")).to_have_text("Marked your follow-up to Birch & Co as sent.")
    # 200% zoom of a 400-pixel popup is 200 CSS pixels: nothing may need sideways scrolling.
    popup.set_viewport_size({"width": 200, "height": 720})
    overflow = popup.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    popup.screenshot(path=screenshots / "popup-zoom-200.png", full_page=True)


def test_dark_theme(seeded, popup, extension_id, screenshots):
    popup.emulate_media(color_scheme="dark")
    open_popup(popup, extension_id)
    background = popup.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(23, 25, 27)"
    popup.screenshot(path=screenshots / "popup-dark.png", full_page=True)
    popup.set_viewport_size({"width": 400, "height": 600})
    popup.screenshot(path=screenshots / "readme-popup-dark.png")


def test_the_popup_keeps_a_fixed_height_and_scrolls(paired, service_worker, popup, extension_id, interviews):
    paired.clear()
    for _ in range(12):
        interviews.make("overdue")
    set_storage(service_worker, {"debugToday": ""})
    popup.set_viewport_size({"width": 400, "height": 1400})
    open_popup(popup, extension_id)
    expect(popup.locator("li.row")).to_have_count(12)
    box = popup.evaluate("({height: document.body.getBoundingClientRect().height, scroll: document.body.scrollHeight})")
    assert box["height"] <= 600 < box["scroll"], box


def test_keyboard_only_add_an_interview(seeded, popup, extension_id, paired):
    open_popup(popup, extension_id)
    popup.keyboard.press("Tab")  # All interviews
    popup.keyboard.press("Tab")  # Options
    popup.keyboard.press("Tab")
    expect(popup.get_by_role("button", name="Add interview")).to_be_focused()
    popup.keyboard.press("Enter")
    expect(popup.get_by_label("Company *")).to_be_focused()
    popup.keyboard.type("Rowan Robotics")
    popup.keyboard.press("Tab")
    popup.keyboard.type("Firmware Engineer")
    popup.keyboard.press("Tab")
    popup.keyboard.type("Ro Rowan")
    popup.keyboard.press("Tab")
    popup.keyboard.type("ro@rowan.test")
    popup.keyboard.press("Tab")  # the interview date: today already
    expect(popup.get_by_label("Interview date *")).to_be_focused()
    popup.keyboard.press("Enter")  # submits the form, as Enter in a field does
    expect(popup.locator("#status")).to_contain_text("Saved Rowan Robotics")
    created = [i for i in paired.api("GET", "/api/v1/interviews").json["interviews"] if i["company"] == "Rowan Robotics"]
    assert len(created) == 1 and created[0]["interview_date"] == TODAY and created[0]["interviewer_email"] == "ro@rowan.test"


def test_a_scheduled_interview_comes_back_on_its_day_for_the_thank_you(paired, service_worker, popup, extension_id):
    paired.clear()
    paired.api("POST", "/api/v1/interviews", {"company": "Spruce Studio", "position": "Designer",
                                               "interview_date": "2027-03-12", "interviewer_email": "sam@spruce.test"})
    set_storage(service_worker, {"debugToday": TODAY})
    open_popup(popup, extension_id)
    expect(popup.locator('section.group[data-group="thank_you"]')).to_have_count(0)
    set_storage(service_worker, {"debugToday": "2027-03-12"})  # the day of the interview
    open_popup(popup, extension_id)
    expect_group(popup, "thank_you", ["Spruce Studio"])
    spruce = row(popup, "Spruce Studio")
    expect(spruce.locator(".action")).to_have_text("Thank-you note")
    expect(spruce.locator(".actions > button")).to_have_text(["Write thank-you"])
    expect(spruce.locator(".actions > button")).to_have_class("primary")


def test_one_menu_open_at_a_time_and_a_click_outside_closes_it(seeded, popup, extension_id):
    open_popup(popup, extension_id)
    menu_item(popup, "Birch & Co", "Mark sent today")
    expect(row(popup, "Birch & Co").get_by_role("menu")).to_be_visible()
    # The open menu covers the row below; Alder's button is reached with the keyboard.
    row(popup, "Alder Labs").get_by_role("button", name="More actions for Alder Labs").focus()
    popup.keyboard.press("Enter")
    expect(row(popup, "Birch & Co").get_by_role("menu")).to_be_hidden()
    expect(row(popup, "Alder Labs").get_by_role("menu")).to_be_visible()
    popup.get_by_role("heading", name="Follow-ups").click()
    expect(row(popup, "Alder Labs").get_by_role("menu")).to_be_hidden()
    expect(row(popup, "Alder Labs").get_by_role("button", name="More actions for Alder Labs")).to_have_attribute("aria-expanded", "false")


def test_a_reply_noticed_in_opened_mail_is_offered_on_its_row(seeded, popup, extension_id, paired, service_worker):
    cedar = seeded["Cedar Health"]
    set_storage(service_worker, {"messageHints": {str(cedar): {"kind": "reply", "on": "2027-03-09", "name": "Chris Cedar"}}})
    try:
        open_popup(popup, extension_id)
        line = row(popup, "Cedar Health").locator(".hint-line")
        expect(line).to_contain_text(f"Chris Cedar replied on {day(popup, '2027-03-09')}.")
        expect(row(popup, "Dogwood").locator(".hint-line")).to_have_count(0)
        line.get_by_role("button", name=f"Record the reply from Cedar Health on {day(popup, '2027-03-09')}").click()
        expect(row(popup, "Cedar Health")).to_have_count(0)
        assert paired.api("GET", f"/api/v1/interviews/{cedar}").json["reply_on"] == "2027-03-09"
        assert str(cedar) not in service_worker.evaluate("chrome.storage.local.get('messageHints')").get("messageHints", {})
        popup.get_by_role("button", name="Undo: Noted that Cedar Health replied. Good luck!").click()
        expect_group(popup, "due", ["Cedar Health", "Dogwood"])
    finally:
        set_storage(service_worker, {"messageHints": {}})
