/* One assistant per compose window: the "Follow-up assistant" button in an open shadow root
 * beside the webmail's Send button (never inside the editable body; it shows no data), its
 * framed panel (panel-frame.js), and what the window needs to remember (the inserted draft) —
 * kept here, never as marks on the page. Only the user's own input acts: a click the page
 * synthesised (event.isTrusted false) opens nothing. Idempotent: mount() again is a no-op while
 * our host is in place; destroy() removes every trace. */
'use strict';

(function (ns) {
  const HOST_ATTRIBUTE = 'data-followup-assistant';
  // A small "reply with a check" mark, drawn with DOM calls (no markup strings).
  const ICON_PATHS = ['M4 12h11a5 5 0 0 1 0 10', 'M8 8l-4 4 4 4'];

  function icon() {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    for (const d of ICON_PATHS) {
      const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      path.setAttribute('d', d);
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', 'currentColor');
      path.setAttribute('stroke-width', '2.2');
      path.setAttribute('stroke-linecap', 'round');
      path.setAttribute('stroke-linejoin', 'round');
      svg.append(path);
    }
    return svg;
  }

  class ComposeAssistant {
    constructor(win, adapter) {
      this.win = win;
      this.adapter = adapter;
      this.host = null;
      this.button = null;
      this.panel = new ns.PanelFrame(this);
      // inserted: {interviewId, company, key, sentAt} once a follow-up draft went in.
      this.state = { inserted: null, caret: null, touched: false };
      this.unwatch = ns.recorder.watch(this);
      this.onFocusIn = (e) => {
        const editor = this.adapter.editorOf(this.win);
        if (editor && (e.target === editor.root || e.target === editor.frame)) this.state.touched = true;
      };
      win.addEventListener('focusin', this.onFocusIn, true);
    }

    /** Put the button in place, or leave it where it is; true when it is on the page. */
    mount() {
      if (this.host && this.host.isConnected && this.win.contains(this.host)) return true;
      const point = this.adapter.mountPoint(this.win);
      if (!point || !point.parent) return false;
      for (const stale of point.parent.querySelectorAll(`:scope > [${HOST_ATTRIBUTE}]`)) stale.remove(); // left by a reloaded extension
      if (!this.host) this.host = this.createHost();
      point.parent.insertBefore(
        this.host,
        point.before && point.before.parentNode === point.parent ? point.before : null,
      );
      this.panel.prepare(); // load the panel now, so a click shows a draft already looked up
      return true;
    }

    createHost() {
      const host = document.createElement('span');
      host.setAttribute(HOST_ATTRIBUTE, '');
      // Keys typed on our button must not reach the webmail's shortcuts.
      for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
      const shadow = host.attachShadow({ mode: 'open' });
      this.button = document.createElement('button');
      this.button.type = 'button';
      this.button.setAttribute('aria-label', 'Follow-up assistant');
      this.button.setAttribute('aria-haspopup', 'dialog');
      this.button.setAttribute('aria-expanded', 'false');
      this.button.title = 'Follow-up assistant: when and how to follow up';
      const label = document.createElement('span');
      label.textContent = 'Follow-up';
      this.button.append(icon(), label);
      // Keep the editor's caret: a mousedown that does not move focus.
      this.button.addEventListener('mousedown', (e) => {
        e.preventDefault();
        if (e.isTrusted) this.rememberCaret();
      });
      this.button.addEventListener('click', (e) => {
        if (e.isTrusted) this.toggle(); // a click the page made up opens nothing
      });
      // The pointer on its way, or the keyboard on the button: look up the recipients typed since.
      const refresh = (e) => e.isTrusted && this.panel.refresh();
      this.button.addEventListener('pointerenter', refresh);
      this.button.addEventListener('focus', refresh);
      const style = document.createElement('style');
      style.textContent = ns.styles.BUTTON_CSS;
      shadow.append(style, this.button);
      return host;
    }

    rememberCaret() {
      const editor = this.adapter.editorOf(this.win);
      const caret = ns.insert.saveCaret(editor, this.state.touched);
      if (caret) this.state.caret = caret;
    }

    toggle() {
      if (this.panel.isOpen) return this.panel.close(true);
      this.rememberCaret(); // keyboard activation has no mousedown
      this.button.setAttribute('aria-expanded', 'true');
      this.panel.open();
    }

    onPanelClosed(returnFocus) {
      if (this.button) {
        this.button.setAttribute('aria-expanded', 'false');
        if (returnFocus && this.button.isConnected) this.button.focus();
      }
    }

    /** Subject (only when empty), then the body at the caret; remembers the insertion for Send.
     * `interview` is {id, company}: what the panel drafted for; nothing else reaches this script. */
    async insertDraft(draft, interview, replace) {
      // The draft inserted before is still there: the panel asks "Replace the draft?" first.
      const editor = this.adapter.editorOf(this.win);
      if (!replace && this.state.body && editor && ns.editing.locate(editor, this.state.body)) {
        return { ok: false, reason: 'present' };
      }
      const subject = await this.adapter.fillSubject(this.win, draft.subject);
      let body;
      if (replace && this.state.body) {
        // "Replace the draft?": over the draft inserted before, through the editor's input path.
        body = await ns.editing.replace(editor, this.state.body, draft.body);
        if (!body.ok && body.reason === 'not_found') return { ok: false, reason: 'changed' };
      } else {
        const caret = this.state.caret || (this.state.touched ? null : { untouched: true });
        body = await this.adapter.insertText(this.win, draft.body, caret);
      }
      this.state.caret = null; // the caret is now after our text
      if (!body.ok) return { ok: false };
      this.state.body = draft.body; // what a later "Replace the draft?" looks for
      const previous = this.state.inserted;
      // Only a follow-up counts as one when sent: a thank-you note or a move-on note does not.
      // The panel says whether the draft is a follow-up (it reads the backend's vocabulary).
      const counts = draft.counts === true && Number.isSafeInteger(interview.id) && interview.id > 0;
      // Same window, same interview: keep the key, so a second send is replayed, not counted twice.
      const key = previous && previous.interviewId === interview.id ? previous.key : ns.text.uuid();
      this.state.inserted = counts ? { interviewId: interview.id, company: interview.company, key, sentAt: 0 } : null;
      return { ok: true, how: body.how, subjectFilled: subject.filled, counts };
    }

    /** The user sent the mail (trusted input, recorder.js): record the follow-up once (the worker
     * retries with the same key) and tell the panel what came of it. */
    async recordSend() {
      const inserted = this.state.inserted;
      if (!inserted || Date.now() - inserted.sentAt < 3000) return;
      inserted.sentAt = Date.now();
      const answer = await ns.sendMessage(ns.MESSAGES.CS_BG_RECORD_FOLLOW_UP, {
        interviewId: inserted.interviewId,
        sentOn: ns.dates.today(),
        key: inserted.key,
      });
      this.panel.notify(ns.PORT.SENT, { answer: { ok: answer.ok, recorded: Boolean(answer.ok && answer.data.recorded), error: answer.ok ? null : answer.error }, company: inserted.company });
    }

    destroy() {
      this.unwatch();
      this.win.removeEventListener('focusin', this.onFocusIn, true);
      this.panel.destroy();
      if (this.host) this.host.remove();
      this.host = null;
    }
  }

  ns.ComposeAssistant = ComposeAssistant;
  ns.HOST_ATTRIBUTE = HOST_ATTRIBUTE;
})((globalThis.FA = globalThis.FA || {}));
