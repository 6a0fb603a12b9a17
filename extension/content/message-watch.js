/* Noticing interviews in the message the user opens. Only the ONE message on screen is read
 * (the adapter's readOpenMessage), only after the user did something that can open one (a click,
 * a key, the address changing) — never the message list, never in the background.
 * A cheap local check comes first: a message that says nothing about interviews, jobs or being
 * away is not sent anywhere. One that passes goes to the service worker, which asks the local
 * backend (which keeps nothing of it). When there is something to offer, a small prompt is framed
 * next to the message: an extension page (prompt/prompt.html) in a closed shadow root, so the
 * webmail's scripts can neither read it nor click in it. Dismissing it for a thread is
 * remembered by the worker as a one-way hash of the site and the thread's id. */
'use strict';

(function (ns) {
  if (ns.messageWatchStarted) return; // the manifest and a registered script may both inject us
  ns.messageWatchStarted = true;

  const M = ns.MESSAGES;
  const CHECK_AFTER_MS = [150, 700, 2000]; // a view may fill in after the click that opened it
  // The local pre-check: words any message worth reading has (English; see docs/mail-detector.md).
  const WORTH_READING =
    /\binterview|\bposition\b|\brole\b|\bjob\b|\bcandidate|\bapplication\b|\bhiring\b|\brecruit|\bout of (?:the )?office\b|\bautomatic reply\b|\bauto-?reply\b|\bautoreply\b|\baway until\b|\bon (?:annual |parental |maternity )?leave\b|\bchecking in\b|\bfollow(?:ing)?[ -]up\b|\bnext steps\b|\bdecision\b|\boffer\b/i;
  // Bulk mail (newsletters, job alerts) carries a list footer; it is never an interview's mail.
  const BULK = /\bunsubscribe\b|\bview (?:it )?in (?:your )?browser\b|\bmanage (?:your )?(?:job )?(?:alerts|preferences|subscriptions)\b|\byou are receiving this\b/i;
  const PROMPT_PAGE = 'prompt/prompt.html';
  const WIDTH = 360; // px
  const FRAME_CSS = `
    :host { all: initial; }
    iframe { position: fixed; z-index: 2147482000; width: ${WIDTH}px; max-width: calc(100vw - 16px);
      height: 64px; border: 1px solid #cbd2d9; border-radius: 10px; background: #fff;
      box-shadow: 0 8px 24px rgba(15, 23, 42, .16); display: block; color-scheme: normal; }
    @media (prefers-color-scheme: dark) { iframe { background: #1f2933; border-color: #52606d; } }
  `;

  const adapter = ns.adapters.pick(location, document);
  let timers = [];
  let seen = null; // the key of the message last looked at
  let prompt = null; // {nonce, host, iframe, anchor}

  function schedule() {
    timers.forEach(clearTimeout);
    timers = CHECK_AFTER_MS.map((ms) => setTimeout(check, ms));
  }

  async function check() {
    if (!adapter) return;
    const message = ns.adapters.reading.readOpenMessage(adapter.name, document);
    if (!message) {
      seen = null;
      closePrompt();
      return;
    }
    const key = `${message.threadId}\n${message.fromEmail}\n${message.text.length}`;
    if (key === seen) return;
    seen = key;
    closePrompt();
    const words = `${message.subject}\n${message.text}\n${message.calendar ? message.calendar.summary : ''}`;
    if (BULK.test(words)) return; // nothing is sent
    // The thread's id goes to the worker, which keeps only a one-way hash of it (for "Not now").
    const about = { fromName: message.fromName, fromEmail: message.fromEmail, threadId: message.threadId.slice(0, 300) };
    if (message.receivedOn) about.receivedOn = message.receivedOn;
    let answer;
    if (WORTH_READING.test(words)) {
      answer = await ns.sendMessage(M.CS_BG_INSPECT_MESSAGE, { ...about, subject: message.subject, text: message.text, ...calendarFields(message.calendar) });
    } else {
      // No job words: perhaps a short reply ("Sounds good, talk soon"). Its text goes nowhere;
      // the worker compares the sender with whom the user waits on.
      if (!message.fromEmail) return;
      answer = await ns.sendMessage(M.CS_BG_CHECK_SENDER, about);
    }
    // Quiet by design: a backend that is down or unpaired shows nothing here (the popup says so).
    if (!answer.ok || !answer.data.show || seen !== key) return;
    showPrompt(answer.data.nonce, message.anchor);
  }

  /** A calendar invitation's fields as the worker takes them (only those the page showed). */
  function calendarFields(calendar) {
    if (!calendar) return {};
    const fields = { calendarStart: calendar.start, calendarSummary: calendar.summary, calendarOrganizerEmail: calendar.organizerEmail, calendarOrganizerName: calendar.organizerName };
    return Object.fromEntries(Object.entries(fields).filter(([, value]) => value));
  }

  function showPrompt(nonce, anchor) {
    closePrompt();
    const host = document.createElement('div');
    host.setAttribute('data-followup-assistant-prompt', '');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = FRAME_CSS;
    const iframe = document.createElement('iframe');
    iframe.title = 'Follow-up Assistant: interview spotted';
    iframe.src = `${chrome.runtime.getURL(PROMPT_PAGE)}#${nonce}`;
    shadow.append(style, iframe);
    document.documentElement.append(host);
    prompt = { nonce, host, iframe, anchor, height: 64 };
    place();
  }

  /** The element's box in this window's coordinates (a message shown in a same-origin frame,
   * such as Roundcube's preview, is offset by its frame). */
  function boxOf(el) {
    if (!el || !el.isConnected) return null;
    const box = el.getBoundingClientRect();
    const frame = el.ownerDocument !== document && el.ownerDocument.defaultView ? el.ownerDocument.defaultView.frameElement : null;
    if (!frame) return box;
    const at = frame.getBoundingClientRect();
    return { top: box.top + at.top, right: Math.min(box.right + at.left, at.right), left: box.left + at.left };
  }

  /** Beside the message body when there is room, else just above its top right corner (over
   * the message's header line, not its text); reads layout only here, never in an observer. */
  function place() {
    if (!prompt) return;
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const width = Math.min(WIDTH, vw - 16);
    const height = Math.min(prompt.height, vh - 16);
    const box = boxOf(prompt.anchor);
    let left;
    let top;
    if (box && vw - box.right >= width + 16) {
      left = box.right + 8;
      top = box.top;
    } else {
      left = (box ? Math.min(box.right, vw - 8) : vw - 8) - width;
      top = box ? box.top - Math.min(prompt.height, 64) - 4 : 72;
    }
    top = Math.max(8, Math.min(top, vh - height - 8));
    Object.assign(prompt.iframe.style, { left: `${Math.max(8, left)}px`, top: `${top}px`, height: `${height}px` });
  }

  function closePrompt() {
    if (prompt) prompt.host.remove();
    prompt = null;
  }

  // What the worker relays from the prompt page: its height, or that it is done.
  chrome.runtime.onMessage.addListener((msg, sender) => {
    if (!sender || sender.id !== chrome.runtime.id || sender.tab) return; // only the worker
    if (!msg || !prompt || msg.nonce !== prompt.nonce) return;
    if (msg.type === M.BG_CS_PROMPT_CLOSE) closePrompt();
    if (msg.type === M.BG_CS_PROMPT_SIZE && Number.isFinite(msg.height)) {
      prompt.height = Math.max(60, Math.min(560, msg.height));
      place();
    }
  });

  document.addEventListener('click', schedule, true);
  document.addEventListener('keyup', schedule, true);
  // A message shown in a frame (Roundcube's preview) arrives after the click: its load counts too.
  document.addEventListener('load', (e) => e.target && e.target.tagName === 'IFRAME' && schedule(), true);
  window.addEventListener('hashchange', schedule);
  window.addEventListener('popstate', schedule);
  window.addEventListener('resize', () => place());
  schedule();

  ns.messageWatch = { check }; // for debugging from the console
})(globalThis.FA);
