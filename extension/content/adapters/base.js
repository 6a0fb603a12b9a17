/* What every site adapter shares: the registry, safe DOM look-ups, and `make(spec)`, which
 * builds the standard adapter interface from a site's SELECTORS so that each site file holds
 * only what differs. Interface (docs/style.md, after Mailvelope's providerSpecific.js):
 *   findComposeWindows(root) -> [Element]     mountPoint(win) -> {parent, before} | null
 *   editorOf(win) -> {kind, root, frame?, stopSelector, signatureSelector, quoteSelector, quoteFromSelector} | null
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

  /** An editor found by selector; an iframe is entered (same-origin, srcless) to its editable root. */
  function resolveEditor(el, kind, stopSelector, parts) {
    if (!el) return null;
    const found = resolveElement(el, kind);
    return found && { ...found, stopSelector, ...partsOf(parts) };
  }

  /** What an editor's text holds besides the user's words, as selectors: the webmail's signature
   * element, quoted blocks, and a marker from which on everything is quoted (editing.ownText). */
  function partsOf(spec) {
    const S = spec || {};
    return { signatureSelector: S.signature || '', quoteSelector: S.quote || '', quoteFromSelector: S.quoteFrom || '' };
  }

  function resolveElement(el, kind) {
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
      return { kind: kind || (root.id === 'tinymce' ? 'tinymce' : 'unknown'), root, frame: el };
    }
    if (el.tagName === 'TEXTAREA') return { kind: 'textarea', root: el };
    return { kind: kind || 'unknown', root: el };
  }

  // Where a panel may sit without covering Send or the text in the editor (layout read on demand,
  // when the panel opens or grows, never in an observer).
  const MARGIN = 8;
  const ROOM_TO_TYPE = 2; // lines below the text kept clear, so the next words the user types show

  const visible = (r) => r.width > 0 && r.height > 0;

  /** A box inside rect (a free column of the page) for a panel of size, or null when it does not fit. */
  function spotIn(rect, size) {
    if (!visible(rect) || rect.left < 0 || rect.right > size.vw + 1) return null;
    const width = Math.min(size.width, rect.width - 2 * MARGIN);
    const top = Math.max(MARGIN, rect.top + MARGIN);
    const height = Math.min(size.height, Math.min(rect.bottom, size.vh) - top - MARGIN);
    if (width < size.minWidth || height < size.minHeight) return null;
    return { left: rect.left + MARGIN, top, width, height };
  }

  /** The part of the editor that holds text (plus room to type), in the page's coordinates. */
  function textBox(editor) {
    if (!editor) return null;
    const el = editor.frame || editor.root;
    const box = el.getBoundingClientRect();
    const view = editor.root.ownerDocument.defaultView;
    const style = view.getComputedStyle(editor.root);
    const fontSize = parseFloat(style.fontSize) || 14;
    const line = parseFloat(style.lineHeight) || fontSize * 1.3;
    let bottom;
    if (editor.root.tagName === 'TEXTAREA') {
      // A textarea gives no text geometry: count its lines, wrapped at its width (monospace estimate).
      const ta = editor.root;
      const perLine = Math.max(1, Math.floor(ta.clientWidth / (fontSize * 0.62)));
      const lines = ta.value.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / perLine)), 0);
      bottom = box.top + (parseFloat(style.paddingTop) || 0) + (lines + ROOM_TO_TYPE) * line - ta.scrollTop;
    } else {
      const range = editor.root.ownerDocument.createRange();
      range.selectNodeContents(editor.root);
      const offset = editor.frame ? box.top : 0;
      bottom = offset + range.getBoundingClientRect().bottom + ROOM_TO_TYPE * line;
    }
    return { left: box.left, right: box.right, top: box.top, bottom: Math.min(box.bottom, bottom) };
  }

  /**
   * A place for a panel of size {width, height, minWidth, minHeight, vw, vh, avoid: [rect]} that
   * covers neither adapter's Send controls in win nor the editor's text: a column beside the
   * compose window, else a strip at the right or left edge of the viewport, in its largest free
   * vertical gap. Null when nothing fits (the caller then uses its default placement).
   */
  function freeSpot(win, adapter, size) {
    const blocks = [...(size.avoid || [])];
    for (const send of adapter.sendControls(win)) {
      const r = send.getBoundingClientRect();
      if (visible(r)) blocks.push(r);
    }
    const text = textBox(adapter.editorOf(win));
    if (text) blocks.push(text);
    const w = win.getBoundingClientRect();
    const strips = [
      [w.right + MARGIN, size.vw - MARGIN],
      [MARGIN, w.left - MARGIN],
      [size.vw - MARGIN - size.width, size.vw - MARGIN],
      [MARGIN, MARGIN + size.width],
    ];
    for (const [from, to] of strips) {
      const width = Math.min(size.width, to - from);
      if (width < size.minWidth) continue;
      const left = from;
      const hit = blocks
        .filter((b) => b.left < left + width + MARGIN && b.right > left - MARGIN)
        .map((b) => [b.top - MARGIN, b.bottom + MARGIN])
        .sort((a, b) => a[0] - b[0]);
      let best = null;
      let top = MARGIN;
      for (const [start, end] of [...hit, [size.vh - MARGIN, Infinity]]) {
        if (start - top > (best ? best.height : 0)) best = { top, height: start - top };
        top = Math.max(top, end);
      }
      if (best && best.height >= size.minHeight)
        return { left, top: best.top, width, height: Math.min(size.height, best.height) };
    }
    return null;
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
        return resolveEditor(q(win, S.body), spec.editorKind, S.stop, S);
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
        // The whole user-written text, also below the signature; never the quoted thread.
        const body = editor ? ns.editing.ownText(editor) : '';
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

  ns.adapters = {
    make,
    register,
    pick,
    kit: { q, qa, closest, recipientsIn, resolveEditor, spotIn, freeSpot, textBox },
  };
})((globalThis.FA = globalThis.FA || {}));
