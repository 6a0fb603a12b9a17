// What happened with one interview, oldest first, and how its state is said. Pure: no DOM, no chrome.*.
import { OUTCOMES } from '../popup/groups.js';
import { formatDate, plural } from '../popup/words.js';
import { ACTION_WORDS, STATE_WORDS } from '../common/vocabulary-words.js';

export { STATE_WORDS };

export const FILTERS = [{ state: '', label: 'All' },
  ...Object.entries(STATE_WORDS).map(([state, label]) => ({ state, label }))];

// The next step as the list says it: the action, but the state's words for moving on.
const NEXT_WORDS = { ...ACTION_WORDS, move_on: STATE_WORDS.move_on };

/** The next step in one line: "First follow-up: Mon, Mar 9 – Tue, Mar 10". */
export function nextWords(interview, on) {
  const next = interview.schedule?.next;
  if (!next) return interview.outcome ? `Closed: ${outcomeWords(interview.outcome)}` : 'Nothing to follow up on.';
  const range = next.earliest === next.latest
    ? formatDate(next.earliest, on)
    : `${formatDate(next.earliest, on)} – ${formatDate(next.latest, on)}`;
  return `${NEXT_WORDS[next.action] || next.action}: ${range}`;
}

export function outcomeWords(outcome) {
  return OUTCOMES.find((o) => o.value === outcome)?.done || outcome;
}

/** The interview's story as [{date, text}], oldest first; a decision date still to come is included. */
export function historyOf(interview, on) {
  const events = [{ date: interview.interview_date, text: 'Interview' }];
  if (interview.decision_date) {
    events.push({ date: interview.decision_date, text: interview.decision_date > on ? 'Decision expected' : 'Decision was expected' });
  }
  interview.follow_ups.forEach((f, i) => events.push({ date: f.sent_on, text: i === 0 ? 'First follow-up sent' : 'Second follow-up sent' }));
  if (interview.reply_on) events.push({ date: interview.reply_on, text: 'They replied' });
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (interview.outcome) events.push({ date: null, text: `Outcome: ${outcomeWords(interview.outcome)}` });
  return events;
}

/** "Showing 25 of 57 interviews" */
export function countWords(shown, total) {
  if (total === 0) return '';
  return shown >= total
    ? plural(total, { one: '{n} interview', other: '{n} interviews' })
    : `Showing ${shown} of ${plural(total, { one: '{n} interview', other: '{n} interviews' })}`;
}
