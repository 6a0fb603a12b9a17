"""The extension in a real Firefox (Debian's firefox-esr, driven over WebDriver BiDi by e2e/bidi.py):
pairing in the options, the popup's due list, the Gmail and Outlook fixtures at their real
addresses (the Firefox paste path, built in the page's world, inserts into Outlook's RoosterJS),
one undo, Send recording once, adding a self-hosted site through the real permission request,
and the real Roundcube (both editors, a new mail and a reply to a received message) on it.

One Firefox serves the module: the tests run in file order and share its pairing (made by the
first test, through the options page, as a user pairs).
"""
import json
import time
from urllib.parse import urlparse

import pytest

from e2e.bidi import BiDiError, Firefox, firefox_binary, new_uuid
from e2e.conftest import EXTENSION, FIXTURES, NODE_MODULES, fixture_file
from e2e.roundcube.extension_copy import extension_copy
from e2e.roundcube.pages import BODY_TEXT, TEXT_BOX, lines_of, normalize, overlaps
from e2e.roundcube.server import PASSWORD, SIGNATURE, USER
from e2e.test_options import pairing_code

GECKO_ID = "followup-assistant@followup.local"
HOST = "webmail.test"
BUTTON = ("(() => { for (const host of document.querySelectorAll('[data-followup-assistant]')) {"
          " const b = host.shadowRoot && host.shadowRoot.querySelector('button');"
          " if (b) return b; } return null; })()")
BUTTONS = "document.querySelectorAll('[data-followup-assistant]').length"
PANEL_PATH = "/panel/panel.html"


class Panel:
    """The compose panel in a Firefox tab: an extension page (moz-extension://…/panel/panel.html)
    framed into the webmail inside a closed shadow root, so the page cannot reach it; BiDi finds
    its browsing context in the tab's tree (the Firefox counterpart of e2e/panel.py)."""

    DIALOG = "document.querySelector('[role=dialog]')"
    SHOWN = "(() => { const d = document.querySelector('[role=dialog]'); return !!d && !d.hidden; })()"

    def __init__(self, tab):
        self.tab, self.frame = tab, None

    def wait_open(self, timeout: float = 10):
        deadline = time.monotonic() + timeout
        while True:
            for url, frame in self.tab.frames():
                if urlparse(url).scheme == "moz-extension" and urlparse(url).path == PANEL_PATH:
                    try:
                        if frame.eval(self.SHOWN):
                            self.frame = frame
                            return self
                    except BiDiError:
                        pass  # still loading
            assert time.monotonic() < deadline, "the panel did not open"
            time.sleep(0.05)

    def text(self, selector: str = "") -> str:
        target = f"{self.DIALOG}.querySelector({selector!r})" if selector else self.DIALOG
        return self.frame.eval(f"(() => {{ const el = {target}; return el ? el.innerText : ''; }})()")

    def wait_text(self, selector: str, words: str, timeout: float = 10) -> str:
        try:
            return self.frame.wait_for(f"(() => {{ const el = {self.DIALOG}.querySelector({selector!r});"
                                       f" return el && el.innerText.includes({words!r}) && el.innerText; }})()",
                                       timeout=timeout, what=f"{words!r} in the panel's {selector}")
        except AssertionError as error:  # say what the panel showed instead
            raise AssertionError(f"{error}; the panel showed {self.text(selector)!r} in {selector}"
                                 f" and {self.text()!r} in all") from None

    def click(self, name: str) -> None:
        self.frame.click(f"[...{self.DIALOG}.querySelectorAll('button')].find((b) => b.textContent.trim() === {name!r})")

    def box(self) -> dict:
        """Where the panel's frame sits in the webmail page."""
        return self.tab.call("(el) => { const r = el.getBoundingClientRect();"
                             " return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }",
                             self.tab.frame_element(self.frame))


