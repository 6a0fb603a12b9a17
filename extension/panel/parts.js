/* The pieces the panel is built from: text-only nodes (h), findings with the words they are
 * about, the timing box, the variant picker, the add form, the warning before an early insert.
 * Every node is built with textContent; nothing from the backend or the page is ever parsed as
 * HTML. Every handler runs only for the user's own input (event.isTrusted). */

// Classic scripts shared with the content scripts (which cannot be modules): they fill globalThis.FA.
import '../content/text.js';
import '../content/dates.js';

const FA = globalThis.FA;
const SEVERITY = { error: 'Fix this', warning: 'Consider', info: 'Tip' };

/** h('p', {class: 'x', text: 'y', onclick}, ...children): build a node, text only. */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') el.textContent = value;
    else if (key === 'onsubmit') el.addEventListener('submit', (e) => e.preventDefault() || (e.isTrusted && value(e)));
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), (e) => e.isTrusted && value(e));
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) el.append(child);
  }
  return el;
}

/** Replace el's children, skipping the empty ones (replaceChildren would show null as "null"). */
function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

/** The draft without the name and signature under its closing (the editor has its own
 * signature): the last paragraph keeps only its first line, the closing ("All the best,"). */
function withoutSignOff(body) {
  const text = String(body || '');
  const cut = text.lastIndexOf('\n\n');
  const last = text.slice(cut + 2).split('\n');
  return last.length < 2 ? text : `${text.slice(0, cut + 2)}${last[0]}`;
}

