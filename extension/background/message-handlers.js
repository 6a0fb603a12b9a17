/* The worker's side of noticing interviews in opened mail (content/message-watch.js).
 *  - cs-bg-inspect-message: a message the content script's pre-check let through goes to the
 *    local backend (POST /api/v1/messages/inspect), unless its thread was dismissed. When there is
 *    something to offer, the answer is kept in chrome.storage.session (memory only, never on disk)
 *    under a fresh nonce bound to the tab, and the content script frames prompt/prompt.html#nonce.
 *  - prompt-bg-*: the prompt page reads that answer once, and acts on the interview the answer
 *    named (never on an id of its own choosing): track it, stop reminders, move the follow-up,
 *    undo, dismiss. Only our own extension pages in that same tab may send these.
 *  - Reply and away hints (interview id and dates only, no text) go to chrome.storage.local
 *    under `messageHints` for the popup and the panel to show (readHints / clearHint).
 * Nothing of the message's text is stored: the backend reads it and forgets it. */
import '../common/messages.js'; // a classic script (content scripts load it too): it fills globalThis.FA
import { request as api } from './api.js';
import * as badge from './badge.js';

const M = globalThis.FA.MESSAGES;
const fail = (code, message) => ({ ok: false, error: { code, message, fix: '' } });
const HINTS = 'messageHints'; // {[interviewId]: {kind: 'reply'|'away', on, returnOn?, moveTo?, name}}
const DISMISSED = 'dismissedThreads'; // [sha256 hex of "site:thread id"], newest last
const MAX_DISMISSED = 500;
const PROMPT_TTL_MS = 30 * 60 * 1000;
const TRACK_FIELDS = ['company', 'position', 'interview_date', 'interviewer_name', 'interviewer_email', 'timeline', 'notes'];
const EMAIL = /^[^@\s<>()[\],;:"\\]{1,64}@[^@\s]+\.[^@\s]{2,}$/;
const promptKey = (nonce) => `prompt:${nonce}`;

async function dismissed() {
  return (await chrome.storage.local.get(DISMISSED))[DISMISSED] || [];
}

async function readHints() {
  return (await chrome.storage.local.get(HINTS))[HINTS] || {};
}

async function saveHint(interviewId, hint) {
  const hints = await readHints();
  hints[interviewId] = hint;
  await chrome.storage.local.set({ [HINTS]: hints });
}

async function clearHint(interviewId) {
  const hints = await readHints();
  delete hints[interviewId];
  await chrome.storage.local.set({ [HINTS]: hints });
}

/** Forget prompts that were never opened or closed long ago (the session store is small). */
async function sweep() {
  const all = await chrome.storage.session.get(null);
  const old = Object.entries(all)
    .filter(([key, entry]) => key.startsWith('prompt:') && Date.now() - entry.at > PROMPT_TTL_MS)
    .map(([key]) => key);
  if (old.length) await chrome.storage.session.remove(old);
}

/** SHA-256 (hex) of the page's origin and the thread's id: all that is kept of a dismissed thread
 * (computed here: a content script on an http:// self-hosted webmail has no crypto.subtle). */
async function threadHash(sender, threadId) {
  const origin = sender.origin || new URL(sender.url).origin;
  const bytes = new TextEncoder().encode(`${origin}\n${threadId}`);
  const hash = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function inspect(msg, sender) {
  const hash = await threadHash(sender, msg.threadId);
  if ((await dismissed()).includes(hash)) return { ok: true, data: { show: false, dismissed: true } };
  const on = await badge.today();
  const json = { text: msg.text, on };
  if (msg.subject) json.subject = msg.subject;
  if (msg.fromName) json.from_name = msg.fromName;
  if (msg.fromEmail && EMAIL.test(msg.fromEmail)) json.from_email = msg.fromEmail;
  if (msg.receivedOn) json.received_on = msg.receivedOn;
  // A calendar invitation's card: its start wins over dates in the text (the backend prefers it).
  if (msg.calendarStart) json.calendar_start = msg.calendarStart;
  if (msg.calendarSummary) json.calendar_summary = msg.calendarSummary;
  if (msg.calendarOrganizerEmail && EMAIL.test(msg.calendarOrganizerEmail)) json.calendar_organizer_email = msg.calendarOrganizerEmail;
  if (msg.calendarOrganizerName) json.calendar_organizer_name = msg.calendarOrganizerName;
  const answer = await api('POST', '/api/v1/messages/inspect', { json });
  if (!answer.ok) return answer;
  const found = answer.data;
  if (found.reply) {
    const { interview_id: id, received_on: day, interviewer_name: name } = found.reply;
    await saveHint(id, { kind: 'reply', on: day, name: name || msg.fromName || '' });
  }
  if (found.away) {
    const { interview_id: id, return_on: back, move_to: moveTo, interviewer_name: name } = found.away;
    await saveHint(id, { kind: 'away', on: msg.receivedOn || on, returnOn: back, moveTo, name: name || msg.fromName || '' });
  }
  if (!found.track && !found.reply && !(found.away && found.away.return_on)) return { ok: true, data: { show: false, kind: found.kind } };
  return { ok: true, data: { show: true, nonce: await keep(sender, hash, found, on), kind: found.kind } };
}

/** A sender the user waits on? The backend names whom (GET /messages/watch: addresses and
 * company mail domains; the request carries nothing of the message); the sender is compared
 * here, in the browser, so a message from anyone else reaches the backend in no form. */
async function waitedOn(email) {
  const watch = await api('GET', '/api/v1/messages/watch');
  if (!watch.ok) return false;
  const address = email.toLowerCase();
  const domain = address.split('@').pop();
  return watch.data.addresses.includes(address) || watch.data.domains.includes(domain);
}

/** An opened message with no job words: offer "replied — stop reminders?" only when its sender
 * is one the user waits on and it arrived on or after the last follow-up (the backend decides,
 * from the sender and the day alone). */
async function checkSender(msg, sender) {
  if (!EMAIL.test(msg.fromEmail)) return { ok: true, data: { show: false } };
  const hash = await threadHash(sender, msg.threadId);
  if ((await dismissed()).includes(hash)) return { ok: true, data: { show: false, dismissed: true } };
  if (!(await waitedOn(msg.fromEmail))) return { ok: true, data: { show: false } };
  const on = await badge.today();
  const json = { from_email: msg.fromEmail, received_on: msg.receivedOn || on, on };
  const answer = await api('POST', '/api/v1/messages/reply', { json });
  if (!answer.ok || !answer.data.reply) return answer.ok ? { ok: true, data: { show: false } } : answer;
  const found = { kind: 'reply', track: false, interview: null, reply: answer.data.reply, away: null };
  const { interview_id: id, received_on: day, interviewer_name: name } = found.reply;
  await saveHint(id, { kind: 'reply', on: day, name: name || msg.fromName || '' });
  return { ok: true, data: { show: true, nonce: await keep(sender, hash, found, on), kind: 'reply' } };
}

/** Keep an answer for the prompt page under a fresh nonce bound to the tab (memory only). */
async function keep(sender, hash, answer, on) {
  await sweep();
  const nonce = crypto.randomUUID();
  const entry = { tabId: sender.tab.id, threadHash: hash, answer, on, claimed: false, at: Date.now() };
  await chrome.storage.session.set({ [promptKey(nonce)]: entry });
  return nonce;
}

/** The prompt entry a page may act on: its nonce, from the tab it was made for. */
async function entryFor(nonce, sender) {
  const key = promptKey(nonce);
  const entry = (await chrome.storage.session.get(key))[key];
  if (!entry || !sender.tab || sender.tab.id !== entry.tabId) return null;
  return entry;
}

async function update(nonce, entry) {
  await chrome.storage.session.set({ [promptKey(nonce)]: entry });
}

function tellTab(entry, type, fields) {
  return chrome.tabs.sendMessage(entry.tabId, { type, ...fields }, { frameId: 0 }).catch(() => {});
}

const unknown = () => fail('prompt_gone', 'This prompt is no longer valid. Open the message again.');

async function getPrompt({ nonce }, sender) {
  const entry = await entryFor(nonce, sender);
  if (!entry || entry.claimed) return unknown(); // one page per prompt: the first one framed
  entry.claimed = true;
  await update(nonce, entry);
  return { ok: true, data: { ...entry.answer, on: entry.on } };
}

async function track({ nonce, interview }, sender) {
  const entry = await entryFor(nonce, sender);
  if (!entry || !entry.answer.track) return unknown();
  const body = {};
  for (const [key, value] of Object.entries(interview)) {
    if (!TRACK_FIELDS.includes(key)) return fail('bad_message', `Unknown interview field "${key}".`);
    if (typeof value === 'string' && value.trim() !== '') body[key] = value.trim();
  }
  const answer = await api('POST', '/api/v1/interviews', { query: { on: entry.on }, json: body });
  if (answer.ok) {
    entry.answer.track = false;
    entry.tracked = answer.data.id;
    await update(nonce, entry);
  }
  return badge.afterChange(answer);
}

async function replied({ nonce, undo }, sender) {
  const entry = await entryFor(nonce, sender);
  const reply = entry && entry.answer.reply;
  if (!reply) return unknown();
  const id = reply.interview_id;
  const answer = undo
    ? await api('PATCH', `/api/v1/interviews/${id}`, { query: { on: entry.on }, json: { reply_on: null } })
    : await api('POST', `/api/v1/interviews/${id}/reply`, { query: { on: entry.on }, json: { received_on: reply.received_on } });
  if (answer.ok && !undo) await clearHint(id);
  if (answer.ok && undo) await saveHint(id, { kind: 'reply', on: reply.received_on, name: reply.interviewer_name || '' });
  return badge.afterChange(answer);
}

async function move({ nonce, undo }, sender) {
  const entry = await entryFor(nonce, sender);
  const away = entry && entry.answer.away;
  if (!away || !away.can_move) return unknown();
  const id = away.interview_id;
  // The next follow-up, first or second, waits until the business day after their return day
  // (the interview's away_until); Undo puts back what was there (usually nothing).
  const value = undo ? away.away_until_before || null : away.return_on;
  if (!undo) away.away_until_before = away.away_until;
  await update(nonce, entry);
  const answer = await api('PATCH', `/api/v1/interviews/${id}`, { query: { on: entry.on }, json: { away_until: value } });
  if (answer.ok && !undo) await clearHint(id);
  return badge.afterChange(answer);
}

async function dismiss({ nonce, forget }, sender) {
  const entry = await entryFor(nonce, sender);
  if (!entry) return unknown();
  if (!forget) {
    const hashes = (await dismissed()).filter((h) => h !== entry.threadHash);
    hashes.push(entry.threadHash);
    await chrome.storage.local.set({ [DISMISSED]: hashes.slice(-MAX_DISMISSED) });
  }
  await chrome.storage.session.remove(promptKey(nonce));
  await tellTab(entry, M.BG_CS_PROMPT_CLOSE, { nonce });
  return { ok: true, data: {} };
}

async function size({ nonce, height }, sender) {
  const entry = await entryFor(nonce, sender);
  if (!entry) return unknown();
  await tellTab(entry, M.BG_CS_PROMPT_SIZE, { nonce, height });
  return { ok: true, data: {} };
}

const content = (shape, run) => ({ from: 'content', shape, run });
const page = (shape, run) => ({ from: 'extension', shape, run });

export const messageHandlers = {
  [M.CS_BG_INSPECT_MESSAGE]: content(
    {
      subject: 'string?', text: 'text', fromName: 'string?', fromEmail: 'string?', receivedOn: 'date?', threadId: 'string',
      calendarStart: 'string?', calendarSummary: 'string?', calendarOrganizerEmail: 'string?', calendarOrganizerName: 'string?',
    },
    inspect,
  ),
  [M.CS_BG_CHECK_SENDER]: content({ fromEmail: 'string', fromName: 'string?', receivedOn: 'date?', threadId: 'string' }, checkSender),
  [M.PROMPT_BG_GET]: page({ nonce: 'uuid' }, getPrompt),
  [M.PROMPT_BG_TRACK]: page({ nonce: 'uuid', interview: 'object' }, track),
  [M.PROMPT_BG_REPLIED]: page({ nonce: 'uuid', undo: 'bool?' }, replied),
  [M.PROMPT_BG_MOVE]: page({ nonce: 'uuid', undo: 'bool?' }, move),
  [M.PROMPT_BG_DISMISS]: page({ nonce: 'uuid', forget: 'bool?' }, dismiss),
  [M.PROMPT_BG_SIZE]: page({ nonce: 'uuid', height: 'int' }, size),
};
export const messageHints = { read: readHints, clear: clearHint, KEY: HINTS };
