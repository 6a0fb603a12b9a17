/* Proton Mail (mail.proton.me): RoosterJS inside a srcless, sandboxed iframe without
 * scripts; the top frame drives it through contentDocument. Selectors from docs/extension.md (H,
 * Proton's WebClients); fixture: e2e/fixtures/proton/index.html. */
'use strict';

(function (ns) {
  const SELECTORS = {
    // The editor iframe; data-testid is Proton's own test hook, stable across languages. (H)
    body: 'iframe[data-testid="rooster-iframe"]',
    bodyHint: 'iframe', // a cheap first pass for the scan
    // The composer around it (a floating window or maximised). (M)
    composeWindow: '.composer, [data-testid="composer"], [role="dialog"]',
    subject: 'input[data-testid="composer:subject"]', // (H)
    // The To field and its recipient chips (the address is in title or the chip text). (H/M)
    to: '[data-testid="composer:to"], [data-testid="composer-addresses-item"]',
    send: 'button[data-testid="composer:send-button"]', // (H)
    // Proton's signature block and quoted message. (M)
    signature: '.protonmail_signature_block', // (H: WebClients)
    quote: '.protonmail_quote, blockquote', // (H)
    stop: '.protonmail_signature_block, .protonmail_quote, blockquote',
  };

  ns.adapters.register(
    ns.adapters.make({
      name: 'proton',
      matches: (loc) => loc.hostname === 'mail.proton.me',
      SELECTORS,
      editorKind: 'rooster',
      sendShortcut: true, // Ctrl/Cmd+Enter sends in Proton
    }),
  );
})(globalThis.FA);

/* The open message: read only when the user opens it; its body is a srcless, same-origin frame. */
(function (ns) {
  const MESSAGE_SELECTORS = {
    view: '[data-testid="conversation-view"], main', // (L)
    subject: '[data-testid="conversation-header:subject"]', // (M: Proton's test ids)
    message: '[data-testid="message-view"], article', // (L)
    body: 'iframe[data-testid="content-iframe"]', // the message body frame (H: WebClients)
    from: '[data-testid="message-header:from"] [title*="@"], [data-testid="message-header:from"]', // (M)
    fromAttributes: ['title'],
    date: '[data-testid="message-header:time"], time', // (L)
    dateAttributes: ['datetime', 'title'],
  };
  // /<folder>/<conversationID>[/<messageID>] (M: Proton's own URLs).
  function threadId(doc) {
    const parts = (doc.location ? doc.location.pathname : '').split('/').filter(Boolean);
    return parts.length >= 2 ? parts[1] : null;
  }
  ns.adapters.reading.register('proton', MESSAGE_SELECTORS, { threadId });
})(globalThis.FA);
