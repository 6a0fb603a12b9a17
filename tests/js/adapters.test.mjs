// The site adapters' selector logic on static HTML (linkedom, no browser): they find the
// compose window, read the draft, say where the button goes, and return null, never throw,
// when the page is not what they expect.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseHTML } from '../../e2e/node_modules/linkedom/esm/index.js';

import { load } from './classic.mjs';

const SCRIPTS = ['content/text.js', 'content/insert.js', 'content/adapters/base.js',
  'content/adapters/reading.js', 'content/adapters/gmail.js', 'content/adapters/outlook.js',
  'content/adapters/generic.js'];

function page(html) {
  const { window, document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const FA = load(SCRIPTS, { window, document, Node: window.Node, NodeFilter: window.NodeFilter,
    getComputedStyle: () => ({ display: 'block', visibility: 'visible' }) });
  return { FA, document, adapter: (name) => FA.adapters.pick({ hostname: name }, document) };
}

// A Gmail new-message dialog as Gmail builds it (the parts the selectors name).
const GMAIL = `
  <div class="dw"><div role="dialog" id="compose">
    <div name="to"><div role="option" data-hovercard-id="dana@acme.example">Dana Okafor</div></div>
    <input name="subjectbox" value="Following up">
    <div g_editable="true" contenteditable="true" role="textbox">Hi Dana,<br>Thanks again.</div>
    <table><tr class="btC"><td class="gU Up"><div role="button" class="aoO">Send</div></td></tr></table>
  </div></div><div role="main"></div>`;

test('gmail: the compose dialog is found, read and given a place for the button', () => {
  const { document, adapter } = page(GMAIL);
  const gmail = adapter('mail.google.com');
  assert.equal(gmail.name, 'gmail');
  const windows = gmail.findComposeWindows(document);
  assert.equal(windows.length, 1);
  assert.equal(windows[0].id, 'compose');
  const draft = gmail.readDraft(windows[0]);
  assert.deepEqual([...draft.to], ['dana@acme.example']);
  assert.equal(draft.subject, 'Following up');
  assert.match(draft.body, /Hi Dana,/);
  const spot = gmail.mountPoint(windows[0]);
  assert.equal(spot.parent.className, 'gU Up');
});

test('gmail: a page without a compose window gives none, and nothing throws', () => {
  const { document, adapter } = page('<div class="dw"></div><div role="main">Inbox</div>');
  const gmail = adapter('mail.google.com');
  assert.deepEqual([...gmail.findComposeWindows(document)], []);
  const stray = document.createElement('div');
  assert.equal(gmail.mountPoint(stray), null);
  assert.equal(gmail.readDraft(stray).subject, '');
});

test('an unknown site gets the generic adapter, never a site one', () => {
  const { adapter } = page(GMAIL);
  assert.equal(adapter('mail.example.org').name, 'generic');
  assert.equal(adapter('mail.google.com.evil.example').name, 'generic');
});
