// The All interviews page: every interview, filtered by state and searched on the backend, a page
// at a time; one opened beside the list with its history, its records, its edit form and delete.
// Every change can be undone once (the Undo button beside what was said).
import '../common/messages.js'; // a classic script (content scripts load it too): it fills globalThis.FA
import { el, fill, send } from '../popup/dom.js';
import { OUTCOMES } from '../popup/groups.js';
import { saveFile } from '../popup/download.js';
import { errorWords, formatDate, plain, toIso } from '../popup/words.js';
import { FILTERS, STATE_WORDS, countWords, historyOf, nextWords, outcomeWords } from './history.js';
import { editForm } from './edit-form.js';
import { statusLine } from '../popup/status-line.js';
import { VOCABULARY } from '../common/vocabulary.js';

const M = globalThis.FA.MESSAGES;
const $ = (id) => document.getElementById(id);
const NOT_CONNECTED = new Set(['not_paired', 'backend_down', 'timeout']);
const PAGE_SIZE = 25; // interviews a page; "Show more" reads the next

const view = { on: toIso(new Date()), state: '', q: '', items: [], next: null, total: 0, selected: null };
// What was just done, with Undo beside it; an undoable action carries {message, reopen: id|null}.
const { announce, undoLast } = statusLine(async (last) => {
  await loadList();
  if (last.reopen) await openInterview(last.reopen);
  announce('Undone.');
  $('status').focus();
});
let asked = 0; // list requests sent: only the latest one's answer is drawn

document.addEventListener('DOMContentLoaded', () => {
  $('open-options').addEventListener('click', () => chrome.runtime.openOptionsPage());
  $('export').addEventListener('click', exportCalendar);
  $('undo').addEventListener('click', undoLast);
  $('more').addEventListener('click', () => loadList({ more: true }));
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    view.q = $('search').value.trim();
    loadList();
  });
  $('filters').append(...FILTERS.map((f) => el('label', {},
    el('input', { type: 'radio', name: 'state', value: f.state, checked: f.state === view.state,
      on: { change: () => { view.state = f.state; loadList(); } } }),
    el('span', { class: 'filter-label', text: f.label }),
    el('span', { class: 'filter-count', 'data-state': f.state || 'all' }))));
  window.addEventListener('hashchange', openFromHash);
  loadList().then(openFromHash);
});

/** #interview-<id> in the address opens that interview (the popup links here). */
function openFromHash() {
  const match = /^#interview-(\d+)$/.exec(location.hash);
  if (match) openInterview(Number(match[1]));
}

/** Read a page of the list for the filter and search; `more` appends the next page. */
async function loadList({ more = false } = {}) {
  $('list').setAttribute('aria-busy', 'true');
  const request = { limit: PAGE_SIZE };
  if (view.state) request.state = view.state;
  if (view.q) request.q = view.q;
  if (more && view.next) request.cursor = String(view.next);
  const mine = ++asked;
  const answer = await send(M.PAGE_BG_LIST_INTERVIEWS, request);
  if (mine !== asked) return; // a newer search, filter or change asked again meanwhile
  $('list').setAttribute('aria-busy', 'false');
  if (!answer.ok) {
    showListProblem(answer.error);
    return;
  }
  const { on, interviews, next = null, total = interviews.length, counts = null } = answer.data;
  view.on = on;
  view.items = more ? [...view.items, ...interviews] : interviews;
  view.next = next;
  view.total = total;
  $('today').textContent = `Today: ${formatDate(on)}`;
  drawCounts(counts);
  drawList();
}

/** Each filter's count, from the backend's counts per state (All = their sum). */
function drawCounts(counts) {
  const all = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : undefined;
  for (const slot of document.querySelectorAll('.filter-count')) {
    const n = counts ? (slot.dataset.state === 'all' ? all : counts[slot.dataset.state]) : undefined;
    slot.textContent = typeof n === 'number' ? ` (${n})` : '';
  }
}

function drawList() {
  const { items } = view;
  $('list-state').hidden = items.length > 0;
  if (!items.length) {
    const filtered = view.q || view.state;
    showListState(filtered ? 'No interviews match' : 'No interviews yet',
      filtered ? 'Try another search or show All.' : 'Add your first interview from the toolbar popup, with Add interview.');
  }
  fill($('list'), items.map(rowOf));
  $('count').textContent = countWords(items.length, view.total);
  $('more').hidden = !view.next;
}

