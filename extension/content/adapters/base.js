/* What every site adapter shares: the registry, safe DOM look-ups, and `make(spec)`, which
 * builds the standard adapter interface from a site's SELECTORS so that each site file holds
 * only what differs. Interface (STYLE.md, after Mailvelope's providerSpecific.js):
 *   findComposeWindows(root) -> [Element]     mountPoint(win) -> {parent, before} | null
 *   editorOf(win) -> {kind, root, frame?, stopSelector} | null
 *   readDraft(win) -> {to: [email], names: [string], subject, body}
 *   insertText(win, text, caret?) -> Promise<{ok, how?}>   fillSubject(win, text) -> Promise<{ok, filled}>
 *   sendControls(win) -> [Element]            sendShortcut: bool (Ctrl/Cmd+Enter sends)
 * A missing element gives null or [], never an exception. */
'use strict';

(function (ns) {
  const registered = [];

  /** First element matching selector (a comma list) inside root, or null; never throws. */
  function q(root, selector) {
    if (!root || !selector) return null;
    try {
      return root.querySelector(selector);
    } catch (err) {
      return null;
    }
  }

  function qa(root, selector) {
    if (!root || !selector) return [];
    try {
      return [...root.querySelectorAll(selector)];
    } catch (err) {
      return [];
    }
  }

  function matches(el, selector) {
    try {
      return el.matches(selector);
    } catch (err) {
      return false;
    }
  }

  function closest(el, selector) {
    try {
      return el.closest(selector);
    } catch (err) {
      return null;
    }
  }

  // Attributes where webmails keep a recipient's address (chips often show only the name).
  const ADDRESS_ATTRIBUTES = [
    'data-hovercard-id',
    'email',
    'data-email',
    'title',
    'aria-label',
    'data-address',
    'value',
  ];

  /** Addresses and display names found in recipient fields and chips. */
  function recipientsIn(elements) {
    const emails = new Set();
    const names = new Set();
    for (const el of elements) {
      const nodes = [el, ...qa(el, '*')];
      for (const node of nodes) {
        for (const attr of ADDRESS_ATTRIBUTES) {
          const value = node.getAttribute && node.getAttribute(attr);
          if (value) ns.text.emailsIn(value).forEach((e) => emails.add(e));
        }
        if (node.getAttribute && node.getAttribute('data-name')) names.add(node.getAttribute('data-name'));
        if (node.tagName === 'INPUT' || node.tagName === 'TEXTAREA')
          ns.text.emailsIn(node.value).forEach((e) => emails.add(e));
      }
      ns.text.emailsIn(el.textContent).forEach((e) => emails.add(e));
      const shown = ns.text.normalize(el.textContent);
      if (shown && !shown.includes('@')) names.add(shown);
    }
    return { to: [...emails], names: [...names].slice(0, 5) };
  }

  /** The user's part of a rich editor's text: the blocks above the signature or quote, one per line. */
  function userText(root, stopSelector) {
    let boundary = q(root, stopSelector);
    while (boundary && boundary.parentNode !== root) boundary = boundary.parentNode;
    const lines = [];
    for (let node = root.firstChild; node && node !== boundary; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE) lines.push(node.textContent);
      else if (node.nodeType === Node.ELEMENT_NODE) lines.push(node.nodeName === 'BR' ? '' : node.innerText);
    }
    return lines
      .join('\n')
      .replace(/\u00a0/g, ' ')
      .replace(/\n+$/, '');
  }

  /** An editor found by selector; an iframe is entered (same-origin, srcless) to its editable root. */
  function resolveEditor(el, kind, stopSelector) {
    if (!el) return null;
    if (el.tagName === 'IFRAME') {
      let doc = null;
      try {
        doc = el.contentDocument;
      } catch (err) {
        return null;
      }
      if (!doc || !doc.body) return null;
      const root =
        doc.body.isContentEditable && doc.body.getAttribute('contenteditable') !== null
          ? doc.body
          : q(doc, '[contenteditable="true"]') || (doc.body.isContentEditable ? doc.body : null);
      if (!root) return null;
      return { kind: kind || (root.id === 'tinymce' ? 'tinymce' : 'unknown'), root, frame: el, stopSelector };
    }
    if (el.tagName === 'TEXTAREA') return { kind: 'textarea', root: el, stopSelector };
    return { kind: kind || 'unknown', root: el, stopSelector };
  }

  /** Build an adapter from spec {name, matches, SELECTORS, editorKind, sendShortcut, ...overrides}. */
  function make(spec) {
    const S = spec.SELECTORS;
    const adapter = {
      name: spec.name,
      matches: spec.matches,
      sendShortcut: spec.sendShortcut !== false,
      findComposeWindows(root) {
        const wins = new Set();
        // A cheap selector first (an id, a tag, one attribute: ~5x faster on a 20k-node page), then the exact one.
        const bodies = S.bodyHint ? qa(root, S.bodyHint).filter((el) => matches(el, S.body)) : qa(root, S.body);
        for (const body of bodies) {
          const win = closest(body, S.composeWindow);
          if (win) wins.add(win);
        }
        return [...wins];
      },
      editorOf(win) {
        return resolveEditor(q(win, S.body), spec.editorKind, S.stop);
      },
      subjectField(win) {
        return q(win, S.subject);
      },
      mountPoint(win) {
        const send = q(win, S.send);
        if (send && send.parentNode) return { parent: send.parentNode, before: send.nextSibling };
        const body = q(win, S.body);
        return body && body.parentNode ? { parent: body.parentNode, before: body } : null;
      },
      readDraft(win) {
        const editor = adapter.editorOf(win);
        const subject = adapter.subjectField(win);
        let body = '';
        if (editor)
          body =
            editor.kind === 'textarea'
              ? editor.root.value.slice(0, ns.insert.endOfUserValue(editor.root.value))
              : userText(editor.root, editor.stopSelector);
        return { ...recipientsIn(qa(win, S.to)), subject: subject ? subject.value : '', body };
      },
      insertText(win, text, caret) {
        const editor = adapter.editorOf(win);
        return editor ? ns.insert.insertBody(editor, text, caret) : Promise.resolve({ ok: false });
      },
      fillSubject(win, text) {
        return ns.insert.fillSubject(adapter.subjectField(win), text);
      },
      sendControls(win) {
        return qa(win, S.send);
      },
    };
    // Overrides get the default methods (bound to the final adapter) to fall back on.
    const defaults = Object.fromEntries(
      Object.entries(adapter).map(([k, v]) => [k, typeof v === 'function' ? v.bind(adapter) : v]),
    );
    return Object.assign(adapter, spec.overrides ? spec.overrides(defaults) : {});
  }

  function register(adapter) {
    registered.push(adapter);
  }

  /** The adapter for this page: the first site adapter that matches, else the generic one. */
  function pick(loc, doc) {
    const site = registered.find((a) => a.name !== 'generic' && a.matches(loc, doc));
    return site || registered.find((a) => a.name === 'generic') || null;
  }

  ns.adapters = { make, register, pick, kit: { q, qa, closest, recipientsIn, userText, resolveEditor } };
})((globalThis.FA = globalThis.FA || {}));
