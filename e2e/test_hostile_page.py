"""A hostile webmail page: a script in the page's own world (an XSS in the webmail, a hostile
self-hosted webmail, another extension's page script) tries everything against the assistant —
walks every shadow root and frame, reads the panel frame's document, clicks and types, dispatches
synthetic events on the button, the panel frame, Send and the send shortcut (stopping the webmail
from seeing them), posts messages to every frame, and reads storage — and gets none of the user's
interviews or drafts and records nothing, while the user's own clicks still work: a real click on
Send records exactly one follow-up."""
import time

import pytest
from playwright.sync_api import expect

from e2e.panel import panel_frames, panel_of
from e2e.webmail import SITES as ALL_SITES
from e2e.webmail import webmail  # noqa: F401  (the page fixture)

SITES = {"gmail": ALL_SITES["gmail"]}
GMAIL = pytest.mark.parametrize("webmail", ["gmail"], indirect=True)

# Everything the page's world can read: the text and attributes of every node, through every open
# shadow root and every frame whose document it can reach; what it could not reach is listed.
READ_EVERYTHING = """() => {
  const seen = [];
  const blocked = [];
  const walk = (root) => {
    for (const node of root.querySelectorAll('*')) {
      seen.push(node.textContent || '');
      for (const attr of node.attributes) seen.push(attr.value);
      if (node.value) seen.push(String(node.value));
      if (node.shadowRoot) walk(node.shadowRoot);
      if (node.tagName === 'IFRAME') {
        try { walk(node.contentDocument); } catch (err) { blocked.push('iframe.contentDocument: ' + err.name); }
      }
    }
  };
  walk(document);
  for (let i = 0; i < window.frames.length; i += 1) {
    try { walk(window.frames[i].document); } catch (err) { blocked.push('frames[' + i + '].document: ' + err.name); }
  }
  const hosts = [...document.querySelectorAll('[data-followup-assistant-panel]')];
  return {
    text: seen.join('\\n'),
    blocked,
    frames: window.frames.length,
    iframesInDom: [...document.querySelectorAll('iframe')].length,
    panelShadowRoots: hosts.map((h) => h.shadowRoot === null ? 'closed' : 'open'),
    storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    chromeStorage: typeof chrome !== 'undefined' && !!chrome.storage,
  };
}"""

# Synthetic input on our button, on the panel's host and frame, and messages posted to every frame.
POKE = """() => {
  const button = document.querySelector('[data-followup-assistant]').shadowRoot.querySelector('button');
  for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) {
    button.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
  }
  button.click();
  button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  const host = document.querySelector('[data-followup-assistant-panel]');
  host.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  host.dispatchEvent(new KeyboardEvent('keydown', { key: '@', bubbles: true }));
  for (const w of [window, ...Array.from({ length: window.frames.length }, (_, i) => window.frames[i])]) {
    for (const type of ['cs-panel-open', 'panel-cs-insert', 'cs-panel-context']) {
      w.postMessage({ type, id: 1, recipients: { to: ['@'], names: [] }, draft: { subject: 'forged', body: 'FORGED BODY', action: 'first_follow_up' }, interview: { id: 1, company: 'x' } }, '*');
    }
    try { w.focus(); } catch (err) { /* cross-origin */ }
  }
  return true;
}"""

# A forged send: a synthetic click on Send and a synthetic Ctrl+Enter in the editor, each stopped
# at the window so the webmail itself never sees it (no mail leaves).
FORGE_SEND = """() => {
  // Stopped just above Send and the editor (below the compose window, where the assistant
  // listens), so the assistant sees each event and the webmail does not.
  const send = document.querySelector(fixture.sendSelector);
  const editor = document.querySelector(fixture.editable);
  const stop = (e) => { if (!e.isTrusted) e.stopImmediatePropagation(); };
  const guards = [send.parentElement, editor.parentElement];
  for (const g of guards) { g.addEventListener('click', stop, true); g.addEventListener('keydown', stop, true); }
  send.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
  send.click();
  send.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
  for (const g of guards) { g.removeEventListener('click', stop, true); g.removeEventListener('keydown', stop, true); }
  return fixture.sent.length;
}"""

# The page tries the extension's own channels: runtime messaging by the pinned id (no
# externally_connectable, so there is none) — a made-up message to read interviews.
TRY_RUNTIME = """(id) => new Promise((resolve) => {
  if (typeof chrome === 'undefined' || !chrome.runtime || !chrome.runtime.sendMessage) return resolve('no runtime');
  try {
    chrome.runtime.sendMessage(id, { type: 'panel-bg-find-interviews', emails: ['@'] }, (answer) =>
      resolve(answer === undefined ? 'no answer' : JSON.stringify(answer)));
  } catch (err) { resolve('refused: ' + err.message); }
  setTimeout(() => resolve('no answer'), 1500);
})"""


