/* Entry point of the content scripts: picks the site's adapter and keeps one assistant per
 * compose window. Light on the page (WEBMAIL.md "Staying fast on heavy pages"): ONE
 * MutationObserver watching childList only, whose callback does nothing but schedule a scan;
 * the scan is one querySelectorAll, never reads layout, and runs each window in try/catch so
 * one broken window cannot break the others. */
'use strict';

(function (ns) {
  if (ns.started) return; // the manifest and a registered script may both inject us
  ns.started = true;

  const SCAN_DELAY_MS = 80; // coalesces bursts of mutations into one scan
  const adapter = ns.adapters.pick(location, document);
  const assistants = new Map(); // compose window element -> ComposeAssistant
  let scheduled = false;

  function scan() {
    scheduled = false;
    const windows = adapter.findComposeWindows(document);
    for (const win of windows) {
      try {
        let assistant = assistants.get(win);
        if (!assistant) {
          assistant = new ns.ComposeAssistant(win, adapter);
          assistants.set(win, assistant);
        }
        assistant.mount();
      } catch (err) {
        console.warn('Follow-up Assistant: could not set up a compose window', err);
      }
    }
    for (const [win, assistant] of assistants) {
      if (win.isConnected && windows.includes(win)) continue;
      try {
        assistant.destroy();
      } catch (err) {
        console.warn('Follow-up Assistant: could not clean up a compose window', err);
      }
      assistants.delete(win);
    }
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setTimeout(scan, SCAN_DELAY_MS);
  }

  if (!adapter) return;
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan();

  ns.main = { adapter, assistants, scan }; // for debugging from the console
})(globalThis.FA);
