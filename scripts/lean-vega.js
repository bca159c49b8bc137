// Rollup plugin for the chart's lean Vega runtime: resolves Vega's packages (`vega-*`) to
// their ES source entry (`index.js`, which re-exports one module per transform, mark,
// renderer, ...) instead of their single-file build, and marks those modules free of side
// effects. Rollup then drops every module the runtime does not import (unused transforms,
// renderers, the geo, hierarchy and statistics parts), which a single-file build keeps
// because of its top-level `inherits(...)` calls.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Parts of Vega's packages the chart templates never reach, replaced by stubs that throw:
 * geo and selection expression functions (d3-geo, vega-selections), the categorical colour
 * schemes of d3-scale-chromatic (the templates give their colours), the CSV and TopoJSON
 * readers of vega-loader (the data comes in as values). By importer package, then import.
 */
const STUBS = {
  'vega-functions': {
    'd3-geo': ['geoArea', 'geoBounds', 'geoCentroid'],
    'vega-selections': ['selectionVisitor', 'selectionTest', 'selectionIdTest', 'selectionResolve', 'selectionTuples'],
  },
  'vega-scale': {
    'd3-scale-chromatic': [
      'schemeAccent',
      'schemeCategory10',
      'schemeDark2',
      'schemeObservable10',
      'schemePaired',
      'schemePastel1',
      'schemePastel2',
      'schemeSet1',
      'schemeSet2',
      'schemeSet3',
    ],
  },
  'vega-loader': { 'topojson-client': ['feature', 'mesh'], 'd3-dsv': ['dsvFormat'] },
};
const STUB = '\0lean-vega-stub:';

function stubCode(source, names) {
  const lines = names.map((name) =>
    name.startsWith('scheme')
      ? `export const ${name} = [];`
      : `export function ${name}() { throw new Error('${source} (${name}) is not part of the chart runtime'); }`,
  );
  return lines.join('\n');
}

export function leanVega() {
  return {
    name: 'lean-vega',
    load(id) {
      if (!id.startsWith(STUB)) return null;
      const [pkg, source] = id.slice(STUB.length).split('|');
      return stubCode(source, STUBS[pkg][source]);
    },
    resolveId(source, importer) {
      const from = importer?.match(/node_modules\/(vega-[a-z-]+)\//)?.[1];
      if (from && STUBS[from]?.[source]) return { id: `${STUB}${from}|${source}`, moduleSideEffects: false };
      if (!/^vega-[a-z-]+$/.test(source)) return null;
      let dir;
      try {
        dir = dirname(require.resolve(source));
      } catch {
        return null;
      }
      while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
      const entry = join(dir, 'index.js');
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      // only packages with one build for every environment (not vega-loader, vega-canvas)
      const single = pkg.exports && Object.keys(pkg.exports).every((k) => k === 'default' || k === 'types');
      if (!existsSync(entry) || pkg.type !== 'module' || !single) return null;
      return { id: entry, moduleSideEffects: false };
    },
  };
}

/** Modules of Vega's packages have no side effects a page needs (see above). */
export const vegaSideEffects = (id) => !/node_modules\/vega-[a-z-]+\//.test(id);
