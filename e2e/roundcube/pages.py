"""What a person does in the real Roundcube, in Playwright terms (Chromium): start a browser with
the extension, add the site and log in, compose, type, read the editor back through Roundcube's own
model, send; and where things are on screen."""
import re

from playwright.sync_api import Page, expect

from e2e.conftest import launch_chromium
from e2e.roundcube.extension_copy import extension_copy
from e2e.roundcube.server import PASSWORD, USER

HOST = "webmail.test"  # a name of its own, mapped to loopback: the extension already holds 127.0.0.1

COMPOSE = "/?_task=mail&_action=compose"
SEND = {"elastic": ".formbuttons button.send", "larry": "#messagetoolbar a.send"}

# Page-world JS: the editor's text as Roundcube will send it (TinyMCE's model in HTML mode).
BODY_TEXT = """() => {
  const editor = window.tinymce && tinymce.get('composebody');
  return editor && !editor.isHidden() ? editor.getContent({format: 'text'}) : document.querySelector('#composebody').value;
}"""

# Page-world JS: the box of the text in the editor (the lines written so far), in page coordinates.
# A textarea gives no text geometry: a hidden copy with the same font and width measures it.
TEXT_BOX = """() => {
  const frame = document.querySelector('#composebody_ifr');
  if (frame && frame.getClientRects().length) {
    const doc = frame.contentDocument, range = doc.createRange();
    range.selectNodeContents(doc.body);
    const f = frame.getBoundingClientRect(), r = range.getBoundingClientRect();
    return {left: f.left, right: f.right, top: f.top + r.top, bottom: f.top + r.bottom};
  }
  const ta = document.querySelector('#composebody'), box = ta.getBoundingClientRect();
  const style = getComputedStyle(ta), copy = document.createElement('div');
  for (const p of ['font', 'letterSpacing', 'padding', 'border', 'boxSizing', 'lineHeight'])
    copy.style[p] = style[p];
  Object.assign(copy.style, {position: 'absolute', visibility: 'hidden', whiteSpace: 'pre-wrap',
                             wordWrap: 'break-word', width: `${ta.clientWidth}px`});
  copy.textContent = ta.value.replace(/\\n+$/, '') + '\\u200b';
  document.body.append(copy);
  const height = copy.getBoundingClientRect().height;
  copy.remove();
  return {left: box.left, right: box.right, top: box.top, bottom: box.top + height - ta.scrollTop};
}"""


def launch(pw, tmp_path_factory, without_adapters=()):
    """Chromium with a copy of the extension that already holds HOST's permission (what "Allow"
    grants: headless Chromium shows the permission prompt where no test can answer it)."""
    copy = extension_copy(tmp_path_factory.mktemp("extension") / "extension", hosts=(f"http://{HOST}/*",),
                          without_adapters=without_adapters)
    return launch_chromium(pw, tmp_path_factory.mktemp("profile"), copy,
                           args=(f"--host-resolver-rules=MAP {HOST} 127.0.0.1",))


def add_site_and_log_in(context, extension_id: str, roundcube) -> str:
    """Add Roundcube's address in the options page as a new user would, and log in once; its address."""
    address = f"http://{HOST}:{roundcube.http_port}"
    page = context.new_page()
    page.goto(f"chrome-extension://{extension_id}/options/options.html")
    page.get_by_label("Webmail address").fill(address + "/?_task=mail")
    page.get_by_role("button", name="Add site").click()
    expect(page.locator("#site-message")).to_contain_text(f"Added {address}")
    page.close()
    page = context.new_page()
    RoundcubePage(page, address, "elastic", False).login()
    page.close()
    return address


def normalize(text: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", text or "").strip()


def lines_of(text: str) -> list[str]:
    return [normalize(line) for line in (text or "").split("\n") if normalize(line)]


def overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def box_of(locator) -> dict:
    b = locator.bounding_box()
    return {"left": b["x"], "top": b["y"], "right": b["x"] + b["width"], "bottom": b["y"] + b["height"]}


class RoundcubePage:
    """One Roundcube tab in Chromium at origin (http://webmail.test:<port>)."""

    def __init__(self, page: Page, origin: str, skin: str, html: bool):
        self.page, self.origin, self.skin, self.html = page, origin, skin, html

    def login(self) -> None:
        self.page.goto(self.origin + "/")
        if self.page.locator("#rcmloginuser").count():
            self.page.fill("#rcmloginuser", USER)
            self.page.fill("#rcmloginpwd", PASSWORD)
            self.page.click("#rcmloginsubmit")
            self.page.wait_for_url(re.compile(r"_task=mail"))

    def open(self, path: str = COMPOSE) -> None:
        self.page.goto(self.origin + path)
        expect(self.page.locator("#compose-subject")).to_be_visible()
        if self.html:
            self.page.wait_for_function("() => window.tinymce && tinymce.get('composebody') "
                                        "&& tinymce.get('composebody').initialized")

    def add_recipient(self, address: str) -> None:
        """Type the address in To as a person does (elastic turns it into a chip on the comma)."""
        field = self.page.locator("#compose_to .recipient-input input" if self.skin == "elastic" else "textarea#_to")
        field.click()
        self.page.keyboard.type(address + ", ")

    def editor(self):
        if self.html:
            return self.page.frame_locator("#composebody_ifr").locator("body#tinymce")
        return self.page.locator("textarea#composebody")

    def type_at_start(self, text: str) -> None:
        self.editor().click()
        self.page.keyboard.press("Control+Home")
        self.page.keyboard.type(text)

    def body(self) -> str:
        return self.page.evaluate(BODY_TEXT) or ""

    def subject(self) -> str:
        return self.page.locator("#compose-subject").input_value()

    def send_button(self):
        return self.page.locator(SEND[self.skin])

    def text_box(self) -> dict:
        return self.page.evaluate(TEXT_BOX)

    def undo(self) -> None:
        self.editor().focus()
        self.page.keyboard.press("Control+z")
