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

/** Text for a person: no backticks, no markup (words.js). */
export { plain as withCode, errorWords } from './words.js';
