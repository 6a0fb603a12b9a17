/* Small text helpers shared by the content scripts: offsets, normalising, escaping, ids. */
'use strict';

(function (ns) {
  const EMAIL = /[A-Z0-9._%+'-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;

  /** Python counts characters in code points, JavaScript strings in UTF-16 units: convert. */
  function utf16Index(text, codePointOffset) {
    let units = 0;
    let points = 0;
    while (points < codePointOffset && units < text.length) {
      const code = text.codePointAt(units);
      units += code > 0xffff ? 2 : 1;
      points += 1;
    }
    return units;
  }

  /** A finding's [start, end) in JavaScript string indices. */
  function findingRange(text, finding) {
    return { start: utf16Index(text, finding.start || 0), end: utf16Index(text, finding.end || 0) };
  }

  /** Text as the eye reads it: any run of white space (including no-break spaces) is one space. */
  function normalize(text) {
    return String(text || '')
      .replace(/[\s\u00a0\u200b]+/g, ' ')
      .trim();
  }

  function countOccurrences(haystack, needle) {
    if (!needle) return 0;
    let count = 0;
    let at = haystack.indexOf(needle);
    while (at !== -1) {
      count += 1;
      at = haystack.indexOf(needle, at + needle.length);
    }
    return count;
  }

  /** Escape text for the text/html part of a paste; the HTML is never parsed by us. */
  function escapeHtml(text) {
    return String(text).replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
    );
  }

  /** Plain text -> the HTML most editors produce for it: one <div> per line. */
  function textToHtml(text) {
    return String(text)
      .split('\n')
      .map((line) => (line === '' ? '<div><br></div>' : `<div>${escapeHtml(line)}</div>`))
      .join('');
  }

  function emailsIn(text) {
    return (String(text || '').match(EMAIL) || []).map((e) => e.toLowerCase());
  }

  /** An RFC 4122 v4 id; crypto.randomUUID needs a secure context, which self-hosted http sites are not. */
  function uuid() {
    if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  ns.text = { utf16Index, findingRange, normalize, countOccurrences, escapeHtml, textToHtml, emailsIn, uuid };
})((globalThis.FA = globalThis.FA || {}));
