/* Roundcube 1.6, self-hosted on the user's own domain, in its two bundled skins (elastic, the
 * default, and larry) and both editors: plain (a textarea, the default) or HTML (TinyMCE in an
 * iframe). Selectors checked against the real Roundcube 1.6.5 (Debian's package) in the e2e suite
 * e2e/test_roundcube_real.py; the notes per selector are in docs/extension.md. */
'use strict';

(function (ns) {
  const { kit } = ns.adapters;

  const SELECTORS = {
    // The plain-mode body; in HTML mode TinyMCE hides it and adds #composebody_ifr.
    body: 'textarea#composebody',
    bodyHint: '#composebody', // an id: the cheapest first pass for the scan
    tinymce: 'iframe#composebody_ifr',
    // The compose screen holding the form AND Send: elastic puts Send after the form (in
    // .formbuttons), larry in the toolbar above it; the form alone would miss Send's click.
    screens: ['#layout-content', '#mainscreen'],
    subject: 'input#compose-subject, input[name="_subject"]',
    // The recipient list (a textarea in both skins; elastic hides it behind its chips) and the chips.
    to: 'textarea#_to, #compose_to .recipient',
    // elastic: the primary button below the form, and its copy in the footer on small screens;
    // larry: the toolbar link.
    send: '.formbuttons button.send, #layout-footer a.send, #messagetoolbar a.send, a.button.send',
    // The signature (plain: a "-- " line; HTML: div#_rc_sig) and quoted text.
    signature: '#_rc_sig',
    quote: 'blockquote', // HTML mode; plain mode quotes with "> " lines
    stop: '#_rc_sig, div.pre, blockquote',
    // elastic's right-hand column ("Options and attachments"): room for our panel beside the editor.
    sidebar: '#layout-sidebar',
  };

  /**
   * Roundcube's default reply style quotes the message at the top and puts the caret below it:
   * there the user's text runs from after that quote to the signature. Elsewhere (new mail, a
   * reply written above the quote) the first signature or quote ends it.
   */
  function stopFor(root) {
    let top = kit.q(root, SELECTORS.stop);
    while (top && top.parentNode !== root) top = top.parentNode;
    if (!top || top.nodeName !== 'BLOCKQUOTE') return SELECTORS.stop;
    let written = 0; // blocks with text above the quote: only its "On <date>, <name> wrote:" line may be there
    for (let node = top.previousSibling; node; node = node.previousSibling)
      if (ns.text.normalize(node.textContent)) written += 1;
    if (written > 1) return SELECTORS.stop;
    return kit.q(root, SELECTORS.signature) ? SELECTORS.signature : ':not(*)'; // :not(*): no stop, the end
  }

  const adapter = ns.adapters.make({
    name: 'roundcube',
    matches: (loc, doc) =>
      Boolean(doc.getElementById('composebody')) || (doc.body && doc.body.classList.contains('task-mail')),
    SELECTORS,
    sendShortcut: false, // Roundcube has no send shortcut: Ctrl+Enter must not count as sending
    overrides: (base) => ({
      findComposeWindows(root) {
        const wins = new Set();
        for (const body of kit.qa(root, SELECTORS.bodyHint)) {
          if (body.tagName !== 'TEXTAREA') continue;
          const win = SELECTORS.screens.map((s) => kit.closest(body, s)).find(Boolean) || kit.closest(body, 'form');
          if (win) wins.add(win);
        }
        return [...wins];
      },
      editorOf(win) {
        const frame = kit.q(win, SELECTORS.tinymce);
        if (frame) {
          const editor = kit.resolveEditor(frame, 'tinymce', SELECTORS.stop, SELECTORS);
          return editor && { ...editor, stopSelector: stopFor(editor.root) };
        }
        return kit.resolveEditor(kit.q(win, SELECTORS.body), 'textarea', SELECTORS.stop, SELECTORS);
      },
      mountPoint(win) {
        // Beside Send, in its row: above the editor, elastic's plain-mode toolbar would cover the button.
        const send = kit.qa(win, SELECTORS.send).find((el) => el.getClientRects().length > 0);
        return send ? { parent: send.parentNode, before: send.nextSibling } : base.mountPoint(win);
      },
      panelSpot(win, size) {
        // elastic on a desktop: the column beside the form, which holds only options.
        const sidebar = kit.q(win.ownerDocument, SELECTORS.sidebar);
        const spot = sidebar && kit.spotIn(sidebar.getBoundingClientRect(), size);
        return spot || kit.freeSpot(win, adapter, size);
      },
    }),
  });

  ns.adapters.register(adapter);
})(globalThis.FA);

/* The open message: the full view (_action=show) or the preview frame beside the list
 * (iframe#messagecontframe, same origin); read only when the user opens it. */
(function (ns) {
  const MESSAGE_SELECTORS = {
    view: 'body.action-show, body.action-preview', // the message page and the preview page (H: elastic/larry)
    preview: 'iframe#messagecontframe', // the preview frame in the mail list (H)
    subject: 'h2.subject', // (H: elastic and larry message headers; checked on the real 1.6 page)
    subjectSkip: '.voice, a', // inside h2.subject: "Subject:" for screen readers, "Open in new window"
    message: '#message-content', // elastic's message pane; larry has none: the page is the message (H)
    body: '#messagebody', // (H)
    from: '.header .from a[title*="@"], .from a.rcmContactAddress, .from a[href^="mailto:"], span.adr a[title*="@"]', // (H)
    fromAttributes: ['title', 'href'],
    date: '.header-summary .date, .header .date, td.date', // (M)
    dateAttributes: ['title'],
  };
  /** The document showing the message: this one, or the preview frame's. */
  function messageDocument(doc) {
    const frame = doc.querySelector(MESSAGE_SELECTORS.preview);
    if (frame) {
      try {
        if (frame.contentDocument && frame.contentDocument.querySelector(MESSAGE_SELECTORS.body)) return frame.contentDocument;
      } catch (err) {
        return null;
      }
    }
    return doc;
  }
  // _mbox + _uid of the page's address: the message (Roundcube threads are per message).
  function threadId(doc) {
    const params = new URLSearchParams(doc.location ? doc.location.search : '');
    return params.get('_uid') ? `${params.get('_mbox') || ''}/${params.get('_uid')}` : null;
  }
  ns.adapters.reading.register('roundcube', MESSAGE_SELECTORS, { threadId, documentOf: messageDocument });
})(globalThis.FA);
