// `node --import ./tests/js/register.mjs --test tests/js/`: the extension's background and pages
// are ES modules in .js files with no package.json saying so (the browser reads the manifest and
// <script type="module">), so this hook tells Node which ones are modules (module-hook.mjs).
import { register } from 'node:module';

register('./module-hook.mjs', import.meta.url);
