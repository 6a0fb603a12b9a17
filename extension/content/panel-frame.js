/* The content script's side of the panel. The panel itself is an extension page
 * (panel/panel.html) framed into the webmail: its document has the extension's origin, so the
 * page's scripts can see that a frame exists but can read nothing in it and dispatch nothing
 * into it. Its host sits in a closed shadow root at the end of the document. This file creates
 * the frame (hidden, as soon as the compose window opens, so a click shows a draft already
 * prepared), places it beside the compose window, and serves the frame's requests over one
 * runtime.Port: insert, read the user's text, select or reword a finding's words. It sends the
 * frame only what the panel needs: the recipients of THIS compose window. */
'use strict';

(function (ns) {
  const P = ns.PORT;
  const PANEL_PAGE = 'panel/panel.html';
  const WIDTH = 380; // px, the panel's width when the window allows it
  const MAX_HEIGHT = 620; // px
  const MIN_HEIGHT = 160; // px
  const FRAME_CSS = `
    :host { all: initial; }
    iframe {
      position: fixed; z-index: 2147483000; width: ${WIDTH}px; max-width: calc(100vw - 16px);
      height: 240px; border: 1px solid #cbd2d9; border-radius: 12px; background: #fff;
      box-shadow: 0 12px 32px rgba(15, 23, 42, .18); color-scheme: normal; display: block;
    }
    iframe[hidden] { display: none; }
    @media (prefers-color-scheme: dark) { iframe { background: #1f2933; border-color: #52606d; } }
  `;

  const frames = new Map(); // nonce -> PanelFrame, to find the frame a port comes from

  /** Which PanelFrame a port belongs to: the nonce in its page's URL, and (where the browser can
   * tell) the frame element it was loaded in. Anything else is refused. */
  function frameOf(port) {
    const sender = port.sender || {};
    if (port.name.startsWith(`${P.NAME}:`)) {
      // Relayed by our background for a Firefox panel (service-worker.js): not from a tab.
      if (sender.id !== chrome.runtime.id || sender.tab) return null;
      const relayed = frames.get(port.name.slice(P.NAME.length + 1));
      return relayed && !relayed.port && relayed.iframe ? relayed : null;
    }
    if (sender.id !== chrome.runtime.id || typeof sender.url !== 'string') return null;
    let url;
    try {
      url = new URL(sender.url);
    } catch (err) {
      return null;
    }
    if (url.pathname !== `/${PANEL_PAGE}`) return null;
    const frame = frames.get(url.hash.slice(1));
    if (!frame || frame.port || !frame.iframe) return null;
    if (typeof chrome.runtime.getFrameId === 'function' && Number.isInteger(sender.frameId)) {
      let expected = null;
      try {
        expected = chrome.runtime.getFrameId(frame.iframe);
      } catch (err) {
        expected = null;
      }
      if (expected !== null && expected !== sender.frameId) return null;
    }
    return frame;
  }

  chrome.runtime.onConnect.addListener((port) => {
    if (port.name !== P.NAME && !port.name.startsWith(`${P.NAME}:`)) return;
    const frame = frameOf(port);
    if (!frame) return port.disconnect();
    frame.attach(port);
  });

  class PanelFrame {
    constructor(assistant) {
      this.assistant = assistant; // {adapter, win, button, host, state, insertDraft(), ...}
      this.nonce = ns.text.uuid();
      this.host = null;
      this.iframe = null;
      this.port = null;
      this.shown = false;
      this.height = 240;
      this.queue = []; // notices sent before the frame connected
      this.focusWaiting = null; // {from}: opened before the frame connected; the focus goes in on connect
      frames.set(this.nonce, this);
    }

    get isOpen() {
      return this.shown && Boolean(this.host && this.host.isConnected);
    }

    /** Create the frame, hidden, and tell it who this mail is to; a no-op when it is there. */
    prepare() {
      if (this.host && this.host.isConnected && this.iframe) return;
      this.teardown();
      this.host = document.createElement('div');
      this.host.setAttribute('data-followup-assistant-panel', '');
      const shadow = this.host.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent = FRAME_CSS;
      this.iframe = document.createElement('iframe');
      this.iframe.hidden = true;
      this.iframe.title = 'Follow-up assistant';
      this.iframe.setAttribute('allow', 'clipboard-write');
      this.iframe.src = `${chrome.runtime.getURL(PANEL_PAGE)}#${this.nonce}`;
      shadow.append(style, this.iframe);
      document.documentElement.append(this.host);
      this.notify(P.CONTEXT, { recipients: this.recipients() });
    }

    /** The recipients may have changed since the frame was prepared: tell it, so it looks them up now. */
    refresh() {
      if (!this.host || !this.host.isConnected) return this.prepare();
      const recipients = this.recipients();
      const key = JSON.stringify(recipients);
      if (key === this.told) return;
      this.notify(P.CONTEXT, { recipients });
    }

    /** What the panel needs of this compose window: its recipients, and whether the editor
     * already holds a signature (then the draft adds none). */
    recipients() {
      const { to, names } = this.assistant.adapter.readDraft(this.assistant.win);
      return { to, names, signature: ns.editing.hasSignature(this.assistant.adapter.editorOf(this.assistant.win)) };
    }

    attach(port) {
      this.port = port;
      port.onMessage.addListener((msg) => this.onMessage(msg));
      port.onDisconnect.addListener(() => {
        // The frame went away (navigated by the page, or reloaded): start again next time.
        if (this.port === port) {
          this.port = null;
          this.teardown();
        }
      });
      const waiting = this.queue;
      this.queue = [];
      for (const msg of waiting) port.postMessage(msg);
      // Opened while the frame was still loading: its page is there now, so the focus can go in
      // (unless the user has put it somewhere else since).
      if (this.shown && this.focusWaiting && document.activeElement === this.focusWaiting.from) this.iframe.focus();
      this.focusWaiting = null;
    }

    notify(type, fields) {
      const msg = { type, ...(fields || {}) };
      if (msg.recipients) this.told = JSON.stringify(msg.recipients);
      if (this.port) this.port.postMessage(msg);
      else this.queue.push(msg);
    }

    open() {
      this.prepare();
      this.shown = true;
      this.iframe.hidden = false;
      this.place();
      this.notify(P.OPEN, { recipients: this.recipients() });
      // The focus goes into the frame only once the panel's page is in it. Focused while it still
      // holds the blank document it starts with, the frame loses the focus to the page when the
      // panel's page replaces that document in another process: the panel draws its focused
      // title, but the keys (Tab, Escape) go to the webmail. Seen in Chromium when the button is
      // used right after the compose window opened; attach() gives the focus then.
      if (this.port) this.iframe.focus();
      else this.focusWaiting = { from: document.activeElement };
    }

    close(returnFocus) {
      this.focusWaiting = null;
      if (this.iframe) this.iframe.hidden = true;
      const wasOpen = this.shown;
      this.shown = false;
      if (wasOpen) this.notify(P.HIDE, {});
      this.assistant.onPanelClosed(returnFocus);
    }

    teardown() {
      if (this.port) this.port.disconnect();
      this.port = null;
      if (this.host) this.host.remove();
      this.host = null;
      this.iframe = null;
      this.queue = [];
      if (this.shown) {
        this.shown = false;
        this.assistant.onPanelClosed(false);
      }
    }

    destroy() {
      this.teardown();
      frames.delete(this.nonce);
    }

    async onMessage(msg) {
      if (!msg || typeof msg.type !== 'string') return;
      if (msg.type === P.CLOSE) return this.close(Boolean(msg.returnFocus));
      if (msg.type === P.SIZE) {
        if (Number.isFinite(msg.height)) this.height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, msg.height));
        if (this.isOpen) this.place();
        return;
      }
      const handler = this.requests[msg.type];
      if (!handler || !Number.isInteger(msg.id)) return;
      let answer;
      try {
        answer = await handler.call(this, msg);
      } catch (err) {
        console.warn('Follow-up Assistant: panel request failed', msg.type, err);
        answer = { ok: false };
      }
      if (this.port) this.port.postMessage({ id: msg.id, answer });
    }

    /** Where the panel goes (panel-place.js): clear of the editor's text and of Send. Reads layout
     * on demand (open, insert, resize), never in an observer. */
    place() {
      if (!this.iframe) return;
      const anchor = this.assistant.button;
      const row = this.assistant.host && this.assistant.host.parentElement;
      const style = this.iframe.style;
      const vw = window.innerWidth;
      const vh = window.innerHeight;
      const width = Math.min(WIDTH, vw - 16);
      const a = anchor && anchor.isConnected ? anchor.getBoundingClientRect() : { left: vw - 108, top: vh - 60, bottom: vh - 20, right: vw - 8 };
      const b = row ? row.getBoundingClientRect() : a;
      const r = { top: Math.min(a.top, b.top), bottom: Math.max(a.bottom, b.bottom), right: a.right };
      // An adapter that knows where its page has room (self-hosted webmails) picks the spot itself.
      const adapter = this.assistant.adapter;
      const spot = adapter.panelSpot
        ? adapter.panelSpot(this.assistant.win, {
            width,
            height: MAX_HEIGHT,
            minWidth: 300,
            minHeight: 240,
            vw,
            vh,
            avoid: [anchor && anchor.isConnected ? anchor.getBoundingClientRect() : a],
          })
        : null;
      if (spot) {
        const height = Math.min(this.height, spot.height);
        Object.assign(style, { left: `${spot.left}px`, top: `${spot.top}px`, bottom: '', width: `${spot.width}px`, height: `${height}px` });
        return;
      }
      style.width = '';
      const rect = (el) => {
        const x = el.getBoundingClientRect();
        return { left: x.left, top: x.top, right: x.right, bottom: x.bottom };
      };
      const sends = adapter
        .sendControls(this.assistant.win)
        .map(rect)
        .filter((x) => x.right > x.left && x.bottom > x.top);
      const send = sends.length
        ? sends.reduce((u, x) => ({
            left: Math.min(u.left, x.left),
            top: Math.min(u.top, x.top),
            right: Math.max(u.right, x.right),
            bottom: Math.max(u.bottom, x.bottom),
          }))
        : null;
      const spotFor = ns.panelPlace.choose(
        { vw, vh },
        { width, height: this.height, minHeight: MIN_HEIGHT },
        { win: rect(this.assistant.win), row: { ...r, left: Math.min(a.left ?? r.right, b.left ?? r.right) }, text: this.textBox(), send },
      );
      Object.assign(style, { left: `${spotFor.left}px`, top: `${spotFor.top}px`, bottom: '', height: `${spotFor.height}px` });
    }

    /** Where the editor's text is drawn (a frame's editor: in the page's coordinates), or null. */
    textBox() {
      const editor = this.assistant.adapter.editorOf(this.assistant.win);
      if (!editor) return null;
      let box;
      if (editor.root.tagName === 'TEXTAREA' || editor.root.tagName === 'INPUT') box = editor.root.getBoundingClientRect();
      else {
        const range = editor.root.ownerDocument.createRange();
        range.selectNodeContents(editor.root);
        box = range.getBoundingClientRect();
        if (!box.width && !box.height) box = editor.root.getBoundingClientRect();
      }
      let dx = 0;
      let dy = 0;
      if (editor.frame) {
        const f = editor.frame.getBoundingClientRect();
        dx = f.left + editor.frame.clientLeft;
        dy = f.top + editor.frame.clientTop;
      }
      return { left: box.left + dx, top: box.top + dy, right: box.right + dx, bottom: box.bottom + dy };
    }
  }

  // What the frame may ask of this compose window; each answers a plain object.
  PanelFrame.prototype.requests = {
    async [P.INSERT](msg) {
      const draft = msg.draft || {};
      const interview = msg.interview || {};
      const result = await this.assistant.insertDraft(
        { subject: String(draft.subject || ''), body: String(draft.body || ''), counts: draft.counts === true },
        { id: Number(interview.id), company: String(interview.company || '') },
        Boolean(msg.replace),
      );
      if (this.isOpen) this.place(); // the window grew: keep off Send
      return result;
    },
    async [P.SELECT](msg) {
      return ns.editing.select(this.assistant.adapter.editorOf(this.assistant.win), String(msg.text || ''));
    },
    async [P.REWORD](msg) {
      const editor = this.assistant.adapter.editorOf(this.assistant.win);
      return ns.editing.replace(editor, String(msg.text || ''), String(msg.wording || ''));
    },
    async [P.READ]() {
      // The body is the user's text without the quoted thread and the webmail's signature: say
      // whether a signature was left out, so the checker does not guess one from a closing line.
      const { subject, body } = this.assistant.adapter.readDraft(this.assistant.win);
      const signatureLeftOut = ns.editing.hasSignature(this.assistant.adapter.editorOf(this.assistant.win));
      return { subject, body, signatureLeftOut };
    },
  };

  ns.PanelFrame = PanelFrame;
})((globalThis.FA = globalThis.FA || {}));
