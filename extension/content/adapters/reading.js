/* Reading the ONE message the user has open (never the list, never other messages): each site
 * adapter adds, at its end, a MESSAGE_SELECTORS object (each selector with its confidence and the
 * page it was taken from) and registers it here. readOpenMessage(adapterName, doc) answers
 *   {threadId, subject, fromName, fromEmail, receivedOn, text, calendar, anchor} | null
 * Options: threadId(doc) (required: no id, no message), documentOf(doc) (a same-origin frame that
 * shows the message), calendar(el, subject) (a calendar invitation's fields; by default
 * invitationOf reads the invitation's "When" block in S.calendar, else in the body).
 * — null when no message is open or a part we need is missing; it never throws. `anchor` is the
 * element the prompt is placed next to; it never leaves the content script. */
'use strict';

(function (ns) {
  const readers = new Map(); // adapter name -> {S, options}
  const MAX_TEXT = 20000; // characters: a long e-mail is a few thousand
  const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');

  const { q, qa } = ns.adapters.kit; // base.js's look-ups: a bad selector gives null / [], never throws

  /** The visible text of an element (an iframe's document where the body is framed). */
  function textOf(el) {
    if (!el) return '';
    if (el.tagName === 'IFRAME') {
      try {
        return el.contentDocument && el.contentDocument.body ? el.contentDocument.body.innerText : '';
      } catch (err) {
        return ''; // a cross-origin frame: nothing we can read
      }
    }
    return el.innerText || el.textContent || '';
  }

  /** The first e-mail address in the attributes of the element or its descendants, else its text. */
  function addressOf(el, attributes) {
    if (!el) return '';
    for (const node of [el, ...qa(el, '*')]) {
      for (const attr of attributes) {
        const found = ns.text.emailsIn((node.getAttribute && node.getAttribute(attr)) || '');
        if (found.length) return found[0];
      }
    }
    return ns.text.emailsIn(el.textContent || '')[0] || '';
  }

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  /** A day from a machine-readable attribute or a written date ("Tue, Dec 8, 2026, 10:15 AM"). */
  function dayOf(el, attributes) {
    if (!el) return null;
    const values = [...attributes.map((a) => el.getAttribute(a)), el.textContent];
    for (const value of values) {
      if (!value) continue;
      const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(value);
      if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
      const written = /([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})|(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})/.exec(value);
      if (written) {
        const [mon, day, year] = written[1] ? [written[1], written[2], written[3]] : [written[5], written[4], written[6]];
        const month = MONTHS.indexOf(mon.toLowerCase()) + 1;
        if (month) return `${year}-${pad(month)}-${pad(day)}`;
      }
    }
    return null;
  }

  // A calendar invitation as the webmail shows it. Google Calendar's invitation puts "When" on a
  // line of its own, the date on the next ("Wednesday Feb 4, 2026 ⋅ 11am – 12pm (Eastern Time -
  // New York)"), and marks its organiser ("Sam Carter<mailto:sam@x> - organizer"); Outlook's
  // meeting request has "When: Tuesday, April 30, 2002 03:00 PM-03:30 PM (GMT) …" then "Where:".
  // (Both layouts as public parsers of those e-mails quote them; see docs/mail-detector.md.)
  const WHEN_LINE = /(?:^|\n)[ \t]*When:?[ \t]*(?:\n[ \t]*)*([^\n]{6,160})/i;
  const DAY_MONTH_FIRST = /\b([A-Za-z]{3})[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/;
  const DAY_FIRST = /\b(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})\b/;
  const CLOCK = /\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\b\.?|\b([01]?\d|2[0-3]):([0-5]\d)\b/i;
  const ORGANIZER = /([^\n<>]*?)\s*<?(?:mailto:)?([^\s<>@]+@[^\s<>]+?)>?\s*[-–]\s*organi[sz]er\b/i;

  /** The start written on a "When" line: 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM' (its own clock), or null. */
  function startOf(line) {
    const md = DAY_MONTH_FIRST.exec(line);
    const dm = md ? null : DAY_FIRST.exec(line);
    const found = md || dm;
    if (!found) return null;
    const [mon, d, y] = md ? [md[1], md[2], md[3]] : [dm[2], dm[1], dm[3]];
    const month = MONTHS.indexOf(mon.toLowerCase()) + 1;
    if (!month || Number(d) < 1 || Number(d) > 31) return null;
    const day = `${y}-${pad(month)}-${pad(d)}`;
    const clock = CLOCK.exec(line.slice(found.index + found[0].length));
    if (!clock) return day;
    let hour = Number(clock[1] || clock[4]);
    const minute = Number(clock[2] || clock[5] || 0);
    if (clock[3]) hour = (hour % 12) + (clock[3].toLowerCase() === 'p' ? 12 : 0);
    return hour < 24 ? `${day}T${pad(hour)}:${pad(minute)}` : day;
  }

  /** A calendar invitation's fields, read from its "When" block: {start, summary,
   * organizerEmail, organizerName}, or null when the element holds no invitation. */
  function invitationOf(el, subject) {
    const text = textOf(el).slice(0, MAX_TEXT);
    const when = WHEN_LINE.exec(text);
    const start = when ? startOf(when[1]) : null;
    if (!start) return null;
    const organizer = ORGANIZER.exec(text);
    const titled = /^(?:updated )?invitation:\s*(.+?)\s+@\s/i.exec(subject || '');
    return {
      start,
      summary: (titled ? titled[1] : subject || '').slice(0, 300),
      organizerEmail: organizer ? organizer[2].slice(0, 254) : '',
      organizerName: organizer ? ns.text.normalize(organizer[1]).slice(0, 200) : '',
    };
  }

  /** A copy of the element without the parts a selector names (screen-reader labels, links). */
  function withoutParts(el, selector) {
    if (!el || !selector) return el;
    const copy = el.cloneNode(true);
    qa(copy, selector).forEach((part) => part.remove());
    return copy;
  }

  /** Read the open message with a site's MESSAGE_SELECTORS. */
  function read(doc, S, options) {
    const opts = options || {};
    const view = q(doc, S.view);
    if (!view) return null;
    const messages = qa(view, S.message);
    const message = messages.length ? messages[messages.length - 1] : view; // the newest one shown
    const body = q(message, S.body);
    const text = ns.text.normalize(textOf(body)) ? textOf(body).slice(0, MAX_TEXT) : '';
    // Headers may sit beside the message rather than in it (Roundcube's elastic preview).
    const from = q(message, S.from) || q(view, S.from);
    const threadId = opts.threadId ? opts.threadId(doc, view) : null;
    if (!text || !threadId) return null;
    const subject = withoutParts(q(view, S.subject) || q(doc, S.subject), S.subjectSkip);
    const subjectText = ns.text.normalize(subject ? subject.textContent : '').slice(0, 300);
    // The invitation's card where the site shows one (S.calendar), else its block in the body.
    const invite = (S.calendar && q(message, S.calendar)) || body;
    return {
      threadId: String(threadId),
      subject: subjectText,
      fromName: ns.text.normalize(from ? from.getAttribute('name') || from.textContent : '').slice(0, 200),
      fromEmail: addressOf(from, S.fromAttributes || ['email', 'title', 'data-email']).slice(0, 254),
      receivedOn: dayOf(q(message, S.date) || q(view, S.date), S.dateAttributes || ['datetime', 'title']),
      text,
      calendar: invite ? (opts.calendar || invitationOf)(invite, subjectText) : null,
      anchor: body || message,
    };
  }

  /** A site adapter's file registers its selectors (and how it finds the thread's id). */
  function register(name, S, options) {
    readers.set(name, { S, options: options || {} });
  }

  /** The open message on this page for the adapter, or null; never throws. */
  function readOpenMessage(name, doc) {
    const reader = readers.get(name);
    if (!reader) return null;
    try {
      // A site may show the message in a same-origin frame: options.documentOf finds its document.
      const shown = reader.options.documentOf ? reader.options.documentOf(doc) : doc;
      return shown ? read(shown, reader.S, reader.options) : null;
    } catch (err) {
      console.warn('Follow-up Assistant: could not read the open message', err);
      return null;
    }
  }

  ns.adapters.reading = { register, readOpenMessage, kit: { q, qa, textOf, addressOf, dayOf, invitationOf } };
})(globalThis.FA);
