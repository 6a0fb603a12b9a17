// The toolbar popup: what to follow up on, grouped by urgency, with the actions to do it.
import { el, fill, send, errorWords, withCode } from './dom.js';
import { formatDate, groupFollowUps, toIso } from './groups.js';
import { renderRow } from './rows.js';
import { composeUrl } from './compose-url.js';
import { setupAddForm } from './add-form.js';

// Error codes that mean "not paired yet" or "the backend is not answering" (see background/api.js).
const UNPAIRED = new Set(['not_paired']);
const DOWN = new Set(['backend_down', 'timeout']);
// What to do when a fault keeps coming back (a follow-up marked sent meanwhile is kept and resent by itself).
const IF_IT_PERSISTS = {
  timeout: 'If it keeps happening, restart it with `make run`.',
  server_error: 'If it keeps happening, look at the terminal running `make run`.',
};

const M = globalThis.FA.MESSAGES;
const $ = (id) => document.getElementById(id);
let today = toIso(new Date());
let webmail = 'gmail';

document.addEventListener('DOMContentLoaded', () => {
  $('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
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
  drawGroups(interviews, on);
  if (answer.data.pending) announce(keptWords(answer.data.pending), true);
  loadGoal();
  const target = focusId ?? focus ?? null;
  if (target !== null) bringIntoView(target);
}

function drawGroups(interviews, on) {
  const { groups, later } = groupFollowUps(interviews, on);
  const nonEmpty = groups.filter((g) => g.items.length);
  fill($('groups'), nonEmpty.map((group) => {
    const headingId = `group-${group.key}`;
    return el('section', { class: 'group', 'data-group': group.key, 'aria-labelledby': headingId },
      el('h2', { id: headingId }, group.title, el('span', { class: 'count', text: `(${group.items.length})` })),
      group.hint ? el('p', { class: 'hint', text: group.hint }) : null,
      el('ul', { class: 'rows' }, group.items.map((item) => renderRow(item, group.key, on, act))));
  }));
  $('later').hidden = later === 0;
  $('later').textContent = later === 1 ? 'One more interview is waiting beyond next week.' : `${later} more interviews are waiting beyond next week.`;
  if (nonEmpty.length) {
    $('state').hidden = true;
  } else {
    showState(
      'Nothing to follow up on right now',
      interviews.length || later
        ? 'Everything is in hand. We will tell you when a follow-up is due.'
        : 'After your next interview, add it below: we work out when to follow up and tell you on the day.',
    );
  }
}

function showState(title, text, ...actions) {
  $('state').hidden = false;
  $('state-title').textContent = title;
  fill($('state-text'), withCode(text));
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
      'Pair the extension with your Follow-up Assistant: run `python -m backend pair` and enter the code in the options.',
      optionsButton(true));
  } else if (DOWN.has(code)) {
    const { backendUrl } = await chrome.storage.local.get('backendUrl');
    const where = backendUrl ? ` The extension looks for it at ${backendUrl}.` : '';
    const persists = IF_IT_PERSISTS[code] ? ` ${IF_IT_PERSISTS[code]}` : '';
    showState("Can't reach the backend", `${error.message}${where}${kept} Then press Try again.${persists}`, retry, optionsButton(false));
  } else {
    showState('Something went wrong', `${errorWords(error)}${kept}`, retry, optionsButton(false));
  }
}

/** Follow-ups sent during a fault wait in the service worker: say that they are safe. */
function keptWords(count) {
  const what = count === 1 ? '1 follow-up you sent is' : `${count} follow-ups you sent are`;
  return `${what} kept and will be recorded as soon as Follow-up Assistant answers.`;
}

/** Carry out a row action, then redraw; the service worker refreshes the badge after each change. */
async function act(kind, interview, extra, button) {
  if (kind === 'write') return write(interview, button);
  const requests = {
    sent: [M.POPUP_BG_MARK_SENT, { interviewId: interview.id, sentOn: today }, `Marked your follow-up to ${interview.company} as sent.`],
    replied: [M.POPUP_BG_REPLIED, { interviewId: interview.id, receivedOn: today }, `Noted that ${interview.company} replied. Good luck!`],
    close: [M.POPUP_BG_CLOSE, { interviewId: interview.id, outcome: extra }, `Closed ${interview.company}.`],
  };
  const [type, payload, done] = requests[kind];
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
  announce(done);
  const row = document.getElementById(`interview-${interview.id}`);
  (row || $('status')).focus();
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
  else announce('Your draft is open in a new tab. Once it is sent, come back and press Mark sent.');
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
  $('goal-count').textContent = `This week: ${count} of ${target} application${target === 1 ? '' : 's'}.`;
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

/** Say something in the live region; `problem` marks it as an error. */
function announce(text, problem = false) {
  fill($('status'), withCode(text));
  $('status').classList.toggle('problem', problem);
}
