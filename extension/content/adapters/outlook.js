/* Outlook on the web (outlook.live.com, outlook.office.com, outlook.office365.com), whose
 * editor is RoosterJS. Selectors from WEBMAIL.md (M: several third-party scripts agree);
 * fixture: e2e/fixtures/outlook/index.html. */
'use strict';

(function (ns) {
  const { kit } = ns.adapters;
  const HOSTS = ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com'];

  const SELECTORS = {
    // The RoosterJS body: multiline contenteditable; the aria-label is localised, so it comes second. (M)
    body: 'div[contenteditable="true"][aria-multiline="true"], div[role="textbox"][aria-label^="Message body"]',
    // A cheap first pass for the scan: every body above matches it.
    bodyHint: '[contenteditable="true"]',
    // The compose form: pop-out section first, then the reading pane holding an inline compose. (M)
    composeWindow: '[data-app-section="Form_Content"], [role="main"]',
    // Subject field; the fallback (the last plain text input of the form) is in subjectField. (M)
    subject: 'input[aria-label="Add a subject"]',
    // Recipients: the To well; chips show a name and keep the address in title or aria-label when they do. (M)
    to: '[aria-label="To"]',
    // The Send button (aria-label is English here; the title fallback too). (M)
    send: 'button[aria-label="Send"], button[title^="Send"]',
    // Insert above the signature and the quoted reply header. (M)
    stop: '#Signature, [id^="Signature"], #divRplyFwdMsg, #appendonsend',
  };

  const adapter = ns.adapters.make({
    name: 'outlook',
    matches: (loc) => HOSTS.includes(loc.hostname),
    SELECTORS,
    editorKind: 'rooster',
    sendShortcut: true, // Ctrl+Enter sends in Outlook on the web
    overrides: () => ({
      subjectField(win) {
        const labelled = kit.q(win, SELECTORS.subject);
        if (labelled) return labelled;
        const plain = kit.qa(win, 'input[type="text"][autocomplete="off"]');
        return plain.length ? plain[plain.length - 1] : null;
      },
    }),
  });

  ns.adapters.register(adapter);
})(globalThis.FA);
