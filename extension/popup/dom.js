// Small helpers shared by the popup and the options page: build nodes (never markup) and talk to the service worker.

/**
 * Build an element. `props`: `text` sets textContent, `on` maps events to handlers,
 * `hidden`/`disabled` are booleans, anything else becomes an attribute.
 * Children are nodes or strings (strings become text nodes, never markup).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'on') for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    else if (name === 'hidden' || name === 'disabled') node[name] = Boolean(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Replace a node's children. */
export function fill(node, ...children) {
  node.replaceChildren();
  for (const child of children.flat()) if (child) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/**
 * Send a message to the service worker; always resolves to {ok, data} or {ok: false, error}.
 * A service worker that cannot answer becomes an error of code `extension`, so callers have one error path.
 */
export async function send(type, payload = {}) {
  try {
    const answer = await chrome.runtime.sendMessage({ type, ...payload });
    if (answer && typeof answer.ok === 'boolean') return answer;
    return { ok: false, error: { code: 'extension', message: 'The extension did not answer.', fix: 'Reload the extension and try again.' } };
  } catch (error) {
    return { ok: false, error: { code: 'extension', message: `The extension did not answer: ${error.message}`, fix: 'Reload the extension and try again.' } };
  }
}

/** Text where `backticked` parts become <code> elements: nodes only, so nothing in it is markup. */
export function withCode(text) {
  return String(text).split('`').map((part, i) => (i % 2 ? el('code', { text: part }) : part)).filter((part) => part !== '');
}

/** The one sentence a person reads for an error: its message, then what to do. */
export function errorWords(error) {
  if (!error) return 'Something went wrong.';
  return [error.message, error.fix].filter(Boolean).join(' ');
}