function rowOf(interview) {
  const state = interview.schedule.state;
  return el('li', { class: `row${view.selected?.id === interview.id ? ' selected' : ''}`, id: `row-${interview.id}`, 'data-id': interview.id },
    el('p', {},
      el('button', {
        type: 'button', class: 'open-button', 'aria-describedby': `row-${interview.id}-state`,
        text: `${interview.company} — ${interview.position}`,
        on: { click: () => openInterview(interview.id) },
      }),
      el('span', { class: `badge ${state}`, id: `row-${interview.id}-state`, text: STATE_WORDS[state] || state })),
    el('p', { class: 'next-line', text: `Interviewed ${formatDate(interview.interview_date, view.on)} · ${nextWords(interview, view.on)}` }));
}

function showListState(title, text, ...actions) {
  $('list-state').hidden = false;
  $('list-state-title').textContent = title;
  $('list-state-text').textContent = plain(text);
  fill($('list-state-actions'), actions);
}

function showListProblem(error) {
  fill($('list'));
  $('count').textContent = '';
  $('more').hidden = true;
  const retry = el('button', { type: 'button', class: 'primary', text: 'Try again', on: { click: () => loadList() } });
  const options = el('button', { type: 'button', class: error?.code === 'not_paired' ? 'primary' : null, text: 'Open options', on: { click: () => chrome.runtime.openOptionsPage() } });
  if (error?.code === 'not_paired') showListState('Not connected yet', 'Pair the extension with your Follow-up Assistant in the options.', options);
  else if (NOT_CONNECTED.has(error?.code)) showListState("Can't reach the backend", errorWords(error).replace(/\s*Then (?:click|press) Try again\.?/, ''), retry, options);
  else showListState('Something went wrong', errorWords(error), retry);
}

/** Open one interview beside the list. */
async function openInterview(id) {
  const answer = await send(M.PAGE_BG_GET_INTERVIEW, { interviewId: id });
  if (!answer.ok) {
    announce(errorWords(answer.error), true);
    return;
  }
  view.on = answer.data.on;
  showDetail(answer.data.interview);
  $('detail').focus();
}

function showDetail(interview) {
  view.selected = interview;
  for (const row of document.querySelectorAll('#list .row')) row.classList.toggle('selected', Number(row.dataset.id) === interview.id);
  $('detail').hidden = false;
  $('detail-title').textContent = `${interview.company} — ${interview.position}`;
  const state = interview.schedule.state;
  fill($('detail-state'), el('span', { class: `badge ${state}`, text: STATE_WORDS[state] || state }), ' ', nextWords(interview, view.on));
  fill($('history'), historyOf(interview, view.on).map((event) => el('li', {},
    event.date ? el('time', { class: 'when', datetime: event.date, text: formatDate(event.date, view.on) }) : null,
    event.date ? ' — ' : null, event.text)));
  fill($('record'), recordForms(interview));
  // The two tools that change nothing by themselves, side by side on one row.
  fill($('edit-area'),
    el('button', { type: 'button', id: 'edit-open', text: 'Edit details', on: { click: () => openEdit(interview) } }),
    interview.schedule.next
      ? el('button', { type: 'button', text: 'Add to calendar', on: { click: (e) => addToCalendar(interview, e.currentTarget) } })
      : null);
  fill($('delete-area'), el('button', { type: 'button', class: 'danger', text: 'Delete interview', on: { click: () => confirmDelete(interview) } }));
}

/** Record a follow-up or a reply on a chosen day (today by default), or close the interview. */
function recordForms(interview) {
  const forms = [];
  const open = !interview.reply_on && !interview.outcome;
  const followUp = open && VOCABULARY.FOLLOW_UP_ACTIONS.includes(interview.schedule.next?.action);
  const dated = (key, label, button, run) => {
    const input = el('input', { id: `${key}-date`, type: 'date', value: view.on, max: view.on, min: interview.interview_date, required: true });
    return el('form', { novalidate: true, 'aria-label': button, on: { submit: (e) => { e.preventDefault(); run(input.value, e.submitter || e.currentTarget.querySelector('button')); } } },
      el('div', { class: 'field' }, el('label', { for: input.id, text: label }), input),
      el('button', { type: 'submit', text: button }));
  };
  if (followUp) {
    forms.push(dated('sent', 'Follow-up sent on', 'Record follow-up', (day, button) => change(button,
      [M.POPUP_BG_MARK_SENT, { interviewId: interview.id, sentOn: day }], `Recorded your follow-up to ${interview.company}, sent ${formatDate(day, view.on)}.`,
      [M.PAGE_BG_UNDO_FOLLOW_UP, { interviewId: interview.id }], interview.id)));
  }
  if (open) {
    forms.push(dated('reply', 'They replied on', 'Record reply', (day, button) => change(button,
      [M.POPUP_BG_REPLIED, { interviewId: interview.id, receivedOn: day }], `Recorded the reply from ${interview.company} on ${formatDate(day, view.on)}.`,
      [M.PAGE_BG_UPDATE_INTERVIEW, { interviewId: interview.id, fields: { reply_on: interview.reply_on } }], interview.id)));
  }
  if (!interview.outcome) {
    const select = el('select', { id: 'outcome-choice' }, OUTCOMES.map((o) => el('option', { value: o.value, text: o.label })));
    forms.push(el('form', { novalidate: true, 'aria-label': 'Close interview', on: { submit: (e) => {
      e.preventDefault();
      change(e.submitter, [M.POPUP_BG_CLOSE, { interviewId: interview.id, outcome: select.value }],
        `Closed ${interview.company}: ${outcomeWords(select.value)}.`,
        [M.PAGE_BG_UPDATE_INTERVIEW, { interviewId: interview.id, fields: { outcome: null } }], interview.id);
    } } },
    el('div', { class: 'field' }, el('label', { for: 'outcome-choice', text: 'How did it end?' }), select),
    el('button', { type: 'submit', text: 'Close interview' })));
  }
  return forms;
}

