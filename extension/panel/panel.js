/* The panel: which interview, the timing, the draft with its variants and findings, Insert
 * draft and Check my draft. An extension page framed into the webmail (content/panel-frame.js
 * creates the frame, hidden, when a compose window opens); its pieces are built by parts.js, as
 * text only. This file is the flow: what happens on each message and click. It learns only the
 * recipients of its compose window from the content script, and asks the worker for the rest. */

import '../common/messages.js'; // a classic script (content scripts load it too): it fills globalThis.FA
import * as link from './link.js';
import { h, fill, plainWords, count, orderFindings, wordingOf, sentenceAround, withoutSignOff, findingList, interviewLabel, interviewLine, timingBox, variantPicker, addForm, confirmBox } from './parts.js';
import * as timing from './timing.js';
import { VOCABULARY } from '../common/vocabulary.js';

const FA = globalThis.FA; // messages.js's names, and content/text.js and dates.js (imported by parts.js)
const { MESSAGES: M, PORT: P, sendMessage } = FA;
const SEARCH_DELAY_MS = 200;
const SNIPPET = 40; // characters of context around a finding in the user's own text
const FRAME_BORDER = 2; // px: the frame's border, top and bottom

const keyOf = (recipients) => JSON.stringify(recipients || null);

class Panel {
  constructor(root) {
    this.root = root;
    this.title = root.querySelector('#fa-title');
    this.status = root.querySelector('.status');
    this.alert = root.querySelector('.alert');
    this.main = root.querySelector('.main');
    this.confirmBox = root.querySelector('.confirm-slot');
    this.actions = root.querySelector('.actions');
    this.searchTimer = 0;
    this.epoch = 0; // bumped by each new look-up, so a late answer cannot overwrite a newer view
    this.recipients = { to: [], names: [] };
    this.lookedUp = null; // the recipients the shown view was looked up for
    this.interview = null; // the interview picked (by address, by the user, or added)
    this.failed = false; // the last look-up failed: opening again tries again
    this.focusTarget = null;
    root.querySelector('.close').addEventListener('click', (e) => e.isTrusted && this.close(true));
    // On the document, not the dialog: when the draft arrives and redraws the part that held
    // the focus, keys go to the frame's body, and Escape must still close the panel.
    root.ownerDocument.addEventListener('keydown', (e) => e.isTrusted && this.onKey(e));
    new ResizeObserver(() => this.reportSize()).observe(root.querySelector('.inner'));
  }

  get isOpen() {
    return !this.root.hidden;
  }

  reportSize() {
    link.notify(P.SIZE, { height: Math.ceil(this.root.querySelector('.inner').offsetHeight) + FRAME_BORDER });
  }

  /** The content script says who this mail is to (when the window opens, or the pointer nears
   * the button): look the interview up now, so opening shows it at once. */
  onContext(recipients) {
    this.recipients = recipients;
    this.refit();
    if (this.interview || keyOf(recipients) === this.lookedUp) return;
    this.start();
  }

  /** The user clicked the button: show what is ready, or look up again if the recipients changed. */
  onOpen(recipients) {
    this.recipients = recipients;
    this.refit();
    this.root.hidden = false;
    const stale = !this.interview && keyOf(recipients) !== this.lookedUp;
    if (stale || this.failed) {
      this.focusTarget = null;
      if (this.interview) this.select(this.interview);
      else this.start();
    }
    (this.focusTarget && this.focusTarget.isConnected ? this.focusTarget : this.title).focus();
  }

  onHide() {
    this.root.hidden = true;
  }

  close(returnFocus) {
    clearTimeout(this.searchTimer);
    this.root.hidden = true;
    link.notify(P.CLOSE, { returnFocus });
  }

