// `node --import ./tests/js/register.mjs --test tests/js/`: the extension's pages are ES modules
// in .js files with no package.json saying so (the browser reads <script type="module">), so
// this hook tells Node which ones are modules. Everything else there is a classic script.
import { register } from 'node:module';

register('./module-hook.mjs', import.meta.url);
