"""Noticing interviews in opened mail, in Chromium with the real extension and a live backend:
opening an invitation shows "Track this interview" with the form filled in; a newsletter shows
nothing and sends nothing; the interviewer's reply offers "stop reminders" (even one with no job
words, known by its sender); an out-of-office reply offers to move the next follow-up, first or
second; a calendar invitation's day and time win over dates in the text; dismissing is
remembered; the page cannot reach the prompt.
"""
import json
from datetime import date, datetime, timedelta

import pytest
from playwright.sync_api import expect

from backend.timing.business_days import add_business_days, next_business_day
from e2e.axe import blocking
from e2e.faults import fault_proxy, via_proxy  # noqa: F401  (fixtures)

SITES = {"gmail": "https://mail.google.com", "outlook": "https://outlook.live.com",
         "yahoo": "https://mail.yahoo.com", "proton": "https://mail.proton.me"}
PROMPT_PAGE = "/prompt/prompt.html"


class Recorder:
    """Every request the backend receives from the extension, path and body: the extension talks
    to the backend through the test proxy (e2e/faults.py, passing everything), which keeps them.
    (The backend runs in its own process: the test cannot wrap its app.)"""

    def __init__(self, proxy):
        self.proxy = proxy

    @property
    def seen(self) -> list[tuple[str, str]]:
        return [(s.path.split("?")[0], s.body.decode("utf-8", "replace")) for s in self.proxy.log]

    def inspected(self) -> list[str]:
        return [body for path, body in self.seen if path.endswith("/messages/inspect")]

    def clear(self):
        self.proxy.log.clear()


@pytest.fixture
def requests(mailbox, via_proxy):
    """After the mailbox (it pairs the extension straight with the backend), through the proxy."""
    return Recorder(via_proxy)


def written(day: date) -> str:
    """How the webmail writes a message's date: 'Tue, Dec 8, 2026, 10:15 AM'."""
    return datetime(day.year, day.month, day.day, 10, 15).strftime("%a, %b %-d, %Y, %-I:%M %p")


def shown(frame, day: date) -> str:
    """A day as the prompt writes it: the browser's own short form (its language decides)."""
    return frame.evaluate("(iso) => { const [y, m, d] = iso.split('-').map(Number); return new Date(y, m - 1, d)"
                          ".toLocaleDateString(undefined, {weekday: 'short', day: 'numeric', month: 'short'}); }",
                          day.isoformat())


def long_day(day: date) -> str:
    return day.strftime("%A, %B %-d")


@pytest.fixture
def mailbox(ext_context, serve_site, paired, backend):
    """mailbox(site, messages) -> a page of that webmail with those messages in its list."""
    pages = []
    backend.clear()
    for site, origin in SITES.items():
        serve_site(origin, site)

    def open_site(site, messages):
        page = ext_context.new_page()
        pages.append(page)
        page.goto(SITES[site] + "/")
        page.wait_for_function("() => Boolean(window.fixture && window.fixture.inbox)")
        page.evaluate("(m) => fixture.inbox(m)", messages)
        return page

    yield open_site
    for page in pages:
        page.close()


def open_row(page, message_id):
    page.locator(f"[data-test-row='{message_id}']").click()


def prompt_of(page, timeout=10_000):
    """The prompt's frame (an extension page in a closed shadow root), once it has content."""
    deadline = datetime.now() + timedelta(milliseconds=timeout)
    while datetime.now() < deadline:
        for frame in page.frames:
            if PROMPT_PAGE in frame.url:
                try:
                    frame.wait_for_selector("#prompt > *", timeout=2000)
                    return frame
                except Exception:
                    pass
        page.wait_for_timeout(100)
    raise AssertionError("no prompt appeared")


