// One row of the popup per interview: what to do, when, why; one button for what fits its state,
// and the other actions in a menu.
import { el } from './dom.js';
import { ACTION_WORDS, OUTCOMES, formatDate, whenWords } from './groups.js';
import { menuButton } from './menu.js';
import { localizeDates } from './words.js';

// The one action each group puts forward; `loud` makes it the accent-coloured button. Writing
// is loud only when it is time to write.
const PRIMARY = {
  overdue: { kind: 'write', text: 'Write follow-up', loud: true },
  due: { kind: 'write', text: 'Write follow-up', loud: true },
  thank_you: { kind: 'write', text: 'Write thank-you', loud: true },
  coming: { kind: 'calendar', text: 'Add to calendar', loud: false },
  move_on: { kind: 'close', extra: 'moved_on', text: 'Move on', loud: false },
};

/**
 * Build the list item for one interview in group `groupKey`.
 * `act(kind, interview, extra, button)` runs each row action: write, sent, sent-earlier,
 * replied, close (extra = outcome), calendar, open.
 */
export function renderRow(interview, groupKey, on, act, hint = null) {
  const id = interview.id;
  const next = interview.schedule.next;
  const titleId = `title-${id}`;
  const whyId = `why-${id}`;
  const followUp = next.action !== 'move_on';
  const primary = PRIMARY[groupKey];

  const why = el('p', { class: 'why', id: whyId, hidden: true, text: localizeDates(next.reason, on) || 'No reason given.' });
  const whyButton = el('button', {
    type: 'button', class: 'quiet disclosure', 'aria-expanded': 'false', 'aria-controls': whyId,
    'aria-label': `Why? (${interview.company})`, text: 'Why?',
    on: { click: () => toggle(whyButton, why) },
  });

  const run = (kind, extra) => (button) => act(kind, interview, extra, button);
  const items = [
    followUp && primary.kind !== 'write' && { text: 'Write follow-up now', run: run('write') },
    followUp && groupKey !== 'thank_you' && { text: 'Mark sent today', run: run('sent') },
    followUp && { text: 'Sent on another day…', run: run('open') },
    { text: 'They replied today', run: run('replied') },
    primary.kind !== 'calendar' && { text: 'Add to calendar', run: run('calendar') },
    ...OUTCOMES.filter((o) => !(primary.kind === 'close' && o.value === primary.extra))
      .map((o, i) => ({ text: o.menu, run: run('close', o.value), separator: i === 0 })),
    { text: 'Open in All interviews', run: run('open'), separator: true },
  ];
  const actions = el('div', { class: 'actions', role: 'group', 'aria-label': `Actions for ${interview.company}` },
    el('button', {
      type: 'button', class: primary.loud ? 'primary' : null, text: primary.text,
      on: { click: (e) => act(primary.kind, interview, primary.extra ?? null, e.currentTarget) },
    }),
    menuButton('More', `More actions for ${interview.company}`, items));

  return el('li', { class: 'row', id: `interview-${id}`, 'data-id': id, tabindex: '-1', 'aria-labelledby': titleId },
    el('h3', { id: titleId },
      el('span', { class: 'company', text: interview.company }),
      interview.position ? el('span', { class: 'position', text: ` — ${interview.position}` }) : null),
    interviewerLine(interview, on),
    el('p', { class: 'what' },
      el('span', { class: 'action', text: groupKey === 'thank_you' ? 'Thank-you note' : ACTION_WORDS[next.action] || next.action }), ': ',
      el('time', { class: 'when', datetime: groupKey === 'overdue' || groupKey === 'due' ? next.latest : next.earliest, text: whenWords(groupKey, next, on) }),
      ' ', whyButton),
    why,
    hint?.kind === 'reply' && hint.on ? replyHint(interview, hint, on, act) : null,
    actions);
}

/** A reply noticed in an opened message: say so, and record it on its day with one click. */
function replyHint(interview, hint, on, act) {
  const who = hint.name || interview.interviewer_name || interview.company;
  return el('p', { class: 'hint-line' },
    `${who} replied on ${formatDate(hint.on, on)}. `,
    el('button', {
      type: 'button', class: 'quiet', text: 'Record the reply',
      'aria-label': `Record the reply from ${interview.company} on ${formatDate(hint.on, on)}`,
      on: { click: (e) => act('replied', interview, hint.on, e.currentTarget) },
    }));
}

function interviewerLine(interview, on) {
  const who = interview.interviewer_name || interview.interviewer_email;
  const date = interview.interview_date ? `interviewed ${formatDate(interview.interview_date, on)}` : '';
  const text = [who, date].filter(Boolean).join(' · ');
  return text ? el('p', { class: 'who', text, title: interview.interviewer_email || null }) : null;
}

/** Show or hide `panel` and keep the button's aria-expanded in step. */
export function toggle(button, panel, open = panel.hidden) {
  panel.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
}
