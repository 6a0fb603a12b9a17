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

  // Signatures webmails put in the body (Gmail, Outlook, Proton, Roundcube HTML, common classes).
  const SIGNATURES = '.gmail_signature, #Signature, [id^="Signature"], .protonmail_signature_block, #_rc_sig, .signature';

  /** Does the editor already hold the webmail's signature? (A textarea: a "-- " line.) */
  function hasSignature(editor) {
    if (!editor) return false;
    if (isField(editor.root)) return /(^|\n)-- ?\n/.test(editor.root.value);
    try {
      return Boolean(editor.root.querySelector(SIGNATURES));
    } catch (err) {
      return false;
    }
  }

  ns.editing = { locate, select, replace, hasSignature };
})((globalThis.FA = globalThis.FA || {}));
