/* Finding words the user (or the assistant) wrote in the editor, to select them or replace them
 * through the editor's own input path — so the webmail's editor keeps the change and one undo
 * brings the old words back. Used by the panel's "Show in the editor", "Use this wording" and
 * "Replace the draft?". The text to look for comes from what readDraft gave (block texts joined
 * by line breaks), so a line is looked for within the editor's text nodes, line by line. */
'use strict';

(function (ns) {
  const isField = (el) => el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT');
  const same = (text) => String(text).replace(/\u00a0/g, ' ');

  /** The editor's text nodes as one string (no breaks between blocks), with where each node starts. */
  function flatten(root) {
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let text = '';
    while (walker.nextNode()) {
      nodes.push({ node: walker.currentNode, at: text.length });
      text += same(walker.currentNode.data);
    }
    return { nodes, text };
  }

  function point(flat, index, isEnd) {
    for (let i = flat.nodes.length - 1; i >= 0; i -= 1) {
      const { node, at } = flat.nodes[i];
      if (at < index || (at === index && !isEnd)) return { node, offset: index - at };
    }
    return flat.nodes.length ? { node: flat.nodes[0].node, offset: 0 } : null;
  }

  /**
   * Where `text` (lines joined by \n) sits in the editor: {start, end} in a field's value, or a
   * DOM Range in a rich editor; null when it is not there (the user changed it meanwhile).
   */
  function locate(editor, text) {
    const lines = String(text)
      .split('\n')
      .map((line) => same(line).trim())
      .filter(Boolean);
    if (!lines.length) return null;
    if (isField(editor.root)) {
      const value = same(editor.root.value);
      const start = value.indexOf(lines[0]);
      if (start === -1) return null;
      const last = value.indexOf(lines[lines.length - 1], start);
      return last === -1 ? null : { start, end: last + lines[lines.length - 1].length };
    }
    const flat = flatten(editor.root);
    const start = flat.text.indexOf(lines[0]);
    if (start === -1) return null;
    let at = start;
    for (const line of lines) {
      at = flat.text.indexOf(line, at);
      if (at === -1) return null;
      at += line.length;
    }
    const from = point(flat, start, false);
    const to = point(flat, at, true);
    if (!from || !to) return null;
    const range = editor.root.ownerDocument.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /** The saved-caret shape insert.js takes, covering what locate() found. */
  function asSelection(found) {
    return found instanceof Range ? { range: found } : { field: true, start: found.start, end: found.end };
  }

  /** Select `text` in the editor (where the editor allows a selection); {ok} */
  function select(editor, text) {
    const found = editor && locate(editor, text);
    if (!found) return { ok: false, reason: 'not_found' };
    ns.insert.placeCaret(editor, asSelection(found));
    return { ok: true };
  }

  /** Replace `oldText` with `newText` through the editor's input path (one undo brings it back). */
  async function replace(editor, oldText, newText) {
    const found = editor && locate(editor, oldText);
    if (!found) return { ok: false, reason: 'not_found' };
    if (same(oldText).trim() === same(newText).trim()) return { ok: true, how: 'unchanged' };
    return ns.insert.insertBody(editor, newText, asSelection(found), true);
  }

  // ---- What the user wrote: the editor's text minus the quoted thread and minus the webmail's
  // signature as it was when the compose window opened. Words typed inside or after the
  // signature (browsers put a line typed at the end of the body inside the signature's element)
  // are the user's and are checked; the signature's own lines and the quoted thread are not.

  // Elements that start and end a line of their own (no layout is read: it must work in a
  // hidden editor, a frame, and on static HTML in the unit tests).
  const BLOCKS = new Set(
    ('ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIELDSET FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 ' +
      'HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL').split(' '),
  );
  const DELIMITER = '--'; // "-- " on a line of its own starts a plain-text signature (RFC 3676)
  const QUOTED_LINE = /^[ \t]*>/; // a quoted line in a plain-text reply
  const QUOTE_HEADER = /\bwrote:\s*$/i; // "On Tue, Anna Lee wrote:" above a quote belongs to it
  const key = (text) => ns.text.normalize(text);
  const firstSeen = new WeakMap(); // editor root -> the signature's lines when first seen

  function matchesSafely(el, selector) {
    if (!selector) return false;
    try {
      return el.matches(selector);
    } catch (err) {
      return false;
    }
  }

  /** Take back a "… wrote:" line just above a quote that was left out. */
  function dropQuoteHeader(lines) {
    for (let i = lines.length - 1; i >= 0; i -= 1) {
      if (!key(lines[i].text)) continue;
      if (QUOTE_HEADER.test(lines[i].text)) lines.splice(i, 1);
      return;
    }
  }

  /** A rich editor's lines in reading order, the quoted thread left out: [{text, sig}], where
   * sig says the line holds words inside an element the adapter marks as the signature. */
  function richLines(editor) {
    const { signatureSelector, quoteSelector, quoteFromSelector } = editor;
    const lines = [];
    let line = null;
    let stopped = false; // a "the rest is quoted" marker was met (Outlook's reply header)
    const end = () => {
      if (line) lines.push(line);
      line = null;
    };
    const walk = (node, inSignature) => {
      if (stopped) return;
      if (node.nodeType === Node.TEXT_NODE) {
        // Line breaks in the markup are formatting, not text (the browser shows a space).
        if (/[\n\r]/.test(node.data) && !node.data.trim()) return;
        line = line || { text: '', sig: false };
        line.text += node.data.replace(/[\n\r\t]+/g, ' ');
        if (inSignature && node.data.trim()) line.sig = true;
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      if (matchesSafely(node, quoteFromSelector)) {
        end();
        stopped = true;
        return;
      }
      if (matchesSafely(node, quoteSelector)) {
        if (line && QUOTE_HEADER.test(line.text)) line = null;
        end();
        dropQuoteHeader(lines);
        return;
      }
      if (node.nodeName === 'BR') {
        line = line || { text: '', sig: inSignature };
        return end();
      }
      const signature = inSignature || matchesSafely(node, signatureSelector);
      const block = BLOCKS.has(node.nodeName);
      if (block) end();
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child, signature);
      if (block) end();
    };
    for (let child = editor.root.firstChild; child; child = child.nextSibling) walk(child, false);
    end();
    return lines;
  }

  /** A textarea's lines, the quoted lines ("> …") and their "… wrote:" header left out. */
  function fieldLines(value) {
    const lines = [];
    for (const text of String(value).split('\n')) {
      if (QUOTED_LINE.test(text)) dropQuoteHeader(lines);
      else lines.push({ text, sig: false });
    }
    return lines;
  }

  function linesOf(editor) {
    return isField(editor.root) ? fieldLines(editor.root.value) : richLines(editor);
  }

  /** The signature's lines now: those inside its marked element, else from a "-- " line on. */
  function signatureIn(lines) {
    let marked = lines.filter((l) => l.sig);
    if (!marked.length) {
      const at = lines.findIndex((l) => key(l.text) === DELIMITER);
      marked = at === -1 ? [] : lines.slice(at);
    }
    return marked.map((l) => key(l.text)).filter(Boolean);
  }

  /** Remember the signature as first seen (the compose window just opened: nothing typed in it). */
  function remember(editor, lines) {
    if (!firstSeen.has(editor.root)) {
      const signature = signatureIn(lines);
      if (signature.length) firstSeen.set(editor.root, signature);
    }
    return firstSeen.get(editor.root) || [];
  }

  /**
   * The user's own text: every line of the editor except the quoted thread and the signature's
   * lines as first seen, matched in order from where the signature starts (a line the user
   * typed among them, or after them, stays). Lines joined by \n, as locate() reads them.
   */
  function ownText(editor) {
    if (!editor) return '';
    const lines = linesOf(editor);
    const signature = remember(editor, lines);
    let from = lines.findIndex((l) => l.sig);
    if (from === -1 && signature.length) from = lines.findIndex((l) => key(l.text) === signature[0]);
    const kept = [];
    let next = 0;
    lines.forEach((line, i) => {
      if (from !== -1 && i >= from && next < signature.length && key(line.text) === signature[next]) next += 1;
      else kept.push(line.text);
    });
    return kept
      .join('\n')
      .replace(/\u00a0/g, ' ')
      .replace(/\s+$/, '');
  }

  /** Does the editor already hold the webmail's signature (its marked element, or a "-- " line)? */
  function hasSignature(editor) {
    if (!editor) return false;
    const lines = linesOf(editor);
    remember(editor, lines);
    return signatureIn(lines).length > 0;
  }

  ns.editing = { locate, select, replace, hasSignature, ownText };
})((globalThis.FA = globalThis.FA || {}));
