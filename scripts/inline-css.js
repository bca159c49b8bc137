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

/** The same convention for rollup, minified (e.g. Leaflet's CSS: comments and white space are bytes every map page downloads). */
export function rollupInlineCss() {
  return {
    name: 'inline-css',
    async load(id) {
      if (!id.endsWith('.css?inline')) return null;
      const { transform } = await import('esbuild');
      const css = await readFile(id.slice(0, -'?inline'.length), 'utf8');
      const { code } = await transform(css, { loader: 'css', minify: true });
      return `export default ${JSON.stringify(code.trim())};`;
    },
  };
}

/**
 * Minifies the CSS of Lit's `css` tagged templates (without interpolations or escapes) in
 * the *.styles.ts modules and src/internal/styles.ts with esbuild: comments and white space
 * are bytes every page downloads.
 */
export function rollupMinifyCssLiterals() {
  return {
    name: 'minify-css-literals',
    async transform(code, id) {
      if (!/(\.styles|[\\/]internal[\\/]styles)\.ts$/.test(id)) return null;
      const { transform } = await import('esbuild');
      const parts = [];
      let last = 0;
      for (const m of code.matchAll(/\bcss`([^`$\\]*)`/g)) {
        const { code: min } = await transform(m[1], { loader: 'css', minify: true });
        parts.push(code.slice(last, m.index), `css\`${min.trim()}\``);
        last = m.index + m[0].length;
      }
      if (!parts.length) return null;
      parts.push(code.slice(last));
      return { code: parts.join(''), map: null };
    },
  };
}
