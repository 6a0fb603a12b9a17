/* The native-messaging host (`make install` registers it): starts the backend when it is not
 * running, and pairs the extension without a code. Only this extension's id may start it (the
 * host manifest says so). Where it is not installed, everything works as before: the backend is
 * started by hand and paired with a six-digit code. */
import * as tokenStore from './token-store.js';
import * as settings from '../common/settings.js';

const HOST = 'com.followup_assistant.backend'; // the name the install registered
const RETRY_AFTER_MS = 30000; // a host that is missing or failed is not asked again for 30 s
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
let inFlight = null;
let failedAt = 0;

function unavailable(code, message) {
  return { ok: false, error: { code, message, fix: '' } };
}

/** A loopback http origin from the host's answer, or null. */
function loopbackOrigin(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' && LOOPBACK.has(url.hostname) ? url.origin : null;
  } catch (err) {
    return null;
  }
}

async function ask(pair) {
  let answer;
  try {
    answer = await chrome.runtime.sendNativeMessage(HOST, { type: 'start', pair });
  } catch (err) {
    return unavailable('no_native_host', String((err && err.message) || err));
  }
  const origin = answer && answer.ok === true ? loopbackOrigin(answer.url) : null;
  if (!origin) return unavailable('native_host_failed', (answer && answer.error && answer.error.message) || 'The native host did not start the backend.');
  if (pair && typeof answer.token === 'string' && answer.token) {
    // The token is for the backend the host started: the extension follows it there.
    await settings.save({ backendUrl: origin, autoPair: true });
    await tokenStore.save(answer.token);
  }
  return { ok: true, data: { url: origin, paired: Boolean(answer.token) } };
}

/**
 * Start the backend (and pair, when `pair` and the user has not unpaired on purpose).
 * {ok, data: {url, paired}} | {ok: false, error}. Concurrent callers share one request.
 */
function start({ pair = false, force = false } = {}) {
  if (typeof chrome.runtime.sendNativeMessage !== 'function') return Promise.resolve(unavailable('no_native_host', 'Native messaging is not available.'));
  if (!force && Date.now() - failedAt < RETRY_AFTER_MS) return Promise.resolve(unavailable('no_native_host', 'The native host was not found a moment ago.'));
  if (!inFlight) {
    inFlight = (async () => {
      const { autoPair } = await settings.load();
      const answer = await ask(pair && (autoPair || force));
      failedAt = answer.ok ? 0 : Date.now();
      return answer;
    })().finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
}

export { start, HOST };
