// content/dates.js: calendar dates in the user's zone, never UTC midnight.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { load } from './classic.mjs';

const { dates } = load(['content/dates.js']);

test('adding days crosses months and years as calendar days', () => {
  assert.equal(dates.addDays('2026-01-31', 1), '2026-02-01');
  assert.equal(dates.addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(dates.addDays('2026-03-01', -1), '2026-02-28');
});

test('a local date is written YYYY-MM-DD', () => {
  assert.equal(dates.isoDay(new Date(2026, 2, 9)), '2026-03-09');
  assert.match(dates.today(), /^\d{4}-\d{2}-\d{2}$/);
});

test('a date of another year shows its year, one of this year does not', () => {
  const year = new Date().getFullYear();
  assert.match(dates.display(`${year + 1}-03-16`), new RegExp(String(year + 1)));
  assert.doesNotMatch(dates.display(`${year}-03-16`), new RegExp(String(year)));
});
