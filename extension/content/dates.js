/* Dates as the panel shows them ("Mon 16 Mar") and the user's local today (CONTRACT.md:
 * all dates are calendar dates in the user's local time zone). Fixed English names, so the
 * wording does not change with the browser's locale halfway through a sentence. */
'use strict';

(function (ns) {
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  /** Local calendar date as YYYY-MM-DD. */
  function isoDay(date) {
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }

  function today() {
    return isoDay(new Date());
  }

  function parse(iso) {
    const [y, m, d] = String(iso).split('-').map(Number);
    return new Date(y, m - 1, d);
  }

  /** "2026-03-16" -> "Mon 16 Mar" (the year only when it is not this year's). */
  function display(iso) {
    if (!iso) return '';
    const date = parse(iso);
    if (Number.isNaN(date.getTime())) return String(iso);
    const year = date.getFullYear() === new Date().getFullYear() ? '' : ` ${date.getFullYear()}`;
    return `${DAYS[date.getDay()]} ${date.getDate()} ${MONTHS[date.getMonth()]}${year}`;
  }

  function addDays(iso, n) {
    const date = parse(iso);
    date.setDate(date.getDate() + n);
    return isoDay(date);
  }

  ns.dates = { today, display, addDays, isoDay };
})((globalThis.FA = globalThis.FA || {}));
