// popup/groups.js and popup/words.js: which group a follow-up is in and how its date reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { VOCABULARY } from '../../extension/common/vocabulary.js';
import * as groups from '../../extension/popup/groups.js';
import * as words from '../../extension/popup/words.js';

const interview = (state, next) => ({ id: 1, schedule: { state, next } });

test('the outcomes a row can be closed with are the backend outcomes', () => {
  assert.deepEqual([...groups.OUTCOMES.map((o) => o.value)], [...VOCABULARY.OUTCOMES]);
  for (const action of VOCABULARY.ACTIONS) assert.ok(groups.ACTION_WORDS[action], action);
});

test('due, overdue and move on are their own groups; nothing else is urgent', () => {
  const next = { action: 'first_follow_up', earliest: '2026-03-09', latest: '2026-03-10' };
  assert.equal(groups.groupOf(interview('overdue', next), '2026-03-12'), 'overdue');
  assert.equal(groups.groupOf(interview('due', next), '2026-03-09'), 'due');
  assert.equal(groups.groupOf(interview('replied', null), '2026-03-09'), null);
});

test('dates are calendar dates: parse and write back unchanged', () => {
  assert.equal(words.toIso(words.parseDate('2026-03-09')), '2026-03-09');
  assert.equal(groups.addDays('2026-02-28', 1), '2026-03-01');
});

test('plural words follow the count', () => {
  assert.equal(words.plural(1, { one: 'follow-up', other: 'follow-ups' }), 'follow-up');
  assert.equal(words.plural(2, { one: 'follow-up', other: 'follow-ups' }), 'follow-ups');
});
