/* The backend's names (common/vocabulary.js) in the user's words: one table per list, each
 * keyed by the vocabulary's names and held equal to it by tests/js/vocabulary.test.mjs. The
 * popup, the All interviews page, the panel and the badge's reminders all say them from here. */
import { VOCABULARY } from './vocabulary.js';

// The schedule's next action.
export const ACTION_WORDS = Object.freeze({
  first_follow_up: 'First follow-up',
  second_follow_up: 'Second follow-up',
  move_on: 'Move on',
});

// Where an interview stands, most urgent first (the All interviews filters' order).
export const STATE_WORDS = Object.freeze({
  overdue: 'Overdue',
  due: 'Due',
  upcoming: 'Upcoming',
  move_on: 'Time to move on',
  replied: 'Replied',
  closed: 'Closed',
});

// How an interview ended: `label` in a form, `menu` in a row's menu, `done` once said,
// `aside` in brackets after "This interview is closed" (the panel, kinder than a label).
export const OUTCOME_WORDS = Object.freeze({
  offer: { label: 'Offer', menu: 'Close: got an offer', done: 'an offer', aside: 'offer' },
  rejected: { label: 'Rejected', menu: 'Close: rejected', done: 'rejected', aside: 'not selected' },
  withdrawn: { label: 'Withdrawn', menu: 'Close: I withdrew', done: 'withdrawn', aside: 'you withdrew' },
  moved_on: { label: 'Moved on', menu: 'Close: moved on', done: 'moved on', aside: 'you moved on' },
});

// "<N> follow-ups" with the rules' number in words, capitalized to start a sentence.
const NUMBER = VOCABULARY.MAX_FOLLOW_UPS_WORD;
export const MAX_FOLLOW_UPS_WORDS = `${NUMBER.charAt(0).toUpperCase()}${NUMBER.slice(1)} follow-ups`;
