/* Self-hosted webmail (Roundcube and others) on the user's own domain: after the options
 * page obtains the host permission (chrome.permissions.request needs the user's click, so it
 * happens there), the worker registers the content scripts for that origin and remembers it. */
import * as settings from '../common/settings.js';

const ID_PREFIX = 'site:';
let listed = null; // the scripts an added site gets, read once a wake-up

/** The content scripts for a self-hosted webmail, in load order, from scripts.json (the one list
 * of content scripts; the manifest repeats it for the webmails it names): the shared part, the
 * self-hosted adapter (Roundcube's; the generic one serves any other), then the rest. */
export function siteScripts(lists) {
  const { before_adapter: before, after_adapter: after, adapters } = lists.content;
  return [...before, ...(adapters['self-hosted'] ? [adapters['self-hosted']] : []), ...after];
}

/** siteScripts of this version's scripts.json (the extension's own file, never the web). */
export function contentScripts() {
  if (!listed) {
    listed = fetch(chrome.runtime.getURL('scripts.json'))
      .then((response) => response.json())
      .then(siteScripts)
      .catch((err) => {
        listed = null; // try again next time
        throw err;
      });
  }
  return listed;
}

async function scriptFor(origin) {
  return {
    id: ID_PREFIX + origin,
    matches: [settings.sitePattern(origin)],
    js: await contentScripts(),
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
}

async function registeredIds() {
  const scripts = await chrome.scripting.getRegisteredContentScripts();
  return new Set(scripts.map((s) => s.id).filter((id) => id.startsWith(ID_PREFIX)));
}

/** Register the content scripts on origin (permission must already be granted). */
async function add(originText) {
  const origin = settings.normalizeOrigin(originText);
  if (!origin) {
    return {
      ok: false,
      error: {
        code: 'bad_site',
        message: `"${originText}" is not a web address like https://webmail.example.org.`,
        fix: 'Enter the address of your webmail.',
      },
    };
  }
  const granted = await chrome.permissions.contains({ origins: [settings.sitePattern(origin)] });
  if (!granted) {
    return {
      ok: false,
      error: {
        code: 'no_permission',
        message: `Follow-up Assistant has no permission for ${origin} yet.`,
        fix: 'Click "Add site" again and allow access when the browser asks.',
      },
    };
  }
  const ids = await registeredIds();
  if (!ids.has(ID_PREFIX + origin)) await chrome.scripting.registerContentScripts([await scriptFor(origin)]);
  const { sites } = await settings.load();
  const next = sites.includes(origin) ? sites : [...sites, origin];
  await settings.save({ sites: next });
  return { ok: true, data: { sites: next } };
}

/** Unregister origin's content scripts and give its permission back. */
async function remove(originText) {
  const origin = settings.normalizeOrigin(originText);
  if (!origin)
    return { ok: false, error: { code: 'bad_site', message: `"${originText}" is not a web address.`, fix: '' } };
  const ids = await registeredIds();
  if (ids.has(ID_PREFIX + origin)) await chrome.scripting.unregisterContentScripts({ ids: [ID_PREFIX + origin] });
  const { sites } = await settings.load();
  const next = sites.filter((s) => s !== origin);
  await settings.save({ sites: next });
  await chrome.permissions.remove({ origins: [settings.sitePattern(origin)] }).catch(() => false);
  return { ok: true, data: { sites: next } };
}

/** Make the registrations match the saved sites and this version's files (on install, update, start). */
async function sync() {
  const { sites } = await settings.load();
  const ids = await registeredIds();
  for (const origin of sites) {
    const granted = await chrome.permissions.contains({ origins: [settings.sitePattern(origin)] });
    if (!granted) continue;
    // An update may have changed the file list: refresh registrations that already exist.
    if (ids.has(ID_PREFIX + origin)) await chrome.scripting.updateContentScripts([await scriptFor(origin)]);
    else await chrome.scripting.registerContentScripts([await scriptFor(origin)]);
  }
}

export { add, remove, sync };
