/* Any other webmail: a rich or plain editor next to a subject field, inside a form or a
 * dialog. Editor selectors from WEBMAIL.md "any / editor kind" (M). The subject requirement
 * keeps the button off comment boxes and chat fields. */
'use strict';

(function (ns) {
  const { kit } = ns.adapters;

  const SELECTORS = {
    // Known editor libraries, then accessible multiline text boxes, then a body textarea. (M)
    body: [
      '.ProseMirror',
      '[data-lexical-editor]',
      '[data-slate-editor]',
      '.ql-editor',
      '.ck-editor__editable',
      '[contenteditable="true"][role="textbox"]',
      '[contenteditable="true"][aria-multiline="true"]',
      'iframe[id$="_ifr"]',
      'textarea[name*="body" i]',
      'textarea[id*="body" i]',
      'textarea[name*="message" i]',
    ].join(', '),
    // A cheap first pass for the scan: the editors above are contenteditable, iframes or textareas.
    bodyHint: '[contenteditable="true"], iframe, textarea',
    composeWindow: '[role="dialog"], form', // (M)
    subject:
      'input[name*="subject" i], input[id*="subject" i], input[aria-label*="subject" i], input[placeholder*="subject" i]',
    to: 'input[name="to" i], textarea[name="to" i], [aria-label="To"], input[name*="recipient" i]',
    send: 'button[type="submit"][name*="send" i], button[aria-label^="Send"], button[title^="Send"], [role="button"][aria-label^="Send"]',
    stop: '.signature, [class*="signature" i], blockquote',
  };

  const adapter = ns.adapters.make({
    name: 'generic',
    matches: () => true,
    SELECTORS,
    sendShortcut: false, // unknown webmail: only a click on Send counts
    overrides: (base) => ({
      findComposeWindows(root) {
        return base.findComposeWindows(root).filter((win) => kit.q(win, SELECTORS.subject));
      },
    }),
  });

  ns.adapters.register(adapter);
})(globalThis.FA);
