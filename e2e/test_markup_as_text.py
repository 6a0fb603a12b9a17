"""Markup in the user's data shows as text (the browser half; the API half is in tests/).

Interview fields, the profile and what a user types carry `<img src=x onerror=...>`, `<script>`,
`"><svg onload=...>`, a `javascript:` link in the notes and right-to-left marks. In the compose
panel (Gmail's fixture, which enforces Trusted Types, and Outlook's, whose RoosterJS editor gets
the draft as pasted HTML), in the editor after Insert draft and in the mail sent, in the popup and
in the options page, each must read exactly as typed: no element made from it, no dialog, no
handler run, no request for its `src`. Every handler here would count itself in `window.__xss`
(the page's own world, where an injected handler runs) and open an alert.
"""
import re

import pytest
from playwright.sync_api import expect

from e2e.conftest import store_token
from e2e.webmail import SITES as ALL_SITES
from e2e.webmail import normalize, webmail  # noqa: F401  (the page fixture)

SITES = {name: ALL_SITES[name] for name in ("gmail", "outlook")}
PWNED = "window.__xss=(window.__xss||0)+1;alert(document.domain)"
IMG = f'<img src=x onerror="{PWNED}">'
SCRIPT = f"<script>{PWNED}</script>"  # no space: the greeting keeps the name's first word whole
SVG = f'"><svg onload="{PWNED}">'
JS_URL = f"javascript:{PWNED}"
RLO, PDF, RLM = "\u202e", "\u202c", "\u200f"  # right-to-left override, its end, right-to-left mark
HOSTILE_FIELDS = {
    "company": f"{IMG} {RLO}emcA{PDF} Ltd",
    "position": f"{SVG} Designer{RLM}",
    "interviewer_name": f"{SCRIPT} {RLM}Lee",
    "timeline": f"by <b>Friday</b> {IMG}",
    "notes": f"value: {IMG} I shipped a checkout redesign\narticle: {JS_URL}",
}
HOSTILE_PROFILE = {"name": f"{SCRIPT} Sam", "signature": f"Sam Doe {RLO}evil{PDF}\n{SVG}"}
# What markup would have made; the panel, the popup and the options use none of these themselves.
MADE = "img, script:not([src]), svg, iframe, object, embed, a[href], b"


def no_element_from_markup(locator):
    expect(locator.locator(MADE)).to_have_count(0)


class Watch:
    """Dialogs, requests for the markup's `src=x`, and CSP refusals seen on a page."""

    def __init__(self, page):
        self.page, self.dialogs, self.fetched = page, [], []
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: self.fetched.append(request.url)
                if re.search(r"/x(\?|$)", request.url) else None)
        # On extension pages the CSP would refuse an injected handler: count the refusals too.
        listen = ("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                  " (e) => window.__csp.push(e.violatedDirective + ' ' + e.sample));")
        page.add_init_script(listen)  # pages loaded from now on
        if page.url != "about:blank":
            page.evaluate(listen)  # the page already open

    def nothing_ran(self):
        self.page.wait_for_timeout(300)  # an image error or a load event would have fired by now
        assert self.dialogs == [], self.dialogs
        assert self.fetched == [], self.fetched
        assert self.page.evaluate("window.__xss") is None, "an injected handler ran in the page"
        assert self.page.evaluate("window.__csp") == [], "markup reached the page and the CSP refused it"


@pytest.fixture(scope="module", autouse=True)
def sites_served(serve_site):
    for site in SITES.values():
        serve_site(site.origin, site.fixture)


@pytest.fixture
def hostile_profile(paired):
    """The profile signed with markup, put back afterwards (the backend is shared)."""
    before = paired.api("GET", "/api/v1/profile").json
    assert paired.api("PUT", "/api/v1/profile", HOSTILE_PROFILE).status == 200
    yield HOSTILE_PROFILE
    paired.api("PUT", "/api/v1/profile", {"name": before["name"], "signature": before["signature"]})


@pytest.fixture
def hostile(interviews, hostile_profile):
    """A due interview whose every free-text field carries markup."""
    return interviews.make("due", **HOSTILE_FIELDS)


