"""Noticing an interview in a real Roundcube 1.6 (Debian's package, dovecot IMAP): an invitation
delivered into the INBOX and opened from the message list (the preview frame) shows the prompt
with the right fields; saving it creates the interview; the interviewer's short reply with no job
words offers "stop reminders". The site is added as a user adds it."""
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from e2e.conftest import awaiting_reply
from e2e.roundcube.pages import add_site_and_log_in, launch
from e2e.test_mail_prompt import long_day, no_prompt, prompt_of


@pytest.fixture(scope="module")
def ext_context(pw, tmp_path_factory):
    context = launch(pw, tmp_path_factory)
    yield context
    context.close()


@pytest.fixture(scope="module")
def origin(roundcube, ext_context, extension_id, service_worker):
    address = add_site_and_log_in(ext_context, extension_id, roundcube)
    roundcube.set_mode("elastic", False)
    return address


def open_from_list(page, origin, subject):
    page.goto(origin + "/?_task=mail&_mbox=INBOX")
    page.locator("#messagelist tr", has_text=subject).first.click()


def test_an_invitation_delivered_to_the_real_roundcube_shows_the_prompt(
        ext_context, origin, roundcube, paired, backend, screenshots):
    backend.clear()
    today = date.today()
    interview_day = today + timedelta(days=8)
    subject = f"Interview for the Data Engineer role {today.isoformat()}"
    roundcube.deliver("hcole@fernbank.example", subject, sender_name="Hannah Cole", text=(
        "Hi Sam,\n\nGreat news: the team would like to meet you for an onsite interview for the "
        f"Data Engineer position on {long_day(interview_day)} at 10am at our Market Street "
        "office.\n\nHannah Cole\nRecruiting, Fernbank\n"))
    page = ext_context.new_page()
    open_from_list(page, origin, subject)
    prompt = prompt_of(page, timeout=20_000)
    prompt.get_by_role("button", name="Track this interview").click()
    values = {name: prompt.locator(f"input[name={name}]").input_value()
              for name in ("company", "position", "interview_date", "interview_time",
                           "interviewer_email")}
    assert values == {"company": "Fernbank", "position": "Data Engineer",
                      "interview_date": interview_day.isoformat(), "interview_time": "10:00",
                      "interviewer_email": "hcole@fernbank.example"}
    page.screenshot(path=str(screenshots / "mail-prompt-roundcube.png"))
    prompt.get_by_role("button", name="Save interview").click()
    expect(prompt.get_by_text("Tracking Fernbank — Data Engineer.")).to_be_visible()
    (saved,) = backend.api("GET", "/api/v1/interviews").json["interviews"]
    assert saved["interview_date"] == interview_day.isoformat()
    assert saved["schedule"]["next"]["action"] == "first_follow_up"
    page.close()


def test_an_ordinary_message_in_the_real_roundcube_shows_nothing(ext_context, origin, roundcube, paired):
    subject = f"Lunch on Sunday {date.today().isoformat()}"
    roundcube.deliver("mum@example.net", subject, text="Are you still coming for lunch at 1?\n")
    page = ext_context.new_page()
    open_from_list(page, origin, subject)
    expect(page.frame_locator("#messagecontframe").locator("#messagebody")).to_contain_text("lunch")
    no_prompt(page)
    page.close()


def test_a_reply_with_no_job_words_in_the_real_roundcube_offers_to_stop_reminders(
        ext_context, origin, roundcube, paired, backend):
    backend.clear()
    today = date.today()
    made = awaiting_reply(backend, company="Fernbank", position="Data Engineer",
                          interviewer_name="Hannah Cole", interviewer_email="hcole@fernbank.example")
    subject = f"Re: Tuesday {today.isoformat()}"
    roundcube.deliver("hcole@fernbank.example", subject, sender_name="Hannah Cole",
                      text="Sounds good, talk soon!\n\nHannah\n")
    page = ext_context.new_page()
    open_from_list(page, origin, subject)
    prompt = prompt_of(page, timeout=20_000)
    expect(prompt.get_by_text("Hannah Cole replied on", exact=False)).to_be_visible()
    prompt.get_by_role("button", name="Stop reminders").click()
    expect(prompt.get_by_text("Reminders stopped for Fernbank.")).to_be_visible()
    assert backend.api("GET", f"/api/v1/interviews/{made['id']}").json["reply_on"] == today.isoformat()
    page.close()
