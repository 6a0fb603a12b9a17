// Load the extension pages' scripts (popup, options, All interviews) as ES modules.
const PAGES = /\/extension\/(popup|options|interviews)\/[^/]+\.js$/;

export async function load(url, context, nextLoad) {
  if (PAGES.test(url)) return nextLoad(url, { ...context, format: 'module' });
  return nextLoad(url, context);
}
