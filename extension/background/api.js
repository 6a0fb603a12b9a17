/* Every request to the backend goes through here (only the service worker talks to it:
 * content scripts never hold the token). Answers {ok: true, data, status} or
 * {ok: false, error: {code, message, fix, field?, status?}} — one error path for every caller. */
import * as tokenStore from './token-store.js';
import * as native from './native.js';
import * as settings from '../common/settings.js';

const TIMEOUT_MS = 5000; // a local server answers in milliseconds; 5 s means it is stuck

// What the user reads for each failure, with the fix.
const FAILURES = Object.freeze({
  backend_down: {
    message: "Follow-up Assistant isn't running — start it with `make run`.",
    fix: 'Then click Try again.',
  },
  not_paired: {
    message: "Not paired — open the extension's options and pair with the code from `make pair`.",
    fix: 'Then click Try again.',
  },
  timeout: {
    message: "Follow-up Assistant didn't answer within 5 seconds.",
    fix: 'Try again; if it keeps happening, restart it with `make run`.',
  },
  bad_backend_url: {
    message: "The backend URL in the extension's options is not a valid address.",
    fix: 'Open the options and correct the Backend URL (usually http://127.0.0.1:8642).',
  },
  server_error: {
    message: 'Follow-up Assistant ran into an internal error.',
    fix: 'Try again; if it keeps happening, look at the terminal running `make run`.',
  },
  bad_answer: {
    message: 'Follow-up Assistant answered something the extension does not understand.',
    fix: 'Check that the Backend URL in the options points at Follow-up Assistant.',
  },
});

function failure(code, extra) {
  return { ok: false, error: { code, ...FAILURES[code], ...(extra || {}) } };
}

function buildUrl(base, path, query) {
  let url;
  try {
    url = new URL(path, base);
  } catch (err) {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  return url;
}

async function readJson(response) {
  if (response.status === 204) return { parsed: true, body: null };
  try {
    return { parsed: true, body: await response.json() };
  } catch (err) {
    return { parsed: false, body: null };
  }
}

/** Turn a non-2xx answer into the one error shape, keeping the backend's own words for 4xx. */
function errorFrom(response, body) {
  const status = response.status;
  if (status === 401) return failure('not_paired', { status });
  const given = body && body.error;
  if (status >= 400 && status < 500 && given && typeof given.message === 'string') {
    return {
      ok: false,
      error: {
        code: String(given.code || 'bad_request'),
        message: given.message,
        fix: '',
        field: given.field || null,
        status,
      },
    };
  }
  if (status >= 500) return failure('server_error', { status });
  return failure('bad_answer', { status });
}

async function send(method, path, opts, backendUrl, token) {
  const url = buildUrl(backendUrl, path, opts.query);
  if (!url) return { answer: failure('bad_backend_url') };
  const headers = { Accept: 'application/json', ...(opts.headers || {}) };
  if (opts.auth !== false) headers.Authorization = `Bearer ${token}`;
  const init = { method, headers, credentials: 'omit', cache: 'no-store' };
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(opts.json);
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs || TIMEOUT_MS);
  init.signal = controller.signal;
  let response;
  try {
    response = await fetch(url.href, init);
  } catch (err) {
    return { answer: controller.signal.aborted ? failure('timeout') : failure('backend_down'), down: !controller.signal.aborted };
  } finally {
    clearTimeout(timer);
  }
  const { parsed, body } = await readJson(response);
  if (!response.ok) return { answer: errorFrom(response, parsed ? body : null) };
  if (!parsed) return { answer: failure('bad_answer', { status: response.status }) };
  return { answer: { ok: true, data: body, status: response.status } };
}

/**
 * request('GET', '/api/v1/interviews', {query: {email}}) -> {ok, data} | {ok: false, error}.
 * Options: query, json (sent as the body), headers, auth (default true), timeoutMs.
 * Where the native host is installed, a backend that is down is started, and an extension
 * that is not paired (or whose token the backend no longer knows) pairs itself, then the
 * request goes once more.
 */
async function request(method, path, options) {
  const opts = options || {};
  const auth = opts.auth !== false;
  let token = auth ? await tokenStore.load() : '';
  if (auth && !token) {
    const started = await native.start({ pair: true });
    token = started.ok ? await tokenStore.load() : '';
    if (!token) return failure('not_paired');
  }
  let { backendUrl } = await settings.load();
  const first = await send(method, path, opts, backendUrl, token);
  const revoked = auth && first.answer.error && first.answer.error.status === 401;
  if (!first.down && !revoked) return first.answer;
  const started = await native.start({ pair: revoked });
  if (!started.ok || (revoked && !started.data.paired)) return first.answer;
  // A backend the user pointed elsewhere (another port, started by hand) is not the one the
  // host starts: then the original answer stands.
  if (!revoked && started.data.url !== new URL(backendUrl).origin) return first.answer;
  ({ backendUrl } = await settings.load());
  if (auth) token = await tokenStore.load();
  return (await send(method, path, opts, backendUrl, token)).answer;
}

export { request, failure, TIMEOUT_MS };
