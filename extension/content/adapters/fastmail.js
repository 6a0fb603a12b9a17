/* Fastmail (app.fastmail.com): a Squire editor. docs/extension.md knows no selectors (L), so these
 * are what the fixture copies (e2e/fixtures/fastmail/index.html) with the generic adapter's
 * editor selectors as the fallback. */
'use strict';

(function (ns) {
  const SELECTORS = {
    // Squire's root inside Fastmail's compose view, then any multiline rich text box. (L)
    body: '.v-Compose [contenteditable="true"], [contenteditable="true"][role="textbox"]',
    bodyHint: '[contenteditable="true"]', // a cheap first pass for the scan
    composeWindow: '.v-Compose, [role="dialog"], form', // (L)
    subject: 'input[name="subject"], input[id$="subject"], input[aria-label="Subject"]', // (L)
    to: '.v-Compose-to, [name="to"], [aria-label="To"]', // (L)
    send: 'button.v-Compose-send, button[aria-label="Send"]', // (L)
    signature: '.signature, [data-signature]', // (L)
    quote: 'blockquote', // (L)
    stop: '.signature, blockquote, [data-signature]', // (L)
  };

  ns.adapters.register(
    ns.adapters.make({
      name: 'fastmail',
      matches: (loc) => loc.hostname === 'app.fastmail.com',
      SELECTORS,
      editorKind: 'squire',
      sendShortcut: true, // Ctrl/Cmd+Enter sends in Fastmail
    }),
  );
})(globalThis.FA);

/* The open message (L: no maintained source; the generic shape of Fastmail's views). */
(function (ns) {
  const MESSAGE_SELECTORS = {
    view: '.v-Thread, .v-MailboxSource + .v-Split .v-Thread', // (L)
    subject: '.v-Thread-title, h1', // (L)
    message: '.v-Message', // (L)
    body: '.v-Message-body', // (L)
    from: '.v-Message-from [title*="@"], .v-Message-fromAddress', // (L)
    fromAttributes: ['title'],
    date: 'time', // (L)
    dateAttributes: ['datetime', 'title'],
  };
  // /mail/<mailbox>/<thread id>.<message id> (L).
  function threadId(doc) {
    const parts = (doc.location ? doc.location.pathname : '').split('/').filter(Boolean);
    return parts.length >= 3 ? parts[2].split('.')[0] : null;
  }
  ns.adapters.reading.register('fastmail', MESSAGE_SELECTORS, { threadId });
})(globalThis.FA);
