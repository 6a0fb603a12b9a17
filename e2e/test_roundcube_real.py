"""The assistant on a real Roundcube 1.6 (Debian's package, served by PHP on loopback, dovecot
IMAP, an SMTP sink), in Chromium: both skins (elastic, larry), both editors (plain, HTML), a new
mail and a reply to a received one; served by the Roundcube adapter, and again by the generic
adapter with the Roundcube adapter switched off (a test-only copy of the extension).

The site is added through the options page as a new user would. Headless Chromium cannot answer
the browser's permission prompt, so the extension copy holds that one host permission up front
(what "Allow" grants); the Firefox suite (test_firefox.py) runs the real prompt-free grant.
"""
import time

import pytest
from playwright.sync_api import expect

from e2e.panel import frame_rect, panel_of
from e2e.roundcube.pages import (
    RoundcubePage,
    add_site_and_log_in,
    box_of,
    launch,
    lines_of,
    normalize,
    overlaps,
)
from e2e.roundcube.server import SIGNATURE

MODES = [("elastic", False), ("elastic", True), ("larry", False), ("larry", True)]
IDS = [f"{skin}-{'html' if html else 'plain'}" for skin, html in MODES]
BUTTON = "Follow-up assistant"


@pytest.fixture(scope="module", params=["roundcube", "generic"])
def adapter(request):
    """Which adapter serves Roundcube: its own, or the generic one (Roundcube's switched off)."""
    return request.param


@pytest.fixture(scope="module")
def ext_context(pw, tmp_path_factory, adapter):
    context = launch(pw, tmp_path_factory, without_adapters=() if adapter == "roundcube" else ("roundcube",))
    yield context
    context.close()


@pytest.fixture(scope="module")
def origin(roundcube, ext_context, extension_id, service_worker):
    """Roundcube's address, added in the options page; the user logged in once, with a signature."""
    address = add_site_and_log_in(ext_context, extension_id, roundcube)
    roundcube.set_signature(SIGNATURE)
    return address


@pytest.fixture
def mail(ext_context, origin, roundcube, request):
    """A logged-in Roundcube tab in the requested (skin, html) mode; no page error allowed."""
    skin, html = request.param
    roundcube.set_mode(skin, html)
    page = ext_context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield RoundcubePage(page, origin, skin, html)
    page.close()
    assert not errors, f"the page threw: {errors}"


def check_clear_of_send_and_text(mail) -> None:
    """The panel (its frame) covers neither Send nor the text written in the editor."""
    box = frame_rect(mail.page)
    where = {"left": box["x"], "top": box["y"], "right": box["x"] + box["width"], "bottom": box["y"] + box["height"]}
    assert not overlaps(where, box_of(mail.send_button())), f"the panel covers Send: {where}"
    text = mail.text_box()
    assert not overlaps(where, text), f"the panel covers the editor's text: {where} / {text}"


@pytest.mark.parametrize("mail", MODES, ids=IDS, indirect=True)
def test_new_mail_button_panel_insert_undo_send(mail, paired, interviews, roundcube, adapter, screenshots):
    interview = interviews.make("due")
    address = interview["interviewer_email"]
    mail.open()
    mail.add_recipient(address)
    mail.type_at_start("Hello Anna, ")
    button = mail.page.get_by_role("button", name=BUTTON, exact=True)
    expect(button).to_have_count(1)
    mail.page.wait_for_timeout(300)  # typing changed the page: still one button
    expect(button).to_have_count(1)
    assert "Follow-up" not in mail.body()

    button.click()  # a real click: Playwright fails it if anything of Roundcube's covers the button
    panel = panel_of(mail.page)
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(interview["company"])
    expect(panel.locator(".timing .title")).to_have_text("Due today")
    check_clear_of_send_and_text(mail)
    draft = panel.locator(".draft-body").inner_text()
    draft_subject = panel.locator(".draft-subject").text_content().replace("Subject: ", "", 1)
    lines = lines_of(draft)

    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_contain_text("inserted")
    body = normalize(mail.body())
    for line in lines:
        assert line in body, f"draft line missing from Roundcube's editor: {line!r} in {body!r}"
    assert body.index("Hello Anna") < body.index(lines[0]), "what the user typed stays, before the draft"
    assert body.count(lines[0]) == 1, "inserted once"
    assert body.index(lines[-1]) < body.rindex(SIGNATURE), "the draft lands above Roundcube's signature"
    assert mail.subject() == draft_subject, "the empty subject is filled"
    check_clear_of_send_and_text(mail)
    mail.page.screenshot(path=str(screenshots / f"roundcube-{adapter}-{mail.skin}-{'html' if mail.html else 'plain'}.png"))

    mail.undo()
    deadline = time.monotonic() + 3
    while lines[0] in normalize(mail.body()) and time.monotonic() < deadline:
        mail.page.wait_for_timeout(50)
    after = normalize(mail.body())
    assert lines[0] not in after and "Hello Anna" in after, f"one undo removes only the draft: {after!r}"

    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_contain_text("inserted")
    mail.send_button().click()
    sent = roundcube.sink.wait_for(address)
    assert len(sent) == 1, "Roundcube delivered the mail"
    text = normalize(sent[0].text())
    assert "Hello Anna" in text and lines[0] in text, text
    assert text.index(lines[-1]) < text.rindex(SIGNATURE), "above the signature in the sent mail"
    assert len(interviews.wait_for_follow_ups(interview["id"])) == 1, "Send records exactly one follow-up"


@pytest.mark.parametrize("mail", MODES, ids=IDS, indirect=True)
def test_reply_to_a_received_message(mail, paired, interviews, roundcube, adapter, screenshots):
    interview = interviews.make("due")
    address = interview["interviewer_email"]
    subject = f"Our interview {interview['id']}"
    roundcube.deliver(address, subject, "Thanks for coming in.\nBest, Anna", sender_name="Anna Lee")
    uid = roundcube.inbox_uid(subject)
    mail.open(f"/?_task=mail&_action=compose&_reply_uid={uid}&_mbox=INBOX")
    assert "Thanks for coming in." in mail.body(), "the quoted message is there"

    mail.page.get_by_role("button", name=BUTTON, exact=True).click()
    panel = panel_of(mail.page)
    expect(panel).to_contain_text(interview["company"])
    check_clear_of_send_and_text(mail)
    draft = lines_of(panel.locator(".draft-body").inner_text())
    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_contain_text("inserted")
    body = normalize(mail.body())
    assert body.count(draft[0]) == 1 and body.count("Thanks for coming in.") == 1, body
    assert body.index(draft[-1]) < body.rindex(SIGNATURE), "above the signature"
    assert mail.subject() == f"Re: {subject}", "the reply's subject is kept"
    check_clear_of_send_and_text(mail)
    mail.page.screenshot(path=str(screenshots / f"roundcube-{adapter}-{mail.skin}-{'html' if mail.html else 'plain'}-reply.png"))

    mail.send_button().click()
    sent = roundcube.sink.wait_for(address)
    assert len(sent) == 1
    text = normalize(sent[0].text())
    assert draft[0] in text and "Thanks for coming in." in text, text
    assert len(interviews.wait_for_follow_ups(interview["id"])) == 1
