/* What the panel says about timing, from the backend's schedule {state, next: {action,
 * earliest, latest, reason}} (CONTRACT.md rules 3–7). Phrases live here as data. */
'use strict';

(function (ns) {
  const D = () => ns.dates;

  /** "Because …": the backend's reason, as the second line under a short title. */
  function because(reason) {
    const text = String(reason || '').trim();
    return text ? `Because ${text.charAt(0).toLowerCase()}${text.slice(1)}` : '';
  }

  // Each entry: (next, interview) -> {title, tone, confirm?}; confirm = the warning shown before inserting.
  const PHRASES = {
    due: () => ({ title: 'Due today', tone: 'due' }),
    overdue: (next) => ({ title: `Overdue since ${D().display(D().addDays(next.latest, 1))}`, tone: 'late' }),
    upcoming: (next) =>
      next.action === 'move_on'
        ? {
            title: `Two follow-ups sent — wait until ${D().display(next.earliest)} before moving on`,
            tone: 'early',
            confirm: 'You have already sent two follow-ups. A third one is more likely to hurt than help.',
          }
        : {
            title: `Too early — wait until ${D().display(next.earliest)}`,
            detail: because(next.reason),
            tone: 'early',
            confirm: `It's too early: following up before ${D().display(next.earliest)} can come across as pushy.`,
          },
    move_on: () => ({
      title: 'Two follow-ups sent — time to move on',
      tone: 'done',
      confirm: 'You have already sent two follow-ups. A third one is more likely to hurt than help.',
    }),
    replied: (next, interview) => ({
      title: `They replied${interview && interview.reply_on ? ` on ${D().display(interview.reply_on)}` : ''} — no follow-up needed`,
      tone: 'done',
      confirm: 'They have already replied, so a follow-up is not needed.',
    }),
    closed: (next, interview) => ({
      title: `This interview is closed${interview && interview.outcome ? ` (${String(interview.outcome).replace('_', ' ')})` : ''}`,
      tone: 'done',
      confirm: 'This interview is closed, so a follow-up is not needed.',
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
    if (!phrase) return { title: 'Timing unknown', detail: '', tone: 'done', confirm: null };
    const said = phrase(next, interview);
    const detail = said.detail !== undefined ? said.detail : String(next.reason || '');
    return { title: said.title, detail, tone: said.tone, confirm: said.confirm || null };
  }

  ns.timing = { describe };
})((globalThis.FA = globalThis.FA || {}));
