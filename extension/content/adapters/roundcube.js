/* Roundcube (elastic skin), self-hosted on the user's own domain: plain mode (a textarea,
 * the default) or HTML mode (TinyMCE in an iframe). Selectors from WEBMAIL.md (H, Roundcube's
 * elastic skin); fixture: e2e/fixtures/roundcube/index.html. */
'use strict';

(function (ns) {
  const { kit } = ns.adapters;

  const SELECTORS = {
    // The plain-mode body; in HTML mode TinyMCE hides it and adds #composebody_ifr. (H)
    body: 'textarea#composebody',
    bodyHint: '#composebody', // an id: the cheapest first pass for the scan
    tinymce: 'iframe#composebody_ifr', // (H)
    // The whole compose screen: toolbar and form. (H)
    composeWindow: '#layout-content, form#compose-content, form',
    subject: 'input#compose-subject, input[name="_subject"]', // (H)
    // The hidden recipient list and the visible recipient chips. (H)
    to: 'textarea#_to, .recipient-input .recipient, .recipient-input input', // (H)
    // Send: the toolbar button and the primary button below the form. (H/M)
    send: '#compose-toolbar a.send, .formbuttons button.send, button.btn-primary.send, a.send',
    toolbar: '#compose-toolbar', // (H)
    // HTML mode: Roundcube's signature block and quoted message. (H/M)
    stop: '#_rc_sig, div.pre, blockquote',
  };

  const adapter = ns.adapters.make({
    name: 'roundcube',
    matches: (loc, doc) =>
      Boolean(doc.getElementById('composebody')) || (doc.body && doc.body.classList.contains('task-mail')),
    SELECTORS,
    sendShortcut: false, // Roundcube has no send shortcut: Ctrl+Enter must not count as sending
    overrides: (base) => ({
      editorOf(win) {
        const frame = kit.q(win, SELECTORS.tinymce);
        if (frame) return kit.resolveEditor(frame, 'tinymce', SELECTORS.stop);
        return kit.resolveEditor(kit.q(win, SELECTORS.body), 'textarea', SELECTORS.stop);
      },
      mountPoint(win) {
        const toolbar = kit.q(win, SELECTORS.toolbar);
        return toolbar ? { parent: toolbar, before: null } : base.mountPoint(win);
      },
    }),
  });

  ns.adapters.register(adapter);
})(globalThis.FA);
