/**
 * The lean Vega runtime as the library build bundles it (scripts/lean-vega.js: Vega's
 * packages from source, tree-shaken, unused parts stubbed) draws every chart case exactly
 * like the unbundled packages, and holds only the transforms the templates use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import resolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
// @ts-expect-error plain JS helper without types (the rollup config's plugin)
import { COMPILE_HINT, leanVega, vegaSideEffects } from '../../../../scripts/lean-vega.js';
import * as unbundled from '../../../../src/elements/indicator-chart/vega-runtime.js';
import { templateView } from '../../../../src/elements/indicator-chart/vega-view.js';
import { CASES } from '../../../browser/elements/indicator-chart/chart-cases.js';

type Runtime = typeof unbundled;

/** The SVG of a case, then again with a region selected and a mark active (keyboard), as the element sets them. */
async function draw(vega: Runtime, spec: (typeof CASES)[string]): Promise<string[]> {
  const view = templateView(vega, spec, { renderer: 'none' });
  try {
    await view.runAsync();
    const plain = await view.toSVG();
    const row = Object.values(spec.datasets)
      .flat()
      .find((d): d is { key: string; region: string } => {
        const { key, region } = d as { key?: unknown; region?: unknown };
        return typeof key === 'string' && typeof region === 'string' && region !== '';
      });
    if (!row) return [plain];
    await view.signal('selected', row.region).signal('active', row.key).runAsync();
    return [plain, await view.toSVG()];
  } finally {
    view.finalize();
  }
}

test('the bundled lean runtime draws every case like the unbundled Vega packages', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lean-vega-'));
  try {
    const bundle = await rollup({
      input: 'src/elements/indicator-chart/vega-runtime.ts',
      treeshake: { moduleSideEffects: vegaSideEffects },
      plugins: [
        leanVega(),
        resolve({ browser: true, exportConditions: ['browser', 'production'] }),
        esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
      ],
      onwarn: (w, warn) => (w.code === 'CIRCULAR_DEPENDENCY' ? undefined : warn(w)),
    });
    const { output } = await bundle.write({ dir, format: 'es', entryFileNames: 'runtime.mjs' });
    await bundle.close();
    const code = output.map((c) => (c.type === 'chunk' ? c.code : '')).join('\n');
    // unused parts are gone: no geo projection, no hierarchy, no CSV parser, no bin transform,
    // no date formats, no colour schemes, no curves but linear, no data loader, no expression
    // parser (the build's table) and no interpreter (compiled expressions)
    const absentParts = ['geoMercator', 'stratify', 'parseRows', 'function Bin(', 'function Voronoi('];
    absentParts.push('%Y-%m-%dT%H:%M:%S.%LZ', 'cfe1f2bed8eca8cee58fc1de', '_alpha', 'fileAccess');
    absentParts.push('Unexpected token', 'Prevented interpretation');
    // no expression code generator (nor Vega's Function() fallback: strict CSP), no colour
    // parsing (named colours), no lasso functions
    absentParts.push('Illegal identifier', 'aliceblue', 'lassoAppend');
    assert.doesNotMatch(code, /(?<![\w$.])Function\(/, 'the bundle calls Function()');
    for (const absent of absentParts) {
      assert.ok(!code.includes(absent), `the bundle holds ${absent}`);
    }
    assert.match(code, /is not part of the chart runtime/);
    const bundled = (await import(pathToFileURL(join(dir, 'runtime.mjs')).href)) as Runtime;
    for (const [name, spec] of Object.entries(CASES)) {
      const svgs = await draw(bundled, spec);
      assert.deepEqual(svgs, await draw(unbundled, spec), name);
      if (svgs.length > 1) assert.notEqual(svgs[1], svgs[0], `${name}: selection and active mark drawn`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the lean runtime's chunk starts with V8's compile hint, its source map moved down a line", () => {
  const hint: string = COMPILE_HINT;
  const map = (mappings: string) => JSON.stringify({ version: 3, sources: ['a.ts'], names: [], mappings });
  const bundle: Record<string, { type: string; [key: string]: unknown }> = {
    'chunks/vega-x.js': {
      type: 'chunk',
      name: 'vega',
      fileName: 'chunks/vega-x.js',
      code: 'a();\n',
      map: { mappings: 'AAAA' },
    },
    'chunks/vega-x.js.map': { type: 'asset', fileName: 'chunks/vega-x.js.map', source: map('AAAA') },
    'elements/indicator-chart.js': {
      type: 'chunk',
      name: 'elements/indicator-chart',
      fileName: 'elements/indicator-chart.js',
      code: 'b();\n',
    },
    'chunks/lit-y.js': { type: 'chunk', name: 'lit', fileName: 'chunks/lit-y.js', code: 'c();\n' },
  };
  const plugin = leanVega() as { generateBundle: (options: unknown, bundle: unknown) => void };
  plugin.generateBundle({}, bundle);
  plugin.generateBundle({}, bundle); // a second call (watch mode) adds nothing
  assert.equal(bundle['chunks/vega-x.js'].code, `${hint}a();\n`);
  assert.equal(JSON.parse(bundle['chunks/vega-x.js.map'].source as string).mappings, ';AAAA');
  assert.equal(bundle['elements/indicator-chart.js'].code, 'b();\n');
  assert.equal(bundle['chunks/lit-y.js'].code, 'c();\n');
});