@pytest.fixture(scope="module")
def firefox(tmp_path_factory):
    if not firefox_binary():
        pytest.fail("No Firefox: install firefox-esr (`make test-deps`, as root) or set FOLLOWUP_FIREFOX.")
    if not (NODE_MODULES / "roosterjs").is_dir():
        pytest.fail("Editor bundles missing: run `cd e2e && npm ci` (make test does).")
    moz_host = new_uuid()
    profile = tmp_path_factory.mktemp("firefox-profile")
    browser = Firefox.launch(profile, prefs={
        "extensions.webextensions.uuids": f'{{"{GECKO_ID}": "{moz_host}"}}',  # pins moz-extension://<host>
        "network.dns.localDomains": HOST,  # webmail.test is loopback, as a self-hosted webmail on the LAN
        "network.proxy.no_proxies_on": f"localhost, 127.0.0.1, {HOST}",
    })
    browser.moz_host = moz_host
    extension = extension_copy(tmp_path_factory.mktemp("firefox-extension") / "extension")
    assert browser.install(extension) == GECKO_ID
    for host, site in (("mail.google.com", "gmail"), ("outlook.live.com", "outlook")):
        browser.serve(host, lambda url, site=site: fixture_file(FIXTURES / site, url))
    yield browser
    browser.close()


def page_url(firefox, path: str) -> str:
    return f"moz-extension://{firefox.moz_host}/{path}"


@pytest.fixture(scope="module")
def ff_paired(firefox, backend):
    """Paired through the options page, once for the module (what test_pairing checks)."""
    tab = firefox.new_tab(page_url(firefox, "options/options.html"))
    # The page fills the field from storage once loaded: type only after that, as a person would.
    tab.wait_for("document.getElementById('backend-url').value === 'http://127.0.0.1:8642'")
    tab.click("document.getElementById('backend-url')")
    tab.press("Control+a")
    tab.type(backend.url)
    tab.click("document.getElementById('pairing-code')")
    tab.type(pairing_code(backend))
    assert tab.eval("document.getElementById('backend-url').value") == backend.url
    tab.click("document.getElementById('pair')")
    try:
        tab.wait_for("!document.getElementById('paired').hidden")
    except AssertionError:
        shown = tab.eval("document.body.innerText")[:600]
        raise AssertionError(f"not paired; the options page says: {shown!r}") from None
    tab.firefox_options_text = tab.eval("document.getElementById('paired-text').innerText")
    yield tab
    tab.close()


def test_the_extension_installs_on_this_firefox(firefox):
    """The manifest's strict_min_version admits the Firefox under test (which installed it)."""
    manifest = json.loads((EXTENSION / "manifest.json").read_text())
    minimum = manifest["browser_specific_settings"]["gecko"]["strict_min_version"]
    major = lambda version: int(version.split(".")[0])
    assert major(firefox.version) >= major(minimum), (firefox.version, minimum)


def test_pairing_in_the_options(ff_paired, backend, screenshots):
    assert ff_paired.firefox_options_text == f"Paired with the backend at {backend.url}."
    ff_paired.click("document.getElementById('test')")
    message = ff_paired.wait_for("(() => { const t = document.getElementById('pair-message').innerText;"
                                 " return t.startsWith('Connected') && t; })()")
    assert "Connected: the backend answers" in message
    ff_paired.screenshot(screenshots / "firefox-options-paired.png")


def test_popup_lists_due_follow_ups(firefox, ff_paired, interviews, screenshots):
    due = interviews.make("due")
    tab = firefox.new_tab(page_url(firefox, "popup/popup.html"))
    try:
        tab.wait_for(f"document.body.innerText.includes({due['company']!r})", what="the due interview")
        tab.screenshot(screenshots / "firefox-popup.png")
    finally:
        tab.close()


def fixture_body(tab) -> str:
    return tab.eval("fixture.bodyText()") or ""