function openEdit(interview) {
  const { form, focus } = editForm(interview, {
    today: () => view.on,
    save: (fields) => send(M.PAGE_BG_UPDATE_INTERVIEW, { interviewId: interview.id, fields }),
    onCancel: () => { showDetail(interview); $('edit-open').focus(); },
    onSaved: async (answer, changes) => {
      if (!answer) { showDetail(interview); announce('Nothing changed.'); return; }
      if (!answer.ok) { announce(errorWords(answer.error), true); return; }
      const before = Object.fromEntries(Object.keys(changes).map((name) => [name, interview[name] ?? null]));
      await afterChange(`Saved your changes to ${answer.data.company}.`, [M.PAGE_BG_UPDATE_INTERVIEW, { interviewId: interview.id, fields: before }], interview.id);
    },
  });
  fill($('edit-area'), form);
  focus();
}

function confirmDelete(interview) {
  const cancel = el('button', { type: 'button', text: 'Keep it', on: { click: () => { showDetail(interview); } } });
  const confirm = el('button', { type: 'button', class: 'danger', text: 'Delete', on: { click: async (e) => {
    e.currentTarget.disabled = true;
    const answer = await send(M.PAGE_BG_DELETE_INTERVIEW, { interviewId: interview.id });
    if (!answer.ok) { announce(errorWords(answer.error), true); showDetail(interview); return; }
    $('detail').hidden = true;
    view.selected = null;
    await loadList();
    announce(`Deleted ${interview.company}.`, false, { message: [M.PAGE_BG_RESTORE_INTERVIEW, { interview }], reopen: interview.id });
    $('undo').focus();
  } } });
  fill($('delete-area'), el('div', { class: 'confirm', role: 'group', 'aria-labelledby': 'confirm-text' },
    el('p', { id: 'confirm-text', text: `Delete ${interview.company} — ${interview.position}, with its follow-ups? You can undo it right after.` }),
    el('p', { class: 'actions' }, confirm, cancel)));
  cancel.focus();
}

/** Send one change; on success redraw, say it, and offer to undo it. */
async function change(button, message, done, undo, reopen) {
  if (button) button.disabled = true;
  const answer = await send(...message);
  if (button) button.disabled = false;
  if (!answer.ok) {
    announce(errorWords(answer.error), true);
    return;
  }
  if (answer.data?.queued) {
    announce(`Not recorded yet: ${errorWords(answer.data.error)} It is kept and will be recorded as soon as Follow-up Assistant answers.`, true);
    return;
  }
  await afterChange(done, undo, reopen);
}

async function afterChange(done, undo, reopen) {
  await loadList();
  if (reopen) await openInterview(reopen);
  announce(done, false, undo ? { message: undo, reopen } : null);
}

async function addToCalendar(interview, button) {
  button.disabled = true;
  const answer = await send(M.PAGE_BG_CALENDAR, { interviewId: interview.id });
  button.disabled = false;
  if (!answer.ok) { announce(errorWords(answer.error), true); return; }
  saveFile(answer.data.filename, answer.data.ics);
  announce(`Saved ${answer.data.filename}: open it to add the follow-up to your calendar.`);
}

async function exportCalendar(event) {
  const button = event.currentTarget;
  button.disabled = true;
  const answer = await send(M.PAGE_BG_CALENDAR, {});
  button.disabled = false;
  if (!answer.ok) { announce(errorWords(answer.error), true); return; }
  saveFile(answer.data.filename, answer.data.ics);
  announce(`Saved ${answer.data.filename} with every follow-up still to send: open it in your calendar app.`);
}

/** Say something in the live region; `problem` marks it as an error; `undoable` offers Undo. */
