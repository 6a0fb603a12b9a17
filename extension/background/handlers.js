/* The service worker's message handlers: one named entry per message type.
 * Each entry says who may send it (`from`: 'content' = a content script in a tab,
 * 'panel' = the panel page framed into a webmail tab, 'extension' = one of our own pages), the payload's shape (validate.js), and `run`,
 * which returns {ok, data} | {ok: false, error}. To add a message: name it in
 * common/messages.js and add an entry here. */
import '../common/messages.js'; // a classic script (content scripts load it too): it fills globalThis.FA
import { request as api } from './api.js';
import * as followUps from './follow-ups.js';
import * as sites from './sites.js';
import * as badge from './badge.js';
import { pageHandlers } from './page-handlers.js';
import { interviewHandlers } from './interview-handlers.js';
import { messageHandlers } from './message-handlers.js';

const M = globalThis.FA.MESSAGES;
const SEARCH_LIMIT = 20;
// Fields the panel's short "add an interview" form may send (docs/api.md, Interview).
const ADD_FIELDS = ['company', 'position', 'interview_date', 'interviewer_name', 'interviewer_email', 'timeline', 'decision_date', 'notes'];

async function findInterviews({ emails, on }) {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const found = new Map();
  for (const email of wanted) {
    const answer = await api('GET', '/api/v1/interviews', { query: { email, on } });
    if (!answer.ok) return answer;
    for (const interview of answer.data.interviews || []) {
      // The backend matches by address; keep the check here too in case it matches loosely.
      if (String(interview.interviewer_email || '').toLowerCase() === email) found.set(interview.id, interview);
    }
  }
  return { ok: true, data: { interviews: [...found.values()] } };
}

/** The backend's own search (?q=) for what the user typed in the panel: one page, never the whole list. */
async function searchInterviews({ query, on }) {
  let answer = await api('GET', '/api/v1/interviews', { query: { q: query, on, limit: SEARCH_LIMIT } });
  // A backend from before paging refuses `limit`: ask again without it (its ?q= still filters).
  if (!answer.ok && answer.error.field === 'limit') answer = await api('GET', '/api/v1/interviews', { query: { q: query, on } });
  if (!answer.ok) return answer;
  const found = answer.data.interviews || [];
  const total = Number.isInteger(answer.data.total) ? answer.data.total : found.length;
  return { ok: true, data: { interviews: found.slice(0, SEARCH_LIMIT), total } };
}

async function addInterview({ interview }) {
  const body = {};
  for (const [key, value] of Object.entries(interview)) {
    if (!ADD_FIELDS.includes(key)) {
      return { ok: false, error: { code: 'bad_message', message: `Unknown interview field "${key}".`, fix: '' } };
    }
    if (typeof value === 'string' && value.trim() !== '') body[key] = value.trim();
  }
  return api('POST', '/api/v1/interviews', { json: body });
}

function getDraft({ interviewId, on, template, variant }) {
  const json = { interview_id: interviewId, on };
  if (template) json.template = template;
  if (variant) json.variant = variant;
  return api('POST', '/api/v1/drafts', { json });
}

function checkDraft({ body, subject, interviewId, on, signatureLeftOut }) {
  const json = { body, on };
  // The content script took the webmail's own signature out: the checker guesses none.
  if (signatureLeftOut) json.signature = 'left_out';
  if (subject) json.subject = subject;
  if (interviewId) json.interview_id = interviewId;
  return api('POST', '/api/v1/check', { json });
}

async function openOptions() {
  await chrome.runtime.openOptionsPage();
  return { ok: true, data: {} };
}

export const handlers = {
  // The framed panel (panel/panel.html): the only part that reads interviews and drafts.
  [M.PANEL_BG_HELLO]: { from: 'panel', shape: {}, run: async (msg, sender) => ({ ok: true, data: { tabId: sender.tab.id } }) },
  [M.PANEL_BG_FIND_INTERVIEWS]: { from: 'panel', shape: { emails: 'string[]', on: 'date?' }, run: findInterviews },
  [M.PANEL_BG_SEARCH_INTERVIEWS]: { from: 'panel', shape: { query: 'string', on: 'date?' }, run: searchInterviews },
  [M.PANEL_BG_ADD_INTERVIEW]: { from: 'panel', shape: { interview: 'object' }, run: (msg) => addInterview(msg).then(badge.afterChange) },
  [M.PANEL_BG_GET_DRAFT]: {
    from: 'panel',
    shape: { interviewId: 'int', on: 'date', template: 'string?', variant: 'string?' },
    run: getDraft,
  },
  [M.PANEL_BG_CHECK_DRAFT]: {
    from: 'panel',
    shape: { body: 'text', subject: 'string?', interviewId: 'int?', on: 'date', signatureLeftOut: 'bool?' },
    run: checkDraft,
  },
  [M.PANEL_BG_OPEN_OPTIONS]: { from: 'panel', shape: {}, run: openOptions },
  // The content script: it sees the user press Send (trusted input only, recorder.js).
  [M.CS_BG_RECORD_FOLLOW_UP]: {
    from: 'content',
    shape: { interviewId: 'int', sentOn: 'date', key: 'uuid' },
    run: (msg) => followUps.record(msg).then(badge.afterChange),
  },
  [M.OPTIONS_BG_ADD_SITE]: { from: 'extension', shape: { origin: 'origin' }, run: ({ origin }) => sites.add(origin) },
  [M.OPTIONS_BG_REMOVE_SITE]: { from: 'extension', shape: { origin: 'origin' }, run: ({ origin }) => sites.remove(origin) },
  ...pageHandlers, // the popup's and the options page's (page-handlers.js)
  ...interviewHandlers, // the All interviews page's (interview-handlers.js)
  ...messageHandlers, // opened mail: inspect, and the prompt's page (message-handlers.js)
};
