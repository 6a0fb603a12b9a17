// content/text.js: offsets between the backend's code points and the editor's UTF-16.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { load } from './classic.mjs';

const { text } = load(['content/text.js']);

test('a code point offset past an emoji is one more UTF-16 unit', () => {
  assert.equal(text.utf16Index('a😀b', 2), 3);
  assert.equal(text.utf16Index('abc', 2), 2);
});

test('a finding covers the same characters in UTF-16 as the backend counted', () => {
  const body = 'Hi 😀 Dana, ASAP please';
  const start = [...body].indexOf('A');
  const range = text.findingRange(body, { start, end: start + 4, match: 'ASAP' });
  assert.equal(body.slice(range.start, range.end), 'ASAP');
});

test('html is escaped, never interpreted', () => {
  assert.equal(text.escapeHtml('<img src=x onerror=alert(1)>&"\''),
    '&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;');
  assert.ok(!text.textToHtml('<script>x</script>\nline').includes('<script>'));
});

test('e-mail addresses are found in a recipient line', () => {
  assert.deepEqual([...text.emailsIn('Dana <dana@acme.example>, lee@corp.example')],
    ['dana@acme.example', 'lee@corp.example']);
});

test('occurrences are counted without overlap', () => {
  assert.equal(text.countOccurrences('aaaa', 'aa'), 2);
  assert.equal(text.countOccurrences('abc', ''), 0);
});
