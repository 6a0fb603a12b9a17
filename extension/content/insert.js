/* Putting text into a webmail's editor so that the editor's own model keeps it (it survives
 * the webmail's save and send) and one undo removes exactly our text. The strategy depends on
 * the editor kind, as measured in docs/extension.md "Inserting the draft"; after each
 * try we check that the text arrived before trying the next, so nothing is inserted twice. */
'use strict';

(function (ns) {
  const T = () => ns.text;

  // Strategies in order of preference per editor kind (docs/extension.md's measurements):
  // RoosterJS: execCommand works but its undo then wipes the user's text -> paste only.
  const STRATEGIES = Object.freeze({
    plain: ['insertText', 'paste'], // Gmail-like contenteditable: paste does nothing there
    rooster: ['paste'], // Outlook, Proton
    squire: ['paste', 'insertText'], // Fastmail
    tinymce: ['paste', 'insertText'], // Roundcube HTML mode
    textarea: ['insertText', 'setRangeText'], // Roundcube plain mode; the last breaks undo but keeps the text
    unknown: ['paste', 'insertText'], // generic: a rich editor usually handles paste itself
  });
  const ARRIVAL_WAIT_MS = 300; // paste is handled asynchronously by some editors

  const isField = (el) => el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT');

  /** The text an editor holds, for checking that ours arrived. */
  function editorText(editor) {
    return T().normalize(isField(editor.root) ? editor.root.value : editor.root.textContent);
  }

  /** A line of the text to look for afterwards: the longest, since editors split lines into blocks. */
  function probeOf(text) {
    const lines = String(text).split('\n').map(T().normalize).filter(Boolean);
    const longest = lines.reduce((a, b) => (b.length > a.length ? b : a), '');
    return longest.slice(0, 60);
  }

  function nextFrame(win) {
    return new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (!done) {
          done = true;
          resolve();
        }
      };
      win.requestAnimationFrame(finish);
      win.setTimeout(finish, 50); // rAF does not run in a hidden tab
    });
  }

  async function arrived(editor, landed) {
    const deadline = Date.now() + ARRIVAL_WAIT_MS;
    for (;;) {
      if (landed()) return true;
      if (Date.now() > deadline) return false;
      await nextFrame(editor.root.ownerDocument.defaultView || window);
    }
  }

  /** Does `parent` hold words before its child `child`? */
  function wordsBefore(parent, child) {
    for (let node = parent.firstChild; node && node !== child; node = node.nextSibling)
      if (node.textContent.trim() !== '') return true;
    return false;
  }

  /** Where the user's own text ends: before the first signature or quoted block, else the end.
   * The block that ends it is the stop element's highest ancestor that holds no words before it
   * (Gmail wraps the whole body, the user's lines and the signature, in one div). */
  function endOfUserText(root, stopSelector) {
    const doc = root.ownerDocument;
    const range = doc.createRange();
    let boundary = stopSelector ? root.querySelector(stopSelector) : null;
    while (boundary && boundary.parentNode !== root && !wordsBefore(boundary.parentNode, boundary))
      boundary = boundary.parentNode;
    let last = boundary ? boundary.previousSibling : root.lastChild;
    while (last && last.nodeType === Node.TEXT_NODE && last.textContent === '') last = last.previousSibling;
    if (!last) {
      if (boundary) range.setStartBefore(boundary);
      else range.selectNodeContents(root);
      range.collapse(!boundary);
      return range;
    }
    const walker = doc.createTreeWalker(last, NodeFilter.SHOW_TEXT);
    let lastText = last.nodeType === Node.TEXT_NODE ? last : null;
    while (walker.nextNode()) if (walker.currentNode.textContent.trim() !== '') lastText = walker.currentNode;
    if (lastText) {
      range.setStart(lastText, lastText.textContent.length);
    } else if (last.nodeType === Node.ELEMENT_NODE && last.lastChild && last.lastChild.nodeName === 'BR') {
      range.setStartBefore(last.lastChild); // an empty line: type into it, not after its <br>
    } else if (last.nodeName === 'BR') {
      range.setStartBefore(last);
    } else {
      range.selectNodeContents(last);
      range.collapse(false);
    }
    range.collapse(true);
    return range;
  }

  /** The body's first line (into an empty first line rather than after its <br>). */
  function startOfBody(root) {
    const range = root.ownerDocument.createRange();
    const first = root.firstChild;
    if (first && first.nodeName === 'BR') range.setStartBefore(first);
    else if (first && first.nodeType === Node.ELEMENT_NODE && first.textContent.trim() === '' && first.lastChild) {
      range.setStartBefore(first.lastChild);
    } else range.setStart(root, 0);
    range.collapse(true);
    return range;
  }

  /** Where the plain text of a textarea's user part ends: above a "-- " signature line. */
  function endOfUserValue(value) {
    const sig = value.search(/(^|\n)-- ?\n/);
    if (sig === -1) return value.replace(/\s+$/, '').length;
    return value.slice(0, sig).replace(/\s+$/, '').length;
  }

  function rangeIsInside(range, root) {
    return (
      Boolean(range) &&
      range.startContainer.isConnected &&
      root.contains(range.startContainer) &&
      root.contains(range.endContainer)
    );
  }

  /** Remember where the caret is in the editor, to put it back after our panel took focus. */
  function saveCaret(editor, touched) {
    if (!editor) return null;
    if (isField(editor.root)) {
      // A field's selection is 0 before anyone clicks it: only trust it once the user was there.
      const el = editor.root;
      const focused = el.ownerDocument.activeElement === el;
      return focused || touched ? { start: el.selectionStart, end: el.selectionEnd, field: true } : null;
    }
    const sel = editor.root.ownerDocument.getSelection();
    if (!sel || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    return rangeIsInside(range, editor.root) ? { range: range.cloneRange() } : null;
  }

  /**
   * Focus the editor with the caret where the user left it; else at the end of their text (above
   * a signature or quote); else, in a body the user never touched whose signature has no marker
   * we know (RoosterJS keeps no classes), on its first line.
   */
  function placeCaret(editor, saved) {
    const root = editor.root;
    if (editor.frame) editor.frame.focus();
    root.focus({ preventScroll: true });
    if (isField(root)) {
      const fallback = endOfUserValue(root.value);
      const start = saved && saved.field ? saved.start : fallback;
      const end = saved && saved.field ? saved.end : fallback;
      root.setSelectionRange(start, end);
      return;
    }
    let range;
    if (saved && rangeIsInside(saved.range, root)) range = saved.range;
    else if (saved && saved.untouched && !(editor.stopSelector && root.querySelector(editor.stopSelector))) {
      range = startOfBody(root); // the user never wrote here and nothing marks the signature: the first line
    } else range = endOfUserText(root, editor.stopSelector);
    const sel = root.ownerDocument.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function selectionTarget(editor) {
    const sel = editor.root.ownerDocument.getSelection();
    const node = sel && sel.anchorNode;
    const el = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
    return el && editor.root.contains(el) ? el : editor.root;
  }

  const APPLY = {
    insertText(editor, text) {
      editor.root.ownerDocument.execCommand('insertText', false, text);
    },
    paste(editor, text) {
      const target = selectionTarget(editor);
      // Firefox hides a content script's objects from the page (Xray vision), so the event and its
      // data are built with the page's own constructors there. And Firefox gives a constructed
      // ClipboardEvent an empty DataTransfer of its own, whatever the init passed: the data is
      // written into event.clipboardData after construction (which Chrome accepts as well).
      const page = target.ownerDocument.defaultView.wrappedJSObject;
      const world = page && typeof cloneInto === 'function' ? page : window;
      const init = { clipboardData: new world.DataTransfer(), bubbles: true, cancelable: true, composed: true };
      const options = world === window ? init : cloneInto(init, page, { wrapReflectors: true });
      const event = new world.ClipboardEvent('paste', options);
      event.clipboardData.setData('text/plain', text);
      event.clipboardData.setData('text/html', T().textToHtml(text));
      target.dispatchEvent(event);
    },
    setRangeText(editor, text) {
      const el = editor.root;
      el.setRangeText(text, el.selectionStart, el.selectionEnd, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    },
  };

  /**
   * Insert text into editor {kind, root, frame?, stopSelector?} at the saved caret (or the end
   * of the user's text; over the saved selection when it covers words). Resolves to
   * {ok: true, how} or {ok: false}. `replacing`: the selection holds text being replaced, which
   * may share lines with the new text, so arrival is a change that holds the new text.
   */
  async function insertBody(editor, text, saved, replacing) {
    const probe = probeOf(text);
    const beforeText = editorText(editor);
    const before = T().countOccurrences(beforeText, probe);
    const landed = replacing
      ? () => {
          const now = editorText(editor);
          return now !== beforeText && now.includes(probe);
        }
      : () => T().countOccurrences(editorText(editor), probe) > before;
    for (const how of STRATEGIES[editor.kind] || STRATEGIES.unknown) {
      placeCaret(editor, saved);
      APPLY[how](editor, text);
      if (await arrived(editor, landed)) return { ok: true, how };
    }
    return { ok: false };
  }

  /** Fill an empty subject field through the browser's input path (frameworks see it, undo works). */
  async function fillSubject(input, text) {
    if (!input || T().normalize(input.value) !== '') return { ok: true, filled: false };
    input.focus({ preventScroll: true });
    input.ownerDocument.execCommand('insertText', false, text);
    if (input.value !== text) {
      // Last resort for inputs that refuse execCommand: the native setter, then the events frameworks listen to.
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      setter.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
    return { ok: input.value === text, filled: input.value === text };
  }

  ns.insert = { insertBody, fillSubject, saveCaret, placeCaret, endOfUserText, endOfUserValue, probeOf, STRATEGIES };
})((globalThis.FA = globalThis.FA || {}));
