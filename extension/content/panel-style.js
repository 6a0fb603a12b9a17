/* Styles for the button's shadow root (the panel's are in panel/panel.css, inside its frame).
 * Kept in a <style> inside the shadow root, so the page's CSS cannot reach in and ours cannot
 * leak out. Calm colours with 4.5:1
 * contrast or more, a visible focus ring, and respect for reduced motion and dark mode. */
'use strict';

(function (ns) {
  const BUTTON_CSS = `
    :host { all: initial; display: inline-flex; vertical-align: middle; margin: 0 6px; }
    button {
      font: 500 13px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      display: inline-flex; align-items: center; gap: 6px; cursor: pointer;
      padding: 6px 10px; border-radius: 16px; border: 1px solid #0f766e;
      background: #f0fdfa; color: #0f4f4a; white-space: nowrap;
    }
    button:hover { background: #ccfbf1; }
    button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
    button[aria-expanded="true"] { background: #0f766e; color: #fff; }
    svg { width: 14px; height: 14px; flex: none; }
  `;


  ns.styles = { BUTTON_CSS };
})((globalThis.FA = globalThis.FA || {}));
