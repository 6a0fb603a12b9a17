/* Handlers for the extension's own pages (toolbar popup, options): they read and change the
 * backend through api.js, and refresh the badge after every change. handlers.js merges them
 * into the one map; each entry has the same shape there ({from, shape, run}). */
import '../common/messages.js'; // a classic script (content scripts load it too): it fills globalThis.FA
import { request as api } from './api.js';
import * as tokenStore from './token-store.js';
import * as native from './native.js';
import * as followUps from './follow-ups.js';
import * as badge from './badge.js';
import * as settings from '../common/settings.js';
import { VOCABULARY } from '../common/vocabulary.js';
import { messageHints } from './message-handlers.js';

const M = globalThis.FA.MESSAGES;
const fail = (code, message, fix = '', field = null) => ({ ok: false, error: { code, message, fix, field } });

// Fields of the popup's add form (the API's Interview, docs/api.md).
const ADD_FIELDS = ['company', 'position', 'interview_date', 'interviewer_name', 'interviewer_email', 'timeline'];
const { OUTCOMES } = VOCABULARY; // the backend's outcome names
const WEBMAILS = ['gmail', 'outlook', 'office', 'mailto'];
const PROFILE_FIELDS = ['name', 'signature', 'country', 'weekly_goal'];
const POPUP_PAGE = 200; // the backend's largest page: the popup shows one page of each list
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const changed = (answer) => badge.afterChange(answer); // badge first, then the answer

/** Everything the popup lists: due and overdue, coming up, time to move on — for the day asked.
 * One page of each (the backend's largest); All interviews pages through the rest. */
async function list() {
  const on = await badge.today();
  const limit = POPUP_PAGE;
  const lists = () =>
    Promise.all([
      api('GET', '/api/v1/due', { query: { on, limit } }),
      api('GET', '/api/v1/interviews', { query: { on, state: 'upcoming', limit } }),
      api('GET', '/api/v1/interviews', { query: { on, state: 'move_on', limit } }),
    ]);
  // Follow-ups kept while the backend was away are sent alongside (not before: a stuck backend
  // would double the wait); when some went in, the lists are read again to show them recorded.
  const waiting = (await followUps.pending()).length;
  const [pending, first] = await Promise.all([waiting ? followUps.flush() : 0, lists()]);
  const [due, upcoming, moveOn] = pending < waiting ? await lists() : first;
  const failed = [due, upcoming, moveOn].find((answer) => !answer.ok);
  if (failed) return { ...failed, error: { ...failed.error, pending } }; // the popup says they are kept
  await badge.show(due.data.due, due.data.total); // the popup just read the due list: the badge can use it too
  const { preferredWebmail } = await settings.load();
  return {
    ok: true,
    data: {
      on,
      interviews: [...due.data.due, ...upcoming.data.interviews, ...moveOn.data.interviews],
      // Upcoming ones past this page: the list is soonest first, so they are all later ones.
      unlisted: Math.max(0, (upcoming.data.total ?? 0) - upcoming.data.interviews.length),
      webmail: preferredWebmail,
      focus: await badge.takeFocus(),
      // Replies noticed in opened mail (message-handlers.js): {[interviewId]: {kind, on, name}}.
      hints: messageHints ? await messageHints.read() : {},
      pending,
    },
  };
}

async function markSent({ interviewId, sentOn }) {
  // Through the same queue as the compose window's Send, so a backend that is down loses nothing.
  // One already kept for this interview (a click or a Send during a fault) goes again with its
  // own key and date: clicking again once the backend is back can never record it twice.
  const kept = (await followUps.pending()).find((entry) => entry.interviewId === interviewId);
  const answer = await followUps.record(kept || { interviewId, sentOn, key: crypto.randomUUID() });
  return changed(answer);
}

async function replied({ interviewId, receivedOn }) {
  const on = await badge.today();
  const answer = await api('POST', `/api/v1/interviews/${interviewId}/reply`, { query: { on }, json: { received_on: receivedOn } });
  if (answer.ok && messageHints) await messageHints.clear(interviewId); // the hint has been acted on
  return changed(answer);
}

async function close({ interviewId, outcome }) {
  if (!OUTCOMES.includes(outcome)) return fail('bad_message', `Unknown outcome "${outcome}".`);
  const on = await badge.today();
  return changed(await api('POST', `/api/v1/interviews/${interviewId}/close`, { query: { on }, json: { outcome } }));
}

function draft({ interviewId, on }) {
  return api('POST', '/api/v1/drafts', { json: { interview_id: interviewId, on } });
}

async function addInterview({ interview }) {
  const body = {};
  for (const [key, value] of Object.entries(interview)) {
    if (!ADD_FIELDS.includes(key)) return fail('bad_message', `Unknown interview field "${key}".`);
    if (typeof value === 'string' && value.trim() !== '') body[key] = value.trim();
  }
  const on = await badge.today();
  return changed(await api('POST', '/api/v1/interviews', { query: { on }, json: body }));
}

function preview({ interviewDate, timeline }) {
  const json = { interview_date: interviewDate };
  if (timeline && timeline.trim()) json.timeline = timeline.trim();
  return api('POST', '/api/v1/timeline/preview', { json });
}

function applications({ on }) {
  return api('GET', '/api/v1/applications', { query: { on } });
}

function applied({ appliedOn }) {
  return api('POST', '/api/v1/applications', { json: { applied_on: appliedOn } });
}

async function status() {
  const { backendUrl, preferredWebmail, sites } = await settings.load();
  const token = await tokenStore.load();
  return { ok: true, data: { paired: Boolean(token), backendUrl, webmail: preferredWebmail, sites } };
}