@pytest.mark.parametrize("site,url", [
    ("gmail", "https://mail.google.com/mail/u/0/#inbox"),  # a plain contenteditable: execCommand
    ("outlook", "https://outlook.live.com/mail/0/"),  # RoosterJS takes only a paste: built in the page's world
])
def test_fixture_site_insert_undo_send(firefox, ff_paired, interviews, screenshots, site, url):
    interview = interviews.make("due")
    tab = firefox.new_tab(url)
    try:
        tab.eval(f"fixture.compose({{to: [{{name: 'Anna Lee', email: {interview['interviewer_email']!r}}}]}})")
        tab.wait_for(f"{BUTTONS} === 1", what="one Follow-up assistant button")
        tab.click("document.querySelector(fixture.editable)")
        tab.press("Control+Home")
        tab.type("Hello ")
        tab.click(BUTTON)
        panel = Panel(tab).wait_open()
        panel.wait_text(".timing .title", "Due today")
        assert interview["company"] in panel.text()
        panel.wait_text(".draft-body", "Anna")  # the draft is in: Insert is ready
        lines = lines_of(panel.text(".draft-body"))
        panel.click("Insert draft")
        panel.wait_text("[role=status]", "inserted")
        body = normalize(fixture_body(tab))
        assert body.count(lines[0]) == 1 and body.index("Hello") < body.index(lines[0]), body
        tab.screenshot(screenshots / f"firefox-{site}-inserted.png")

        tab.click("document.querySelector(fixture.editable)")
        tab.press("Control+z")
        tab.wait_for(f"!fixture.normalize(fixture.bodyText()).includes({lines[0]!r})", what="undo to remove the draft")
        assert "Hello" in fixture_body(tab), "one undo keeps what the user typed"

        panel.click("Insert draft")
        panel.wait_text("[role=status]", "inserted")
        if site == "gmail":
            tab.click("document.querySelector(fixture.editable)")
            tab.press("Control+Enter")
        else:
            tab.click("document.querySelector(fixture.sendSelector)")
        sent = tab.wait_for("fixture.sent.length && fixture.sent", what="the fixture to send")
        assert len(sent) == 1 and lines[0] in normalize(sent[0]["text"])
        assert len(interviews.wait_for_follow_ups(interview["id"])) == 1, "Send records exactly one follow-up"
    finally:
        tab.close()


@pytest.fixture(scope="module")
def ff_roundcube(firefox, ff_paired, roundcube):
    """Roundcube added as a self-hosted site through the options page (the real permission
    request: a user gesture, granted without a prompt by the profile's pref); then logged in."""
    origin = f"http://{HOST}:{roundcube.http_port}"
    tab = firefox.new_tab(page_url(firefox, "options/options.html"))
    tab.call("(v) => { document.getElementById('site').value = v; }", origin + "/?_task=mail")
    tab.click("[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Add site')")
    added = tab.wait_for("(() => { const t = document.getElementById('site-message').innerText;"
                         " return t.startsWith('Added') && t; })()", what="the site to be added")
    assert added.startswith(f"Added {origin}")
    granted = tab.eval(f"browser.permissions.contains({{origins: ['http://{HOST}/*']}})")
    assert granted is True, "Firefox granted the host permission"
    tab.close()
    tab = firefox.new_tab(origin + "/")
    if tab.eval("!!document.getElementById('rcmloginuser')"):
        tab.call("(u, p) => { rcmloginuser.value = u; rcmloginpwd.value = p; }", USER, PASSWORD)
        tab.click("document.getElementById('rcmloginsubmit')")
        tab.wait_for("location.search.includes('_task=mail') && !!window.rcmail", what="Roundcube's mailbox")
    roundcube.set_signature(SIGNATURE)
    yield tab, origin
    tab.close()


def settle(tab) -> None:
    """Wait until the page Roundcube left behind has no request in flight: Roundcube keeps its
    compose session in the PHP session, and a late request of the previous page (the mailbox
    loading after a Send) can write the session back without the new compose id ("Requested
    compose session not found")."""
    tab.wait_for("document.readyState === 'complete' && (!window.rcmail || !rcmail.busy)",
                 timeout=30, what="Roundcube to finish its requests")


