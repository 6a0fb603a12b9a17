/* Where the backend's token lives: IndexedDB of the extension's own origin, opened only here in
 * the background. Content scripts run in the webmail page's origin, so they (and the page's own
 * scripts) see that origin's IndexedDB, never this one; chrome.storage.local, where the token
 * used to be, is readable by every content script. IndexedDB survives a browser restart.
 * Extension pages ask the background (`status`), they do not read the token either. */

const DB_NAME = 'followup-assistant-secrets';
const STORE = 'secrets';
const KEY = 'token';
const LEGACY_KEY = 'token'; // chrome.storage.local key of versions that kept it there
let cached = null; // the token as last read or written by this worker (only it writes)

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Move a token an older version kept in chrome.storage.local, and delete it there. Run when
 * the extension is installed or updated only: content scripts can write chrome.storage.local,
 * and must not be able to choose the token. */
async function moveLegacy() {
  const stored = await chrome.storage.local.get(LEGACY_KEY);
  if (!(LEGACY_KEY in stored)) return;
  if (typeof stored[LEGACY_KEY] === 'string' && stored[LEGACY_KEY]) await save(stored[LEGACY_KEY]);
  await chrome.storage.local.remove(LEGACY_KEY);
}

/** The token, or '' when not paired. */
async function load() {
  if (cached === null) {
    const token = await run('readonly', (store) => store.get(KEY));
    cached = typeof token === 'string' ? token : '';
  }
  return cached;
}

async function save(token) {
  await run('readwrite', (store) => store.put(String(token), KEY));
  cached = String(token);
}

async function clear() {
  await run('readwrite', (store) => store.delete(KEY));
  cached = '';
}

export { load, save, clear, moveLegacy };
