// The "Add interview" form: live preview of the dates the timing words lead to, and saving.
import '../common/messages.js'; // a classic script (content scripts load it too): it fills globalThis.FA
import { el, fill, send } from './dom.js';
import { ACTION_WORDS, formatDate } from './groups.js';
import { toggle } from './rows.js';
import { errorWords, fieldMessage } from './words.js';

// Said under a date still to come: accepted, it is a scheduled interview.
export const FUTURE_INTERVIEW = "Scheduled interview? We'll remind you to send a thank-you that day.";

/** Show or hide the future-date warning of a date input (a warning, never a refusal). */
export function warnIfFuture(input, warning, today) {
  const future = Boolean(input.value) && input.value > today;
  warning.textContent = future ? FUTURE_INTERVIEW : '';
  warning.hidden = !future;
}

// Wait this long after the last keystroke before asking for a preview (ms).
const PREVIEW_DELAY = 250;
const FIELDS = ['company', 'position', 'interviewer_name', 'interviewer_email', 'interview_date', 'timeline'];
const REQUIRED = { company: 'Enter the company.', position: 'Enter the position.', interview_date: 'Enter the interview date.' };

/** Wire the form; `today()` gives the day to default the date to, `onSaved(interview)` runs after a save. */
export function setupAddForm({ today, onSaved, announce }) {
  const form = document.getElementById('add-form');
  const toggleButton = document.getElementById('add-toggle');
  const preview = document.getElementById('preview');
  const input = (name) => form.elements.namedItem(name);
  let timer = null;
  let asked = 0;

  const open = (show) => {
    toggle(toggleButton, form, show);
    if (show) {
      if (!input('interview_date').value) input('interview_date').value = today();
      input('company').focus();
      schedulePreview();
    } else {
      toggleButton.focus();
    }
  };

  toggleButton.addEventListener('click', () => open(form.hidden));
  document.getElementById('add-cancel').addEventListener('click', () => open(false));
  form.addEventListener('keydown', (event) => { if (event.key === 'Escape') { event.stopPropagation(); open(false); } });
  for (const name of ['interview_date', 'timeline']) input(name).addEventListener('input', schedulePreview);
  const dateWarning = document.getElementById('w-interview_date');
  input('interview_date').addEventListener('input', () => warnIfFuture(input('interview_date'), dateWarning, today()));

  function schedulePreview() {
    clearTimeout(timer);
    timer = setTimeout(showPreview, PREVIEW_DELAY);
  }

  async function showPreview() {
    const interviewDate = input('interview_date').value;
    const timeline = input('timeline').value.trim();
    if (!interviewDate) { fill(preview); return; }
    const mine = ++asked;
    const answer = await send(globalThis.FA.MESSAGES.POPUP_BG_PREVIEW, { interviewDate, timeline });
    if (mine !== asked) return; // a newer keystroke already asked again
    fill(preview, answer.ok ? previewWords(answer.data, timeline) : el('span', { text: previewProblem(answer.error) }));
  }

  /** A preview that cannot be worked out says why in words, never with the message's field names. */
  function previewProblem(error) {
    if (error?.code === 'bad_message') return 'The preview cannot read this yet; it will once the text is shorter.';
    return error?.field ? `No preview: ${fieldMessage(error)}` : errorWords(error);
  }

  function previewWords(data, timeline) {
    const parts = [];
    if (data.decision_date) {
      parts.push('Decision expected by ', el('strong', { class: 'decision', text: formatDate(data.decision_date) }), '. ');
    } else if (timeline) {
      parts.push("We couldn't find a date in that, so we'll use the usual 4–5 business days. ");
    } else {
      parts.push('No timeline given: the usual wait is 4–5 business days. ');
    }
    if (data.next) {
      const words = ACTION_WORDS[data.next.action] || 'Follow up';
      const range = data.next.earliest === data.next.latest
        ? formatDate(data.next.earliest)
        : `${formatDate(data.next.earliest)} – ${formatDate(data.next.latest)}`;
      parts.push(`${words}: `, el('strong', { class: 'first-follow-up', text: range }), '.');
    }
    return parts;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const fields = {};
    for (const name of FIELDS) {
      const value = input(name).value.trim();
      if (value) fields[name] = value;
    }
    const missing = Object.keys(REQUIRED).filter((name) => !fields[name]);
    if (missing.length) {
      missing.forEach((name) => showError(name, REQUIRED[name]));
      input(missing[0]).focus();
      return;
    }
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    const answer = await send(globalThis.FA.MESSAGES.POPUP_BG_ADD_INTERVIEW, { interview: fields });
    submit.disabled = false;
    if (!answer.ok) {
      const field = answer.error?.field;
      if (field && FIELDS.includes(field)) {
        showError(field, fieldMessage(answer.error));
        input(field).focus();
      } else {
        announce(errorWords(answer.error), true);
      }
      return;
    }
    form.reset();
    fill(preview);
    warnIfFuture(input('interview_date'), dateWarning, today());
    toggle(toggleButton, form, false);
    await onSaved(answer.data);
  });

  function showError(name, message) {
    input(name).setAttribute('aria-invalid', 'true');
    const error = document.getElementById(`e-${name}`);
    error.textContent = message;
    error.hidden = false;
  }

  function clearErrors() {
    for (const name of FIELDS) {
      input(name).removeAttribute('aria-invalid');
      const error = document.getElementById(`e-${name}`);
      error.textContent = '';
      error.hidden = true;
    }
  }

  return { open };
}
