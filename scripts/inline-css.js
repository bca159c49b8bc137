// Serves `import css from './x.css?inline'` as a JS module exporting the CSS text
// (the convention Vite has natively) for the test runner.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export function inlineCssPlugin() {
  return {
    name: 'inline-css',
    resolveMimeType(context) {
      if (context.URL.searchParams.has('inline') && context.path.endsWith('.css')) return 'js';
    },
    async serve(context) {
      if (context.URL.searchParams.has('inline') && context.path.endsWith('.css')) {
        const file = path.join(process.cwd(), decodeURIComponent(context.path));
        const css = await readFile(file, 'utf8');
        return { body: `export default ${JSON.stringify(css)};`, type: 'js' };
      }
    },
  };
}

/** The same convention for rollup. */
export function rollupInlineCss() {
  return {
    name: 'inline-css',
    async load(id) {
      if (!id.endsWith('.css?inline')) return null;
      const css = await readFile(id.slice(0, -'?inline'.length), 'utf8');
      return `export default ${JSON.stringify(css)};`;
    },
  };
}
