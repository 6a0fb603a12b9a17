"""The webmail's own signature and what the checker reads, on the webmail fixtures.

- On every fixture whose editor starts with the webmail's signature (each marked as that webmail
  marks it: Gmail's .gmail_signature, Outlook's div#Signature, Proton's block, Yahoo's and
  Fastmail's), Insert adds no name or signature of its own: the body holds exactly one
  signature, and the draft sits above it.
- "Check my draft" reads the whole text the user wrote, also a sentence typed after the
  signature (where the browser puts it inside the signature's element), and never the quoted
  thread; "Show in the editor" selects the flagged sentence below the signature.
"""
import pytest
from playwright.sync_api import expect

from e2e.webmail import SITES, draft_lines, normalize, wait_for_selection, webmail  # noqa: F401  (the page fixture)

PROFILE = {"name": "Sam Doe", "signature": "Sam Doe\nProduct designer"}
QUOTED = "I need an answer by Friday or I will accept another offer."  # an ultimatum, in the thread
TYPED_AFTER = "You people are rude and unprofessional."  # the user's, below the signature
CHECKED_SITES = ("gmail", "outlook")
# Where a line typed at the end of the signature goes: after its last text, as a user clicks there.
SIGNATURE_END = {"gmail": ".gmail_signature", "outlook": "#Signature"}


@pytest.fixture(scope="module", autouse=True)
def sites_served(serve_site):
    for site in SITES.values():
        serve_site(site.origin, site.fixture)


@pytest.fixture
def profile(paired):
    """The profile has a name and a signature of its own, which the draft must not add."""
    before = paired.api("GET", "/api/v1/profile").json
    assert paired.api("PUT", "/api/v1/profile", PROFILE).status == 200
    yield PROFILE
    paired.api("PUT", "/api/v1/profile", {"name": before["name"], "signature": before["signature"]})


@pytest.mark.parametrize("webmail", list(SITES), indirect=True)
def test_insert_with_the_webmails_signature_adds_none_and_goes_above_it(webmail, profile, interviews, screenshots):
    interview = interviews.make("due")
    webmail.open_compose(interview["interviewer_email"])
    panel = webmail.open_panel()
    draft = panel.locator(".draft-body").inner_text()
    assert "Product designer" not in draft and draft.rstrip().endswith(","), f"no sign-off under the closing: {draft!r}"
    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_contain_text("inserted")

    body = normalize(webmail.body())
    signature = webmail.site.signature
    assert body.count(signature) == 1, f"exactly one signature: {body!r}"
    assert "Product designer" not in body, "the profile's signature is not added"
    assert body.count(PROFILE["name"]) == signature.count(PROFILE["name"]), f"no name added: {body!r}"
    assert body.index(draft_lines(draft)[-1]) < body.index(signature), "the draft, then the webmail's signature"
    webmail.page.screenshot(path=str(screenshots / f"signature-{webmail.name}-inserted.png"))


# The caret at the end of the signature's last line (Chromium's evaluate and Firefox's BiDi call both),
# answered once the document has announced the new selection (the editors read it on
# selectionchange, a task after the change; keys pressed before it would land where the caret was).
CARET_AT_END = """async (selector) => {
    const announced = new Promise((resolve) => document.addEventListener('selectionchange', resolve, { once: true }));
    const sig = document.querySelector(selector);
    const walker = document.createTreeWalker(sig, NodeFilter.SHOW_TEXT);
    let last = null;
    while (walker.nextNode()) if (walker.currentNode.data.trim()) last = walker.currentNode;
    const range = document.createRange();
    range.setStart(last, last.data.length);
    range.collapse(true);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    const silence = new Promise((resolve, reject) => setTimeout(() => reject(new Error('no selectionchange')), 5000));
    await Promise.race([announced, silence]);
    await new Promise((resolve) => setTimeout(resolve)); // an editor may read it in a task of its own
}"""


def type_after_signature(webmail, text: str) -> None:
    """Click at the end of the signature's last line, press Enter and type (as a user does)."""
    webmail.editor().click()
    webmail.page.evaluate(CARET_AT_END, SIGNATURE_END[webmail.name])
    webmail.page.keyboard.press("Enter")
    webmail.page.keyboard.type(text)


@pytest.mark.parametrize("webmail", CHECKED_SITES, indirect=True)
def test_check_reads_text_after_the_signature_and_never_the_quoted_thread(webmail, paired, interviews, screenshots):
    interview = interviews.make("due")
    webmail.page.evaluate("(args) => fixture.compose(args)", {
        "to": [{"name": "Anna Lee", "email": interview["interviewer_email"]}], "subject": "Re: Our interview",
        "quote": QUOTED})
    # The assistant sees the compose window (and its signature, as first seen) before the user types.
    expect(webmail.button()).to_have_count(1)
    webmail.type_at_start("Hi Anna,\nThank you again for Tuesday's interview.")
    type_after_signature(webmail, TYPED_AFTER)
    body = normalize(webmail.body())
    assert body.index(webmail.site.signature) < body.index(TYPED_AFTER) < body.index(QUOTED), body

    panel = webmail.open_panel()
    panel.get_by_role("button", name="Check my draft").click()
    findings = panel.get_by_role("list", name="Findings about your draft")
    expect(findings).to_be_visible()
    texts = findings.locator("li.finding").all_inner_texts()
    flagged = findings.locator("li.finding.error", has_text="unprofessional")
    expect(flagged).to_have_count(1)
    # Its words are quoted on their own line: nothing of the sentence above the signature.
    expect(flagged.locator(".quote").first).to_have_text(TYPED_AFTER)
    assert not any("accept another offer" in t or "answer by Friday" in t for t in texts), \
        f"the quoted thread is not checked: {texts}"
    assert not any("Sam Doe" in t or "555 0100" in t for t in texts), f"nor the signature: {texts}"
    panel.screenshot(path=str(screenshots / f"panel-{webmail.name}-check-after-signature.png"))

    flagged.get_by_role("button", name="Show in the editor").click()
    selected = wait_for_selection(webmail, TYPED_AFTER)
    assert selected == TYPED_AFTER, f"the sentence below the signature is selected: {selected!r}"


@pytest.mark.parametrize("webmail", CHECKED_SITES, indirect=True)
def test_with_no_caret_the_draft_goes_after_the_users_words_and_above_the_signature(webmail, profile, interviews):
    """The user typed, then went to the subject: the draft follows their words, above the signature
    (Gmail wraps the user's lines and the signature in one block: the draft goes inside it)."""
    interview = interviews.make("due")
    webmail.open_compose(interview["interviewer_email"])
    expect(webmail.button()).to_have_count(1)
    webmail.type_at_start("A note of my own.")
    webmail.page.locator("input[name=subjectbox], input[aria-label='Add a subject']").first.click()
    panel = webmail.open_panel()
    lines = draft_lines(panel.locator(".draft-body").inner_text())
    panel.get_by_role("button", name="Insert draft").click()
    expect(panel.get_by_role("status")).to_contain_text("inserted")
    body = normalize(webmail.body())
    assert body.index("A note of my own.") < body.index(lines[0]) < body.index(lines[-1]) \
        < body.index(webmail.site.signature), body
    assert body.count(webmail.site.signature) == 1, body
