/* Checks a message's payload against a small shape, e.g. {emails: 'string[]', on: 'date?'}.
 * Kinds: string, text (may be long), int, date (YYYY-MM-DD), uuid, origin, object, bool, string[];
 * a trailing ? makes the field optional. Unknown fields are refused. */

const LIMITS = { string: 300, text: 20000, list: 20 };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const KINDS = {
  string: (v) => typeof v === 'string' && v.length <= LIMITS.string,
  text: (v) => typeof v === 'string' && v.length <= LIMITS.text,
  int: (v) => Number.isSafeInteger(v) && v > 0,
  date: (v) => typeof v === 'string' && DATE.test(v),
  uuid: (v) => typeof v === 'string' && UUID.test(v),
  origin: (v) => typeof v === 'string' && v.length <= LIMITS.string,
  object: (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
  bool: (v) => typeof v === 'boolean',
  'string[]': (v) => Array.isArray(v) && v.length <= LIMITS.list && v.every(KINDS.string),
};

/** Return null when msg fits shape, else a sentence naming the first field at fault. */
function problemWith(shape, msg) {
  if (msg === null || typeof msg !== 'object') return 'the message is not an object';
  for (const key of Object.keys(msg)) {
    if (key !== 'type' && !(key in shape)) return `unexpected field "${key}"`;
  }
  for (const [key, spec] of Object.entries(shape)) {
    const optional = spec.endsWith('?');
    const kind = optional ? spec.slice(0, -1) : spec;
    const value = msg[key];
    if (value === undefined || value === null) {
      if (optional) continue;
      return `field "${key}" is missing`;
    }
    if (!KINDS[kind](value)) return `field "${key}" is not a valid ${kind}`;
  }
  return null;
}

export { problemWith, KINDS };