@pytest.mark.parametrize("html", [False, True], ids=["plain", "html"])
def test_roundcube_insert_undo_send(ff_roundcube, roundcube, interviews, screenshots, html):
    tab, origin = ff_roundcube
    roundcube.set_mode("elastic", html)
    interview = interviews.make("due")
    address = interview["interviewer_email"]
    settle(tab)
    tab.goto(origin + "/?_task=mail&_action=compose")
    tab.wait_for("!!document.querySelector('#compose_to .recipient-input input') && !!window.rcmail"
                 " && rcmail.env.action === 'compose'", timeout=30, what="Roundcube's compose page")
    if html:
        tab.wait_for("window.tinymce && tinymce.get('composebody') && tinymce.get('composebody').initialized",
                     timeout=30, what="TinyMCE")
    tab.click("document.querySelector('#compose_to .recipient-input input')")
    tab.type(address + ", ")
    editor = ("document.querySelector('#composebody_ifr')" if html else "document.querySelector('#composebody')")
    tab.click(editor)
    if html:  # keys go to the frame's body once it has focus
        tab.wait_for("document.activeElement && document.activeElement.id === 'composebody_ifr'")
    tab.press("Control+Home")
    tab.type("Hello Anna, ")
    tab.wait_for(f"{BUTTONS} === 1", what="one button")
    tab.click(BUTTON)
    panel = Panel(tab).wait_open()
    panel.wait_text(".timing .title", "Due today")
    panel.wait_text(".draft-body", "Anna")  # the draft is in: Insert is ready
    lines = lines_of(panel.text(".draft-body"))
    panel.click("Insert draft")
    panel.wait_text("[role=status]", "inserted")
    body = normalize(tab.eval(f"({BODY_TEXT})()"))
    assert body.count(lines[0]) == 1 and body.index("Hello Anna") < body.index(lines[0]), body
    assert body.index(lines[-1]) < body.rindex(SIGNATURE), "above the signature"
    assert tab.eval("document.getElementById('compose-subject').value"), "the empty subject is filled"
    where = panel.box()
    assert not overlaps(where, tab.eval(f"({TEXT_BOX})()")), "the panel leaves the editor's text visible"
    send = tab.eval("(() => { const r = document.querySelector('.formbuttons button.send').getBoundingClientRect();"
                    " return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; })()")
    assert not overlaps(where, send), "the panel leaves Send visible"
    tab.screenshot(screenshots / f"firefox-roundcube-{'html' if html else 'plain'}.png")

    tab.click(editor)
    tab.press("Control+z")
    tab.wait_for(f"!({BODY_TEXT})().replace(/\\s+/g, ' ').includes({lines[0]!r})", what="one undo")
    assert "Hello Anna" in tab.eval(f"({BODY_TEXT})()")

    panel.click("Insert draft")
    panel.wait_text("[role=status]", "inserted")
    tab.click("document.querySelector('.formbuttons button.send')")
    sent = roundcube.sink.wait_for(address)
    assert len(sent) == 1 and lines[0] in normalize(sent[0].text())
    assert len(interviews.wait_for_follow_ups(interview["id"])) == 1
    tab.wait_for("!location.search.includes('_action=compose')", what="Roundcube to leave the sent message")


@pytest.mark.parametrize("html", [False, True], ids=["plain", "html"])
def test_roundcube_reply_to_a_received_message(ff_roundcube, roundcube, interviews, html):
    tab, origin = ff_roundcube
    roundcube.set_mode("elastic", html)
    interview = interviews.make("due")
    address = interview["interviewer_email"]
    subject = f"Our interview {interview['id']} in Firefox"
    roundcube.deliver(address, subject, "Thanks for coming in.\nBest, Anna", sender_name="Anna Lee")
    settle(tab)
    tab.goto(f"{origin}/?_task=mail&_action=compose&_reply_uid={roundcube.inbox_uid(subject)}&_mbox=INBOX")
    try:
        tab.wait_for("!!window.rcmail && rcmail.env.action === 'compose' && "
                     + ("!!(window.tinymce && tinymce.get('composebody') && tinymce.get('composebody').initialized)"
                        if html else "true"), timeout=30, what="Roundcube's reply")
    except AssertionError:
        raise AssertionError(tab.eval("[location.href, document.title, window.rcmail && rcmail.env.action,"
                                      " document.body.innerText.slice(0, 300)]")) from None
    assert "Thanks for coming in." in tab.eval(f"({BODY_TEXT})()"), "the quoted message is there"
    tab.wait_for(f"{BUTTONS} === 1", what="one button")
    tab.click(BUTTON)
    panel = Panel(tab).wait_open()
    panel.wait_text(".timing .title", "Due today")
    panel.wait_text(".draft-body", "Anna")  # the draft is in: Insert is ready
    lines = lines_of(panel.text(".draft-body"))
    panel.click("Insert draft")
    panel.wait_text("[role=status]", "inserted")
    body = normalize(tab.eval(f"({BODY_TEXT})()"))
    assert body.count(lines[0]) == 1 and body.count("Thanks for coming in.") == 1, body
    assert body.index(lines[-1]) < body.rindex(SIGNATURE), "above the signature"
    assert tab.eval("document.getElementById('compose-subject').value") == f"Re: {subject}", "the subject is kept"
    tab.click("document.querySelector('.formbuttons button.send')")
    sent = roundcube.sink.wait_for(address)
    assert len(sent) == 1 and lines[0] in normalize(sent[0].text()) and "Thanks for coming in." in sent[0].text()
    assert len(interviews.wait_for_follow_ups(interview["id"])) == 1
    tab.wait_for("!location.search.includes('_action=compose')", what="Roundcube to leave the sent message")
