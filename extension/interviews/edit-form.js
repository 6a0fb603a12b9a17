// The edit form of one interview: every field, errors beside their field and in a summary that
// names each field by its label, and a warning (not a refusal) for an interview still to come.
import { el } from '../popup/dom.js';
import { OUTCOMES } from '../popup/groups.js';
import { FIELD_LABELS, fieldMessage } from '../popup/words.js';
import { warnIfFuture } from '../popup/add-form.js';

// Each field of the form: its kind and whether it is needed (the API's Interview fields).
const FIELDS = [
  { name: 'company', required: true, autocomplete: 'organization' },
  { name: 'position', required: true },
  { name: 'interview_date', type: 'date', required: true },
  { name: 'interviewer_name' },
  { name: 'interviewer_email', type: 'email' },
  { name: 'timeline', hint: 'In their words; we work out the decision date from it.', maxlength: 500 },
  { name: 'decision_date', type: 'date', hint: 'Leave empty to take it from what they said.' },
  { name: 'country', hint: 'Holidays of this country are not business days (US, DE, GB-ENG…). Empty: your profile\'s.', maxlength: 10 },
  { name: 'notes', multiline: true, maxlength: 5000 },
  { name: 'reply_on', type: 'date' },
  { name: 'outcome', choices: OUTCOMES },
];
const REQUIRED = { company: 'Enter the company.', position: 'Enter the position.', interview_date: 'Enter the interview date.' };

/** Build the form for `interview`; `save(changes)` resolves to the send() answer. */
export function editForm(interview, { today, save, onSaved, onCancel }) {
  const id = (name) => `edit-${name}`;
  const inputs = {};
  const summary = el('div', { class: 'error-summary', role: 'alert', hidden: true, tabindex: '-1' });
  const fields = FIELDS.map((field) => {
    const label = FIELD_LABELS[field.name] + (field.required ? ' *' : '');
    const value = interview[field.name] ?? '';
    const describedBy = [`${id(field.name)}-error`, field.hint && `${id(field.name)}-hint`, field.name === 'interview_date' && `${id(field.name)}-warning`].filter(Boolean).join(' ');
    let input;
    if (field.choices) {
      input = el('select', { id: id(field.name), name: field.name, 'aria-describedby': describedBy },
        el('option', { value: '', text: 'Not closed' }),
        field.choices.map((c) => el('option', { value: c.value, text: c.label })));
      input.value = value;
    } else if (field.multiline) {
      input = el('textarea', { id: id(field.name), name: field.name, rows: 3, maxlength: field.maxlength, 'aria-describedby': describedBy });
      input.value = value;
    } else {
      input = el('input', {
        id: id(field.name), name: field.name, type: field.type || 'text', value, maxlength: field.maxlength,
        required: field.required, autocomplete: field.autocomplete || 'off', 'aria-describedby': describedBy,
      });
    }
    inputs[field.name] = input;
    return el('div', { class: 'field' },
      el('label', { for: id(field.name), text: label }),
      input,
      field.hint ? el('p', { class: 'hint', id: `${id(field.name)}-hint`, text: field.hint }) : null,
      el('p', { class: 'error', id: `${id(field.name)}-error`, hidden: true }),
      field.name === 'interview_date' ? el('p', { class: 'warning', id: `${id(field.name)}-warning`, hidden: true }) : null);
  });
  const warning = () => fields[2].querySelector('.warning');
  inputs.interview_date.addEventListener('input', () => warnIfFuture(inputs.interview_date, warning(), today()));

  const submit = el('button', { type: 'submit', class: 'primary', text: 'Save changes' });
  const form = el('form', { class: 'edit-form', novalidate: true, 'aria-label': `Edit ${interview.company}` },
    el('p', { class: 'muted', text: 'Fields marked * are needed.' }),
    summary,
    el('div', { class: 'two' }, fields),
    el('p', { class: 'actions' }, submit,
      el('button', { type: 'button', class: 'quiet', text: 'Cancel', on: { click: onCancel } })));
  form.addEventListener('keydown', (event) => { if (event.key === 'Escape') { event.stopPropagation(); onCancel(); } });

  function showErrors(errors) {
    for (const name of Object.keys(inputs)) {
      inputs[name].removeAttribute('aria-invalid');
      const slot = document.getElementById(`${id(name)}-error`);
      slot.textContent = '';
      slot.hidden = true;
    }
    summary.hidden = errors.length === 0;
    summary.replaceChildren();
    if (!errors.length) return;
    summary.append(el('p', { text: errors.length === 1 ? 'One thing to fix:' : `${errors.length} things to fix:` }),
      el('ul', {}, errors.map(({ name, message }) => el('li', {},
        el('a', { href: `#${id(name)}`, text: `${FIELD_LABELS[name]}: ${message}`, on: { click: (e) => { e.preventDefault(); inputs[name].focus(); } } })))));
    for (const { name, message } of errors) {
      inputs[name].setAttribute('aria-invalid', 'true');
      const slot = document.getElementById(`${id(name)}-error`);
      slot.textContent = message;
      slot.hidden = false;
    }
    summary.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const missing = Object.keys(REQUIRED).filter((name) => !inputs[name].value.trim())
      .map((name) => ({ name, message: REQUIRED[name] }));
    if (missing.length) {
      showErrors(missing);
      return;
    }
    const changes = {};
    for (const [name, input] of Object.entries(inputs)) {
      const now = input.value.trim();
      if (now !== String(interview[name] ?? '')) changes[name] = now === '' ? null : now;
    }
    if (!Object.keys(changes).length) {
      onSaved(null, {});
      return;
    }
    submit.disabled = true;
    const answer = await save(changes);
    submit.disabled = false;
    if (!answer.ok) {
      const field = answer.error?.field;
      if (field && inputs[field]) showErrors([{ name: field, message: fieldMessage(answer.error) }]);
      else onSaved(answer, changes);
      return;
    }
    onSaved(answer, changes);
  });

  warnIfFuture(inputs.interview_date, warning(), today());
  return { form, focus: () => inputs.company.focus() };
}
