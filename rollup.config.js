// Builds dist/: ES modules with code splitting. The loader (fokus-widgets.js) defines
// each element on first use; vega and leaflet are separate chunks that load only when
// a chart or a map needs them. dist/ is also the self-hostable folder.
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import resolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import { rollupInlineCss, rollupMinifyCssLiterals } from './scripts/inline-css.js';
import { bundleGraph } from './scripts/bundle-graph.js';
import { preloadChunks } from './scripts/preload-chunks.js';
import { leanVega, vegaSideEffects } from './scripts/lean-vega.js';

const elements = readdirSync('src/elements').filter((name) => existsSync(`src/elements/${name}/define.ts`));

export default {
  input: {
    'fokus-widgets': 'src/fokus-widgets.ts',
    data: 'src/data/index.ts',
    ...Object.fromEntries(elements.map((name) => [`elements/${name}`, `src/elements/${name}/define.ts`])),
    // The iframe embed page (dist/embed.html + embed.js) and the host's optional resizer.
    embed: 'src/embed/embed.ts',
    'embed-resizer': 'src/embed/resizer.ts',
  },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
    manualChunks(id) {
      if (id.includes('?')) return undefined; // e.g. leaflet.css?inline belongs to the element that adopts it
      if (/node_modules\/(vega|vega-[a-z-]+|d3-[a-z-]+)\//.test(id)) return 'vega';
      // the chart's lean runtime and its compiled templates: one request with Vega's packages
      if (/indicator-chart\/(vega-runtime|chart-templates\.generated)\.ts$/.test(id)) return 'vega';
      if (id.includes('node_modules/leaflet/') || id.endsWith('municipality-map/leaflet-lib.ts')) return 'leaflet';
      if (id.includes('node_modules/topojson-client/')) return 'topojson';
      // lit's repeat directive only with the table (its one user), not in every page's lit chunk
      if (/node_modules\/lit(-html)?\/directives\/repeat\.js$/.test(id)) return undefined;
      if (/node_modules\/(lit|lit-html|lit-element|@lit|@lit-labs)\//.test(id)) return 'lit';
    },
  },
  treeshake: { moduleSideEffects: vegaSideEffects },
  plugins: [
    rollupInlineCss(),
    rollupMinifyCssLiterals(),
    leanVega(),
    resolve({ browser: true, exportConditions: ['browser', 'production'] }),
    commonjs(),
    json(),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    minify({ target: 'es2022', legalComments: 'none' }),
    preloadChunks(),
    bundleGraph(),
    {
      name: 'embed-page',
      generateBundle() {
        for (const file of ['embed.html', 'embed.css']) {
          this.emitFile({ type: 'asset', fileName: file, source: readFileSync(`src/embed/${file}`) });
        }
      },
    },
  ],
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
    warn(warning);
  },
};
