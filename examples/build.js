// Builds the framework examples with esbuild: examples/react/build/ and examples/vue/build/.
// They import the library by its package name (`fokus-widgets`, resolved through the
// package's own exports map: the built dist/), exactly as an application would.
// `node examples/build.js`; served by tests/e2e/frameworks.test.ts.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

export async function buildExamples({ quiet = false } = {}) {
  const started = Date.now();
  await Promise.all(
    [
      ['react', 'app.tsx'],
      ['vue', 'app.ts'],
    ].map(([name, entry]) =>
      build({
        entryPoints: [join(here, name, entry)],
        outdir: join(here, name, 'build'),
        bundle: true,
        splitting: true,
        format: 'esm',
        target: 'es2022',
        minify: true,
        sourcemap: true,
        jsx: 'automatic',
        // not examples/tsconfig.json: its paths point the type check at src/, the build
        // uses the package's exports (dist/) like an application would
        tsconfigRaw: {},
        logLevel: 'warning',
        legalComments: 'none',
        define: {
          'process.env.NODE_ENV': '"production"',
          __VUE_OPTIONS_API__: 'false',
          __VUE_PROD_DEVTOOLS__: 'false',
          __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
        },
      }),
    ),
  );
  if (!quiet) console.log(`examples built in ${Date.now() - started} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildExamples();
