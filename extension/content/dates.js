/* Dates as the panel shows them and the user's local today (all dates are calendar dates in the
 * user's local time zone). Shown in the browser's locale with Intl.DateTimeFormat — the same
 * options as the popup and the extension's pages (popup/words.js), so a date reads the same
 * everywhere: "Mon, Mar 16" in en-US, "Mon 16 Mar" in en-GB; the year only when not this year's. */
'use strict';

(function (ns) {
  const DAY = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  const DAY_AND_YEAR = new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });

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

  /** "2026-03-16" -> "Mon, Mar 16" in the browser's locale (the year only when not this year's). */
  function display(iso) {
    if (!iso) return '';
    const date = parse(iso);
    if (Number.isNaN(date.getTime())) return String(iso);
    return (date.getFullYear() === new Date().getFullYear() ? DAY : DAY_AND_YEAR).format(date);
  }

  function addDays(iso, n) {
    const date = parse(iso);
    date.setDate(date.getDate() + n);
    return isoDay(date);
  }

  ns.dates = { today, display, addDays, isoDay };
})((globalThis.FA = globalThis.FA || {}));
