// background/validate.js, imported as the worker imports it: every message's payload is checked
// against its handler's shape before the handler runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { problemWith } from '../../extension/background/validate.js';

const SHAPE = { interviewId: 'int', on: 'date?', emails: 'string[]' };

test('a payload of the right shape passes; optional fields may be left out', () => {
  assert.equal(problemWith(SHAPE, { type: 'x', interviewId: 3, emails: ['a@b.example'] }), null);
  assert.equal(problemWith(SHAPE, { type: 'x', interviewId: 3, on: '2026-03-09', emails: [] }), null);
});

test('each fault is named by its field', () => {
  assert.equal(problemWith(SHAPE, { type: 'x', emails: [] }), 'field "interviewId" is missing');
  assert.equal(problemWith(SHAPE, { type: 'x', interviewId: 0, emails: [] }), 'field "interviewId" is not a valid int');
  assert.equal(problemWith(SHAPE, { type: 'x', interviewId: 1, on: '9 March', emails: [] }), 'field "on" is not a valid date');
  assert.equal(problemWith(SHAPE, { type: 'x', interviewId: 1, emails: [], extra: 1 }), 'unexpected field "extra"');
  assert.equal(problemWith(SHAPE, null), 'the message is not an object');
});

test('lists and strings are bounded, so a page cannot make the worker chew on megabytes', () => {
  const many = Array.from({ length: 21 }, (_, i) => `p${i}@x.example`);
  assert.equal(problemWith(SHAPE, { type: 'x', interviewId: 1, emails: many }), 'field "emails" is not a valid string[]');
  assert.equal(problemWith({ name: 'string' }, { name: 'x'.repeat(301) }), 'field "name" is not a valid string');
  assert.equal(problemWith({ body: 'text' }, { body: 'x'.repeat(20000) }), null);
});
