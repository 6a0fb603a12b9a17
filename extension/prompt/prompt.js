/* The prompt framed next to an opened message (content/message-watch.js frames this page with a
 * nonce in its address). It asks the worker once for what the backend read, and shows one of:
 *  - Track this interview: one quiet line, then the form already filled in; nothing is saved
 *    until the user clicks Save interview;
 *  - "<Name> replied on <day> — stop reminders?" with Undo;
 *  - an automatic reply: "<Name> is away until <day>" and, where it can, moving the follow-up.
 * This page has the extension's origin: the webmail cannot read it or click in it, and every
 * action also checks that the click came from the user (event.isTrusted). All text is set with
 * textContent; nothing is built from HTML. */

import '../common/messages.js'; // a classic script (content scripts load it too): it fills globalThis.FA

const { MESSAGES: M, sendMessage } = globalThis.FA;
const nonce = location.hash.slice(1);
const root = document.getElementById('prompt');
const FIELDS = [
  ['company', 'Company', 'text', false],
  ['position', 'Position', 'text', false],
  ['interview_date', 'Interview date', 'date', false],
  ['interview_time', 'Time', 'time', false],
  ['interviewer_name', 'Interviewer', 'text', false],
  ['interviewer_email', 'Interviewer e-mail', 'email', false],
  ['timeline', 'What they said about timing', 'text', true],
];

function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

/** "Tue, Dec 8" (or "Tue 8 Dec": the browser's language and region decide) from 2026-12-08. */
function day(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
}

function send(type, fields) {
  return sendMessage(type, { nonce, ...(fields || {}) });
}

function resize() {
  const height = Math.ceil(document.documentElement.scrollHeight);
  send(M.PROMPT_BG_SIZE, { height });
}

function show(...nodes) {
  root.replaceChildren(...nodes);
  resize();
}

/** Only the user's own click acts (a script in the webmail cannot reach this page anyway). */
function trusted(handler) {
  return (event) => {
    if (!event.isTrusted) return;
    event.preventDefault();
    handler(event);
  };
}

function failed(answer) {
  return h('p', { class: 'error', role: 'alert', text: `${answer.error.message} ${answer.error.fix || ''}`.trim() });
}

function dismissButton(label) {
  return h('button', { type: 'button', text: label, onclick: trusted(() => send(M.PROMPT_BG_DISMISS)) });
}

const LEADS = {
  invitation: 'Interview invitation spotted.',
  confirmation: 'Interview confirmation spotted.',
  thanks: 'A note after an interview.',
};

/** First a single quiet line; "Track this interview" opens the form, already filled in. */
function trackView(data) {
  show(
    h('p', { class: 'lead', text: LEADS[data.kind] || 'This looks like an interview.' }),
    h('div', { class: 'actions' }, dismissButton('Not now'),
      h('button', { type: 'button', class: 'primary', text: 'Track this interview', onclick: trusted(() => formView(data)) })),
  );
}

function formView(data) {
  const found = data.interview || {};
  const inputs = {};
  const status = h('div', { class: 'wide', role: 'status' });
  const form = h('form', {
    'aria-label': 'Track this interview',
    onsubmit: trusted(async () => {
      const interview = {};
      for (const [name, input] of Object.entries(inputs)) if (name !== 'interview_time') interview[name] = input.value;
      if (inputs.interview_time.value) interview.notes = `Interview at ${inputs.interview_time.value}.`;
      status.replaceChildren();
      const answer = await send(M.PROMPT_BG_TRACK, { interview });
      if (!answer.ok) {
        status.append(failed(answer));
        return resize();
      }
      const next = answer.data.schedule && answer.data.schedule.next;
      show(
        h('p', { class: 'lead', text: `Tracking ${answer.data.company} — ${answer.data.position}.` }),
        next ? h('p', { text: `First follow-up: ${day(next.earliest)} to ${day(next.latest)}.` }) : null,
        h('div', { class: 'actions' }, dismissButton('Close')),
      );
    }),
  });
  for (const [name, label, type, wide] of FIELDS) {
    inputs[name] = h('input', {
      name, type, value: found[name] || '', required: ['company', 'position', 'interview_date'].includes(name),
      maxlength: name === 'timeline' ? 500 : 200,
    });
    form.append(h('label', { class: wide ? 'wide' : null }, label, inputs[name]));
  }
  form.append(status, h('div', { class: 'actions' }, dismissButton('Not now'), h('button', { type: 'submit', class: 'primary', text: 'Save interview' })));
  show(h('p', { class: 'lead', text: 'Track this interview — check the details, then save.' }), form);
  inputs.company.focus();
}

