// The toolbar popup: what to follow up on, grouped by urgency, with the actions to do it.
import '../common/messages.js'; // a classic script (content scripts load it too): it fills globalThis.FA
import { el, fill, send } from './dom.js';
import { OUTCOMES, formatDate, groupFollowUps, toIso } from './groups.js';
import { renderRow } from './rows.js';
import { composeUrl } from './compose-url.js';
import { setupAddForm } from './add-form.js';
import { saveFile } from './download.js';
import { errorWords, plain, plural } from './words.js';
import { statusLine } from './status-line.js';

// Error codes that mean "not paired yet" or "the backend is not answering" (see background/api.js).
const UNPAIRED = new Set(['not_paired']);
const DOWN = new Set(['backend_down', 'timeout']);
// What to do when a fault keeps coming back (a follow-up marked sent meanwhile is kept and resent by itself).
const IF_IT_PERSISTS = {
  timeout: 'If it keeps happening, restart it with make run.',
  server_error: 'If it keeps happening, look at the terminal running make run.',
};
// The All interviews page; #interview-<id> opens one interview there.
const ALL_INTERVIEWS = 'interviews/interviews.html';

const M = globalThis.FA.MESSAGES;
const $ = (id) => document.getElementById(id);
let today = toIso(new Date());
let webmail = 'gmail';
let hints = {}; // replies noticed in opened mail, by interview id
// What was just done, with Undo beside it; an undoable action carries {company, id, message}.
const { announce, undoLast } = statusLine(async (last) => {
  await load();
  announce(`Undone: ${last.company} is back as it was.`);
  const row = document.getElementById(`interview-${last.id}`);
  (row || $('status')).focus();
});