def click_closing(page, button):
    """A real mouse click on a button that closes the prompt: Playwright's locator click can wait
    forever on a frame that its own click removes, so click at the button's place on the page."""
    box = button.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def open_out_of_office(mailbox, country, message_id: str, subject: str, words: str):
    """Lee Chan's automatic reply, opened in the Outlook fixture: `words`, then the day they are
    back (three weeks on). Returns the prompt, that day, and the business day the follow-up
    would move to."""
    back = date.today() + timedelta(days=21)
    page = mailbox("outlook", [{"id": message_id, "from_name": "Lee Chan",
                                "from_email": "lee.chan@orbital.example",
                                "subject": subject, "date": written(date.today()),
                                "text": f"{words} {back.strftime('%B %-d, %Y')}."}])
    open_row(page, message_id)
    return prompt_of(page), back, next_business_day(back, country)


def followed_up_yesterday(backend, interviews) -> dict:
    """Dana Okafor's interview, due, with a follow-up sent yesterday: her next mail is a reply."""
    interview = interviews.make("due", interviewer_name="Dana Okafor",
                                interviewer_email="dana.okafor@acme.example")
    sent = backend.api("POST", f"/api/v1/interviews/{interview['id']}/follow-ups",
                       json={"sent_on": (date.today() - timedelta(days=1)).isoformat()})
    assert sent.status == 201, sent.json
    return interview


def no_prompt(page, wait_ms=2500):
    page.wait_for_timeout(wait_ms)  # the watcher looks 0.15, 0.7 and 2 s after the click
    assert not any(PROMPT_PAGE in frame.url for frame in page.frames)


def invitation(today: date, interview_day: date, msg_id="inv-1"):
    return {"id": msg_id, "from_name": "Dana Okafor", "from_email": "dana.okafor@acme.example",
            "subject": "Phone screen for the Product Designer role", "date": written(today),
            "text": "Hi Sam,\n\nI'd love to set up a 30-minute phone screen for the Product "
                    f"Designer role. Would {long_day(interview_day)} at 1:30 PM work for you?\n\n"
                    "Best,\nDana Okafor\nTalent Partner, Acme"}


@pytest.mark.parametrize("site", ["gmail", "outlook", "yahoo", "proton"])
def test_an_invitation_offers_to_track_it_with_the_form_filled_and_confirming_creates_it(
        mailbox, backend, requests, site, screenshots):
    today = date.today()
    interview_day = today + timedelta(days=9)
    page = mailbox(site, [invitation(today, interview_day)])
    open_row(page, "inv-1")
    prompt = prompt_of(page)
    expect(prompt.get_by_text("Interview invitation spotted.")).to_be_visible()
    page.screenshot(path=str(screenshots / f"mail-prompt-spotted-{site}.png"))
    prompt.get_by_role("button", name="Track this interview").click()
    values = {name: prompt.locator(f"input[name={name}]").input_value() for name in (
        "company", "position", "interview_date", "interview_time", "interviewer_name",
        "interviewer_email", "timeline")}
    assert values == {"company": "Acme", "position": "Product Designer",
                      "interview_date": interview_day.isoformat(), "interview_time": "13:30",
                      "interviewer_name": "Dana Okafor",
                      "interviewer_email": "dana.okafor@acme.example", "timeline": ""}
    page.screenshot(path=str(screenshots / f"mail-prompt-track-{site}.png"))
    assert blocking(prompt) == []  # axe: no serious or critical accessibility violation
    assert backend.api("GET", "/api/v1/interviews").json["interviews"] == []  # nothing saved yet
    prompt.get_by_role("button", name="Save interview").click()
    expect(prompt.get_by_text("Tracking Acme — Product Designer.")).to_be_visible()
    (saved,) = backend.api("GET", "/api/v1/interviews").json["interviews"]
    country = backend.country
    assert (saved["company"], saved["position"], saved["interview_date"]) == (
        "Acme", "Product Designer", interview_day.isoformat())
    assert saved["interviewer_email"] == "dana.okafor@acme.example"
    assert saved["notes"] == "Interview at 13:30."
    assert saved["schedule"]["next"]["action"] == "first_follow_up"
    assert saved["schedule"]["next"]["earliest"] == add_business_days(interview_day, 4, country).isoformat()
    # The message went to the backend once, and nothing of it is in the database's answer.
    assert len(requests.inspected()) == 1


