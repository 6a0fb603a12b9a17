/* Outlook on the web (outlook.live.com, outlook.office.com, outlook.office365.com), whose
 * editor is RoosterJS. Selectors from docs/extension.md (M: several third-party scripts agree);
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
    // The signature: div#Signature, and variants of that id ("signature", "x_Signature",
    // "ms-outlook-mobile-signature"), any case. (M: extensions that read or remove it agree)
    signature: '[id*="signature" i]',
    // A reply: from the empty div#appendonsend (then a rule and div#divRplyFwdMsg, the
    // "From:/Sent:" header) to the end, everything is the quoted message. (M)
    quoteFrom: '#appendonsend, #divRplyFwdMsg, [id$="divRplyFwdMsg"]',
    // Insert above the signature and the quoted reply header. (M)
    stop: '[id*="signature" i], #divRplyFwdMsg, #appendonsend',
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

/* The open message in the reading pane: read only when the user opens it. */
(function (ns) {
  const MESSAGE_SELECTORS = {
    view: '#ReadingPaneContainerId, [aria-label="Reading Pane"]', // the reading pane (M: third-party scripts)
    subject: '[role="heading"][aria-level="2"]', // the conversation's subject (L: fixture)
    message: '[aria-label="Email message"]', // each message of the conversation (L: fixture)
    body: 'div[aria-label="Message body"]:not([contenteditable="true"])', // the read body, not an editor (M)
    from: '[aria-label^="From"] [title*="@"], span[title*="@"]', // sender; the address in title (L)
    fromAttributes: ['title'],
    date: '[data-testid="SentReceivedSavedTime"]', // the date line (L: third-party scripts)
    dateAttributes: ['title', 'datetime'],
  };
  // The conversation's id is in the address: /mail/inbox/id/<id> (M: Outlook's own URLs).
  function threadId(doc) {
    const match = /\/id\/([^/?#]+)/.exec(doc.location ? doc.location.pathname : '');
    return match ? decodeURIComponent(match[1]) : null;
  }
  ns.adapters.reading.register('outlook', MESSAGE_SELECTORS, { threadId });
})(globalThis.FA);
