/* Message names between the parts of the extension, and the one way to send them.
 * The prefix says the direction: cs = content script, popup/options = extension pages,
 * bg = the service worker. Every payload is {type, ...fields}; every answer is
 * {ok: true, data} or {ok: false, error: {code, message, fix}}. A classic script, because the
 * content scripts load it (they cannot be modules); the background and the pages, ES modules,
 * import it for its effect and read globalThis.FA. */
'use strict';

(function (ns) {
  const MESSAGES = Object.freeze({
    // The framed panel (panel/panel.html) to the worker. Only that page may send these, so
    // nothing in a webmail's page or a content script can read interviews or drafts.
    // {} -> {tabId}: the tab the panel is framed in (to connect to that tab's content script)
    PANEL_BG_HELLO: 'panel-bg-hello',
    // {emails: [string]} -> {interviews: [Interview]} whose interviewer_email is one of them
    PANEL_BG_FIND_INTERVIEWS: 'panel-bg-find-interviews',
    // {query: string} -> {interviews: [Interview], total}: the backend's own search (?q=), one page
    PANEL_BG_SEARCH_INTERVIEWS: 'panel-bg-search-interviews',
    // {interview: {company, position, interview_date, ...}} -> Interview (created)
    PANEL_BG_ADD_INTERVIEW: 'panel-bg-add-interview',
    // {interviewId, on, template?, variant?} -> Draft
    PANEL_BG_GET_DRAFT: 'panel-bg-get-draft',
    // {body, subject?, interviewId?, on} -> {ok, findings}
    PANEL_BG_CHECK_DRAFT: 'panel-bg-check-draft',
    // {} -> {} : opens the options page
    PANEL_BG_OPEN_OPTIONS: 'panel-bg-open-options',
    // {interviewId, sentOn, key} -> {recorded: bool, queued: bool, interview?}
    CS_BG_RECORD_FOLLOW_UP: 'cs-bg-record-follow-up',
    // {subject?, text, fromName?, fromEmail?, receivedOn?, threadId} -> {show, nonce?, kind?}:
    // the one message the user opened (it passed the content script's local pre-check)
    CS_BG_INSPECT_MESSAGE: 'cs-bg-inspect-message',
    // {fromEmail, receivedOn?, threadId} -> {show, nonce?}: an opened message WITHOUT job words;
    // no text. Only a sender the user waits on (an interviewer, or their company's mail domain)
    // is asked about: their reply ("Sounds good, talk soon") is known by who wrote it and when.
    CS_BG_CHECK_SENDER: 'cs-bg-check-sender',
    // The "Track this interview" prompt page (prompt/prompt.html#nonce), about the answer kept
    // under its nonce: get it once, track, stop reminders, move the follow-up, dismiss, resize.
    PROMPT_BG_GET: 'prompt-bg-get',
    PROMPT_BG_TRACK: 'prompt-bg-track',
    PROMPT_BG_REPLIED: 'prompt-bg-replied',
    PROMPT_BG_MOVE: 'prompt-bg-move',
    PROMPT_BG_DISMISS: 'prompt-bg-dismiss',
    PROMPT_BG_SIZE: 'prompt-bg-size',
    // worker -> the tab's content script: {nonce} close the prompt; {nonce, height} resize it
    BG_CS_PROMPT_CLOSE: 'bg-cs-prompt-close',
    BG_CS_PROMPT_SIZE: 'bg-cs-prompt-size',
    // {} -> {} : opens the options page (content scripts cannot)
    CS_BG_OPEN_OPTIONS: 'cs-bg-open-options',
    // {origin} -> {sites}: registers the content scripts on a self-hosted webmail whose
    // host permission the options page has just obtained with chrome.permissions.request
    OPTIONS_BG_ADD_SITE: 'options-bg-add-site',
    // {origin} -> {sites}
    OPTIONS_BG_REMOVE_SITE: 'options-bg-remove-site',
    // The toolbar popup and the options page (background/page-handlers.js has the shapes).
    POPUP_BG_LIST: 'popup-bg-list',
    POPUP_BG_DRAFT: 'popup-bg-draft',
    POPUP_BG_MARK_SENT: 'popup-bg-mark-sent',
    POPUP_BG_REPLIED: 'popup-bg-replied',
    POPUP_BG_CLOSE: 'popup-bg-close',
    POPUP_BG_ADD_INTERVIEW: 'popup-bg-add-interview',
    POPUP_BG_PREVIEW: 'popup-bg-preview',
    POPUP_BG_APPLICATIONS: 'popup-bg-applications',
    POPUP_BG_APPLIED: 'popup-bg-applied',
    OPTIONS_BG_STATUS: 'options-bg-status',
    OPTIONS_BG_PAIR: 'options-bg-pair',
    OPTIONS_BG_TEST: 'options-bg-test',
    OPTIONS_BG_UNPAIR: 'options-bg-unpair',
    OPTIONS_BG_PAIR_NATIVE: 'options-bg-pair-native',
    OPTIONS_BG_GET_PROFILE: 'options-bg-get-profile',
    OPTIONS_BG_SAVE_PROFILE: 'options-bg-save-profile',
    OPTIONS_BG_SET_WEBMAIL: 'options-bg-set-webmail',
    // The All interviews page and the popup's undo (background/interview-handlers.js has the shapes).
    PAGE_BG_LIST_INTERVIEWS: 'page-bg-list-interviews',
    PAGE_BG_GET_INTERVIEW: 'page-bg-get-interview',
    PAGE_BG_UPDATE_INTERVIEW: 'page-bg-update-interview',
    PAGE_BG_DELETE_INTERVIEW: 'page-bg-delete-interview',
    PAGE_BG_RESTORE_INTERVIEW: 'page-bg-restore-interview',
    PAGE_BG_UNDO_FOLLOW_UP: 'page-bg-undo-follow-up',
    PAGE_BG_CALENDAR: 'page-bg-calendar',
  });

  // Between a compose window's content script and its framed panel, over one runtime.Port
  // (never window.postMessage, which the page could read or forge). Requests carry an id and
  // are answered {id, answer}; the rest are notices.
  const PORT = Object.freeze({
    NAME: 'fa-panel', // the port's name; the content script checks the frame it comes from
    // content script -> panel
    CONTEXT: 'cs-panel-context', // {recipients: {to, names}}: what this compose window is addressed to
    OPEN: 'cs-panel-open', // {recipients}: the user clicked the button; show the panel
    HIDE: 'cs-panel-hide', // {}: the button closed the panel
    SENT: 'cs-panel-sent', // {answer, company}: the mail was sent; what recording it gave
    // panel -> content script (requests)
    INSERT: 'panel-cs-insert', // {draft: {subject, body, action}, interview: {id, company}, replace} -> result
    READ: 'panel-cs-read', // {} -> {body, subject}: the user's own text, for Check my draft
    SELECT: 'panel-cs-select', // {text} -> {ok}: select those words (a finding's sentence) in the editor
    REWORD: 'panel-cs-reword', // {text, wording} -> {ok}: replace them through the editor's input path
    // panel -> content script (notices)
    CLOSE: 'panel-cs-close', // {returnFocus}
    SIZE: 'panel-cs-size', // {height}: the panel's natural height, in CSS pixels
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
  ns.PORT = PORT;
  ns.sendMessage = send;
})((globalThis.FA = globalThis.FA || {}));
