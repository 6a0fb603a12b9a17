/* Handlers for the All interviews page (and the popup's undo): list, read, edit, delete and
 * restore interviews, take back a follow-up, and the calendar files. Same shape as
 * page-handlers.js ({from, shape, run}); handlers.js merges them into the one map. */
import '../common/messages.js'; // a classic script (content scripts load it too): it fills globalThis.FA
import { request as api } from './api.js';
import * as badge from './badge.js';
import { VOCABULARY } from '../common/vocabulary.js';

const M = globalThis.FA.MESSAGES;
const fail = (code, message) => ({ ok: false, error: { code, message, fix: '', field: null } });
const changed = (answer) => badge.afterChange(answer); // the badge counts follow every change

// Fields a person may edit on the page (the API's PATCH fields).
const EDITABLE = ['company', 'position', 'interview_date', 'interviewer_name', 'interviewer_email', 'timeline',
  'decision_date', 'country', 'notes', 'reply_on', 'outcome'];
const { STATES } = VOCABULARY; // the backend's state names (common/vocabulary.js, generated)
const PAGE_SIZE = { most: 200 }; // the backend's largest page

async function list({ state, q, cursor, limit }) {
  if (state && !STATES.includes(state)) return fail('bad_message', `Unknown state "${state}".`);
  const on = await badge.today();
  const paging = cursor ? { cursor } : {};
  if (limit) paging.limit = Math.min(limit, PAGE_SIZE.most);
  const answer = await api('GET', '/api/v1/interviews', { query: { on, state, q: q && q.trim(), ...paging } });
  if (!answer.ok) return answer;
  return { ok: true, data: { on, ...answer.data } };
}

async function getOne({ interviewId }) {
  const on = await badge.today();
  const answer = await api('GET', `/api/v1/interviews/${interviewId}`, { query: { on } });
  return answer.ok ? { ok: true, data: { on, interview: answer.data } } : answer;
}

async function update({ interviewId, fields }) {
  const body = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!EDITABLE.includes(key)) return fail('bad_message', `Unknown interview field "${key}".`);
    if (value !== null && typeof value !== 'string') return fail('bad_message', `Field "${key}" must be text or empty.`);
    body[key] = typeof value === 'string' && value.trim() === '' ? null : value && value.trim();
  }
  const on = await badge.today();
  return changed(await api('PATCH', `/api/v1/interviews/${interviewId}`, { query: { on }, json: body }));
}

async function remove({ interviewId }) {
  return changed(await api('DELETE', `/api/v1/interviews/${interviewId}`));
}

async function restore({ interview }) {
  const on = await badge.today();
  return changed(await api('POST', '/api/v1/interviews/restore', { query: { on }, json: interview }));
}

async function undoFollowUp({ interviewId }) {
  const on = await badge.today();
  return changed(await api('DELETE', `/api/v1/interviews/${interviewId}/follow-ups/last`, { query: { on } }));
}

async function calendar({ interviewId }) {
  const on = await badge.today();
  const path = interviewId ? `/api/v1/interviews/${interviewId}/calendar` : '/api/v1/calendar';
  return api('GET', path, { query: { on } });
}

const page = (shape, run) => ({ from: 'extension', shape, run });

export const interviewHandlers = {
  [M.PAGE_BG_LIST_INTERVIEWS]: page({ state: 'string?', q: 'string?', cursor: 'string?', limit: 'int?' }, list),
  [M.PAGE_BG_GET_INTERVIEW]: page({ interviewId: 'int' }, getOne),
  [M.PAGE_BG_UPDATE_INTERVIEW]: page({ interviewId: 'int', fields: 'object' }, update),
  [M.PAGE_BG_DELETE_INTERVIEW]: page({ interviewId: 'int' }, remove),
  [M.PAGE_BG_RESTORE_INTERVIEW]: page({ interview: 'object' }, restore),
  [M.PAGE_BG_UNDO_FOLLOW_UP]: page({ interviewId: 'int' }, undoFollowUp),
  [M.PAGE_BG_CALENDAR]: page({ interviewId: 'int?' }, calendar),
};
