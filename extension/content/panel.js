/* The panel the compose button opens: which interview, the timing, the draft with its
 * variants and findings, Insert draft and Check my draft. A non-modal dialog in its own
 * shadow root at the end of <body> (so a toolbar's overflow cannot clip it). Every node is
 * built with textContent; nothing from the backend or the page is ever parsed as HTML. */
'use strict';

(function (ns) {
  const M = ns.MESSAGES;
  const SEVERITY = { error: 'Fix this', warning: 'Consider', info: 'Tip' };
  const SEARCH_DELAY_MS = 200;
  const SNIPPET = 40; // characters of context around a finding in the user's own text

  /** h('p', {class: 'x', text: 'y', onclick}, ...children): build a node, text only. */
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'text') el.textContent = value;
      else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) el.append(child);
    return el;
  }

  /** The text of a finding's range in `text` with some context, the matched words marked. */
  function quoteFinding(text, finding, context) {
    const { start, end } = ns.text.findingRange(text, finding);
    if (end <= start || text.slice(start, end) !== finding.match) {
      return finding.match ? h('span', { class: 'quote' }, '“', h('mark', { text: finding.match }), '”') : null;
    }
    const from = Math.max(0, start - context);
    const to = Math.min(text.length, end + context);
    return h('span', { class: 'quote' }, from > 0 ? '…' : '', text.slice(from, start), h('mark', { text: text.slice(start, end) }), text.slice(end, to), to < text.length ? '…' : '');
  }

  function findingList(findings, text, context, label) {
    if (!findings.length) return h('p', { class: 'muted', text: 'No problems found.' });
    return h(
      'ul',
      { class: 'findings', 'aria-label': label },
      findings.map((f) =>
        h(
          'li',
          { class: `finding ${f.severity}` },
          h('span', { class: 'sev', text: SEVERITY[f.severity] || f.severity }),
          h('span', { text: f.message }),
          quoteFinding(text, f, context),
          f.suggestion ? h('span', { class: 'quote muted', text: `Try: ${f.suggestion}` }) : null,
        ),
      ),
    );
  }

  function variantsOf(draft) {
    return (draft.variants || []).map((v) => (typeof v === 'string' ? { id: v, label: v } : { id: v.id || v.name, label: v.label || v.name || v.id }));
  }

  function interviewLabel(i) {
    return `${i.company} — ${i.position}`;
  }

  class Panel {
    constructor(assistant) {
      this.assistant = assistant; // {adapter, win, state, button, caret()}
      this.host = null;
      this.view = {};
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
        { class: 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'fa-title', onkeydown: (e) => this.onKey(e) },
        h('header', {}, this.title, h('button', { class: 'close', type: 'button', 'aria-label': 'Close', text: '×', onclick: () => this.close(true) })),
        this.main,
        this.footer,
      );
      shadow.append(h('style', { text: ns.styles.PANEL_CSS }), this.root);
      document.documentElement.append(this.host);
    }

    /**
     * Beside the compose window when there is room (so the panel never hides the editor), else
     * above or below the button. Reads layout on click, never in an observer.
     */
    place(anchor) {
      const r = anchor.getBoundingClientRect();
      const w = this.assistant.win.getBoundingClientRect();
      const vw = window.innerWidth;
      const vh = window.innerHeight;
      const width = Math.min(380, vw - 16);
      const style = this.root.style;
      let left;
      if (w.left >= width + 16) left = w.left - width - 8;
      else if (vw - w.right >= width + 16) left = w.right + 8;
      if (left !== undefined) {
        // Side by side: bottom-aligned with the button, which sits by Send at the window's foot.
        style.left = `${left}px`;
        style.top = '';
        style.bottom = `${Math.max(8, vh - r.bottom)}px`;
        return;
      }
      style.left = `${Math.max(8, Math.min(r.right - width, vw - width - 8))}px`;
      const below = vh - r.bottom - 14;
      const above = r.top - 14;
      if (below >= 320 || below >= above) {
        style.top = `${r.bottom + 6}px`;
        style.bottom = '';
        style.maxHeight = `${Math.max(160, Math.min(620, below))}px`;
      } else {
        style.bottom = `${vh - r.top + 6}px`;
        style.top = '';
        style.maxHeight = `${Math.max(160, Math.min(620, above))}px`;
      }
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
        h('p', { text: error.message }),
        error.fix && !error.message.includes(error.fix) ? h('p', { class: 'muted', text: error.fix }) : null,
        h(
          'div',
          { class: 'actions' },
          retry ? h('button', { type: 'button', text: 'Try again', onclick: () => retry() }) : null,
          error.code === 'not_paired' ? h('button', { type: 'button', text: 'Open options', onclick: () => ns.sendMessage(M.CS_BG_OPEN_OPTIONS) }) : null,
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
      const answer = await this.ask(M.CS_BG_FIND_INTERVIEWS, { emails: seen.to, on: ns.dates.today() }, () => this.start());
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
      const input = h('input', { id: 'fa-search', type: 'search', autocomplete: 'off', oninput: () => this.searchSoon(input.value) });
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
        h('div', { class: 'actions' }, h('button', { type: 'button', text: 'Add this interview', onclick: () => this.showAddForm() })),
      );
      this.showChoices(candidates);
      input.focus();
    }

    showChoices(interviews) {
      this.results.replaceChildren(
        ...interviews.map((i) =>
          h('li', {}, h('button', { type: 'button', onclick: () => this.select(i) }, h('span', { class: 'who', text: interviewLabel(i) }), h('span', { class: 'muted', text: ` · interviewed ${ns.dates.display(i.interview_date)}` }))),
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
      const field = (name, label, attrs) => [h('label', { for: `fa-${name}`, text: label }), h('input', { id: `fa-${name}`, name, ...attrs })];
      const form = h(
        'form',
        { onsubmit: (e) => this.add(e, form) },
        h('p', { text: 'Add the interview, and the assistant will time your follow-up.' }),
        field('company', 'Company', { required: true }),
        field('position', 'Position', { required: true }),
        field('interview_date', 'Interview date', { type: 'date', required: true, value: ns.dates.today() }),
        field('interviewer_name', 'Interviewer name', { value: seen.names[0] || '' }),
        field('interviewer_email', 'Interviewer email', { type: 'email', value: seen.to[0] || '' }),
        field('timeline', 'What they said about timing', { placeholder: 'e.g. We will decide within two weeks' }),
        h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'submit', text: 'Save interview' }), h('button', { type: 'button', text: 'Cancel', onclick: () => this.start() })),
      );
      this.clearActions();
      this.main.replaceChildren(form);
      form.querySelector('input').focus();
    }

    async add(event, form) {
      event.preventDefault();
      const interview = Object.fromEntries([...form.querySelectorAll('input')].map((i) => [i.name, i.value]));
      this.say('Saving…');
      const answer = await this.ask(M.CS_BG_ADD_INTERVIEW, { interview }, () => this.add(event, form));
      if (answer.ok) this.select(answer.data);
    }

    async select(interview, variant) {
      this.assistant.state.interview = interview;
      this.say('Preparing your draft…');
      const fields = { interviewId: interview.id, on: ns.dates.today() };
      if (variant) fields.variant = variant;
      const answer = await this.ask(M.CS_BG_GET_DRAFT, fields, () => this.select(interview, variant));
      if (!answer.ok && answer.error.code === 'nothing_to_draft') return this.showNothingToDraft(interview, answer.error);
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
      const timing = ns.timing.describe(interview.schedule, interview);
      this.timing = timing;
      this.main.replaceChildren(
        this.interviewLine(interview),
        h('div', { class: `timing tone-${timing.tone}`, 'data-state': (interview.schedule || {}).state || '' }, h('div', { class: 'title', text: timing.title }), h('p', { class: 'muted', text: error.message })),
      );
    }

    interviewLine(interview) {
      return h(
        'p',
        {},
        h('span', { class: 'who', text: interviewLabel(interview) }),
        h('span', { class: 'muted', text: ` · interviewed ${ns.dates.display(interview.interview_date)}${interview.interviewer_name ? ` with ${interview.interviewer_name}` : ''}` }),
        ' ',
        h('button', { type: 'button', class: 'link', text: 'Not this one?', onclick: () => this.showPicker([], true) }),
      );
    }

    showDraft(interview, draft) {
      const timing = ns.timing.describe(draft.schedule || interview.schedule, interview, draft.action);
      this.timing = timing;
      const variants = variantsOf(draft);
      const current = draft.variant || (variants[0] && variants[0].id);
      this.userCheck = h('div', { class: 'user-check' });
      this.confirmBox.replaceChildren();
      this.actions.replaceChildren(
        h('button', { class: 'primary', type: 'button', text: 'Insert draft', onclick: () => this.insert(false) }),
        h('button', { type: 'button', text: 'Check my draft', onclick: () => this.check() }),
      );
      this.main.replaceChildren(
        this.interviewLine(interview),
        h('div', { class: `timing tone-${timing.tone}`, 'data-state': (draft.schedule || {}).state || '' }, h('div', { class: 'title', text: timing.title }), timing.detail ? h('p', { class: 'muted', text: timing.detail }) : null),
        h('h3', { text: 'Draft' }),
        h('p', { class: 'draft-subject' }, h('span', { class: 'visually-hidden', text: 'Subject: ' }), draft.subject || ''),
        h('div', { class: 'draft-body', tabindex: '0', role: 'document', 'aria-label': 'Draft body', text: draft.body || '' }),
        variants.length > 1
          ? h(
              'fieldset',
              {},
              h('legend', { text: 'Wording' }),
              variants.map((v) =>
                h('label', {}, h('input', { type: 'radio', name: 'fa-variant', value: v.id, checked: v.id === current, onchange: () => this.select(interview, v.id) }), ` ${v.label}`),
              ),
            )
          : null,
        (draft.findings || []).length
          ? h('div', { class: 'draft-findings' }, h('h3', { text: 'About this draft' }), findingList(draft.findings, draft.body || '', 20, 'Findings about the draft'))
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
        const box = h(
          'div',
          { class: 'confirm', role: 'group', 'aria-labelledby': 'fa-confirm-text', tabindex: '-1' },
          h('p', { id: 'fa-confirm-text', text: `${this.timing.confirm} Insert the draft anyway?` }),
          h('div', { class: 'actions' }, h('button', { type: 'button', text: 'Insert anyway', onclick: () => this.insert(true) }), h('button', { type: 'button', text: 'Cancel', onclick: () => this.confirmBox.replaceChildren() })),
        );
        this.confirmBox.replaceChildren(box);
        box.focus();
        return;
      }
      this.confirmBox.replaceChildren();
      const result = await this.assistant.insertDraft(this.draft);
      if (result.ok) {
        const subject = result.subjectFilled ? 'Subject and body inserted' : 'Body inserted (your subject was kept)';
        this.say(`${subject}. Edit it as you like${result.counts ? ' — when you send it, it counts as your follow-up' : ''}.`);
      } else {
        this.fail({ code: 'insert_failed', message: result.copied ? "This editor didn't accept the draft, so it was copied: paste it with Ctrl+V (⌘V on a Mac)." : "This editor didn't accept the draft. Select the draft above and copy it instead." });
      }
    }

    async check() {
      const seen = this.assistant.adapter.readDraft(this.assistant.win);
      if (!seen.body.trim()) {
        this.userCheck.replaceChildren(h('p', { class: 'muted', text: 'There is nothing in the editor to check yet.' }));
        return;
      }
      this.say('Checking your draft…');
      const fields = { body: seen.body, on: ns.dates.today() };
      if (seen.subject) fields.subject = seen.subject;
      if (this.assistant.state.interview) fields.interviewId = this.assistant.state.interview.id;
      const answer = await this.ask(M.CS_BG_CHECK_DRAFT, fields, () => this.check());
      if (!answer.ok) return;
      const { findings } = answer.data;
      this.say(findings.length ? `${findings.length} thing${findings.length > 1 ? 's' : ''} to look at in your draft.` : 'Your draft reads well.');
      this.userCheck.replaceChildren(h('h3', { text: 'Your draft' }), findingList(findings, seen.body, SNIPPET, 'Findings about your draft'));
      this.userCheck.scrollIntoView({ block: 'nearest' });
    }

    /** Shown when the user sends: the follow-up is recorded, or waiting for the backend. */
    showSent(answer, interview) {
      if (!this.isOpen) return;
      if (!answer.ok) return this.fail(answer.error);
      const name = interview ? interview.company : 'this interview';
      this.say(answer.data.recorded ? `Recorded your follow-up for ${name}.` : `Your follow-up for ${name} will be recorded as soon as Follow-up Assistant is running again.`);
    }
  }

  ns.Panel = Panel;
})((globalThis.FA = globalThis.FA || {}));
