// Run the extension's classic scripts (content scripts, common/messages.js) as the browser would: one
// global namespace, globalThis.FA, that each script adds to. Returns that namespace.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const EXTENSION = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'extension');

/** Run `files` (paths under extension/) in a fresh context with `globals`; its FA namespace. */
export function load(files, globals = {}) {
  const context = vm.createContext({ console, Intl, URL, crypto: globalThis.crypto, ...globals });
  context.globalThis = context;
  for (const file of files) {
    vm.runInContext(readFileSync(join(EXTENSION, file), 'utf8'), context, { filename: file });
  }
  return context.FA;
}