def test_a_newsletter_or_personal_mail_shows_nothing_and_sends_nothing(mailbox, requests):
    today = date.today()
    page = mailbox("gmail", [
        {"id": "news", "from_name": "CareerWeekly", "from_email": "news@careerweekly.example",
         "subject": "5 questions to ask at the end of your interview", "date": written(today),
         "text": "This week: how to prepare for your next interview and what to say about "
                 "salary.\nJoin our webinar on Thursday.\n\nUnsubscribe"},
        {"id": "mum", "from_name": "Mum", "from_email": "mum@example.net", "subject": "Sunday",
         "date": written(today), "text": "Are you still coming for lunch on Sunday at 1?"},
    ])
    requests.clear()
    for row, sender in (("news", "news@careerweekly.example"), ("mum", "mum@example.net")):
        open_row(page, row)
        expect(page.locator("div.adn.ads span.gD")).to_have_attribute("email", sender)  # it opened
        no_prompt(page)
    assert requests.inspected() == []
    assert not any("careerweekly" in body or "lunch" in body for _, body in requests.seen)


def test_the_interviewers_reply_offers_to_stop_reminders_with_undo(mailbox, backend, interviews, requests):
    today = date.today()
    interview = followed_up_yesterday(backend, interviews)
    page = mailbox("gmail", [{"id": "re-1", "from_name": "Dana Okafor",
                              "from_email": "dana.okafor@acme.example",
                              "subject": "Re: Following up on the Product Designer role",
                              "date": written(today),
                              "text": "Hi Sam,\n\nThanks for checking in! We're still meeting a "
                                      "couple of candidates, so it'll be a few more days.\n\nDana"}])
    open_row(page, "re-1")
    prompt = prompt_of(page)
    expect(prompt.get_by_text(f"Dana Okafor replied on {shown(prompt, today)} — stop reminders?")).to_be_visible()
    assert blocking(prompt) == []
    prompt.get_by_role("button", name="Stop reminders").click()
    expect(prompt.get_by_text(f"Reminders stopped for {interview['company']}.")).to_be_visible()
    stored = backend.api("GET", f"/api/v1/interviews/{interview['id']}").json
    assert stored["reply_on"] == today.isoformat() and stored["schedule"]["next"] is None
    prompt.get_by_role("button", name="Undo").click()
    expect(prompt.get_by_role("button", name="Stop reminders")).to_be_visible()
    stored = backend.api("GET", f"/api/v1/interviews/{interview['id']}").json
    assert stored["reply_on"] is None and stored["schedule"]["next"] is not None


def test_an_out_of_office_reply_offers_to_move_the_follow_up_and_is_no_reply(mailbox, backend, interviews):
    today = date.today()
    interview = interviews.make("early", interviewer_name="Lee Chan",
                                interviewer_email="lee.chan@orbital.example",
                                interview_date=(today - timedelta(days=1)).isoformat(),
                                decision_date=None)
    prompt, back, move_to = open_out_of_office(
        mailbox, backend.country, "ooo-1", "Automatic reply: Thank you",
        "Thank you for your message. I am out of the office and will return on")
    expect(prompt.get_by_text(f"Lee Chan is away until {shown(prompt, back)}", exact=False)).to_be_visible()
    button = prompt.get_by_role("button", name=f"Follow up from {shown(prompt, move_to)}")
    assert blocking(prompt) == []
    button.click()
    expect(prompt.get_by_text("Next follow-up moved", exact=False)).to_be_visible()
    stored = backend.api("GET", f"/api/v1/interviews/{interview['id']}").json
    assert stored["reply_on"] is None  # an automatic reply is never a reply
    assert stored["schedule"]["next"]["earliest"] == move_to.isoformat()


