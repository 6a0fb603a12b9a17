// ESLint for the extension (`make lint-js`, part of `make test`). The linter is installed with
// the browser tests' tools in e2e/node_modules, so the imports reach there.
import js from './e2e/node_modules/@eslint/js/src/index.js';
import globals from './e2e/node_modules/globals/index.js';

// ES modules: the background (the manifest's background "type": "module") and the extension's
// pages (`<script type="module">`). Content scripts cannot be modules (a manifest's content_scripts
// and scripting.registerContentScripts load classic scripts only), so they, and the few files they
// share with the modules (common/messages.js, content/text.js, content/dates.js), are classic
// scripts that fill one namespace, globalThis.FA; a module imports such a file for its effect.
const MODULES = ['extension/background/**/*.js', 'extension/popup/**/*.js', 'extension/interviews/**/*.js',
  'extension/options/**/*.js', 'extension/panel/**/*.js', 'extension/prompt/**/*.js',
  'extension/common/vocabulary.js', 'extension/common/vocabulary-words.js', 'extension/common/settings.js'];

export default [
  { ignores: ['e2e/**', '.venv/**', 'node_modules/**'] },
  {
    files: ['extension/**/*.js'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'script',
      globals: { ...globals.browser, ...globals.webextensions, ...globals.serviceworker },
    },
    rules: {
      ...js.configs.recommended.rules,
      // `catch (err) {}` where the error is expected and nothing is to be done with it.
      'no-unused-vars': ['error', { caughtErrors: 'none', argsIgnorePattern: '^_' }],
      'no-implicit-globals': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Data never goes into HTML: build nodes and set textContent.
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Build nodes and set textContent instead.' },
        { property: 'outerHTML', message: 'Build nodes and set textContent instead.' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  { files: MODULES, languageOptions: { sourceType: 'module' } },
  {
    // Firefox gives content scripts these to hand objects to the page's own code.
    files: ['extension/content/**/*.js'],
    languageOptions: { globals: { cloneInto: 'readonly', exportFunction: 'readonly' } },
  },
];
