/* The panel's line to the content script of the compose window it is framed into: one
 * runtime.Port to the tab's top frame, opened once the worker has told the panel which tab it
 * is in. Extension messaging only — the webmail page can neither read nor forge what passes
 * here (window.postMessage could be both). request() answers a Promise; on() handles notices. */

import '../common/messages.js'; // a classic script (content scripts load it too): it fills globalThis.FA

const { PORT: P, MESSAGES: M, sendMessage } = globalThis.FA;
const handlers = new Map();
const pending = new Map();
let port = null;
let nextId = 1;

const GONE = { ok: false, gone: true }; // the compose window (or its page) went away

function onMessage(msg) {
  if (!msg || typeof msg !== 'object') return;
  if (Number.isInteger(msg.id) && pending.has(msg.id)) {
    const resolve = pending.get(msg.id);
    pending.delete(msg.id);
    resolve(msg.answer || GONE);
    return;
  }
  const handler = handlers.get(msg.type);
  if (handler) handler(msg);
}

/** Connect to the content script of the tab this frame is in; resolves to true once connected. */
async function connect() {
  const hello = await sendMessage(M.PANEL_BG_HELLO);
  if (!hello.ok) return false;
  // Firefox gives a framed extension page no `tabs` API: there the worker relays the port.
  port = chrome.tabs
    ? chrome.tabs.connect(hello.data.tabId, { name: P.NAME, frameId: 0 })
    : chrome.runtime.connect({ name: P.NAME });
  port.onMessage.addListener(onMessage);
  port.onDisconnect.addListener(() => {
    port = null;
    for (const resolve of pending.values()) resolve(GONE);
    pending.clear();
  });
  return true;
}

function request(type, fields) {
  if (!port) return Promise.resolve(GONE);
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    port.postMessage({ id, type, ...(fields || {}) });
  });
}

function notify(type, fields) {
  if (port) port.postMessage({ type, ...(fields || {}) });
}

function on(type, handler) {
  handlers.set(type, handler);
}

export { connect, request, notify, on };