async function pair({ backendUrl, code }) {
  let url;
  try {
    url = new URL(backendUrl.trim());
  } catch (err) {
    return fail('bad_backend_url', `"${backendUrl}" is not a web address.`, 'Use the address the backend printed, usually http://127.0.0.1:8642.', 'backend_url');
  }
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) {
    return fail('bad_backend_url', 'The backend runs on this computer: its address starts with http://127.0.0.1 or http://localhost.', 'Use the address the backend printed, usually http://127.0.0.1:8642.', 'backend_url');
  }
  if (!/^\d{6}$/.test(code)) return fail('bad_code', 'A pairing code is six digits.', 'Run `make pair` for a fresh one.', 'code');
  await settings.save({ backendUrl: url.origin });
  const answer = await api('POST', '/api/v1/pair', { auth: false, json: { code } });
  if (!answer.ok) return answer;
  if (!answer.data || typeof answer.data.token !== 'string' || !answer.data.token) {
    return fail('bad_answer', 'The backend did not send a token.', 'Check that the Backend URL points at Follow-up Assistant.');
  }
  await tokenStore.save(answer.data.token);
  await settings.save({ autoPair: true });
  await chrome.storage.local.remove(badge.KEYS.notified); // a new pairing starts without a burst of reminders
  await badge.refresh();
  return { ok: true, data: { paired: true, backendUrl: url.origin } };
}

/** The backend answers, and accepts our token. */
async function test() {
  const health = await api('GET', '/api/v1/health', { auth: false });
  if (!health.ok) return health;
  const profile = await api('GET', '/api/v1/profile');
  if (!profile.ok) return profile;
  return { ok: true, data: { version: health.data.version } };
}

/** Revoke the token on the backend (it gets 401 from then on), then forget it here. The
 * extension does not pair itself again through the native host until the user pairs. */
async function unpair() {
  await settings.save({ autoPair: false });
  let revoked = true;
  let kept = null; // why the backend may still accept it: 'fixed' (FOLLOWUP_TOKEN) or 'unreachable'
  if (await tokenStore.load()) {
    const answer = await api('DELETE', '/api/v1/pair');
    revoked = answer.ok || answer.error.status === 401; // 401: the backend had already forgotten it
    if (!revoked) kept = answer.error.status === 409 ? 'fixed' : 'unreachable';
  }
  await tokenStore.clear();
  await badge.refresh();
  return { ok: true, data: { paired: false, revoked, kept } };
}

/** Pair through the native host (`make install`), without a code. */
async function pairNative() {
  const answer = await native.start({ pair: true, force: true });
  if (!answer.ok) {
    return fail('no_native_host', 'This browser cannot start Follow-up Assistant by itself yet.', 'Run make install once in the Follow-up Assistant folder, or pair with a code.');
  }
  if (!answer.data.paired) return fail('not_paired', 'The backend did not hand out a token.', 'Pair with a code instead.');
  await chrome.storage.local.remove(badge.KEYS.notified);
  await badge.refresh();
  return { ok: true, data: { paired: true, backendUrl: answer.data.url } };
}

function getProfile() {
  return api('GET', '/api/v1/profile');
}

function saveProfile({ profile }) {
  const body = {};
  for (const [key, value] of Object.entries(profile)) {
    if (!PROFILE_FIELDS.includes(key)) return fail('bad_message', `Unknown profile field "${key}".`);
    body[key] = value === '' ? null : value;
  }
  return api('PUT', '/api/v1/profile', { json: body });
}

async function setWebmail({ webmail }) {
  if (!WEBMAILS.includes(webmail)) return fail('bad_message', `Unknown webmail "${webmail}".`);
  await settings.save({ preferredWebmail: webmail });
  return { ok: true, data: { webmail } };
}

const page = (shape, run) => ({ from: 'extension', shape, run });

export const pageHandlers = {
  [M.POPUP_BG_LIST]: page({}, list),
  [M.POPUP_BG_DRAFT]: page({ interviewId: 'int', on: 'date' }, draft),
  [M.POPUP_BG_MARK_SENT]: page({ interviewId: 'int', sentOn: 'date' }, markSent),
  [M.POPUP_BG_REPLIED]: page({ interviewId: 'int', receivedOn: 'date' }, replied),
  [M.POPUP_BG_CLOSE]: page({ interviewId: 'int', outcome: 'string' }, close),
  [M.POPUP_BG_ADD_INTERVIEW]: page({ interview: 'object' }, addInterview),
  [M.POPUP_BG_PREVIEW]: page({ interviewDate: 'date', timeline: 'text?' }, preview),
  [M.POPUP_BG_APPLICATIONS]: page({ on: 'date' }, applications),
  [M.POPUP_BG_APPLIED]: page({ appliedOn: 'date' }, applied),
  [M.OPTIONS_BG_STATUS]: page({}, status),
  [M.OPTIONS_BG_PAIR]: page({ backendUrl: 'string', code: 'string' }, pair),
  [M.OPTIONS_BG_TEST]: page({}, test),
  [M.OPTIONS_BG_UNPAIR]: page({}, unpair),
  [M.OPTIONS_BG_PAIR_NATIVE]: page({}, pairNative),
  [M.OPTIONS_BG_GET_PROFILE]: page({}, getProfile),
  [M.OPTIONS_BG_SAVE_PROFILE]: page({ profile: 'object' }, saveProfile),
  [M.OPTIONS_BG_SET_WEBMAIL]: page({ webmail: 'string' }, setWebmail),
};