def today_draft(backend, interview):
    """The draft the panel shows, asked of the backend directly: the text to compare with."""
    from datetime import date

    answer = backend.api("POST", "/api/v1/drafts", {"interview_id": interview["id"], "on": date.today().isoformat()})
    assert answer.status == 200, answer.json
    return answer.json


# -- the compose panel, the editor and the mail sent ---------------------------------------------

@pytest.mark.parametrize("webmail", list(SITES), indirect=True)
def test_the_panel_the_editor_and_the_sent_mail_show_markup_as_text(webmail, paired, hostile, screenshots):
    watch = Watch(webmail.page)
    draft = today_draft(paired, hostile)
    for text in (IMG, SCRIPT, SVG, JS_URL):  # the draft carries them, so the panel must show them
        assert text in draft["body"] or text in draft["subject"], text
    webmail.open_compose(hostile["interviewer_email"])
    typed = f"My own note: {IMG} {RLO}stays{PDF} "
    webmail.type_at_start(typed)
    panel = webmail.open_panel()

    who = panel.locator(".who").first
    expect(who).to_have_text(f"{hostile['company']} — {hostile['position']}", use_inner_text=False)
    assert who.text_content() == f"{hostile['company']} — {hostile['position']}", "byte for byte, marks kept"
    expect(panel).to_contain_text(f"with {hostile['interviewer_name']}")
    body = panel.locator(".draft-body")
    expect(body).not_to_be_empty()
    # Both editors hold the webmail's signature (Gmail's .gmail_signature, Outlook's div#Signature):
    # the draft ends with its closing and adds no name or signature.
    head, _, last = draft["body"].rpartition("\n\n")
    draft = {**draft, "body": f"{head}\n\n{last.split(chr(10))[0]}"}
    assert body.text_content() == draft["body"], "the draft reads exactly as the backend wrote it"
    assert panel.locator(".draft-subject").text_content() == f"Subject: {draft['subject']}"
    no_element_from_markup(panel)
    panel.screenshot(path=str(screenshots / f"markup-panel-{webmail.name}.png"))

    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_contain_text("inserted")
    text = normalize(webmail.body())
    assert text.startswith(normalize(typed)), "the user's own markup-looking words are kept as typed"
    for line in draft["body"].split("\n"):
        assert normalize(line) in text, f"missing from the editor: {line!r}"
    assert webmail.subject() == draft["subject"]
    made = webmail.page.evaluate(
        """(selector) => {
          const frame = fixture.frame ? document.querySelector(fixture.frame).contentDocument : document;
          return frame.querySelector(fixture.editable).querySelectorAll(selector).length;
        }""", MADE)
    assert made == 0, "the editor holds text, not elements made from the draft"

    webmail.send()
    sent = webmail.sent()
    assert len(sent) == 1 and IMG in sent[0]["text"] and JS_URL in sent[0]["text"]
    assert sent[0]["subject"] == draft["subject"]
    watch.nothing_ran()


def test_checking_a_draft_quotes_markup_as_text(webmail_gmail, paired, hostile, screenshots):
    """Check my draft quotes the user's own words back: markup among them stays text."""
    webmail = webmail_gmail
    watch = Watch(webmail.page)
    webmail.open_compose(hostile["interviewer_email"])
    webmail.type_at_start(f"Hi {SCRIPT}, I need an answer by Friday {IMG} or I will accept another offer.")
    panel = webmail.open_panel()
    panel.get_by_role("button", name="Check my draft").click()
    findings = panel.get_by_role("list", name="Findings about your draft")
    expect(findings).to_be_visible()
    expect(findings.locator(".quote mark", has_text="I need an answer by Friday")).to_have_count(1)
    expect(findings).to_contain_text('I need an answer by Friday <img src=x onerror="')
    no_element_from_markup(panel)
    panel.screenshot(path=str(screenshots / "markup-panel-check.png"))
    watch.nothing_ran()


