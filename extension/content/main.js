/* Entry point of the content scripts: picks the site's adapter and keeps one assistant per
 * compose window. Light on the page (docs/extension.md "Light on the page"; figures in
 * bench/bench_extension.py): ONE MutationObserver, childList only (plus one class where an
 * adapter asks), whose callback never reads layout and only schedules a scan; the scan runs
 * each compose window in try/catch so one broken window cannot break the others.
 *  - Where the adapter knows where compose windows live (Gmail), only that is watched.
 *  - Elsewhere the whole document is watched, but while the page keeps changing (a live inbox)
 *    the observer is disconnected until the next scan, which sees everything that changed
 *    meanwhile; scans then back off (80 ms, 0.5 s, 2 s, then 5 s apart) and speed up again once the
 *    page is quiet. A compose window opened on a quiet page gets its button within ~80 ms. */
'use strict';

(function (ns) {
  if (ns.started) return; // the manifest and a registered script may both inject us
  ns.started = true;

  const BACKOFF_MS = [80, 500, 2000, 5000]; // delay before the next scan, busier -> longer
  const QUIET_MS = 1500; // no change for this long after a scan: the page is quiet again
  const AFTER_CLASS_MS = [80, 400, 1200]; // a class change (an inline reply opening) may precede its editor
  const WHOLE = { childList: true, subtree: true };
  const adapter = ns.adapters.pick(location, document);
  const assistants = new Map(); // compose window element -> ComposeAssistant
  let timer = 0;
  let step = 0;
  let watchedSince = 0;
  let narrowed = null; // the adapter's targets once it has them

  function scan() {
    clearTimeout(timer);
    timer = 0;
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
    watch();
  }

  /** (Re)connect the observer: the adapter's narrow targets if it has them, else the document. */
  function watch() {
    if (narrowed && narrowed.every((t) => t.target.isConnected)) return;
    observer.disconnect();
    narrowed = adapter.observeTargets ? adapter.observeTargets(document) : null;
    for (const { target, options } of narrowed || [{ target: document.documentElement, options: WHOLE }]) {
      observer.observe(target, options);
    }
    watchedSince = performance.now();
  }

  /** Did the class an adapter watches (Gmail's adB: an inline reply opened) come or go? */
  function classTriggered(record) {
    const had = ` ${record.oldValue || ''} `.includes(` ${adapter.classTrigger} `);
    return had !== record.target.classList.contains(adapter.classTrigger);
  }

  function onMutations(records) {
    if (narrowed) {
      for (const record of records) {
        if (record.type === 'attributes' && classTriggered(record))
          for (const ms of AFTER_CLASS_MS) setTimeout(scan, ms);
      }
      if (!timer && records.some((r) => r.type === 'childList')) timer = setTimeout(scan, BACKOFF_MS[0]);
      return;
    }
    // The whole document: stop listening until the scan, which will see all that changes meanwhile.
    observer.disconnect();
    step = performance.now() - watchedSince > QUIET_MS ? 0 : Math.min(step + 1, BACKOFF_MS.length - 1);
    timer = setTimeout(scan, BACKOFF_MS[step]);
  }

  const observer = new MutationObserver(onMutations);
  if (!adapter) return;
  scan();

  ns.main = { adapter, assistants, scan }; // for debugging from the console
})(globalThis.FA);