  onKey(e) {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close(true);
    }
  }

  clearActions() {
    this.confirmBox.replaceChildren();
    this.actions.replaceChildren();
  }

  /** Say what happened, beside the buttons; `good` (green) only for good news. */
  say(text, good) {
    this.status.textContent = text;
    this.status.classList.toggle('good', Boolean(good));
  }

  fail(error, retry) {
    fill(this.alert,
      h('p', { text: plainWords(error.message) }),
      error.fix && !error.message.includes(error.fix) ? h('p', { class: 'muted', text: plainWords(error.fix) }) : null,
      h(
        'div',
        { class: 'actions' },
        retry ? h('button', { type: 'button', text: 'Try again', onclick: () => retry() }) : null,
        error.code === 'not_paired'
          ? h('button', { type: 'button', text: 'Open options', onclick: () => sendMessage(M.PANEL_BG_OPEN_OPTIONS) })
          : null,
      ),
    );
  }

  /** Ask the worker; a failure is shown with Try again. An answer that comes after a newer
   * look-up began is dropped ({ok: false, stale: true}). */
  async ask(type, fields, retry) {
    const epoch = this.epoch;
    this.alert.replaceChildren();
    const answer = await sendMessage(type, fields);
    if (epoch !== this.epoch) return { ok: false, stale: true };
    if (!answer.ok) {
      this.failed = true;
      this.say('');
      this.fail(answer.error, retry);
    }
    return answer;
  }

  /** Find the interview by the recipients' addresses, then show its draft. */
  async start() {
    if (this.interview) return this.select(this.interview);
    this.epoch += 1;
    this.failed = false;
    const seen = this.recipients;
    this.lookedUp = keyOf(seen);
    this.say('Looking up the interview…');
    const answer = await this.ask(M.PANEL_BG_FIND_INTERVIEWS, { emails: seen.to, on: FA.dates.today() }, () =>
      this.start(),
    );
    if (!answer.ok) return;
    const found = answer.data.interviews;
    if (found.length === 1) return this.select(found[0]);
    this.say('');
    this.showPicker(found);
  }

  /** Pick the interview: the candidates found by address, or a search (by the recipient's name when
   * the webmail shows only a name), or the add form. `changing`: the user asked for another one. */
  showPicker(candidates, changing) {
    const seen = this.recipients;
    if (changing) {
      this.epoch += 1;
      this.interview = null;
    }
    const who = seen.to.length ? seen.to.join(', ') : seen.names[0] || 'the recipient';
    let intro = `No interview matches ${who}. Search for it, or add it.`;
    if (changing) intro = 'Search for the interview this mail is about, or add it.';
    else if (candidates.length) intro = `${count(candidates.length, { one: '{n} interview matches', other: '{n} interviews match' })} ${who} — which one is this?`;
    const input = h('input', {
      id: 'fa-search',
      type: 'search',
      autocomplete: 'off',
      oninput: () => this.searchSoon(input.value),
    });
    if (!changing && !candidates.length && !seen.to.length && seen.names[0]) {
      input.value = seen.names[0]; // a chip with only a name (Outlook): search by it
      this.searchSoon(input.value);
    }
    this.results = h('ul', { class: 'choices', 'aria-label': 'Interviews' });
    this.clearActions();
    fill(this.main,
      h('p', { text: intro }),
      h('label', { for: 'fa-search', text: 'Search interviews (company, position or interviewer)' }),
      input,
      this.results,
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', text: 'Add this interview', onclick: () => this.showAddForm() }),
      ),
    );
    this.showChoices(candidates);
    this.focusTarget = input;
    if (this.isOpen) input.focus();
  }

  showChoices(interviews) {
    fill(this.results,
      ...interviews.map((i) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', onclick: () => this.select(i) },
            h('span', { class: 'who', text: interviewLabel(i) }),
            h('span', { class: 'muted', text: `Interviewed ${FA.dates.display(i.interview_date)}` }),
          ),
        ),
      ),
    );
  }

  searchSoon(query) {
    clearTimeout(this.searchTimer);
    // Only what the user typed here is searched, on the backend, one page at a time.
    this.searchTimer = setTimeout(async () => {
      if (!query.trim()) return this.showChoices([]);
      const answer = await this.ask(M.PANEL_BG_SEARCH_INTERVIEWS, { query: query.trim(), on: FA.dates.today() });
      if (answer.ok && this.results && this.results.isConnected) {
        this.showChoices(answer.data.interviews);
        const n = answer.data.interviews.length;
        this.say(n ? `${count(n, { one: '{n} interview found', other: '{n} interviews found' })}.` : 'No interview found.');
      }
    }, SEARCH_DELAY_MS);
  }

  showAddForm() {
    const seen = this.recipients;
    const form = addForm(
      seen,
      (interview) => this.add(interview),
      () => this.showPicker([], true),
    );
    this.clearActions();
    fill(this.main, form);
    this.focusTarget = form.querySelector('input');
    this.focusTarget.focus();
  }

  async add(interview) {
    this.say('Saving…');
    const answer = await this.ask(M.PANEL_BG_ADD_INTERVIEW, { interview }, () => this.add(interview));
    if (answer.ok) this.select(answer.data);
  }

  async select(interview, variant) {
    this.epoch += 1;
    this.written = null;
    this.failed = false;
    this.interview = interview;
    this.focusTarget = null;
    this.say('Preparing your draft…');
    const fields = { interviewId: interview.id, on: FA.dates.today() };
    if (variant) fields.variant = variant;
    const answer = await this.ask(M.PANEL_BG_GET_DRAFT, fields, () => this.select(interview, variant));
    if (!answer.ok && !answer.stale && answer.error.code === 'nothing_to_draft')
      return this.showNothingToDraft(interview);
    if (!answer.ok) return;
    this.written = answer.data; // as the backend wrote it, with the profile's sign-off
    this.draft = this.fitted();
    this.say('');
    this.showDraft(interview, this.draft);
  }

  /** The draft for this editor: where it already holds the webmail's signature, the draft uses
   * it and adds none (its closing stays). */
  fitted() {
    this.signedWith = Boolean(this.recipients.signature);
    return this.signedWith ? { ...this.written, body: withoutSignOff(this.written.body) } : this.written;
  }

  /** The webmail's signature came (or went) after the draft was shown — an editor that fills
   * itself a moment after the compose window opens: show the draft that fits it now. */
  refit() {
    if (!this.written || Boolean(this.recipients.signature) === this.signedWith) return;
    if (!this.main.querySelector('.draft-body')) return; // another view is shown (picker, add form, …)
    this.draft = this.fitted();
    this.showDraft(this.interview, this.draft);
  }

  /** Replied or closed: no follow-up to write; the timing says why and what to do instead, in
   * our own words (nothing offered that the panel has no control for). */
  showNothingToDraft(interview) {
    this.alert.replaceChildren();
    this.say('');
    this.clearActions();
    this.timing = timing.describe(interview.schedule, interview);
    const state = (interview.schedule || {}).state;
    fill(this.main, this.interviewLine(interview), timingBox(this.timing, state, this.timing.none));
  }

  interviewLine(interview) {
    return interviewLine(interview, () => this.showPicker([], true));
  }

  showDraft(interview, draft) {
    this.timing = timing.describe(draft.schedule || interview.schedule, interview, draft.action);
    this.userCheck = h('div', { class: 'user-check' });
    this.confirmBox.replaceChildren();
    fill(this.actions,
      h('button', { class: 'primary', type: 'button', text: 'Insert draft', onclick: () => this.insert(false) }),
      h('button', { type: 'button', text: 'Check my draft', onclick: () => this.check() }),
    );
    const findings = draft.findings || [];
    fill(this.main,
      this.interviewLine(interview),
      timingBox(this.timing, (draft.schedule || {}).state),
      h('h3', { text: 'Draft' }),
      h(
        'p',
        { class: 'draft-subject' },
        h('span', { class: 'visually-hidden', text: 'Subject: ' }),
        draft.subject || '',
      ),
      h('div', {
        class: 'draft-body',
        tabindex: '0',
        role: 'document',
        'aria-label': 'Draft body',
        text: draft.body || '',
      }),
      variantPicker(draft, (variant) => this.select(interview, variant)),
      findings.length
        ? h(
            'div',
            {},
            h('h3', { text: 'About this draft' }),
            findingList(findings, draft.body || '', 20, 'Findings about the draft'),
          )
        : null,
      this.userCheck,
    );
  }

  async insert(confirmed) {
    if (this.inserting) return; // a double click must not insert twice
    try {
      this.inserting = true;
      await this.insertOnce(confirmed);
    } finally {
      this.inserting = false;
    }
  }

  /** Inserted before and still in the editor: replace that draft (one undo brings it back),
   * never glue a second copy on. */
  askToReplace() {
    const box = confirmBox(
      '',
      () => this.insertOnce(true, true),
      () => this.confirmBox.replaceChildren(),
      'Your editor already holds the draft you inserted. Replace the draft with this one?',
      'Replace the draft',
    );
    fill(this.confirmBox, box);
    box.focus();
  }

  async insertOnce(confirmed, replace) {
    if (this.timing.confirm && !confirmed) {
      const box = confirmBox(
        this.timing.confirm,
        () => this.insert(true),
        () => this.confirmBox.replaceChildren(),
      );
      fill(this.confirmBox, box);
      box.focus();
      return;
    }
    this.confirmBox.replaceChildren();
    const { subject, body, action } = this.draft;
    const result = await link.request(P.INSERT, {
      // `counts`: sending this draft is a follow-up (not a thank-you or a move-on note), so Send records it.
      draft: { subject: subject || '', body: body || '', counts: VOCABULARY.FOLLOW_UP_ACTIONS.includes(action) },
      interview: { id: this.interview.id, company: this.interview.company },
      replace: Boolean(replace),
    });
    if (result.gone) return this.fail({ code: 'gone', message: 'This compose window is no longer there.' });
    if (result.reason === 'present') return this.askToReplace();
    if (result.reason === 'changed') {
      return this.fail({
        code: 'draft_changed',
        message: 'The draft you inserted was edited since, so it was left as it is. Delete it first to insert this one.',
      });
    }
    if (result.ok && replace) {
      this.say('Draft replaced. Undo (Ctrl+Z) brings the earlier one back.');
    } else if (result.ok) {
      const subject = result.subjectFilled ? 'Subject and body inserted' : 'Body inserted (your subject was kept)';
      this.say(
        `${subject}. Edit it as you like${result.counts ? ' — when you send it, it counts as your follow-up' : ''}.`,
      );
    } else {
      const copied = await navigator.clipboard.writeText(body || '').then(
        () => true,
        () => false,
      );
      this.fail({
        code: 'insert_failed',
        message: copied
          ? "This editor didn't accept the draft, so it was copied: paste it with Ctrl+V (⌘V on a Mac)."
          : "This editor didn't accept the draft. Select the draft above and copy it instead.",
      });
    }
  }

  async check() {
    const seen = await link.request(P.READ, {});
    if (seen.gone) return this.fail({ code: 'gone', message: 'This compose window is no longer there.' });
    if (!seen.body.trim()) {
      fill(this.userCheck,
        h('p', { class: 'muted', text: 'There is nothing in the editor to check yet.' }),
      );
      return;
    }
    this.say('Checking your draft…');
    const fields = { body: seen.body, on: FA.dates.today() };
    if (seen.subject) fields.subject = seen.subject;
    if (seen.signatureLeftOut) fields.signatureLeftOut = true;
    if (this.interview) fields.interviewId = this.interview.id;
    const answer = await this.ask(M.PANEL_BG_CHECK_DRAFT, fields, () => this.check());
    if (!answer.ok) return;
    const findings = orderFindings(answer.data.findings, seen.body);
    if (findings.length)
      this.say(`${count(findings.length, { one: '{n} thing', other: '{n} things' })} to look at in your draft.`);
    else this.say('Your draft looks good.', true);
    fill(this.userCheck,
      h('h3', { text: 'Your draft' }),
      findingList(findings, seen.body, SNIPPET, 'Findings about your draft', (f) => this.findingActions(f, seen.body)),
    );
    this.userCheck.scrollIntoView({ block: 'nearest' });
  }

  /** "Show in the editor" selects the finding's sentence there; "Use this wording" replaces it
   * with the suggestion's words through the editor's input path (one undo brings it back). */
  findingActions(finding, body) {
    const { start, end } = FA.text.findingRange(body, finding);
    if (end <= start) return null; // about the whole draft: no words to point at
    const sentence = sentenceAround(body, start, end);
    const wording = wordingOf(finding.suggestion);
    const show = async () => {
      const answer = await link.request(P.SELECT, { text: sentence });
      if (!answer.ok) this.say('Those words are no longer in the editor.');
    };
    const use = async () => {
      const answer = await link.request(P.REWORD, { text: sentence, wording });
      if (answer.ok) this.say('Replaced with the suggested wording. Undo (Ctrl+Z) brings yours back.');
      else this.say(answer.reason === 'not_found' ? 'Those words are no longer in the editor.' : "The editor didn't take the new wording.");
    };
    return h(
      'div',
      { class: 'finding-actions' },
      h('button', { type: 'button', class: 'link', text: 'Show in the editor', onclick: show }),
      wording ? h('button', { type: 'button', class: 'link', text: 'Use this wording', onclick: use }) : null,
    );
  }

  /** Shown when the user sends: the follow-up is recorded, or waiting for the backend. */
  showSent(answer, company) {
    if (!answer.ok) return this.fail(answer.error || { message: 'Your follow-up could not be recorded.' });
    const name = company || 'this interview';
    this.say(
      answer.recorded
        ? `Recorded your follow-up for ${name}.`
        : `Your follow-up for ${name} will be recorded as soon as Follow-up Assistant is running again.`,
    );
  }
}

const panel = new Panel(document.querySelector('[role="dialog"]'));
link.on(P.CONTEXT, (msg) => panel.onContext(msg.recipients || { to: [], names: [] }));
link.on(P.OPEN, (msg) => panel.onOpen(msg.recipients || { to: [], names: [] }));
link.on(P.HIDE, () => panel.onHide());
link.on(P.SENT, (msg) => panel.showSent(msg.answer || {}, msg.company));
link.connect().then((connected) => {
  if (!connected) panel.fail({ message: 'Follow-up Assistant was updated or restarted — reload this page to use it again.' });
  panel.reportSize();
});
globalThis.FA.panel = panel; // for tests and the console
