/* The toolbar badge and the morning reminders: how many follow-ups are due or overdue, kept
 * fresh at browser start, on an alarm and after every change; one notification per follow-up
 * on the morning it becomes due. The worker may sleep at any time, so what was notified lives
 * in chrome.storage, and the alarms are re-created at start-up because browsers drop them. */
import { ACTION_WORDS } from '../common/vocabulary-words.js';
import * as api from './api.js';

const REFRESH_ALARM = 'badge-refresh';
const MORNING_ALARM = 'badge-morning';
const REFRESH_EVERY_MIN = 30; // the day can turn, or another device can change the data
const DAY_MIN = 24 * 60;
const DEFAULT_REMINDER_HOUR = 8; // "the morning it becomes due": no reminders before 8:00
const KEYS = Object.freeze({
  notified: 'notifiedFollowUps', // ["<id>:<action>:<earliest>"] already announced
  focus: 'popupFocus', // interview id the popup should bring into view (set by a notification click)
  clock: 'debugToday', // YYYY-MM-DD: a day tests (or a curious user) set instead of today
  hour: 'reminderHour', // 0-23: the hour from which reminders may be shown
});
const COLORS = { overdue: '#9a3b22', due: '#24685a' };
const NOTIFICATION_PREFIX = 'follow-up:';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_SINGLE_REMINDERS = 3; // more new ones at once are announced together

let chain = Promise.resolve(); // one refresh at a time, so a follow-up is never announced twice

