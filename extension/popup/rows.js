// One row of the popup per interview: what to do, when, why, and the buttons to do it.
import { el } from './dom.js';
import { ACTION_WORDS, OUTCOMES, formatDate, whenWords } from './groups.js';

/**
 * Build the list item for one interview in group `groupKey`.
 * `act(kind, interview, extra, button)` is called for each row action: write, sent, replied, close.
 */
export function renderRow(interview, groupKey, on, act) {
  const id = interview.id;
  const next = interview.schedule.next;
  const titleId = `title-${id}`;
  const whyId = `why-${id}`;
  const outcomesId = `outcomes-${id}`;

  const why = el('p', { class: 'why', id: whyId, hidden: true, text: next.reason || 'No reason given.' });
  const whyButton = el('button', {
    type: 'button', class: 'quiet disclosure', 'aria-expanded': 'false', 'aria-controls': whyId,
    'aria-label': `Why? (${interview.company})`, text: 'Why?',
    on: { click: () => toggle(whyButton, why) },
  });

  const outcomes = el('div', { class: 'outcomes', id: outcomesId, role: 'group', 'aria-label': `How did it end with ${interview.company}?`, hidden: true },
    el('span', { class: 'muted', text: 'How did it end?' }),
    OUTCOMES.map((o) => el('button', { type: 'button', text: o.label, on: { click: (e) => act('close', interview, o.value, e.currentTarget) } })));
  const closeButton = el('button', {
    type: 'button', 'aria-expanded': 'false', 'aria-controls': outcomesId, text: 'Close',
    on: { click: () => toggle(closeButton, outcomes) },
  });

  const followUpAction = next.action !== 'move_on';
  const actions = el('div', { class: 'actions', role: 'group', 'aria-label': `Actions for ${interview.company}` },
    followUpAction && el('button', { type: 'button', class: 'primary', text: 'Write follow-up', on: { click: (e) => act('write', interview, null, e.currentTarget) } }),
    followUpAction && el('button', { type: 'button', text: 'Mark sent', on: { click: (e) => act('sent', interview, null, e.currentTarget) } }),
    el('button', { type: 'button', text: 'They replied', on: { click: (e) => act('replied', interview, null, e.currentTarget) } }),
    closeButton,
    outcomes);

  return el('li', { class: 'row', id: `interview-${id}`, 'data-id': id, tabindex: '-1', 'aria-labelledby': titleId },
    el('h3', { id: titleId },
      el('span', { class: 'company', text: interview.company }),
      interview.position ? el('span', { class: 'position', text: ` — ${interview.position}` }) : null),
    interviewerLine(interview, on),
    el('p', { class: 'what' },
      el('span', { class: 'action', text: ACTION_WORDS[next.action] || next.action }), ': ',
      el('time', { class: 'when', datetime: groupKey === 'overdue' || groupKey === 'due' ? next.latest : next.earliest, text: whenWords(groupKey, next, on) }),
      ' ', whyButton),
    why,
    actions);
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
