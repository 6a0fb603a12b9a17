// shared/vocabulary.js (generated from backend/vocabulary.py) as the pages and scripts see it.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { VOCABULARY } from '../../extension/shared/vocabulary.js';

test('the vocabulary is frozen and holds the backend words', () => {
  assert.ok(Object.isFrozen(VOCABULARY));
  for (const value of Object.values(VOCABULARY)) assert.ok(Object.isFrozen(value));
  assert.deepEqual([...VOCABULARY.ACTIONS], ['first_follow_up', 'second_follow_up', 'move_on']);
  assert.equal(VOCABULARY.MAX_FOLLOW_UPS, VOCABULARY.FOLLOW_UP_ACTIONS.length);
});
