/* What the panel says about timing, from the backend's schedule {state, next: {action,
 * earliest, latest, reason}} (docs/timing.md). Phrases live here as data. */

import '../content/dates.js'; // a classic script shared with the content scripts: it sets globalThis.FA.dates
import { localizeDates } from '../popup/words.js';
import { MAX_FOLLOW_UPS_WORDS, OUTCOME_WORDS } from '../common/vocabulary-words.js';

const D = () => globalThis.FA.dates;

/** The backend's reason with its dates ("Fri 27 Nov") in the browser's format, like every date shown. */
function shown(reason) {
  return localizeDates(String(reason || '').trim(), D().today());
}

/** "Because …": the backend's reason, as the second line under a short title. */
function because(reason) {
  const text = shown(reason);
  return text ? `Because ${text.charAt(0).toLowerCase()}${text.slice(1)}` : '';
}

// One entry per state of the backend (tests/js/vocabulary.test.mjs holds the keys to STATES).
// Each entry: (next, interview, action) -> {title, detail?, tone, confirm?, none?}; confirm = the
// warning shown before inserting; none = what to do when there is nothing to send.
export const PHRASES = {
  due: () => ({ title: 'Due today', tone: 'due' }),
  overdue: (next) => ({ title: `Overdue since ${D().display(D().addDays(next.latest, 1))}`, tone: 'late' }),
  upcoming: (next) =>
    next.action === 'move_on'
      ? {
          title: `${MAX_FOLLOW_UPS_WORDS} sent — wait until ${D().display(next.earliest)} before moving on`,
          detail: because(next.reason),
          tone: 'early',
          // The draft here is the gracious close: early, but never a third follow-up.
          confirm: `It's early to close the loop: they may still answer before ${D().display(next.earliest)}.`,
        }
      : {
          title: `Too early — wait until ${D().display(next.earliest)}`,
          detail: because(next.reason),
          tone: 'early',
          confirm: `It's too early: following up before ${D().display(next.earliest)} can come across as pushy.`,
        },
  // The draft is a gracious close, not a third follow-up: nothing to warn about.
  move_on: () => ({ title: `${MAX_FOLLOW_UPS_WORDS} sent — time to move on`, tone: 'done' }),
  replied: (next, interview) => ({
    title: `They replied${interview && interview.reply_on ? ` on ${D().display(interview.reply_on)}` : ''} — no follow-up needed`,
    tone: 'done',
    none: 'Answer their message as you would any mail. The assistant has stopped reminding you about this interview.',
  }),
  closed: (next, interview) => ({
    title: `This interview is closed${interview && interview.outcome ? ` (${OUTCOME_WORDS[interview.outcome]?.aside || 'closed'})` : ''}`,
    tone: 'done',
    none: 'There is nothing to follow up. The assistant has stopped reminding you about this interview.',
  }),
};

/**
 * {title, detail, tone, confirm} for a schedule; detail is the backend's reason. A draft whose
 * action is the thank-you note (interview day) is timely whatever the follow-up's timing.
 */
function describe(schedule, interview, action) {
  if (action === 'thank_you') {
    const later = describe(schedule, interview);
    return {
      title: 'Interview today — send a thank-you note',
      detail: `The follow-up comes later. ${later.title}.`,
      tone: 'due',
      confirm: null,
    };
  }
  const state = schedule && schedule.state;
  const next = (schedule && schedule.next) || {};
  const phrase = PHRASES[state];
  if (!phrase) return { title: 'Timing unknown', detail: '', tone: 'done', confirm: null, none: '' };
  const said = phrase(next, interview);
  const detail = said.detail !== undefined ? said.detail : shown(next.reason);
  return { title: said.title, detail, tone: said.tone, confirm: said.confirm || null, none: said.none || '' };
}

export { describe };
