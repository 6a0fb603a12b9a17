"""The webmail fixture sites and what a person does in them, for every e2e test of a compose window.

Each fixture stands in for a webmail at its real address with the editor it uses (see
e2e/fixtures/*/index.html); the page's `window.fixture` reads the editor's own model. A test
module lists the sites it runs on as `SITES` (a name -> Site mapping), serves them, and asks for
the `webmail` fixture with a site's name:

    from e2e.webmail import SITES, webmail  # noqa: F401  (the page fixture)
    @pytest.mark.parametrize("webmail", ["gmail"], indirect=True)
    def test_something(webmail): ...
"""
import re
import time
from dataclasses import dataclass, field

import pytest

from e2e.panel import button_of, open_panel, panel_of


@dataclass(frozen=True)
class Site:
    origin: str
    fixture: str
    path: str
    opener: str = "compose"  # fixture.compose(...), .fullscreen(...) or .reply(...)
    options: dict = field(default_factory=dict)
    send_with: str = "click"  # "click" on Send, or "shortcut" (Ctrl+Enter)
    subject_shown: bool = True  # inline replies keep the thread's subject hidden
    signature: str = "Sam Doe"  # the fixture's signature: the draft must land above it


SITES = {
    "gmail": Site("https://mail.google.com", "gmail", "/mail/u/0/#inbox", send_with="shortcut"),
    "gmail-fullscreen": Site("https://mail.google.com", "gmail", "/mail/u/0/#inbox?compose=new", opener="fullscreen"),
    "gmail-reply": Site("https://mail.google.com", "gmail", "/mail/u/0/#inbox/FMfcg", opener="reply",
                        subject_shown=False),
    "outlook": Site("https://outlook.live.com", "outlook", "/mail/0/", send_with="shortcut"),
    "proton": Site("https://mail.proton.me", "proton", "/u/0/inbox", signature="Sent with Proton Mail"),
    "fastmail": Site("https://app.fastmail.com", "fastmail", "/mail/Inbox/"),
    "yahoo": Site("https://mail.yahoo.com", "yahoo", "/d/folders/1", signature="Sent from Yahoo Mail"),
}


def normalize(text: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", text or "").strip()


def draft_lines(body: str) -> list[str]:
    return [normalize(line) for line in body.split("\n") if normalize(line)]


def wait_for_selection(webmail, expected: str, seconds=5.0) -> str:
    """What is selected in the editor once it reads `expected` (made through the panel's port,
    a message later), or what it holds after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        selected = normalize(webmail.page.evaluate("() => String(document.getSelection())"))
        if selected == expected or time.monotonic() > deadline:
            return selected
        webmail.page.wait_for_timeout(50)


class Webmail:
    """A fixture page and what a person does in it."""

    def __init__(self, page, site: Site, name: str):
        self.page, self.site, self.name = page, site, name

    def open_compose(self, to_email: str, subject: str = "") -> None:
        args = {"to": [{"name": "Anna Lee", "email": to_email}], "subject": subject, **self.site.options}
        if self.site.opener == "reply" and not subject:
            args["subject"] = "Re: Our interview"
        self.page.evaluate(f"(args) => fixture.{self.site.opener}(args)", args)

    def editor(self):
        frame, editable = self.page.evaluate("[fixture.frame, fixture.editable]")
        return (self.page.frame_locator(frame) if frame else self.page).locator(editable)

    def type_at_start(self, text: str) -> None:
        editor = self.editor()
        editor.click()
        self.page.keyboard.press("Control+Home")
        self.page.keyboard.type(text)

    def body(self) -> str:
        return self.page.evaluate("fixture.bodyText()") or ""

    def subject(self) -> str:
        return self.page.evaluate("fixture.subject()")

    def button(self):
        return button_of(self.page)

    def panel(self):
        """The open panel's dialog (in its frame: e2e/panel.py)."""
        return panel_of(self.page)

    def open_panel(self):
        return open_panel(self.page)

    def send(self) -> None:
        if self.site.send_with == "shortcut":
            self.editor().focus()
            self.page.keyboard.press("Control+Enter")
        else:
            self.page.locator(self.page.evaluate("fixture.sendSelector")).click()

    def sent(self) -> list:
        return self.page.evaluate("fixture.sent")


@pytest.fixture
def webmail(ext_context, request):
    """A fresh page of one fixture site (the module's SITES), closed after the test."""
    site = request.module.SITES[request.param]
    page = ext_context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site.origin + site.path)
    yield Webmail(page, site, request.param)
    page.close()
    assert not errors, f"the page threw: {errors}"


ALL = pytest.mark.parametrize("webmail", list(SITES), indirect=True)


def settle(page, ms: int = 300) -> None:
    """Give the content script's observer time to react (it coalesces mutations for 80 ms)."""
    page.wait_for_timeout(ms)