@pytest.fixture
def webmail_gmail(ext_context):
    """The Gmail fixture page, for a test that needs only that one."""
    from e2e.webmail import Webmail

    page = ext_context.new_page()
    page.goto(SITES["gmail"].origin + SITES["gmail"].path)
    yield Webmail(page, SITES["gmail"], "gmail")
    page.close()


# -- the toolbar popup -------------------------------------------------------------------------

def test_the_popup_shows_markup_as_text(paired, hostile, ext_context, extension_id, screenshots):
    page = ext_context.new_page()
    page.set_viewport_size({"width": 400, "height": 720})
    watch = Watch(page)
    page.goto(f"chrome-extension://{extension_id}/popup/popup.html")
    row = page.locator(f'li.row[data-id="{hostile["id"]}"]')
    expect(row).to_be_visible()
    assert row.locator(".company").text_content() == HOSTILE_FIELDS["company"]
    assert row.locator(".position").text_content() == f" — {HOSTILE_FIELDS['position']}"
    assert row.locator(".who").text_content().startswith(HOSTILE_FIELDS["interviewer_name"] + " · ")
    expect(row.get_by_role("group", name=f"Actions for {HOSTILE_FIELDS['company']}")).to_be_visible()
    no_element_from_markup(page.locator("#groups"))
    row.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "markup-popup-row.png"))

    # A refusal that quotes what the user typed shows it as text too.
    page.get_by_role("button", name="Add interview").click()
    page.get_by_label("Company *").fill(IMG)
    page.get_by_label("Position *").fill(SVG)
    bad_email = f'{SVG}@x.example'
    page.get_by_label("Interviewer e-mail").fill(bad_email)
    page.get_by_label("What did they say about timing?").fill(f"{IMG} {RLO}soon")
    page.get_by_role("button", name="Save interview").click()
    error = page.locator("#e-interviewer_email")
    expect(error).to_be_visible()
    expect(error).to_have_text("That does not look like an e-mail address (name@example.com).")
    expect(page.get_by_label("Interviewer e-mail")).to_have_value(bad_email)  # what was typed stays
    no_element_from_markup(page.locator("#add"))
    page.screenshot(path=str(screenshots / "markup-popup-refusal.png"), full_page=True)
    watch.nothing_ran()
    page.close()


# -- the options page --------------------------------------------------------------------------

def test_the_options_page_shows_markup_as_text(paired, hostile_profile, ext_context, extension_id,
                                               service_worker, screenshots):
    page = ext_context.new_page()
    page.set_viewport_size({"width": 720, "height": 900})
    watch = Watch(page)
    url = f"chrome-extension://{extension_id}/options/options.html"
    page.goto(url)
    expect(page.get_by_label("Name")).to_have_value(HOSTILE_PROFILE["name"])
    expect(page.get_by_label("Signature")).to_have_value(HOSTILE_PROFILE["signature"])
    no_element_from_markup(page.locator("main"))
    page.screenshot(path=str(screenshots / "markup-options-profile.png"), full_page=True)

    # Unpaired, the Backend URL field's refusals quote what was typed: as text.
    store_token(service_worker, "")
    try:
        page.reload()
        for typed, said in ((f'"><img src=x onerror="{PWNED}">', "is not a web address"),
                            (JS_URL, "its address starts with http://127.0.0.1 or http://localhost")):
            page.get_by_label("Backend URL").fill(typed)
            page.get_by_label("Pairing code").fill("123456")
            page.get_by_role("button", name="Pair").click()
            message = page.locator("#pair-message")
            expect(message).to_contain_text(said)
            if "web address" in said:
                assert typed in message.text_content()
            no_element_from_markup(page.locator("main"))
        page.screenshot(path=str(screenshots / "markup-options-backend-url.png"), full_page=True)
        stored = service_worker.evaluate("chrome.storage.local.get('backendUrl').then((s) => s.backendUrl)")
        assert stored == paired.url, "a refused address is never saved"
    finally:
        service_worker.evaluate("(url) => chrome.storage.local.set({backendUrl: url})", paired.url)
        store_token(service_worker, paired.token)
    watch.nothing_ran()
    page.close()