@pytest.fixture(scope="module", autouse=True)
def gmail_served(serve_site):
    serve_site(SITES["gmail"].origin, "gmail")


def shown_panels(page) -> int:
    return sum(1 for frame in panel_frames(page)
               if frame.evaluate("() => !document.querySelector('[role=dialog]').hidden"))


@GMAIL
def test_the_page_reads_nothing_and_forges_nothing_while_the_users_clicks_work(
        webmail, paired, interviews, extension_id, screenshots):
    interview = interviews.make("due")
    bystander = interviews.make("due", company="Umbrella Unrelated")  # in the data, nothing to do with this mail
    page = webmail.page
    webmail.open_compose(interview["interviewer_email"])
    expect(webmail.button()).to_be_visible()
    page.wait_for_function("() => document.querySelector('[data-followup-assistant-panel]')")

    # Synthetic input on the button and the panel: nothing opens.
    page.evaluate(POKE)
    page.wait_for_timeout(500)
    assert shown_panels(page) == 0, "a synthetic click opened the panel"
    expect(webmail.button()).to_have_attribute("aria-expanded", "false")

    # The user opens the panel: the draft is there, for them.
    webmail.button().click()
    panel = panel_of(page)
    expect(panel.locator(".draft-body")).not_to_be_empty()
    draft_line = panel.locator(".draft-body").inner_text().split("\n")[0].strip()
    assert draft_line

    # Meanwhile the page reads all it can: nothing of the interview, the draft or any other one.
    seen = page.evaluate(READ_EVERYTHING)
    for secret in (interview["company"], draft_line, bystander["company"], bystander["interviewer_email"]):
        assert secret not in seen["text"], f"the page read {secret!r}"
        assert secret not in seen["storage"]
    assert seen["panelShadowRoots"] == ["closed"]
    # In a closed shadow root the frame is neither in the page's DOM nor in window.frames, so the
    # page holds no handle on it at all: not its document, not its WindowProxy (no postMessage,
    # no navigating it away).
    assert seen["iframesInDom"] == 0, "the panel's iframe is reachable from the page's DOM"
    assert seen["frames"] == 0, "the panel's frame is listed in window.frames"
    assert seen["chromeStorage"] is False
    assert page.evaluate(TRY_RUNTIME, extension_id) in ("no runtime", "no answer") or \
        page.evaluate(TRY_RUNTIME, extension_id).startswith("refused")

    # Messages posted to every window the page can reach do nothing: no forged text arrives in the editor.
    page.evaluate(POKE)
    page.wait_for_timeout(500)
    assert "FORGED BODY" not in webmail.body()
    expect(panel.locator(".draft-body")).to_contain_text(draft_line)  # the panel is still the user's

    # The user's real click inserts.
    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_contain_text("inserted")
    assert draft_line.split()[0] in webmail.body()

    # A forged Send and a forged Ctrl+Enter (hidden from the webmail): nothing sent, nothing recorded.
    assert page.evaluate(FORGE_SEND) == 0, "the forged events reached the webmail"
    time.sleep(1.5)
    assert interviews.follow_ups(interview["id"]) == [], "a synthetic Send recorded a follow-up"
    page.screenshot(path=str(screenshots / "hostile-page-after-forgery.png"))

    # The user's real click on Send records exactly one follow-up.
    page.locator(page.evaluate("fixture.sendSelector")).click()
    assert len(webmail.sent()) == 1
    deadline = time.monotonic() + 8
    while not interviews.follow_ups(interview["id"]) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    assert len(interviews.follow_ups(interview["id"])) == 1
    assert interviews.follow_ups(bystander["id"]) == []


@GMAIL
def test_a_panel_the_page_removes_comes_back_fresh_on_the_next_click(webmail, paired, interviews):
    """The page can remove our panel's host from its DOM; the next click opens a new panel of ours."""
    interview = interviews.make("due")
    page = webmail.page
    webmail.open_compose(interview["interviewer_email"])
    expect(webmail.button()).to_be_visible()
    page.wait_for_function("() => document.querySelector('[data-followup-assistant-panel]')")
    page.evaluate("() => document.querySelector('[data-followup-assistant-panel]').remove()")
    page.wait_for_timeout(300)
    webmail.button().click()
    panel = panel_of(page)
    expect(panel.locator(".timing .title")).to_have_text("Due today")
    expect(panel).to_contain_text(interview["company"])
