/* Any other webmail: a rich or plain editor next to a subject field, inside a form or a dialog,
 * with a Send control somewhere around it. Checked against the real Roundcube 1.6.5 (both skins,
 * both editors) with the Roundcube adapter switched off, and against e2e/fixtures/generic; see
 * docs/extension.md. The subject requirement keeps the button off comment boxes and chat fields. */
'use strict';

(function (ns) {
  const { kit } = ns.adapters;

  const SELECTORS = {
    // Known editor libraries, then accessible multiline text boxes, then a body textarea.
    body: [
      '.ProseMirror',
      '[data-lexical-editor]',
      '[data-slate-editor]',
      '.ql-editor',
      '.ck-editor__editable',
      '[contenteditable="true"][role="textbox"]',
      '[contenteditable="true"][aria-multiline="true"]',
      'iframe[id$="_ifr"]', // TinyMCE
      'textarea[name*="body" i]',
      'textarea[id*="body" i]',
      'textarea[name*="message" i]',
    ].join(', '),
    // A cheap first pass for the scan: the editors above are contenteditable, iframes or textareas.
    bodyHint: '[contenteditable="true"], iframe, textarea',
    composeWindow: '[role="dialog"], form',
    subject:
      'input[name*="subject" i], input[id*="subject" i], input[aria-label*="subject" i], input[placeholder*="subject" i]',
    to: 'input[name="to" i], textarea[name="to" i], input[name$="_to" i], textarea[name$="_to" i], [aria-label="To"], input[name*="recipient" i]',
    send: 'button[type="submit"][name*="send" i], button[aria-label^="Send"], button[title^="Send"], [role="button"][aria-label^="Send"], button.send, a.send',
    // Controls that may be a Send button when their words say so (English only: a guess elsewhere).
    clickable: 'button, a[href], [role="button"], input[type="submit"], input[type="button"]',
    // A marked signature (a plain "-- " line counts too: editing.ownText, stopOf below).
    signature: '.signature, [class*="signature" i], [id*="signature" i]',
    quote: 'blockquote',
    stop: '.signature, [class*="signature" i], [id*="signature" i], blockquote',
  };
  const SEND_WORDS = /^send\b/i;
  const CLIMB = 6; // ancestors tried above the form for one that also holds Send
  const SIGNATURE_LINE = /^--[ \u00a0]?(\n|$)/; // the standard delimiter (RFC 3676): "-- " on a line of its own

  const isShown = (el) => el.getClientRects().length > 0;

  function looksLikeSend(el) {
    const words = ns.text.normalize(el.getAttribute('aria-label') || el.value || el.textContent || '');
    return SEND_WORDS.test(words) && words.length < 40;
  }

  function sendControls(root) {
    const found = new Set(kit.qa(root, SELECTORS.send));
    for (const el of kit.qa(root, SELECTORS.clickable)) if (looksLikeSend(el)) found.add(el);
    return [...found];
  }

  /** The form or dialog around the editor, widened to the nearest ancestor that also holds Send
   * (a webmail may put Send outside its form: its click must reach our listener). */
  function windowOf(body) {
    const base = kit.closest(body, SELECTORS.composeWindow);
    if (!base) return null;
    let el = base;
    for (let i = 0; i < CLIMB && el && el !== el.ownerDocument.body; i++, el = el.parentElement)
      if (sendControls(el).some(isShown)) return el;
    return base;
  }

  /** The first top-level block of the editor that starts a signature ("-- " line) or a quote, as a
   * selector relative to the editor's root (nothing is written to the page to mark it). */
  function stopOf(root) {
    let marked = kit.q(root, SELECTORS.stop);
    while (marked && marked.parentNode !== root) marked = marked.parentNode;
    let index = 0;
    for (const child of root.children) {
      index += 1;
      if (child === marked || SIGNATURE_LINE.test((child.innerText || child.textContent || '').trimStart()))
        return `:scope > :nth-child(${index})`;
    }
    return SELECTORS.stop;
  }

  const adapter = ns.adapters.make({
    name: 'generic',
    matches: () => true,
    SELECTORS,
    sendShortcut: false, // unknown webmail: only a click on Send counts
    overrides: (base) => ({
      findComposeWindows(root) {
        const wins = new Set();
        for (const body of kit.qa(root, SELECTORS.bodyHint)) {
          if (!body.matches(SELECTORS.body)) continue;
          const win = windowOf(body);
          if (win && kit.q(win, SELECTORS.subject)) wins.add(win);
        }
        return [...wins];
      },
      editorOf(win) {
        // A rich editor often keeps its source textarea, hidden: take the one the user sees.
        const bodies = kit.qa(win, SELECTORS.body);
        const el = bodies.find(isShown) || bodies[0];
        const editor = kit.resolveEditor(el, null, SELECTORS.stop, SELECTORS);
        if (!editor || editor.kind === 'textarea') return editor;
        return { ...editor, stopSelector: stopOf(editor.root) };
      },
      sendControls(win) {
        return sendControls(win);
      },
      mountPoint(win) {
        const send = sendControls(win).find(isShown);
        return send && send.parentNode ? { parent: send.parentNode, before: send.nextSibling } : base.mountPoint(win);
      },
      panelSpot(win, size) {
        return kit.freeSpot(win, adapter, size);
      },
    }),
  });

  ns.adapters.register(adapter);
})(globalThis.FA);

/* Any other webmail: only a view that says what it is — an element marked as an e-mail message
 * (schema.org EmailMessage microdata, or role=article with a mailto: sender link and a heading).
 * Anything less clear is no open message: nothing is read. */
(function (ns) {
  const MESSAGE_SELECTORS = {
    view: '[itemtype$="EmailMessage"], [role="article"]', // (L: schema.org; ARIA)
    subject: '[itemprop="name"], h1, h2', // (L)
    message: '[itemtype$="EmailMessage"], [role="article"]', // (L)
    body: '[itemprop="text"], [itemprop="articleBody"], .message-body, .body', // (L)
    from: '[itemprop="author"] a[href^="mailto:"], a[href^="mailto:"]', // (L)
    fromAttributes: ['href', 'title'],
    date: 'time, [itemprop="dateSent"]', // (L)
    dateAttributes: ['datetime', 'content', 'title'],
  };
  // The address of the page: a generic webmail gives each open message its own.
  const threadId = (doc) => (doc.location ? doc.location.pathname + doc.location.search + doc.location.hash : null);
  ns.adapters.reading.register('generic', MESSAGE_SELECTORS, { threadId });
})(globalThis.FA);
