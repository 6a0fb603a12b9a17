/* Where the framed panel goes: beside the compose window when there is room, else beside, below
 * or above the text the user is writing, else above or below the button's row — the first spot
 * that covers neither the editor's text nor Send. Pure: it takes rectangles and returns one
 * ({left, top, height}); panel-frame.js reads the layout (on a click, never in an observer). */
'use strict';

(function (ns) {
  const GAP = 8; // px between the panel and what it sits beside, and from the viewport's edges

  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  /**
   * Pick a spot. `view` {vw, vh}; `size` {width, height, minHeight}; `boxes` {win, row, text, send}
   * ({left, top, right, bottom}; text/send may be null). Returns {left, top, height}.
   */
  function choose(view, size, boxes) {
    const { vw, vh } = view;
    const { width, height, minHeight } = size;
    const { win, row, text, send } = boxes;
    const avoid = [text, send, row].filter(Boolean);
    const clampLeft = (left) => Math.max(GAP, Math.min(left, vw - width - GAP));
    // Bottom-aligned with the button's row (it sits by Send, at the window's foot).
    const besideAt = (left) => {
      const bottom = Math.min(vh - GAP, Math.max(row.bottom, GAP + minHeight));
      const top = Math.max(GAP, bottom - height);
      return { left, top, height: bottom - top };
    };
    const below = (top, left) => ({ left: clampLeft(left), top, height: Math.min(height, vh - GAP - top) });
    const above = (bottom, left) => {
      const top = Math.max(GAP, bottom - height);
      return { left: clampLeft(left), top, height: bottom - top };
    };
    const candidates = [
      win.left >= width + 2 * GAP && besideAt(win.left - width - GAP),
      vw - win.right >= width + 2 * GAP && besideAt(win.right + GAP),
      text && text.left >= width + 2 * GAP && besideAt(text.left - width - GAP),
      text && vw - text.right >= width + 2 * GAP && besideAt(text.right + GAP),
      text && below(Math.max(text.bottom, row.bottom) + GAP, text.left),
      text && above(Math.min(text.top, row.top) - GAP, text.left),
      below(row.bottom + GAP, row.right - width),
      above(row.top - GAP, row.right - width),
    ].filter(Boolean);
    const fits = (c) => c.height >= Math.min(minHeight, height);
    const box = (c) => ({ left: c.left, top: c.top, right: c.left + width, bottom: c.top + c.height });
    const clear = candidates.find((c) => fits(c) && !avoid.some((a) => overlaps(box(c), a)));
    if (clear) return clear;
    // Nothing is clear (a small window): keep Send and the button's row uncovered, tallest first.
    const keepSend = candidates.filter((c) => ![send, row].filter(Boolean).some((a) => overlaps(box(c), a)));
    const pool = keepSend.length ? keepSend : candidates;
    return pool.reduce((best, c) => (c.height > best.height ? c : best));
  }

  ns.panelPlace = { choose, overlaps };
})((globalThis.FA = globalThis.FA || {}));
