// The site adapters' selector logic on static HTML (linkedom, no browser): they find the
// compose window, read the draft, say where the button goes, and return null, never throw,
// when the page is not what they expect.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseHTML } from '../../e2e/node_modules/linkedom/esm/index.js';

import { load } from './classic.mjs';

const SCRIPTS = ['content/text.js', 'content/insert.js', 'content/editing.js', 'content/adapters/base.js',
  'content/adapters/reading.js', 'content/adapters/gmail.js', 'content/adapters/outlook.js',
  'content/adapters/generic.js'];

const namespaces = new WeakMap(); // document -> the scripts' namespace
const FA_of = (document) => namespaces.get(document);

function page(html) {
  const { window, document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const FA = load(SCRIPTS, { window, document, Node: window.Node, NodeFilter: window.NodeFilter,
    getComputedStyle: () => ({ display: 'block', visibility: 'visible' }) });
  namespaces.set(document, FA);
  // linkedom lays nothing out: every element counts as shown (the generic adapter asks).
  window.HTMLElement.prototype.getClientRects ??= () => [{ width: 1, height: 1 }];
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

// The text the checker reads: all the user wrote, also below the webmail's signature, never the
// signature's own lines (as first seen) or the quoted thread.
const GMAIL_SIGNED = `
  <div class="dw"><div role="dialog" id="compose">
    <input name="subjectbox" value="Following up">
    <div g_editable="true" contenteditable="true" role="textbox" id="body"><div>Hi Dana,</div><div>Thanks again.</div><br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature" data-smartmail="gmail_signature">Sam Doe</div><div class="gmail_quote"><div>On Tue, Dana Okafor wrote:</div><blockquote>You were rude in the interview.</blockquote></div></div>
  </div></div><div role="main"></div>`;

test('gmail: the check reads text typed after the signature, not the signature or the quote', () => {
  const { document, adapter } = page(GMAIL_SIGNED);
  const gmail = adapter('mail.google.com');
  const [win] = gmail.findComposeWindows(document);
  const editor = gmail.editorOf(win);
  assert.equal(FA_of(document).editing.hasSignature(editor), true); // first sight: the compose window opens
  assert.equal(gmail.readDraft(win).body, 'Hi Dana,\nThanks again.');
  // The browser puts a line typed at the end of the body inside a copy of the signature's element.
  const typed = document.createElement('div');
  typed.className = 'gmail_signature';
  typed.textContent = 'You people never answer.';
  document.querySelector('.gmail_signature').after(typed);
  const body = gmail.readDraft(win).body;
  assert.match(body, /You people never answer\./);
  assert.doesNotMatch(body, /Sam Doe|^-- |wrote:|rude in the interview/m);
});

const OUTLOOK_REPLY = `
  <div role="main"><div data-app-section="Form_Content">
    <input aria-label="Add a subject" value="Re: Interview">
    <div contenteditable="true" aria-multiline="true" role="textbox"><div>Hello Anna,</div><div id="Signature"><div>Sam Doe</div><div>+1 555 0100</div></div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> Anna Lee<br><b>Sent:</b> Tuesday</div><div>We found you arrogant.</div></div>
  </div></div>`;

test('outlook: div#Signature is the signature; from div#appendonsend on, the reply is quoted', () => {
  const { document, adapter } = page(OUTLOOK_REPLY);
  const outlook = adapter('outlook.live.com');
  const [win] = outlook.findComposeWindows(document);
  const editing = FA_of(document).editing;
  assert.equal(editing.hasSignature(outlook.editorOf(win)), true);
  const typed = document.createElement('div');
  typed.textContent = 'This is taking far too long.';
  document.getElementById('Signature').append(typed); // typed below the signature's last line
  assert.equal(outlook.readDraft(win).body, 'Hello Anna,\nThis is taking far too long.');
});

test('a plain-text body: the "-- " signature as first seen is left out, lines typed after it are kept', () => {
  const { document, adapter } = page(`<form><input name="subject" value="Hi">
    <textarea name="body">Hi Anna,\n\n-- \nSam Doe\n\nOn Tue, Anna Lee wrote:\n> You were late.</textarea>
    <button type="submit" name="send">Send</button></form>`);
  const generic = adapter('mail.example.org');
  const [win] = generic.findComposeWindows(document);
  const editor = generic.editorOf(win);
  const editing = FA_of(document).editing;
  assert.equal(editing.hasSignature(editor), true);
  editor.root.value = editor.root.value.replace('Sam Doe\n', 'Sam Doe\nWhy is this taking so long?\n');
  assert.equal(generic.readDraft(win).body, 'Hi Anna,\n\nWhy is this taking so long?');
});

test('an empty signature element is no signature (Roundcube HTML mode without one)', () => {
  const { document, adapter } = page(`<form><input name="subject" value="Hi">
    <div contenteditable="true" role="textbox"><p>Hello</p><div id="_rc_sig"></div></div>
    <button type="submit" name="send">Send</button></form>`);
  const generic = adapter('mail.example.org');
  const [win] = generic.findComposeWindows(document);
  assert.equal(FA_of(document).editing.hasSignature(generic.editorOf(win)), false);
  assert.equal(generic.readDraft(win).body, 'Hello');
});

// An opened Gmail conversation holding a Google Calendar invitation (its layout as public parsers
// of those e-mails quote it): "When" on its own line, the date on the next, the organiser marked.
const GMAIL_INVITE = `
  <div role="main">
    <h2 class="hP" data-thread-perm-id="thread-f:1">Invitation: Interview - Product Designer @ Tue Dec 8, 2026 3pm - 4pm (EST) (sam@example.net)</h2>
    <div class="adn ads"><div class="gE"><span class="gD" email="dana@acme.example" name="Dana Okafor">Dana Okafor</span>
      <span class="g3" title="Mon, Nov 30, 2026, 9:02 AM">Nov 30</span></div>
      <div class="a3s aiL"><div>Interview - Product Designer</div><div>When</div>
        <div>Tuesday Dec 8, 2026 ⋅ 3pm – 4pm (Eastern Time - New York)</div><div>Guests</div>
        <div>Dana Okafor&lt;mailto:dana@acme.example&gt; - organizer</div><div>sam@example.net</div>
        <div>Reply for sam@example.net</div><div>Invitation from Google Calendar</div></div></div>
  </div>`;

test('gmail: an opened invitation gives its start, title and organiser', () => {
  const { FA, document } = page(GMAIL_INVITE);
  const message = FA.adapters.reading.readOpenMessage('gmail', document);
  assert.deepEqual({ ...message.calendar }, {
    start: '2026-12-08T15:00', summary: 'Interview - Product Designer',
    organizerEmail: 'dana@acme.example', organizerName: 'Dana Okafor' });
});

test('outlook meeting requests and plain text: the "When" line is read, a message without one has no invitation', () => {
  const { FA, document } = page('<div id="x"></div>');
  const { invitationOf } = FA.adapters.reading.kit;
  const el = (text) => {
    const div = document.createElement('div');
    div.textContent = text;
    return div;
  };
  assert.equal(invitationOf(el('When: Tuesday, December 08, 2026 03:30 PM-04:00 PM (UTC-05:00) Eastern Time (US & Canada).\nWhere: Microsoft Teams Meeting'), 'Interview: Analyst').start, '2026-12-08T15:30');
  assert.equal(invitationOf(el('When\n\nTue 8 Dec 2026 14:00 – 15:00 (GMT)'), '').start, '2026-12-08T14:00');
  assert.equal(invitationOf(el('When: Tuesday, December 8, 2026'), 'Onsite').start, '2026-12-08');
  assert.equal(invitationOf(el('When you have a minute, could you send your references?'), 'Hi'), null);
  assert.equal(invitationOf(el('Thanks for coming in on Tuesday.'), 'Thanks'), null);
});
