// Which of the extension's .js files are ES modules: the background and the extension's pages,
// and the common files only they use. The browser learns it from the manifest's background
// "type" and <script type="module">; Node has no package.json saying so. Everything else (content
// scripts and the classic files they share) is a classic script.
const MODULES = /\/extension\/((background|popup|options|interviews|panel|prompt)\/[^/]+|common\/(vocabulary|vocabulary-words|settings))\.js$/;

export async function load(url, context, nextLoad) {
  if (MODULES.test(url)) return nextLoad(url, { ...context, format: 'module' });
  return nextLoad(url, context);
}
