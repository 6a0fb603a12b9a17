/* The service worker (Chrome) / event page (Firefox), one ES module in both: the only part that
 * talks to the backend. Listeners are registered at the top level, synchronously (static imports
 * only, no top-level await), so a message or an alarm wakes it; it keeps no state between
 * wake-ups (everything lives in chrome.storage). */

import '../common/messages.js'; // a classic script (content scripts load it too): it fills globalThis.FA
import * as settings from '../common/settings.js';
import * as api from './api.js';
import * as badge from './badge.js';
import * as followUps from './follow-ups.js';
import { handlers } from './handlers.js';
import * as sites from './sites.js';
import * as tokenStore from './token-store.js';
import * as validate from './validate.js';

const PORT = globalThis.FA.PORT;
const EXTENSION_ORIGIN = chrome.runtime.getURL('');

function refuse(code, message) {
  return { ok: false, error: { code, message, fix: '' } };
}

const PANEL_PATH = '/panel/panel.html';

/** Is sender one of our own pages? (By scheme and path: with a dynamic web-accessible URL the
 * panel's host is a per-session id, not the extension's id; sender.id is checked before.) */
function ourPage(sender, path) {
  if (typeof sender.url !== 'string') return false;
  if (sender.url.startsWith(EXTENSION_ORIGIN)) return !path || new URL(sender.url).pathname === path;
  let url;
  try {
    url = new URL(sender.url);
  } catch (err) {
    return false;
  }
  return (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:') && url.pathname === path;
}

/** Is the sender who this handler accepts? Content scripts come from a tab; the panel is our
 * page framed in a tab; the popup and options are our pages. */
function senderAllowed(handler, sender) {
  if (!sender || sender.id !== chrome.runtime.id) return false;
  if (handler.from === 'panel') return Boolean(sender.tab) && ourPage(sender, PANEL_PATH);
  if (handler.from === 'extension') return ourPage(sender, null) && !ourPage(sender, PANEL_PATH);
  if (handler.from === 'content') return Boolean(sender.tab) && !ourPage(sender, null) && !ourPage(sender, PANEL_PATH);
  return false;
}

async function dispatch(msg, sender) {
  const handler = msg && typeof msg.type === 'string' && Object.hasOwn(handlers, msg.type) ? handlers[msg.type] : null;
  if (!handler) return refuse('unknown_message', 'The extension received a message it does not know.');
  if (!senderAllowed(handler, sender)) return refuse('forbidden_sender', 'This message is not accepted from there.');
  const problem = validate.problemWith(handler.shape, msg);
  if (problem) return refuse('bad_message', `The extension sent a malformed message: ${problem}.`);
  const { type, ...fields } = msg;
  try {
    return await handler.run(fields, sender);
  } catch (err) {
    console.error('Follow-up Assistant: handler failed', type, err);
    return refuse('extension_error', 'Something went wrong inside the extension. Try again.');
  }
}

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  dispatch(msg, sender).then(sendResponse);
  return true; // answer asynchronously
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === followUps.ALARM) followUps.flush().catch((err) => console.warn('Follow-up retry failed', err));
});

function onWake() {
  sites.sync().catch((err) => console.warn('Could not restore site scripts', err));
  followUps.flush().catch((err) => console.warn('Follow-up retry failed', err));
}
chrome.runtime.onInstalled.addListener(() => {
  tokenStore.moveLegacy().catch((err) => console.warn('Could not move the token', err));
  onWake();
});
chrome.runtime.onStartup.addListener(onWake);
badge.listen(); // badge count, its alarms and the morning reminders (badge.js)

// Firefox gives an extension page framed into a web page no `tabs` API, so the panel cannot
// reach its compose window's content script itself: it connects here, and this relays the port
// to that tab's top frame, named with the frame's nonce (the content script matches it to the
// frame it made). Only our panel page, framed in a tab, is relayed. Chrome's panel connects directly.
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== PORT.NAME) return;
  const sender = port.sender || {};
  if (sender.id !== chrome.runtime.id || !sender.tab || !ourPage(sender, PANEL_PATH)) {
    port.disconnect();
    return;
  }
  const nonce = new URL(sender.url).hash.slice(1);
  const tabPort = chrome.tabs.connect(sender.tab.id, { name: `${PORT.NAME}:${nonce}`, frameId: 0 });
  port.onMessage.addListener((msg) => tabPort.postMessage(msg));
  tabPort.onMessage.addListener((msg) => port.postMessage(msg));
  port.onDisconnect.addListener(() => tabPort.disconnect());
  tabPort.onDisconnect.addListener(() => port.disconnect());
});

// The worker's parts by name, for tests (Playwright evaluates in the worker) and the console: a
// module's bindings are not globals, so they are published here, next to messages.js's names.
Object.assign(globalThis.FA, { api, badge, followUps, settings, sites, tokenStore, dispatch });
