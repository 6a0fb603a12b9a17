// The options page: pair with the backend, the profile, the preferred webmail, self-hosted webmail sites.
import '../common/messages.js'; // a classic script (content scripts load it too): it fills globalThis.FA
import { el, fill, send } from '../popup/dom.js';
import { WEBMAILS, DEFAULT_WEBMAIL } from '../popup/compose-url.js';
import { errorWords, fieldMessage, plain } from '../popup/words.js';
import { sitePattern } from '../common/settings.js';

const M = globalThis.FA.MESSAGES;
const $ = (id) => document.getElementById(id);
const PROFILE_FIELDS = ['name', 'signature', 'country', 'weekly_goal'];
// Errors that mean the backend is not answering: the page offers Try again beside them.
const NOT_ANSWERING = new Set(['backend_down', 'timeout']);

document.addEventListener('DOMContentLoaded', async () => {
  $('pair-form').addEventListener('submit', pair);
  $('test').addEventListener('click', testConnection);
  $('unpair').addEventListener('click', unpair);
  $('pair-native').addEventListener('click', pairNative);
  $('profile-form').addEventListener('submit', saveProfile);
  $('webmail').addEventListener('change', saveWebmail);
  $('site-form').addEventListener('submit', addSite);
  $('open-all').addEventListener('click', () => chrome.tabs.create({ url: chrome.runtime.getURL('interviews/interviews.html') }));
  for (const [value, { label }] of Object.entries(WEBMAILS)) $('webmail').append(el('option', { value, text: label }));
  await refresh();
});

/** Draw the page from the service worker's view of the settings. */
async function refresh() {
  const answer = await send(M.OPTIONS_BG_STATUS);
  if (!answer.ok) {
    say('pair-message', errorWords(answer.error), true);
    return;
  }
  const { paired, backendUrl, webmail, sites } = answer.data;
  $('backend-url').value = backendUrl || $('backend-url').value;
  $('webmail').value = WEBMAILS[webmail] ? webmail : DEFAULT_WEBMAIL;
  showPaired(paired, backendUrl);
  drawSites(sites || []);
  if (paired) await loadProfile();
}

function showPaired(paired, backendUrl) {
  $('unpaired').hidden = paired;
  $('paired').hidden = !paired;
  $('profile-card').hidden = !paired;
  $('paired-text').textContent = `Paired with the backend at ${backendUrl}.`;
  $('paired-text').classList.remove('down');
}

/** Paired, and the backend does not answer: say both in one line, with a real Try again. */
function showNotAnswering(error) {
  $('paired-text').textContent = "Paired, but Follow-up Assistant isn't answering right now.";
  $('paired-text').classList.add('down');
  const message = errorWords(error).replace(/\s*Then (?:click|press) Try again\.?/, '');
  say('pair-message', message, true);
  if (!$('retry')) {
    $('connection-actions').prepend(el('button', { type: 'button', id: 'retry', class: 'primary', text: 'Try again', on: { click: testConnection } }));
  }
}

async function pair(event) {
  event.preventDefault();
  const code = $('pairing-code').value.replace(/\s+/g, '');
  const backendUrl = $('backend-url').value.trim();
  if (!/^\d{6}$/.test(code)) {
    $('pairing-code').setAttribute('aria-invalid', 'true');
    say('pair-message', 'Enter the six digits that "make pair" printed.', true);
    $('pairing-code').focus();
    return;
  }
  $('pairing-code').removeAttribute('aria-invalid');
  $('pair').disabled = true;
  say('pair-message', 'Pairing…');
  const answer = await send(M.OPTIONS_BG_PAIR, { backendUrl, code });
  $('pair').disabled = false;
  if (!answer.ok) {
    say('pair-message', errorWords(answer.error), true);
    $('pairing-code').focus();
    return;
  }
  $('pairing-code').value = '';
  say('pair-message', 'Paired. The toolbar button now shows your follow-ups.');
  await refresh();
  $('test').focus();
}

async function pairNative() {
  $('pair-native').disabled = true;
  say('pair-message', 'Starting the backend and pairing…');
  const answer = await send(M.OPTIONS_BG_PAIR_NATIVE);
  $('pair-native').disabled = false;
  if (!answer.ok) {
    say('pair-message', errorWords(answer.error), true);
    return;
  }
  say('pair-message', 'Paired. The toolbar button now shows your follow-ups.');
  await refresh();
  $('test').focus();
}

async function testConnection() {
  $('test').disabled = true;
  say('pair-message', 'Testing…');
  const answer = await send(M.OPTIONS_BG_TEST);
  $('test').disabled = false;
  if (answer.ok) {
    if ($('retry')) {
      $('retry').remove();
      await refresh(); // back from "isn't answering": the paired line and the profile again
    }
    say('pair-message', `Connected: the backend answers${answer.data?.version ? ` (version ${answer.data.version})` : ''} and knows this extension.`);
  } else if (NOT_ANSWERING.has(answer.error?.code)) {
    showNotAnswering(answer.error);
  } else {
    say('pair-message', errorWords(answer.error), true);
  }
}

