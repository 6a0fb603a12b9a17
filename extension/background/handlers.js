/* The service worker's message handlers: one named entry per message type.
 * Each entry says who may send it (`from`: 'content' = a content script in a tab,
 * 'extension' = one of our own pages), the payload's shape (validate.js), and `run`,
 * which returns {ok, data} | {ok: false, error}. To add a message: name it in
 * shared/messages.js and add an entry here. */
'use strict';

(function (ns) {
  const M = ns.MESSAGES;
  const api = (...args) => ns.api.request(...args);
  const SEARCH_LIMIT = 20;
  // Fields the panel's short "add an interview" form may send (CONTRACT.md Interview).
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

  function matchesQuery(interview, words) {
    const hay = [interview.company, interview.position, interview.interviewer_name, interview.interviewer_email]
      .map((v) => String(v || '').toLowerCase())
      .join(' ');
    return words.every((w) => hay.includes(w));
  }

  async function searchInterviews({ query, on }) {
    const answer = await api('GET', '/api/v1/interviews', { query: { on } });
    if (!answer.ok) return answer;
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const all = answer.data.interviews || [];
    const open = (i) => !i.outcome && !i.reply_on;
    const hits = all
      .filter((i) => matchesQuery(i, words))
      .sort((a, b) => Number(open(b)) - Number(open(a)) || String(b.interview_date).localeCompare(String(a.interview_date)));
    return { ok: true, data: { interviews: hits.slice(0, SEARCH_LIMIT), total: hits.length } };
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

  function checkDraft({ body, subject, interviewId, on }) {
    const json = { body, on };
    if (subject) json.subject = subject;
    if (interviewId) json.interview_id = interviewId;
    return api('POST', '/api/v1/check', { json });
  }

  async function openOptions() {
    await chrome.runtime.openOptionsPage();
    return { ok: true, data: {} };
  }

  ns.handlers = {
    [M.CS_BG_FIND_INTERVIEWS]: { from: 'content', shape: { emails: 'string[]', on: 'date?' }, run: findInterviews },
    [M.CS_BG_SEARCH_INTERVIEWS]: { from: 'content', shape: { query: 'string', on: 'date?' }, run: searchInterviews },
    [M.CS_BG_ADD_INTERVIEW]: { from: 'content', shape: { interview: 'object' }, run: (msg) => addInterview(msg).then(ns.badge.afterChange) },
    [M.CS_BG_GET_DRAFT]: {
      from: 'content',
      shape: { interviewId: 'int', on: 'date', template: 'string?', variant: 'string?' },
      run: getDraft,
    },
    [M.CS_BG_CHECK_DRAFT]: {
      from: 'content',
      shape: { body: 'text', subject: 'string?', interviewId: 'int?', on: 'date' },
      run: checkDraft,
    },
    [M.CS_BG_RECORD_FOLLOW_UP]: {
      from: 'content',
      shape: { interviewId: 'int', sentOn: 'date', key: 'uuid' },
      run: (msg) => ns.followUps.record(msg).then(ns.badge.afterChange),
    },
    [M.CS_BG_OPEN_OPTIONS]: { from: 'content', shape: {}, run: openOptions },
    [M.OPTIONS_BG_ADD_SITE]: { from: 'extension', shape: { origin: 'origin' }, run: ({ origin }) => ns.sites.add(origin) },
    [M.OPTIONS_BG_REMOVE_SITE]: { from: 'extension', shape: { origin: 'origin' }, run: ({ origin }) => ns.sites.remove(origin) },
    ...ns.pageHandlers, // the popup's and the options page's (page-handlers.js)
    ...ns.interviewHandlers, // the All interviews page's (interview-handlers.js)
    ...ns.messageHandlers, // opened mail: inspect, and the prompt's page (message-handlers.js)
  };
})((globalThis.FA = globalThis.FA || {}));
