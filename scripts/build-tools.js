// Builds dist/tools/cli.js: the `fokus-data` CLI (src/tools/cli.ts) as one ES module for
// Node 20 (which cannot run TypeScript), with its dependencies bundled, so that
// `npx fokus-data` works from the installed package without dev dependencies.
import { build } from 'esbuild';

const started = Date.now();
await build({
  entryPoints: ['src/tools/cli.ts'],
  outfile: 'dist/tools/cli.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies (iconv-lite, yaml) call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
console.log(`dist/tools/cli.js (${Date.now() - started} ms)`);
