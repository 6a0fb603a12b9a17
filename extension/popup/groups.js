// Which group each follow-up belongs to, in what order, and how to say it. Pure: no DOM, no chrome.*.
// The backend's names (generated from backend/vocabulary.py).
import { VOCABULARY } from '../common/vocabulary.js';
import { ACTION_WORDS, MAX_FOLLOW_UPS_WORDS, OUTCOME_WORDS } from '../common/vocabulary-words.js';
import { formatDate, parseDate, toIso } from './words.js';

export { ACTION_WORDS, formatDate, parseDate, toIso };

// How far ahead "Coming up" looks, in calendar days.
export const COMING_UP_DAYS = 7;

// The popup's groups, most urgent first. `when` words the date for a row of that group.
export const GROUPS = [
  { key: 'overdue', title: 'Overdue', hint: 'A short, friendly note is still fine.' },
  { key: 'due', title: 'Due today', hint: '' },
  { key: 'thank_you', title: 'Thank-you today', hint: 'A short thank-you on the day of the interview.' },
  { key: 'coming', title: 'Coming up', hint: '' },
  { key: 'move_on', title: 'Time to move on', hint: `${MAX_FOLLOW_UPS_WORDS} and no reply: put your energy elsewhere.` },
];

// Outcomes a row can be closed with, in the backend's order and names.
export const OUTCOMES = VOCABULARY.OUTCOMES.map((value) => ({ value, ...OUTCOME_WORDS[value] }));

/** The ISO date `days` calendar days after `iso`. */
export function addDays(iso, days) {
  const date = parseDate(iso);
  date.setDate(date.getDate() + days);
  return toIso(date);
}

/** When to act, in words, for a row of group `groupKey` (follows "First follow-up: "). */
export function whenWords(groupKey, next, on) {
  const earliest = formatDate(next.earliest, on);
  const latest = formatDate(next.latest, on);
  if (groupKey === 'overdue') return `was due by ${latest}`;
  if (groupKey === 'due') return next.latest === on ? `today, ${latest}` : `now, ideally by ${latest}`;
  if (groupKey === 'move_on') return `since ${earliest}`;
  if (groupKey === 'thank_you') return `today; first follow-up from ${earliest}`;
  return next.earliest === next.latest ? `on ${earliest}` : `from ${earliest}, ideally by ${latest}`;
}

/** The date a row is sorted and shown by: the deadline for due rows, the start otherwise. */
function sortDate(groupKey, next) {
  return groupKey === 'overdue' || groupKey === 'due' ? next.latest : next.earliest;
}

/** The group key of an interview on day `on`, or null when it belongs to no group. */
export function groupOf(interview, on) {
  const schedule = interview.schedule || {};
  const next = schedule.next;
  if (!next) return null;
  // Interviewed today (or a scheduled interview whose day has come): the thank-you note first.
  if (interview.interview_date === on && !(interview.follow_ups || []).length) return 'thank_you';
  if (schedule.state === 'overdue' || schedule.state === 'due' || schedule.state === 'move_on') return schedule.state;
  if (schedule.state === 'upcoming' && next.earliest <= addDays(on, COMING_UP_DAYS)) return 'coming';
  return null;
}

/**
 * Group interviews for the popup, most urgent first within each group.
 * Interviews may come from several lists (due, upcoming, move_on): each id is kept once.
 * Returns {groups: [{key, title, hint, items}], later: n} where `later` counts upcoming ones past the window.
 */
export function groupFollowUps(interviews, on) {
  const seen = new Set();
  const buckets = Object.fromEntries(GROUPS.map((g) => [g.key, []]));
  let later = 0;
  for (const interview of interviews) {
    if (seen.has(interview.id)) continue;
    seen.add(interview.id);
    const key = groupOf(interview, on);
    if (key) buckets[key].push(interview);
    else if (interview.schedule?.state === 'upcoming') later += 1;
  }
  const groups = GROUPS.map((g) => ({
    ...g,
    items: buckets[g.key].sort((a, b) => compareRows(g.key, a, b)),
  }));
  return { groups, later };
}

function compareRows(key, a, b) {
  const da = sortDate(key, a.schedule.next);
  const db = sortDate(key, b.schedule.next);
  if (da !== db) return da < db ? -1 : 1;
  return String(a.company).localeCompare(String(b.company)) || a.id - b.id;
}
