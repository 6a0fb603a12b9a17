/* Message names between the parts of the extension, and the one way to send them.
 * The prefix says the direction: cs = content script, popup/options = extension pages,
 * bg = the service worker. Every payload is {type, ...fields}; every answer is
 * {ok: true, data} or {ok: false, error: {code, message, fix}}. Loaded as a classic script
 * by the service worker (importScripts), Firefox's background page and the content scripts. */
'use strict';

(function (ns) {
  const MESSAGES = Object.freeze({
    // {emails: [string]} -> {interviews: [Interview]} whose interviewer_email is one of them
    CS_BG_FIND_INTERVIEWS: 'cs-bg-find-interviews',
    // {query: string} -> {interviews: [Interview]} matching company, position or interviewer
    CS_BG_SEARCH_INTERVIEWS: 'cs-bg-search-interviews',
    // {interview: {company, position, interview_date, ...}} -> Interview (created)
    CS_BG_ADD_INTERVIEW: 'cs-bg-add-interview',
    // {interviewId, on, template?, variant?} -> Draft
    CS_BG_GET_DRAFT: 'cs-bg-get-draft',
    // {body, subject?, interviewId?, on} -> {ok, findings}
    CS_BG_CHECK_DRAFT: 'cs-bg-check-draft',
    // {interviewId, sentOn, key} -> {recorded: bool, queued: bool, interview?}
    CS_BG_RECORD_FOLLOW_UP: 'cs-bg-record-follow-up',
    // {} -> {} : opens the options page (content scripts cannot)
    CS_BG_OPEN_OPTIONS: 'cs-bg-open-options',
    // {origin} -> {sites}: registers the content scripts on a self-hosted webmail whose
    // host permission the options page has just obtained with chrome.permissions.request
    OPTIONS_BG_ADD_SITE: 'options-bg-add-site',
    // {origin} -> {sites}
    OPTIONS_BG_REMOVE_SITE: 'options-bg-remove-site',
  });

  // What the user reads when the extension itself was reloaded under an open page.
  const RELOADED = Object.freeze({
    code: 'extension_reloaded',
    message: 'Follow-up Assistant was updated or restarted — reload this page to use it again.',
    fix: 'Reload this page.',
  });

  /** Send a message to the service worker; always resolves to {ok, data} | {ok: false, error}. */
  async function send(type, fields) {
    try {
      const answer = await chrome.runtime.sendMessage({ type, ...(fields || {}) });
      if (answer && typeof answer.ok === 'boolean') return answer;
      return { ok: false, error: { ...RELOADED } };
    } catch (err) {
      return { ok: false, error: { ...RELOADED, detail: String(err && err.message) } };
    }
  }

  ns.MESSAGES = MESSAGES;
  ns.sendMessage = send;
})((globalThis.FA = globalThis.FA || {}));