def test_an_out_of_office_reply_moves_the_second_follow_up_too_and_undo_puts_it_back(
        mailbox, backend, interviews):
    today = date.today()
    interview = interviews.make("overdue", interviewer_name="Lee Chan",
                                interviewer_email="lee.chan@orbital.example")
    url = f"/api/v1/interviews/{interview['id']}"
    sent = backend.api("POST", f"{url}/follow-ups", json={"sent_on": today.isoformat()})
    assert sent.status == 201, sent.json
    second = sent.json["schedule"]["next"]
    assert second["action"] == "second_follow_up"
    prompt, back, move_to = open_out_of_office(
        mailbox, backend.country, "ooo-2", "Automatic reply: Following up",
        "I am on annual leave and will be back in the office on")
    prompt.get_by_role("button", name=f"Follow up from {shown(prompt, move_to)}").click()
    expect(prompt.get_by_text("Next follow-up moved", exact=False)).to_be_visible()
    stored = backend.api("GET", url).json
    assert stored["away_until"] == back.isoformat() and stored["reply_on"] is None
    assert stored["schedule"]["next"]["action"] == "second_follow_up"
    assert stored["schedule"]["next"]["earliest"] == move_to.isoformat()
    prompt.get_by_role("button", name="Undo").click()
    expect(prompt.get_by_role("button", name=f"Follow up from {shown(prompt, move_to)}")).to_be_visible()
    stored = backend.api("GET", url).json
    assert stored["away_until"] is None and stored["schedule"]["next"] == second


def test_a_reply_with_no_job_words_is_known_by_its_sender_and_only_their_address_is_asked_about(
        mailbox, backend, interviews, requests):
    today = date.today()
    interview = followed_up_yesterday(backend, interviews)
    short = "Sounds good, talk soon!"
    page = mailbox("gmail", [
        {"id": "mum", "from_name": "Mum", "from_email": "mum@example.net", "subject": "Re: Sunday",
         "date": written(today), "text": short},
        {"id": "own", "from_name": "Sam Lee", "from_email": "sam.lee@example.net",
         "subject": "Re: Tuesday", "date": written(today), "text": short},
        {"id": "re-2", "from_name": "Priya Nair", "from_email": "priya.nair@acme.example",
         "subject": "Re: Tuesday", "date": written(today), "text": short},
    ])
    requests.clear()
    for row, sender in (("mum", "mum@example.net"), ("own", "sam.lee@example.net")):
        open_row(page, row)  # someone else, and the user's own message: nothing to offer
        expect(page.locator("div.adn.ads span.gD")).to_have_attribute("email", sender)  # it opened
        no_prompt(page)
    paths = {path for path, _ in requests.seen}
    assert not any(path.endswith(("/messages/inspect", "/messages/reply")) for path in paths)
    assert not any(short in body or "example.net" in body for _, body in requests.seen)
    open_row(page, "re-2")  # a colleague at the interviewer's company: their reply
    prompt = prompt_of(page)
    expect(prompt.get_by_text(f"Dana Okafor replied on {shown(prompt, today)} — stop reminders?")).to_be_visible()
    replies = [body for path, body in requests.seen if path.endswith("/messages/reply")]
    assert len(replies) == 1 and short not in replies[0]  # the sender and the day, no text
    assert json.loads(replies[0])["from_email"] == "priya.nair@acme.example"
    assert requests.inspected() == []
    prompt.get_by_role("button", name="Stop reminders").click()
    expect(prompt.get_by_text(f"Reminders stopped for {interview['company']}.")).to_be_visible()
    assert backend.api("GET", f"/api/v1/interviews/{interview['id']}").json["reply_on"] == today.isoformat()