function replyView(data) {
  const reply = data.reply;
  const who = reply.interviewer_name || reply.company;
  const stopped = async (undo) => {
    const answer = await send(M.PROMPT_BG_REPLIED, { undo });
    if (!answer.ok) return root.append(failed(answer));
    if (undo) return replyView(data);
    show(
      h('p', { class: 'lead', text: `Reminders stopped for ${reply.company}.` }),
      h('div', { class: 'actions' }, h('button', { type: 'button', text: 'Undo', onclick: trusted(() => stopped(true)) }), dismissButton('Close')),
    );
  };
  show(
    h('p', { class: 'lead', text: `${who} replied on ${day(reply.received_on)} — stop reminders?` }),
    h('p', { class: 'muted', text: `${reply.company} · ${reply.position}` }),
    h('div', { class: 'actions' }, dismissButton('Not now'), h('button', { type: 'button', class: 'primary', text: 'Stop reminders', onclick: trusted(() => stopped(false)) })),
  );
}

function awayView(data) {
  const away = data.away;
  const who = away.interviewer_name || away.company;
  const moved = async (undo) => {
    const answer = await send(M.PROMPT_BG_MOVE, { undo });
    if (!answer.ok) return root.append(failed(answer));
    if (undo) return awayView(data);
    const next = answer.data.schedule && answer.data.schedule.next;
    show(
      h('p', { class: 'lead', text: `Next follow-up moved: ${next ? `${day(next.earliest)} to ${day(next.latest)}` : 'after their return'}.` }),
      h('div', { class: 'actions' }, h('button', { type: 'button', text: 'Undo', onclick: trusted(() => moved(true)) }), dismissButton('Close')),
    );
  };
  const nodes = [
    h('p', { class: 'lead', text: `${who} is away until ${day(away.return_on)} (automatic reply — not counted as a reply).` }),
  ];
  if (away.can_move) {
    nodes.push(
      h('p', { text: `Move the next follow-up to after ${day(away.return_on)}?` }),
      h('div', { class: 'actions' }, dismissButton('Not now'), h('button', { type: 'button', class: 'primary', text: `Follow up from ${day(away.move_to)}`, onclick: trusted(() => moved(false)) })),
    );
  } else {
    nodes.push(
      h('p', { class: 'muted', text: away.next.earliest > away.return_on
        ? `Your next follow-up (${day(away.next.earliest)}) already falls after they are back: nothing to move.`
        : 'No follow-up is left to move: the advice now is to move on.' }),
      h('div', { class: 'actions' }, dismissButton('OK')),
    );
  }
  show(...nodes);
}

async function start() {
  const answer = await send(M.PROMPT_BG_GET);
  if (!answer.ok) return show(failed(answer), h('div', { class: 'actions' }, h('button', { type: 'button', text: 'Close', onclick: trusted(() => send(M.PROMPT_BG_DISMISS, { forget: true })) })));
  const data = answer.data;
  if (data.reply) return replyView(data);
  if (data.away) return awayView(data);
  if (data.track) return trackView(data);
  return send(M.PROMPT_BG_DISMISS, { forget: true });
}

start();
