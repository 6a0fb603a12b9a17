"""Noticing an interview in opened mail in a real Firefox (firefox-esr over WebDriver BiDi): on
the Gmail fixture, opening an invitation shows the prompt (moz-extension page in a closed shadow
root), "Track this interview" opens the form filled in, and saving creates the interview."""
import time
from datetime import date, timedelta
from urllib.parse import urlparse

from e2e.bidi import BiDiError
from e2e.conftest import awaiting_reply
from e2e.test_firefox import ff_paired, firefox  # noqa: F401 - the module's Firefox, paired
from e2e.test_mail_prompt import invitation

PROMPT_PATH = "/prompt/prompt.html"


def prompt_frame(tab, timeout: float = 15):
    deadline = time.monotonic() + timeout
    while True:
        for url, frame in tab.frames():
            if urlparse(url).scheme == "moz-extension" and urlparse(url).path == PROMPT_PATH:
                try:
                    if frame.eval("document.querySelector('#prompt > *') !== null"):
                        return frame
                except BiDiError:
                    pass  # still loading
        assert time.monotonic() < deadline, "no prompt appeared"
        time.sleep(0.1)


def button(name: str) -> str:
    return f"[...document.querySelectorAll('button')].find((b) => b.textContent === {name!r})"


def test_an_invitation_in_firefox_offers_to_track_it(firefox, ff_paired, backend):  # noqa: F811
    backend.clear()
    today = date.today()
    interview_day = today + timedelta(days=9)
    tab = firefox.new_tab("https://mail.google.com/mail/u/0/#inbox")
    try:
        tab.wait_for("window.fixture && typeof window.fixture.inbox === 'function'")
        message = invitation(today, interview_day, "ff-inv-1")
        tab.eval(f"fixture.inbox([{__import__('json').dumps(message)}])")
        tab.click("document.querySelector(\"[data-test-row='ff-inv-1']\")")
        frame = prompt_frame(tab)
        assert "Interview invitation spotted." in frame.eval("document.body.innerText")
        frame.click(button("Track this interview"))
        frame.wait_for("document.querySelector('input[name=company]') !== null")
        values = frame.eval("Object.fromEntries([...document.querySelectorAll('input')].map((i) => [i.name, i.value]))")
        assert values["company"] == "Acme" and values["position"] == "Product Designer"
        assert values["interview_date"] == interview_day.isoformat() and values["interview_time"] == "13:30"
        frame.click(button("Save interview"))
        frame.wait_for("document.body.innerText.includes('Tracking Acme')")
        (saved,) = backend.api("GET", "/api/v1/interviews").json["interviews"]
        assert saved["interview_date"] == interview_day.isoformat()
    finally:
        tab.close()


def test_a_reply_with_no_job_words_in_firefox_offers_to_stop_reminders(firefox, ff_paired, backend):  # noqa: F811
    backend.clear()
    today = date.today()
    made = awaiting_reply(backend, company="Acme", position="Product Designer",
                          interviewer_name="Dana Okafor", interviewer_email="dana.ff@acme.example")
    message = {"id": "ff-re-1", "from_name": "Dana Okafor", "from_email": "dana.ff@acme.example",
               "subject": "Re: Tuesday", "date": today.strftime("%a, %b %-d, %Y, 10:15 AM"),
               "text": "Sounds good, talk soon!"}
    tab = firefox.new_tab("https://mail.google.com/mail/u/0/#inbox")
    try:
        tab.wait_for("window.fixture && typeof window.fixture.inbox === 'function'")
        tab.eval(f"fixture.inbox([{__import__('json').dumps(message)}])")
        # The row's first cell: with a short subject, the row's centre falls between its cells.
        tab.click("document.querySelector(\"[data-test-row='ff-re-1'] td\")")
        frame = prompt_frame(tab)
        assert "replied on" in frame.eval("document.body.innerText")
        frame.click(button("Stop reminders"))
        frame.wait_for("document.body.innerText.includes('Reminders stopped')")
        stored = backend.api("GET", f"/api/v1/interviews/{made['id']}").json
        assert stored["reply_on"] == today.isoformat()
    finally:
        tab.close()