@pytest.mark.parametrize("site", ["gmail", "outlook"])
def test_a_calendar_invitation_gives_its_day_and_time_over_dates_in_the_text(
        mailbox, site, screenshots):
    today = date.today()
    interview_day = today + timedelta(days=12)
    other_day = today + timedelta(days=5)
    if site == "gmail":  # Google Calendar's invitation: "When" on its own line, the organiser marked
        subject = f"Invitation: Interview - Product Designer @ {interview_day.strftime('%a %b %-d, %Y')} 3pm - 4pm (EST)"
        block = ("Interview - Product Designer\nWhen\n"
                 f"{interview_day.strftime('%A %b %-d, %Y')} \u22c5 3pm \u2013 4pm (Eastern Time - New York)\n"
                 "Guests\nDana Okafor<mailto:dana.okafor@acme.example> - organizer\nsam@example.net\n"
                 "Invitation from Google Calendar")
    else:  # Outlook's meeting request: "When:" and "Where:" lines
        subject = "Interview - Product Designer"
        block = (f"When: {interview_day.strftime('%A, %B %d, %Y')} 03:00 PM-04:00 PM (UTC-05:00) "
                 "Eastern Time (US & Canada).\nWhere: Microsoft Teams Meeting\n*~*~*~*~*~*~*~*~*~*")
    page = mailbox(site, [{"id": "cal-1", "from_name": "Dana Okafor",
                           "from_email": "dana.okafor@acme.example", "subject": subject,
                           "date": written(today),
                           "text": f"Hi Sam, as discussed, here is the invitation for your interview "
                                   f"for the Product Designer role (not {long_day(other_day)} at 10 AM, "
                                   f"which no longer works for us).\n\n{block}"}])
    open_row(page, "cal-1")
    prompt = prompt_of(page)
    prompt.get_by_role("button", name="Track this interview").click()
    assert prompt.locator("input[name=interview_date]").input_value() == interview_day.isoformat()
    assert prompt.locator("input[name=interview_time]").input_value() == "15:00"
    assert prompt.locator("input[name=interviewer_email]").input_value() == "dana.okafor@acme.example"
    assert prompt.locator("input[name=company]").input_value() == "Acme"  # not "Google Calendar"
    page.screenshot(path=str(screenshots / f"mail-prompt-calendar-{site}.png"))


def test_dismissing_is_remembered_for_the_thread_without_sending_it_again(mailbox, requests):
    today = date.today()
    page = mailbox("gmail", [invitation(today, today + timedelta(days=9)),
                             {"id": "other", "from_name": "Mum", "from_email": "mum@example.net",
                              "subject": "Hi", "date": written(today), "text": "Lunch?"}])
    open_row(page, "inv-1")
    click_closing(page, prompt_of(page).get_by_role("button", name="Not now"))
    page.wait_for_function("() => !document.querySelector('[data-followup-assistant-prompt]')")
    requests.clear()
    open_row(page, "other")
    expect(page.locator("h2.hP")).to_have_text("Hi")  # the other message is the one shown
    open_row(page, "inv-1")
    no_prompt(page)
    assert requests.inspected() == []  # the dismissed thread is known by its hash alone
    stored = page.context.service_workers[0].evaluate("chrome.storage.local.get('dismissedThreads')")
    (hash_,) = stored["dismissedThreads"][-1:]
    assert len(hash_) == 64 and "inv-1" not in json.dumps(stored)


def test_the_page_cannot_reach_into_the_prompt(mailbox):
    today = date.today()
    page = mailbox("gmail", [invitation(today, today + timedelta(days=9), "inv-hostile")])
    open_row(page, "inv-hostile")
    prompt_of(page)
    reach = page.evaluate("""() => {
        const host = document.querySelector('[data-followup-assistant-prompt]');
        return {shadow: host.shadowRoot === null, frames: [...document.querySelectorAll('iframe')].length};
    }""")
    assert reach == {"shadow": True, "frames": 0}  # closed shadow root: the frame is out of reach
