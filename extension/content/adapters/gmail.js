/* Gmail (mail.google.com): new message window, full screen, and inline reply.
 * Selectors from docs/extension.md (InboxSDK, gmail.js); fixture: e2e/fixtures/gmail/index.html. */
'use strict';

(function (ns) {
  const { kit } = ns.adapters;

  const SELECTORS = {
    // The editable body; g_editable is not translated, unlike aria-label="Message Body". (H)
    body: 'div[g_editable="true"][contenteditable="true"], .Am.Al.editable[contenteditable="true"]',
    // A cheap first pass for the scan: every body above matches it.
    bodyHint: '[contenteditable="true"]',
    // A compose window: the new-message dialog, the full-screen window, or an inline reply. (H)
    composeWindow: '[role="dialog"], .aSs .aSt, .M9',
    // Subject: the new message's subjectbox; inline replies keep a hidden "subject". (H)
    subject: 'input[name="subjectbox"], input[name="subject"]',
    // Recipients: chips carry the address in data-hovercard-id; older hidden inputs "to". (H)
    to: 'div[name="to"] [role="option"][data-hovercard-id], [role="option"][data-hovercard-id], input[type="hidden"][name="to"]',
    // The Send button inside the send cell of the send row (tr.btC .gU.Up). (H/M)
    send: 'tr.btC .gU.Up [role="button"].aoO, tr.btC .gU.Up [role="button"]:first-child',
    // The send cell: our button goes at its end, beside Send. (H/M)
    sendCell: 'tr.btC .gU.Up',
    // Where Gmail keeps compose windows, present from load: the only place watched for them. (H)
    composeContainer: 'div.dw',
    // The conversation area: an inline reply opens there (its .ip block gains the class adB). (H)
    conversation: '[role="main"]',
    // The signature: the "-- " prefix and the block Gmail marks (class and data-smartmail). (H)
    signature: '.gmail_signature_prefix, .gmail_signature, [data-smartmail="gmail_signature"]',
    // The quoted thread, with its "On …, … wrote:" line inside. (H)
    quote: '.gmail_quote, .gmail_extra',
    // Insert above these, never into them. (H)
    stop: '.gmail_signature, [data-smartmail="gmail_signature"], .gmail_signature_prefix, .gmail_quote, .gmail_extra',
  };

  const adapter = ns.adapters.make({
    name: 'gmail',
    matches: (loc) => loc.hostname === 'mail.google.com',
    SELECTORS,
    editorKind: 'plain',
    sendShortcut: true, // Ctrl/Cmd+Enter sends in Gmail
    overrides: (base) => ({
      mountPoint(win) {
        const cell = kit.q(win, SELECTORS.sendCell);
        return cell ? { parent: cell, before: null } : base.mountPoint(win);
      },
      /** Watch the compose container, class changes in the conversation, and new top-level
       * windows — not the whole page, whose message list changes all the time. */
      observeTargets(doc) {
        const compose = kit.q(doc, SELECTORS.composeContainer);
        const conversation = kit.q(doc, SELECTORS.conversation);
        if (!compose || !conversation || !doc.body) return null;
        return [
          { target: compose, options: { childList: true, subtree: true } },
          {
            target: conversation,
            options: { attributes: true, attributeFilter: ['class'], attributeOldValue: true, subtree: true },
          },
          { target: doc.body, options: { childList: true } },
        ];
      },
      subjectField(win) {
        // An inline reply's compose window (.M9) may hold no subject of its own.
        return kit.q(win, SELECTORS.subject);
      },
    }),
  });

  adapter.classTrigger = 'adB'; // the class an .ip block gains when its inline reply opens (H)
  ns.adapters.register(adapter);
})(globalThis.FA);

/* The open message (a conversation in the reading view): read only when the user opens it. */
(function (ns) {
  const MESSAGE_SELECTORS = {
    view: '[role="main"]', // the conversation view (H: gmail.js, InboxSDK)
    subject: 'h2.hP', // the thread's subject heading (H: gmail.js)
    message: 'div.adn.ads', // each expanded message; the last one is the newest shown (H: gmail.js)
    body: 'div.a3s', // the message body (H: gmail.js "div.a3s")
    from: 'span.gD', // the sender: attributes email and name (H: gmail.js)
    fromAttributes: ['email'],
    date: 'span.g3', // the date: its title holds "Tue, Dec 8, 2026, 10:15 AM" (M: gmail.js)
    dateAttributes: ['title'],
  };
  // The thread's id: h2.hP carries data-thread-perm-id / data-legacy-thread-id (M: InboxSDK);
  // none -> no open thread (the list view shares [role=main]).
  function threadId(doc) {
    const subject = doc.querySelector(MESSAGE_SELECTORS.subject);
    return subject && (subject.getAttribute('data-thread-perm-id') || subject.getAttribute('data-legacy-thread-id'));
  }
  ns.adapters.reading.register('gmail', MESSAGE_SELECTORS, { threadId });
})(globalThis.FA);
