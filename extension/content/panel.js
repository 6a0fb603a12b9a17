/* The panel the compose button opens: which interview, the timing, the draft with its
 * variants and findings, Insert draft and Check my draft. A non-modal dialog in its own shadow
 * root at the end of the document (so a toolbar's overflow cannot clip it); its pieces are
 * built by panel-parts.js, as text only. This file is the flow: what happens on each click. */
'use strict';

(function (ns) {
  const M = ns.MESSAGES;
  const { h, withCode, findingList, interviewLabel, interviewLine, timingBox, variantPicker, addForm, confirmBox } =
    ns.panelParts;
  const SEARCH_DELAY_MS = 200;
  const SNIPPET = 40; // characters of context around a finding in the user's own text

  class Panel {
    constructor(assistant) {
      this.assistant = assistant; // {adapter, win, state, button, caret()}
      this.host = null;
      this.searchTimer = 0;
    }

    get isOpen() {
      return Boolean(this.host && this.host.isConnected);
    }

    open(anchor) {
      if (!this.isOpen) this.build();
      this.place(anchor);
      this.title.focus();
      this.start();
    }

    close(returnFocus) {
      clearTimeout(this.searchTimer);
      if (this.host) this.host.remove();
      this.host = null;
      this.assistant.onPanelClosed(returnFocus);
    }

    build() {
      this.host = h('div', { 'data-followup-assistant-panel': '' });
      for (const type of ['keydown', 'keyup', 'keypress']) this.host.addEventListener(type, (e) => e.stopPropagation());
      const shadow = this.host.attachShadow({ mode: 'open' });
      this.title = h('h2', { id: 'fa-title', tabindex: '-1', text: 'Follow-up assistant' });
      this.status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
      this.alert = h('div', { class: 'alert', role: 'alert' });
      this.main = h('div', { class: 'main' });
      this.confirmBox = h('div', { class: 'confirm-slot' });
      this.actions = h('div', { class: 'actions' });
      // The foot stays in view while the draft scrolls: what happened is said next to the buttons.
      this.footer = h('div', { class: 'footer' }, this.alert, this.confirmBox, this.actions, this.status);
      this.root = h(
        'div',
        {
          class: 'panel',
          role: 'dialog',
          'aria-modal': 'false',
          'aria-labelledby': 'fa-title',
          onkeydown: (e) => this.onKey(e),
        },
        h(
          'header',
          {},
          this.title,
          h('button', {
            class: 'close',
            type: 'button',
            'aria-label': 'Close',
            text: '×',
            onclick: () => this.close(true),
          }),
        ),
        this.main,
        this.footer,
      );
      shadow.append(h('style', { text: ns.styles.PANEL_CSS }), this.root);
      document.documentElement.append(this.host);
    }

    place(anchor) {
      const host = this.assistant.host;
      ns.panelParts.place(this.root, anchor, this.assistant.win, host && host.parentElement, this.assistant.adapter);
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

    say(text) {
      this.status.textContent = text;
    }

    fail(error, retry) {
      this.alert.replaceChildren(
        h('p', {}, withCode(error.message)),
        error.fix && !error.message.includes(error.fix) ? h('p', { class: 'muted' }, withCode(error.fix)) : null,
        h(
          'div',
          { class: 'actions' },
          retry ? h('button', { type: 'button', text: 'Try again', onclick: () => retry() }) : null,
          error.code === 'not_paired'
            ? h('button', { type: 'button', text: 'Open options', onclick: () => ns.sendMessage(M.CS_BG_OPEN_OPTIONS) })
            : null,
        ),
      );
    }

    async ask(type, fields, retry) {
      this.alert.replaceChildren();
      const answer = await ns.sendMessage(type, fields);
      if (!answer.ok) {
        this.say('');
        this.fail(answer.error, retry);
      }
      return answer;
    }

    /** Find the interview by the recipients' addresses, then show its draft. */
    async start() {
      const state = this.assistant.state;
      if (state.interview) return this.select(state.interview);
      const seen = this.assistant.adapter.readDraft(this.assistant.win);
      this.recipients = seen;
      this.say('Looking up the interview…');
      const answer = await this.ask(M.CS_BG_FIND_INTERVIEWS, { emails: seen.to, on: ns.dates.today() }, () =>
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
      const seen = this.recipients || this.assistant.adapter.readDraft(this.assistant.win);
      this.recipients = seen;
      const who = seen.to.length ? seen.to.join(', ') : seen.names[0] || 'the recipient';
      let intro = `No interview matches ${who}. Search for it, or add it.`;
      if (changing) intro = 'Search for the interview this mail is about, or add it.';
      else if (candidates.length) intro = `${candidates.length} interviews match ${who} — which one is this?`;
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
      this.main.replaceChildren(
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
      input.focus();
    }

    showChoices(interviews) {
      this.results.replaceChildren(
        ...interviews.map((i) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', onclick: () => this.select(i) },
              h('span', { class: 'who', text: interviewLabel(i) }),
              h('span', { class: 'muted', text: ` · interviewed ${ns.dates.display(i.interview_date)}` }),
            ),
          ),
        ),
      );
    }

    searchSoon(query) {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(async () => {
        if (!query.trim()) return this.showChoices([]);
        const answer = await this.ask(M.CS_BG_SEARCH_INTERVIEWS, { query: query.trim(), on: ns.dates.today() });
        if (answer.ok && this.isOpen) {
          this.showChoices(answer.data.interviews);
          this.say(`${answer.data.interviews.length} found.`);
        }
      }, SEARCH_DELAY_MS);
    }

    showAddForm() {
      const seen = this.recipients || { to: [], names: [] };
      const form = addForm(
        seen,
        (interview) => this.add(interview),
        () => this.start(),
      );
      this.clearActions();
      this.main.replaceChildren(form);
      form.querySelector('input').focus();
    }

    async add(interview) {
      this.say('Saving…');
      const answer = await this.ask(M.CS_BG_ADD_INTERVIEW, { interview }, () => this.add(interview));
      if (answer.ok) this.select(answer.data);
    }

    async select(interview, variant) {
      this.assistant.state.interview = interview;
      this.say('Preparing your draft…');
      const fields = { interviewId: interview.id, on: ns.dates.today() };
      if (variant) fields.variant = variant;
      const answer = await this.ask(M.CS_BG_GET_DRAFT, fields, () => this.select(interview, variant));
      if (!answer.ok && answer.error.code === 'nothing_to_draft')
        return this.showNothingToDraft(interview, answer.error);
      if (!answer.ok) return;
      this.draft = answer.data;
      this.say('');
      this.showDraft(interview, this.draft);
    }

    /** Replied or closed: no follow-up to write; the timing says why. */
    showNothingToDraft(interview, error) {
      this.alert.replaceChildren();
      this.say('');
      this.clearActions();
      this.timing = ns.timing.describe(interview.schedule, interview);
      const state = (interview.schedule || {}).state;
      this.main.replaceChildren(this.interviewLine(interview), timingBox(this.timing, state, error.message));
    }

    interviewLine(interview) {
      return interviewLine(interview, () => this.showPicker([], true));
    }

    showDraft(interview, draft) {
      this.timing = ns.timing.describe(draft.schedule || interview.schedule, interview, draft.action);
      this.userCheck = h('div', { class: 'user-check' });
      this.confirmBox.replaceChildren();
      this.actions.replaceChildren(
        h('button', { class: 'primary', type: 'button', text: 'Insert draft', onclick: () => this.insert(false) }),
        h('button', { type: 'button', text: 'Check my draft', onclick: () => this.check() }),
      );
      const findings = draft.findings || [];
      this.main.replaceChildren(
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

    async insertOnce(confirmed) {
      if (this.timing.confirm && !confirmed) {
        const box = confirmBox(
          this.timing.confirm,
          () => this.insert(true),
          () => this.confirmBox.replaceChildren(),
        );
        this.confirmBox.replaceChildren(box);
        box.focus();
        return;
      }
      this.confirmBox.replaceChildren();
      const result = await this.assistant.insertDraft(this.draft);
      if (this.isOpen && this.assistant.button) this.place(this.assistant.button); // the window grew: keep off Send
      if (result.ok) {
        const subject = result.subjectFilled ? 'Subject and body inserted' : 'Body inserted (your subject was kept)';
        this.say(
          `${subject}. Edit it as you like${result.counts ? ' — when you send it, it counts as your follow-up' : ''}.`,
        );
      } else {
        this.fail({
          code: 'insert_failed',
          message: result.copied
            ? "This editor didn't accept the draft, so it was copied: paste it with Ctrl+V (⌘V on a Mac)."
            : "This editor didn't accept the draft. Select the draft above and copy it instead.",
        });
      }
    }

    async check() {
      const seen = this.assistant.adapter.readDraft(this.assistant.win);
      if (!seen.body.trim()) {
        this.userCheck.replaceChildren(
          h('p', { class: 'muted', text: 'There is nothing in the editor to check yet.' }),
        );
        return;
      }
      this.say('Checking your draft…');
      const fields = { body: seen.body, on: ns.dates.today() };
      if (seen.subject) fields.subject = seen.subject;
      if (this.assistant.state.interview) fields.interviewId = this.assistant.state.interview.id;
      const answer = await this.ask(M.CS_BG_CHECK_DRAFT, fields, () => this.check());
      if (!answer.ok) return;
      const { findings } = answer.data;
      this.say(
        findings.length
          ? `${findings.length} thing${findings.length > 1 ? 's' : ''} to look at in your draft.`
          : 'Your draft reads well.',
      );
      this.userCheck.replaceChildren(
        h('h3', { text: 'Your draft' }),
        findingList(findings, seen.body, SNIPPET, 'Findings about your draft'),
      );
      this.userCheck.scrollIntoView({ block: 'nearest' });
    }

    /** Shown when the user sends: the follow-up is recorded, or waiting for the backend. */
    showSent(answer, interview) {
      if (!this.isOpen) return;
      if (!answer.ok) return this.fail(answer.error);
      const name = interview ? interview.company : 'this interview';
      this.say(
        answer.data.recorded
          ? `Recorded your follow-up for ${name}.`
          : `Your follow-up for ${name} will be recorded as soon as Follow-up Assistant is running again.`,
      );
    }
  }

  ns.Panel = Panel;
})((globalThis.FA = globalThis.FA || {}));