document.addEventListener('DOMContentLoaded', () => {
  $('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
  $('open-all').addEventListener('click', () => openAll());
  $('undo').addEventListener('click', undoLast);
  setupAddForm({
    today: () => today,
    announce,
    onSaved: async (interview) => {
      const next = interview.schedule?.next;
      await load(interview.id);
      announce(next ? `Saved ${interview.company}. First follow-up from ${formatDate(next.earliest, today)}.` : `Saved ${interview.company}.`);
    },
  });
  $('applied').addEventListener('click', logApplication);
  load(focusRequest());
});

/** The interview a notification asked to show (popup.html#interview-<id>), if any. */
function focusRequest() {
  const match = /^#interview-(\d+)$/.exec(location.hash);
  return match ? Number(match[1]) : null;
}

/** Fetch everything and draw it; `focusId` is a row to bring into view afterwards. */
async function load(focusId = null) {
  $('main').setAttribute('aria-busy', 'true');
  const answer = await send(M.POPUP_BG_LIST);
  $('main').setAttribute('aria-busy', 'false');
  if (!answer.ok) {
    fill($('groups'));
    $('later').hidden = true;
    showProblem(answer.error);
    return;
  }
  const { on, interviews, webmail: preferred, focus } = answer.data;
  today = on;
  webmail = preferred || webmail;
  $('today').textContent = formatDate(on);
  $('today').setAttribute('title', `Today is ${on}`);
  $('add').hidden = false;
  hints = answer.data.hints || {};
  drawGroups(interviews, on, answer.data.unlisted || 0);
  if (answer.data.pending) announce(keptWords(answer.data.pending), true);
  loadGoal();
  const target = focusId ?? focus ?? null;
  if (target !== null) bringIntoView(target);
}

function drawGroups(interviews, on, unlisted) {
  const grouped = groupFollowUps(interviews, on);
  const { groups } = grouped;
  const later = grouped.later + unlisted;
  const nonEmpty = groups.filter((g) => g.items.length);
  fill($('groups'), nonEmpty.map((group) => {
    const headingId = `group-${group.key}`;
    return el('section', { class: 'group', 'data-group': group.key, 'aria-labelledby': headingId },
      el('h2', { id: headingId }, group.title, el('span', { class: 'count', text: `(${group.items.length})` })),
      group.hint ? el('p', { class: 'hint', text: group.hint }) : null,
      el('ul', { class: 'rows' }, group.items.map((item) => renderRow(item, group.key, on, act, hints[item.id]))));
  }));
  $('later').hidden = later === 0;
  $('later').textContent = plural(later, {
    one: 'One more interview is waiting beyond next week.',
    other: '{n} more interviews are waiting beyond next week.',
  });
  if (nonEmpty.length) {
    $('state').hidden = true;
  } else {
    showState(
      'Nothing to follow up on right now',
      interviews.length || later
        ? 'Everything is in hand. We will tell you when a follow-up is due.'
        : 'After your next interview, add it with Add interview: we work out when to follow up and tell you on the day.',
    );
  }
}

function showState(title, text, ...actions) {
  $('state').hidden = false;
  $('state-title').textContent = title;
  fill($('state-text'), plain(text));
  fill($('state-actions'), actions);
}

async function showProblem(error) {
  const code = error?.code;
  const kept = error?.pending ? ` ${keptWords(error.pending)}` : '';
  const optionsButton = (primary) => el('button', { type: 'button', class: primary ? 'primary' : null, text: 'Open options', on: { click: () => chrome.runtime.openOptionsPage() } });
  const retry = el('button', { type: 'button', class: 'primary', text: 'Try again', on: { click: () => load() } });
  if (UNPAIRED.has(code) || DOWN.has(code)) {
    $('add').hidden = true;
    $('goal').hidden = true;
  }
  if (UNPAIRED.has(code)) {
    showState('Not connected yet',
      'Pair the extension with your Follow-up Assistant in the options.',
      optionsButton(true));
  } else if (DOWN.has(code)) {
    const { backendUrl } = await chrome.storage.local.get('backendUrl');
    const where = backendUrl ? ` The extension looks for it at ${backendUrl}.` : '';
    const persists = IF_IT_PERSISTS[code] ? ` ${IF_IT_PERSISTS[code]}` : '';
    const message = plain(error.message).replace(/\s*Then (?:click|press) Try again\.?/, '');
    showState("Can't reach the backend", `${message}${where}${kept} Then press Try again.${persists}`, retry, optionsButton(false));
  } else {
    showState('Something went wrong', `${errorWords(error)}${kept}`, retry, optionsButton(false));
  }
}

/** Follow-ups sent during a fault wait in the service worker: say that they are safe. */
function keptWords(count) {
  const what = plural(count, { one: '1 follow-up you sent is', other: '{n} follow-ups you sent are' });
  return `${what} kept and will be recorded as soon as Follow-up Assistant answers.`;
}

/** Carry out a row action, then redraw; the service worker refreshes the badge after each change. */
async function act(kind, interview, extra, button) {
  if (kind === 'write') return write(interview, button);
  if (kind === 'open') return openAll(interview.id);
  if (kind === 'calendar') return addToCalendar(interview, button);
  const outcome = OUTCOMES.find((o) => o.value === extra);
  const requests = {
    sent: [M.POPUP_BG_MARK_SENT, { interviewId: interview.id, sentOn: today }, `Marked your follow-up to ${interview.company} as sent.`,
      [M.PAGE_BG_UNDO_FOLLOW_UP, { interviewId: interview.id }]],
    replied: [M.POPUP_BG_REPLIED, { interviewId: interview.id, receivedOn: extra || today }, `Noted that ${interview.company} replied. Good luck!`,
      [M.PAGE_BG_UPDATE_INTERVIEW, { interviewId: interview.id, fields: { reply_on: interview.reply_on } }]],
    close: [M.POPUP_BG_CLOSE, { interviewId: interview.id, outcome: extra }, `Closed ${interview.company}: ${outcome?.done}.`,
      [M.PAGE_BG_UPDATE_INTERVIEW, { interviewId: interview.id, fields: { outcome: interview.outcome } }]],
  };
  const [type, payload, done, undo] = requests[kind];
  button.disabled = true;
  const answer = await send(type, payload);
  button.disabled = false;
  if (!answer.ok) {
    announce(errorWords(answer.error), true);
    return;
  }
  if (answer.data?.queued) {
    // Not recorded yet: the worker keeps it and retries; the row stays, a second click is safe.
    const { error } = answer.data;
    const kept = `Your follow-up to ${interview.company} is kept and will be recorded as soon as Follow-up Assistant answers.`;
    announce(`Not recorded yet: ${error.message} ${kept} ${IF_IT_PERSISTS[error.code] || ''}`.trim(), true);
    return;
  }
  await load(); // redraw first, then say it, so what is read out matches what is shown
  announce(done, false, { company: interview.company, id: interview.id, message: undo });
  const row = document.getElementById(`interview-${interview.id}`);
  (row || $('status')).focus();
}

/** Save the follow-up window of one interview as an .ics event. */
async function addToCalendar(interview, button) {
  button.disabled = true;
  const answer = await send(M.PAGE_BG_CALENDAR, { interviewId: interview.id });
  button.disabled = false;
  if (!answer.ok) {
    announce(errorWords(answer.error), true);
    return;
  }
  saveFile(answer.data.filename, answer.data.ics);
  announce(`Saved ${answer.data.filename}: open it to add the follow-up to your calendar.`);
}

/** Open the All interviews page (at one interview when `id` is given). */
function openAll(id = null) {
  const url = chrome.runtime.getURL(ALL_INTERVIEWS) + (id ? `#interview-${id}` : '');
  return chrome.tabs.create({ url });
}

/** Ask for the rule-checked draft and open the preferred webmail's compose with it. */
async function write(interview, button) {
  button.disabled = true;
  const answer = await send(M.POPUP_BG_DRAFT, { interviewId: interview.id, on: today });
  button.disabled = false;
  if (!answer.ok) {
    announce(errorWords(answer.error), true);
    return;
  }
  const draft = answer.data;
  const url = composeUrl(webmail, { to: interview.interviewer_email, subject: draft.subject, body: draft.body });
  const errors = (draft.findings || []).filter((f) => f.severity === 'error');
  if (errors.length) announce(`Read it over before sending: ${errors.map((f) => f.message).join(' ')}`, true);
  else announce('Your draft is open in a new tab. Sending it from that compose window counts by itself; Mark sent is for a follow-up you sent some other way.');
  // mailto: goes to the user's mail app; a new tab for it would stay behind empty.
  if (url.startsWith('mailto:')) location.href = url;
  else await chrome.tabs.create({ url });
}

async function loadGoal() {
  const answer = await send(M.POPUP_BG_APPLICATIONS, { on: today });
  if (!answer.ok) {
    $('goal').hidden = true;
    return;
  }
  const { count, goal } = answer.data;
  $('goal').hidden = false;
  const target = goal || 10;
  $('goal-count').textContent = plural(target, { one: `This week: ${count} of {n} application.`, other: `This week: ${count} of {n} applications.` });
  $('goal-progress').max = target;
  $('goal-progress').value = Math.min(count, target);
}

async function logApplication(event) {
  const button = event.currentTarget;
  button.disabled = true;
  const answer = await send(M.POPUP_BG_APPLIED, { appliedOn: today });
  button.disabled = false;
  if (!answer.ok) {
    announce(errorWords(answer.error), true);
    return;
  }
  announce('Logged. Every application counts.');
  await loadGoal();
}

function bringIntoView(id) {
  const row = document.getElementById(`interview-${id}`);
  if (!row) return;
  row.classList.add('focus-target');
  row.scrollIntoView({ block: 'center' });
  row.focus();
}

/** Say something in the live region; `problem` marks it as an error; `undoable` offers Undo. */
