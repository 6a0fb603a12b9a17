/* Yahoo Mail (mail.yahoo.com): a plain contenteditable body. Selectors from docs/extension.md (M:
 * several third-party scripts agree); fixture: e2e/fixtures/yahoo/index.html. */
'use strict';

(function (ns) {
  const SELECTORS = {
    body: 'div[data-test-id="rte"][contenteditable="true"], div[data-test-id="rte"]', // (M)
    bodyHint: '[data-test-id="rte"]', // a cheap first pass for the scan
    // The compose area: Yahoo's own test id, else the form around the editor. (L)
    composeWindow: '[data-test-id="compose"], [role="dialog"], form',
    subject: 'input[data-test-id="compose-subject"]', // (M)
    // The To field and its pills; the pill text is the name, the address sits in an attribute. (M)
    to: '#message-to-field, [data-test-id="pill"]',
    send: 'button[data-test-id="compose-send-button"]', // (M)
    signature: '.signature, [data-test-id="signature"], #ymail_android_signature', // (L)
    quote: '.yahoo_quoted, blockquote', // (L)
    stop: '.signature, [data-test-id="signature"], #ymail_android_signature, .yahoo_quoted, blockquote', // (L)
  };

  ns.adapters.register(
    ns.adapters.make({
      name: 'yahoo',
      matches: (loc) => loc.hostname === 'mail.yahoo.com',
      SELECTORS,
      editorKind: 'plain',
      sendShortcut: true, // Ctrl+Enter sends in Yahoo Mail
    }),
  );
})(globalThis.FA);

/* The open message: read only when the user opens it. */
(function (ns) {
  const MESSAGE_SELECTORS = {
    view: '[data-test-id="message-view"]', // the message view (M)
    subject: '[data-test-id="message-group-subject-text"]', // (M)
    message: '[data-test-id="message-view-body"]', // (L)
    body: '[data-test-id="message-view-body-content"]', // (M)
    from: '[data-test-id="message-from"] [title*="@"], [data-test-id="email-pill"]', // (L)
    fromAttributes: ['title'],
    date: '[data-test-id="message-date"]', // (L)
    dateAttributes: ['title'],
  };
  // /d/folders/<folder>/messages/<id> (M: Yahoo Mail's own URLs).
  function threadId(doc) {
    const match = /\/messages\/([^/?#]+)/.exec(doc.location ? doc.location.pathname : '');
    return match ? match[1] : null;
  }
  ns.adapters.reading.register('yahoo', MESSAGE_SELECTORS, { threadId });
})(globalThis.FA);
