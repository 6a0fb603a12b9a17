/* The user's settings in chrome.storage.local: defaults, load and save. Never the token:
 * content scripts can read this storage (background/token-store.js keeps it).
 * Flat keys, so a partial save never overwrites another part's setting. */

const DEFAULTS = Object.freeze({
  backendUrl: 'http://127.0.0.1:8642', // where `make run` serves by default
  autoPair: true, // pair through the native host (make install) when not paired; false after Unpair
  preferredWebmail: 'gmail', // which webmail the popup's "compose" links open
  sites: [], // self-hosted webmail origins the user added, e.g. "https://webmail.example.org"
});

/** Read every setting, defaults filled in. */
async function load() {
  const stored = await chrome.storage.local.get(Object.keys(DEFAULTS));
  return { ...DEFAULTS, ...stored };
}

/** Save only the given settings; unknown keys are refused so a typo cannot go unnoticed. */
async function save(partial) {
  for (const key of Object.keys(partial)) {
    if (!(key in DEFAULTS)) throw new Error(`Unknown setting: ${key}`);
  }
  await chrome.storage.local.set(partial);
}

/** "https://Webmail.Example.org/mail/" -> "https://webmail.example.org", or null if not a web origin. */
function normalizeOrigin(text) {
  try {
    const url = new URL(String(text).trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin;
  } catch (err) {
    return null;
  }
}

/**
 * The match pattern for a site's origin, for permissions and content scripts: scheme and host,
 * without the port. Firefox's match patterns take no port (one with a port matches no page),
 * and Chrome's portless pattern covers every port, so a webmail on :8080 works in both.
 */
function sitePattern(origin) {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

export { DEFAULTS, load, save, normalizeOrigin, sitePattern };