/** Today as YYYY-MM-DD in local time, or the test clock's day when one is set. */
async function today() {
  const stored = await chrome.storage.local.get(KEYS.clock);
  if (DATE.test(stored[KEYS.clock] || '')) return stored[KEYS.clock];
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Ask the backend for the due list, show its size, remind of new ones. Never throws. */
function refresh() {
  const run = chain.then(async () => {
    const on = await today();
    const answer = await api.request('GET', '/api/v1/due', { query: { on } });
    if (!answer.ok) {
      await showProblem(answer.error);
      return answer;
    }
    await show(answer.data.due || [], answer.data.total);
    await remind(answer.data.due || []);
    return answer;
  });
  chain = run.catch(() => undefined);
  return run.catch((err) => ({ ok: false, error: { code: 'extension_error', message: String(err), fix: '' } }));
}

/** Pass an answer through, refreshing the badge first when the change went through. */
async function afterChange(answer) {
  if (!answer || !answer.ok) return answer;
  // A follow-up kept for later means the backend just failed: refresh, but don't hold the answer.
  if (answer.data && answer.data.queued) refresh();
  else await refresh();
  return answer;
}

/** Set the badge from a due list (due and overdue follow-ups, as /due answers); `total` counts
 * them all when the list is one page of a longer one. */
async function show(due, total) {
  const count = Number.isInteger(total) ? total : due.length;
  const overdue = due.some((i) => i.schedule && i.schedule.state === 'overdue');
  await chrome.action.setBadgeText({ text: count ? String(count) : '' });
  await chrome.action.setBadgeBackgroundColor({ color: overdue ? COLORS.overdue : COLORS.due });
  if (chrome.action.setBadgeTextColor) await chrome.action.setBadgeTextColor({ color: '#ffffff' });
  const words = count === 0 ? 'nothing due' : `${count} follow-up${count === 1 ? '' : 's'} due${overdue ? ', some overdue' : ''}`;
  await chrome.action.setTitle({ title: `Follow-up Assistant: ${words}` });
}

/** Keep the last count (it may still be right) and say in the tooltip what went wrong. */
async function showProblem(error) {
  if (error.code === 'not_paired') await chrome.action.setBadgeText({ text: '' });
  await chrome.action.setTitle({ title: `Follow-up Assistant: ${error.message}` });
}

function reminderKey(interview) {
  const next = interview.schedule && interview.schedule.next;
  return next ? `${interview.id}:${next.action}:${next.earliest}` : null;
}

/**
 * One notification per follow-up not announced before, once the reminder hour has come.
 * The first look after pairing only takes note: what was already due is on the badge, and a
 * burst of reminders for old news would not be calm. Many at once become one summary.
 */
async function remind(due) {
  const stored = await chrome.storage.local.get([KEYS.notified, KEYS.hour]);
  const current = due.map((i) => [reminderKey(i), i]).filter(([key]) => key);
  if (stored[KEYS.notified] === undefined) {
    await chrome.storage.local.set({ [KEYS.notified]: current.map(([key]) => key) });
    return;
  }
  const hour = Number.isInteger(stored[KEYS.hour]) ? stored[KEYS.hour] : DEFAULT_REMINDER_HOUR;
  if (new Date().getHours() < hour) return;
  const notified = new Set(stored[KEYS.notified]);
  const fresh = current.filter(([key]) => !notified.has(key));
  if (fresh.length > MAX_SINGLE_REMINDERS) await notifySummary(fresh.length);
  else for (const [, interview] of fresh) await notify(interview);
  // Keep only follow-ups still on the list, so the stored set stays as small as the list.
  await chrome.storage.local.set({ [KEYS.notified]: current.map(([key]) => key) });
}

function dayWords(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' }); // the browser's locale, as on every page
}

async function showNotification(id, options) {
  try {
    await chrome.notifications.create(id, {
      type: 'basic', iconUrl: chrome.runtime.getURL('icons/icon-128.png'), contextMessage: 'Follow-up Assistant', priority: 0, ...options,
    });
  } catch (err) {
    console.warn('Follow-up Assistant: could not show a reminder', err);
  }
}

function notify(interview) {
  const next = interview.schedule.next;
  const what = ACTION_WORDS[next.action] ? ACTION_WORDS[next.action].toLowerCase() : 'follow-up';
  const who = interview.interviewer_name ? ` to ${interview.interviewer_name}` : '';
  const late = interview.schedule.state === 'overdue';
  return showNotification(`${NOTIFICATION_PREFIX}${interview.id}`, {
    title: `Time for your ${what}: ${interview.company}`,
    message: `${interview.position}. Write${who} ${late ? 'when you can: the suggested window has passed' : `by ${dayWords(next.latest)}`}.`,
  });
}

function notifySummary(count) {
  return showNotification(`${NOTIFICATION_PREFIX}all`, {
    title: `${count} follow-ups are due`,
    message: 'Open Follow-up Assistant to see them, most urgent first.',
  });
}

/** A click on a reminder opens the popup at that interview's row (a tab when no popup can open). */
async function openRow(notificationId) {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  const id = Number(notificationId.slice(NOTIFICATION_PREFIX.length)); // NaN for the summary
  await chrome.notifications.clear(notificationId);
  if (Number.isInteger(id)) await chrome.storage.local.set({ [KEYS.focus]: id });
  try {
    await chrome.action.openPopup();
  } catch (err) {
    const hash = Number.isInteger(id) ? `#interview-${id}` : '';
    await chrome.tabs.create({ url: chrome.runtime.getURL(`popup/popup.html${hash}`) });
  }
}

/** The interview a reminder click asked the popup to show, read once. */
async function takeFocus() {
  const stored = await chrome.storage.local.get(KEYS.focus);
  if (stored[KEYS.focus] === undefined) return null;
  await chrome.storage.local.remove(KEYS.focus);
  return stored[KEYS.focus];
}

function nextMorning(hour) {
  const at = new Date();
  at.setHours(hour, 0, 0, 0);
  if (at.getTime() <= Date.now()) at.setDate(at.getDate() + 1);
  return at.getTime();
}

/** Create the alarms that are missing (browsers drop them on restart and on update). */
async function ensureAlarms() {
  if (!(await chrome.alarms.get(REFRESH_ALARM))) {
    await chrome.alarms.create(REFRESH_ALARM, { delayInMinutes: 1, periodInMinutes: REFRESH_EVERY_MIN });
  }
  if (!(await chrome.alarms.get(MORNING_ALARM))) {
    const stored = await chrome.storage.local.get(KEYS.hour);
    const hour = Number.isInteger(stored[KEYS.hour]) ? stored[KEYS.hour] : DEFAULT_REMINDER_HOUR;
    await chrome.alarms.create(MORNING_ALARM, { when: nextMorning(hour), periodInMinutes: DAY_MIN });
  }
}

async function start() {
  await ensureAlarms();
  await refresh();
}

/** Register the listeners; call once, synchronously, at the worker's top level. */
function listen() {
  chrome.runtime.onStartup.addListener(() => { start().catch((err) => console.warn('Badge start failed', err)); });
  chrome.runtime.onInstalled.addListener(() => { start().catch((err) => console.warn('Badge start failed', err)); });
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM || alarm.name === MORNING_ALARM) refresh();
  });
  if (chrome.notifications) {
    chrome.notifications.onClicked.addListener((id) => { openRow(id).catch((err) => console.warn('Could not open the popup', err)); });
  }
}

export { refresh, afterChange, show, today, takeFocus, ensureAlarms, listen, openRow, KEYS, REFRESH_ALARM, MORNING_ALARM };
