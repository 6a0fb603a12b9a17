// common/vocabulary.js (generated from backend/vocabulary.py) as the pages and scripts see it.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { VOCABULARY } from '../../extension/common/vocabulary.js';

test('the vocabulary is frozen and holds the backend words', () => {
  assert.ok(Object.isFrozen(VOCABULARY));
  for (const value of Object.values(VOCABULARY)) assert.ok(Object.isFrozen(value));
  assert.deepEqual([...VOCABULARY.ACTIONS], ['first_follow_up', 'second_follow_up', 'move_on']);
  assert.equal(VOCABULARY.MAX_FOLLOW_UPS, VOCABULARY.FOLLOW_UP_ACTIONS.length);
});

// Each table of words is keyed by exactly the vocabulary's names: a name added to the backend
// and not worded here (or worded here and gone from the backend) fails.
const sorted = (names) => [...names].sort();

test('every action, state and outcome has its words, and nothing else does', async () => {
  const words = await import('../../extension/common/vocabulary-words.js');
  assert.deepEqual(sorted(Object.keys(words.ACTION_WORDS)), sorted(VOCABULARY.ACTIONS));
  assert.deepEqual(sorted(Object.keys(words.STATE_WORDS)), sorted(VOCABULARY.STATES));
  assert.deepEqual(sorted(Object.keys(words.OUTCOME_WORDS)), sorted(VOCABULARY.OUTCOMES));
  for (const said of Object.values(words.OUTCOME_WORDS)) {
    assert.deepEqual(Object.keys(said), ['label', 'menu', 'done', 'aside']);
  }
});

test("the rules' number of follow-ups is said in words, from the vocabulary", async () => {
  const { MAX_FOLLOW_UPS_WORDS } = await import('../../extension/common/vocabulary-words.js');
  const word = VOCABULARY.MAX_FOLLOW_UPS_WORD;
  assert.equal(MAX_FOLLOW_UPS_WORDS, `${word[0].toUpperCase()}${word.slice(1)} follow-ups`);
});

test('the panel has a phrase for every state, and says the number of follow-ups from the vocabulary', async () => {
  const timing = await import('../../extension/panel/timing.js');
  const { MAX_FOLLOW_UPS_WORDS } = await import('../../extension/common/vocabulary-words.js');
  assert.deepEqual(sorted(Object.keys(timing.PHRASES)), sorted(VOCABULARY.STATES));
  const moveOn = timing.describe({ state: 'move_on', next: { action: 'move_on', reason: '' } }, {});
  assert.equal(moveOn.title, `${MAX_FOLLOW_UPS_WORDS} sent — time to move on`);
  const early = timing.describe({ state: 'upcoming', next: { action: 'move_on', earliest: '2026-03-16', reason: '' } }, {});
  assert.ok(early.title.startsWith(`${MAX_FOLLOW_UPS_WORDS} sent — wait until `), early.title);
  const closed = timing.describe({ state: 'closed', next: null }, { outcome: 'rejected' });
  assert.equal(closed.title, 'This interview is closed (not selected)');
});