async function unpair() {
  const answer = await send(M.OPTIONS_BG_UNPAIR);
  if (!answer.ok) {
    say('pair-message', errorWords(answer.error), true);
    return;
  }
  const UNPAIRED = {
    null: 'Unpaired: the backend no longer accepts this browser. Pair again whenever you like.',
    fixed: 'Unpaired here. The backend still accepts this token because it is set in its FOLLOWUP_TOKEN setting.',
    unreachable: 'Unpaired here, but the backend could not be reached to revoke the token: run make tokens, then revoke it there.',
  };
  say('pair-message', UNPAIRED[answer.data.kept], !answer.data.revoked);
  await refresh();
  $('pairing-code').focus();
}

async function loadProfile() {
  const answer = await send(M.OPTIONS_BG_GET_PROFILE);
  if (!answer.ok) {
    if (NOT_ANSWERING.has(answer.error?.code)) {
      $('profile-card').hidden = true; // nothing to edit until it answers; the connection says why
      showNotAnswering(answer.error);
    } else {
      say('profile-message', errorWords(answer.error), true);
    }
    return;
  }
  for (const name of PROFILE_FIELDS) {
    const value = answer.data[name];
    $(`p-${name}`).value = value === null || value === undefined ? '' : String(value);
  }
}

async function saveProfile(event) {
  event.preventDefault();
  const profile = {};
  for (const name of PROFILE_FIELDS) {
    const input = $(`p-${name}`);
    input.removeAttribute('aria-invalid');
    $(`pe-${name}`).hidden = true;
    profile[name] = input.value.trim();
  }
  profile.country = profile.country.toUpperCase();
  const goal = Number(profile.weekly_goal);
  profile.weekly_goal = profile.weekly_goal === '' ? null : Number.isInteger(goal) ? goal : profile.weekly_goal;
  const answer = await send(M.OPTIONS_BG_SAVE_PROFILE, { profile });
  if (!answer.ok) {
    const field = answer.error?.field;
    if (PROFILE_FIELDS.includes(field)) {
      $(`p-${field}`).setAttribute('aria-invalid', 'true');
      $(`pe-${field}`).textContent = fieldMessage(answer.error);
      $(`pe-${field}`).hidden = false;
      $(`p-${field}`).focus();
      say('profile-message', 'Not saved: see the field marked above.', true); // the reason is said once, beside its field
      return;
    }
    say('profile-message', errorWords(answer.error), true);
    return;
  }
  say('profile-message', 'Profile saved.');
}

async function saveWebmail() {
  const answer = await send(M.OPTIONS_BG_SET_WEBMAIL, { webmail: $('webmail').value });
  if (answer.ok) say('webmail-message', `Saved: follow-ups open in ${WEBMAILS[$('webmail').value].label}.`);
  else say('webmail-message', errorWords(answer.error), true);
}

function drawSites(sites) {
  if (!sites.length) {
    fill($('sites'), el('li', { class: 'empty', text: 'No sites added.' }));
    return;
  }
  fill($('sites'), sites.map((origin) => el('li', {},
    el('span', { text: origin }),
    el('button', { type: 'button', text: 'Remove', 'aria-label': `Remove ${origin}`, on: { click: () => removeSite(origin) } }))));
}

/** The origin of what the user typed ("mail.example.org" means https), or null. */
function originOf(text) {
  const value = text.trim();
  if (!value) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

async function addSite(event) {
  event.preventDefault();
  const origin = originOf($('site').value);
  if (!origin) {
    say('site-message', 'Enter the address of your webmail, like https://mail.example.org.', true);
    $('site').focus();
    return;
  }
  // The permission prompt must come from this click, so it is asked here, not in the service worker.
  let granted = false;
  try {
    granted = await chrome.permissions.request({ origins: [sitePattern(origin)] });
  } catch (error) {
    say('site-message', `The browser refused: ${error.message}`, true);
    return;
  }
  if (!granted) {
    say('site-message', `Not added: the extension needs your permission to work on ${origin}.`, true);
    return;
  }
  const answer = await send(M.OPTIONS_BG_ADD_SITE, { origin });
  if (!answer.ok) {
    say('site-message', errorWords(answer.error), true);
    return;
  }
  $('site').value = '';
  say('site-message', `Added ${origin}. Reload its tab to see the assistant's button.`);
  drawSites(answer.data.sites);
}

async function removeSite(origin) {
  const answer = await send(M.OPTIONS_BG_REMOVE_SITE, { origin });
  if (!answer.ok) {
    say('site-message', errorWords(answer.error), true);
    return;
  }
  await chrome.permissions.remove({ origins: [sitePattern(origin)] }).catch(() => false);
  say('site-message', `Removed ${origin}.`);
  drawSites(answer.data.sites);
  $('site').focus();
}

function say(id, text, problem = false) {
  $(id).textContent = plain(text);
  $(id).classList.toggle('problem', problem);
}
