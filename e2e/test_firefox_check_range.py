"""What Check my draft reads, in a real Firefox (firefox-esr over WebDriver BiDi): on the Gmail
fixture (a plain contenteditable) and the Outlook one (RoosterJS), a sentence typed below the
webmail's signature is flagged, the quoted thread's ultimatum is not, and "Show in the editor"
selects the flagged sentence. Firefox's Enter splits blocks its own way; the text read must not
depend on where the new line lands (inside the signature's element or after it)."""
import pytest

from e2e.roundcube.pages import normalize
from e2e.test_firefox import BUTTON, BUTTONS, Panel, ff_paired, firefox  # noqa: F401  (module fixtures)
from e2e.test_webmail_signature import CARET_AT_END, QUOTED, SIGNATURE_END, TYPED_AFTER

URLS = {"gmail": "https://mail.google.com/mail/u/0/#inbox", "outlook": "https://outlook.live.com/mail/0/"}
SIGNATURES = {"gmail": "Sam Doe · +1 555 0100", "outlook": "+1 555 0100"}
FLAGGED = ("[...document.querySelectorAll('li.finding.error')]"
           ".find((li) => li.innerText.includes('unprofessional'))")


@pytest.mark.parametrize("site", list(URLS))
def test_check_reads_text_after_the_signature_not_the_thread(firefox, ff_paired, interviews, screenshots, site):  # noqa: F811
    interview = interviews.make("due")
    tab = firefox.new_tab(URLS[site])
    try:
        tab.call("(to, quote) => fixture.compose({to: [{name: 'Anna Lee', email: to}], subject: 'Re: Our interview', quote})",
                 interview["interviewer_email"], QUOTED)
        tab.wait_for(f"{BUTTONS} === 1", what="one Follow-up assistant button")
        tab.click("document.querySelector(fixture.editable)")
        tab.press("Control+Home")
        tab.type("Hi Anna,\nThank you again for Tuesday's interview.")
        tab.call(CARET_AT_END, SIGNATURE_END[site])  # answers once the editor can read the new selection
        tab.type("\n" + TYPED_AFTER)
        body = normalize(tab.eval("fixture.bodyText()"))
        assert body.index(SIGNATURES[site]) < body.index(TYPED_AFTER) < body.index(QUOTED), body

        tab.click(BUTTON)
        panel = Panel(tab).wait_open()
        panel.wait_text(".draft-body", "Anna")
        panel.click("Check my draft")
        findings = panel.wait_text(".user-check", "unprofessional")
        assert "accept another offer" not in findings and "answer by Friday" not in findings, findings
        assert "555 0100" not in findings, findings
        tab.screenshot(screenshots / f"firefox-{site}-check-after-signature.png")

        panel.frame.click(f"{FLAGGED}.querySelector('button.link')")
        selected = tab.wait_for("(() => { const s = String(getSelection()); return s.trim() && s; })()",
                                what="the flagged sentence selected in the editor")
        assert normalize(selected) == TYPED_AFTER, selected
    finally:
        tab.close()
