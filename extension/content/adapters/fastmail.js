/* Fastmail (app.fastmail.com): a Squire editor. WEBMAIL.md knows no selectors (L), so these
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
