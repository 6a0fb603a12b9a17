// How the extension's pages say things: dates in the browser's locale, plurals by its rules,
// errors by field label in plain words. Pure: no DOM, no chrome.*; the popup, the options page
// and the All interviews page all import from here, so a date or an error reads the same everywhere.

// The browser's locale (undefined = the user's own), one formatter for every date shown.
const LOCALE = undefined;
const DAY = new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short' });
const DAY_AND_YEAR = new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const PLURAL = new Intl.PluralRules(LOCALE);

// What each field is called on screen, by its name in the API (one table for every form).
export const FIELD_LABELS = {
  company: 'Company',
  position: 'Position',
  interview_date: 'Interview date',
  interviewer_name: 'Interviewer name',
  interviewer_email: 'Interviewer e-mail',
  timeline: 'What they said about timing',
  decision_date: 'Decision date',
  country: 'Holiday country',
  notes: 'Notes',
  reply_on: 'Reply date',
  outcome: 'Outcome',
  sent_on: 'Date sent',
  received_on: 'Reply date',
  name: 'Name',
  signature: 'Signature',
  weekly_goal: 'Weekly goal',
  backend_url: 'Backend URL',
  code: 'Pairing code',
};

// The backend's technical phrasings, and what a person reads instead. First match wins.
const PLAIN = [
  [/^must be a date written YYYY-MM-DD\.?$/, 'Enter a date.'],
  [/^(.*) is not a real date\.?$/, 'That date does not exist.'],
  [/^'.*' is not an e-mail address\.?$/s, 'That does not look like an e-mail address (name@example.com).'],
  [/^must not be (?:null|empty)\.?$/, 'This is needed.'],
  [/^is required\.?$/, 'This is needed.'],
  [/^must be on one line\.?$/, 'Keep it on one line.'],
  [/^contains a control character\.?$/, 'It contains a character that cannot be typed; retype it.'],
  [/^contains a broken character.*$/, 'It contains a broken character; retype it.'],
  [/^is too long \(([\d,]+) characters; at most ([\d,]+)\)\.?$/, (m) => `It is too long: at most ${m[2]} characters (now ${m[1]}).`],
  [/^(\d{4}-\d{2}-\d{2}) is before the interview on (\d{4}-\d{2}-\d{2})\.?$/, (m) => `It is before the interview (${formatDate(m[2])}).`],
  [/^is before the interview\.?$/, 'It is before the interview.'],
  [/^is before the last follow-up, sent on (\d{4}-\d{2}-\d{2})\.?$/, (m) => `It is before your last follow-up (${formatDate(m[1])}).`],
  [/^a follow-up was sent before this date\.?$/, 'A follow-up was sent before this date.'],
  [/^That code is wrong; (\d+) tries left\.?$/, (m) => plural(Number(m[1]), { one: 'That code is wrong; {n} try left.', other: 'That code is wrong; {n} tries left.' })],
  [/^must be between (\d{4}-\d{2}-\d{2}) and (\d{4}-\d{2}-\d{2})\.?$/, (m) => `Choose a date between ${formatDate(m[1])} and ${formatDate(m[2])}.`],
];

/** Parse a YYYY-MM-DD string as a local calendar date (never as UTC midnight). */
export function parseDate(iso) {
  const [y, m, d] = String(iso).split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** A Date as YYYY-MM-DD in local time. */
export function toIso(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A day in the browser's locale ("Tue, Dec 1" in en-US), with the year when it is not `on`'s. */
export function formatDate(iso, on) {
  const date = parseDate(iso);
  const sameYear = !on || parseDate(on).getFullYear() === date.getFullYear();
  return (sameYear ? DAY : DAY_AND_YEAR).format(date);
}

/** "1 follow-up", "2 follow-ups": `forms` maps each plural category the words need (one, other…). */
export function plural(count, forms) {
  const words = forms[PLURAL.select(count)] ?? forms.other;
  return words.replace('{n}', String(count));
}

/** Text for a person: commands the backend or the worker wrap in backticks lose them. */
export function plain(text) {
  return String(text ?? '').replaceAll('`', '');
}

/** The one sentence a person reads for an error: its message, then what to do. */
export function errorWords(error) {
  if (!error) return 'Something went wrong.';
  const message = error.field ? fieldMessage(error) : plain(error.message);
  const fix = plain(error.fix);
  return [message, fix && !message.includes(fix) ? fix : ''].filter(Boolean).join(' ');
}

/** An error about one field, in plain words, without the field's id ("Enter a date."). */
export function fieldMessage(error) {
  const field = error.field || '';
  let text = plain(error.message);
  if (field && text.startsWith(`${field}: `)) text = text.slice(field.length + 2);
  for (const [pattern, replacement] of PLAIN) {
    const found = pattern.exec(text);
    if (found) return typeof replacement === 'function' ? replacement(found) : replacement;
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An error about one field, for a summary away from the field: "Interviewer e-mail: …". */
export function labelledError(error) {
  const label = FIELD_LABELS[error.field];
  return label ? `${label}: ${fieldMessage(error)}` : errorWords(error);
}

// The backend writes dates inside its reasons as "Fri 13 Mar" (fixed English, see
// backend/timing/schedule.py); they are shown in the browser's format like every other date.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const BACKEND_DAY = /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?: (\d{4}))?\b/g;

/** `text` with the backend's "Fri 13 Mar" dates in the browser's format; the year is the one,
 * nearest `on`'s, on which that day is that weekday. */
export function localizeDates(text, on) {
  const base = parseDate(on).getFullYear();
  return String(text ?? '').replace(BACKEND_DAY, (whole, weekday, day, month, year) => {
    const m = MONTHS.indexOf(month.slice(0, 3));
    const years = year ? [Number(year)] : [base, base + 1, base - 1];
    const found = years.find((y) => new Date(y, m, Number(day)).getDay() === WEEKDAYS.indexOf(weekday));
    return found === undefined ? whole : formatDate(toIso(new Date(found, m, Number(day))), on);
  });
}