/** A message in plain words: backticks some messages put around commands are not shown. */
function plainWords(text) {
  return String(text).replace(/`/g, '');
}

const PLURAL = new Intl.PluralRules(undefined);
/** count(2, {one: '{n} thing', other: '{n} things'}) -> "2 things", by the locale's plural rules. */
function count(n, forms) {
  return (forms[PLURAL.select(n)] || forms.other).replace('{n}', String(n));
}

const RANK = { error: 0, warning: 1, info: 2 };
/** Errors first, then warnings, then tips (each in text order); one finding per sentence and
 * rule — a rule that fires three times in one sentence is one thing to fix there. */
function orderFindings(findings, text) {
  const sentenceOf = (f) => {
    const start = FA.text.findingRange(text, f).start;
    const before = text.slice(0, start);
    return (before.match(/[.!?]+(\s|$)|\n/g) || []).length;
  };
  const seen = new Set();
  const kept = [];
  for (const f of findings) {
    const key = f.start === f.end ? `${f.rule}:whole` : `${f.rule}:${sentenceOf(f)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(f);
  }
  return kept.sort((a, b) => (RANK[a.severity] ?? 3) - (RANK[b.severity] ?? 3) || (a.start || 0) - (b.start || 0));
}

/** A finding's words in `text` with some context, marked; offsets converted to UTF-16 first. */
function quoteFinding(text, finding, context) {
  const { start, end } = FA.text.findingRange(text, finding);
  if (end <= start || text.slice(start, end) !== finding.match) {
    return finding.match ? h('span', { class: 'quote' }, '“', h('mark', { text: finding.match }), '”') : null;
  }
  // The context stays on the finding's own line (a line above is another thought, e.g. the
  // sentence before a signature), and starts at a word ("…ay's interview" reads as a typo).
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.includes('\n', end) ? text.indexOf('\n', end) : text.length;
  let from = Math.max(lineStart, start - context);
  if (from > lineStart && /\S/.test(text[from - 1])) {
    const space = text.slice(from, start).search(/\s/);
    from = space === -1 ? start : from + space + 1;
  }
  const to = Math.min(lineEnd, end + context);
  return h(
    'span',
    { class: 'quote' },
    from > lineStart ? '…' : '',
    text.slice(from, start),
    h('mark', { text: text.slice(start, end) }),
    text.slice(end, to),
    to < lineEnd ? '…' : '',
  );
}

/** `actions(f)`: buttons for one finding (the user's own draft only), or nothing. */
function findingList(findings, text, context, label, actions) {
  if (!findings.length) return h('p', { class: 'muted', text: 'No problems found.' });
  findings = orderFindings(findings, text);
  const item = (f) =>
    h(
      'li',
      { class: `finding ${f.severity}`, 'data-rule': f.rule },
      h('span', { class: 'sev', text: SEVERITY[f.severity] || f.severity }),
      h('span', { text: f.message }),
      quoteFinding(text, f, context),
      f.suggestion ? h('span', { class: 'quote muted', text: `Try: ${f.suggestion}` }) : null,
      actions ? actions(f) : null,
    );
  return h('ul', { class: 'findings', 'aria-label': label }, findings.map(item));
}

function interviewLabel(i) {
  return `${i.company} — ${i.position}`;
}

function interviewLine(interview, onChange) {
  const met = `${FA.dates.display(interview.interview_date)}${interview.interviewer_name ? ` with ${interview.interviewer_name}` : ''}`;
  return h(
    'p',
    {},
    h('span', { class: 'who', text: interviewLabel(interview) }),
    h('span', { class: 'muted', text: `Interviewed ${met}` }),
    ' ',
    h('button', { type: 'button', class: 'link', text: 'Not this one?', onclick: onChange }),
  );
}

function timingBox(timing, state, detail) {
  const text = detail !== undefined ? detail : timing.detail;
  return h(
    'div',
    { class: `timing tone-${timing.tone}`, 'data-state': state || '' },
    h('div', { class: 'title', text: timing.title }),
    text ? h('p', { class: 'muted', text }) : null,
  );
}

/** The draft's styles as radio buttons ("Wording"), or nothing when there is one. */
function variantPicker(draft, onPick) {
  const variants = (draft.variants || []).map((v) =>
    typeof v === 'string' ? { id: v, label: v } : { id: v.id || v.name, label: v.label || v.name || v.id },
  );
  if (variants.length < 2) return null;
  const current = draft.variant || variants[0].id;
  const option = (v) =>
    h(
      'label',
      {},
      h('input', {
        type: 'radio',
        name: 'fa-variant',
        value: v.id,
        checked: v.id === current,
        onchange: () => onPick(v.id),
      }),
      ` ${v.label}`,
    );
  return h('fieldset', {}, h('legend', { text: 'Wording' }), variants.map(option));
}

/** The short form to add an interview, prefilled from the recipients. */
function addForm(seen, onSave, onCancel) {
  const field = (name, label, attrs) => [
    h('label', { for: `fa-${name}`, text: label }),
    h('input', { id: `fa-${name}`, name, ...attrs }),
  ];
  const form = h(
    'form',
    {
      onsubmit: (e) => {
        e.preventDefault();
        onSave(Object.fromEntries([...form.querySelectorAll('input')].map((i) => [i.name, i.value])));
      },
    },
    h('p', { text: 'Add the interview, and the assistant will time your follow-up.' }),
    field('company', 'Company', { required: true }),
    field('position', 'Position', { required: true }),
    field('interview_date', 'Interview date', { type: 'date', required: true, value: FA.dates.today() }),
    field('interviewer_name', 'Interviewer name', { value: seen.names[0] || '' }),
    field('interviewer_email', 'Interviewer email', { type: 'email', value: seen.to[0] || '' }),
    field('timeline', 'What they said about timing', { placeholder: 'e.g. We will decide within two weeks' }),
    h(
      'div',
      { class: 'actions' },
      h('button', { class: 'primary', type: 'submit', text: 'Save interview' }),
      h('button', { type: 'button', text: 'Cancel', onclick: onCancel }),
    ),
  );
  return form;
}

/** The warning before inserting a draft whose timing is not right; the user decides. */
function confirmBox(warning, onYes, onNo, question = 'Insert the draft anyway?', yes = 'Insert anyway') {
  return h(
    'div',
    { class: 'confirm', role: 'group', 'aria-labelledby': 'fa-confirm-text', tabindex: '-1' },
    h('p', { id: 'fa-confirm-text', text: warning ? `${warning} ${question}` : question }),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', text: yes, onclick: onYes }),
      h('button', { type: 'button', text: 'Cancel', onclick: onNo }),
    ),
  );
}

/** The words a suggestion proposes, when it quotes a whole wording ('Ask instead: "…"'). */
function wordingOf(suggestion) {
  const quoted = /["\u201c]([^"\u201d]{8,})["\u201d]/.exec(String(suggestion || ''));
  return quoted && !quoted[1].includes('\u2026') && !quoted[1].includes('...') ? quoted[1].trim() : null;
}

/** The sentence of `text` that holds [start, end): from the previous sentence end to the next. */
function sentenceAround(text, start, end) {
  let from = start;
  while (from > 0 && !/[.!?\n]/.test(text[from - 1])) from -= 1;
  let to = end;
  while (to < text.length && !/[.!?\n]/.test(text[to])) to += 1;
  while (to < text.length && /[.!?]/.test(text[to])) to += 1;
  return text.slice(from, to).trim();
}

export {
  h,
  fill,
  plainWords,
  count,
  orderFindings,
  wordingOf,
  withoutSignOff,
  sentenceAround,
  findingList,
  interviewLabel,
  interviewLine,
  timingBox,
  variantPicker,
  addForm,
  confirmBox,
};
