// background/sites.js: what a self-hosted webmail gets is built from scripts.json, the one list.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { siteScripts } from '../../extension/background/sites.js';
import { EXTENSION } from './classic.mjs';

const LISTS = JSON.parse(readFileSync(join(EXTENSION, 'scripts.json'), 'utf8'));

test("an added site gets the shared scripts, Roundcube's adapter, then the rest, in order", () => {
  const scripts = siteScripts(LISTS);
  const { before_adapter: before, after_adapter: after } = LISTS.content;
  assert.deepEqual(scripts, [...before, 'content/adapters/roundcube.js', ...after]);
  assert.ok(scripts.indexOf('content/adapters/base.js') < scripts.indexOf('content/adapters/roundcube.js'));
  assert.ok(scripts.indexOf('content/adapters/roundcube.js') < scripts.indexOf('content/main.js'));
});

test('without a self-hosted adapter the generic one, always in the list, serves the site', () => {
  const content = { ...LISTS.content, adapters: { ...LISTS.content.adapters } };
  delete content.adapters['self-hosted'];
  const scripts = siteScripts({ content });
  assert.ok(!scripts.includes('content/adapters/roundcube.js'));
  assert.ok(scripts.includes('content/adapters/generic.js'));
});
