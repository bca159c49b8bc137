// Rollup plugin for the chart's lean Vega runtime: resolves Vega's packages (`vega-*`) to
// their ES source entry (`index.js`, which re-exports one module per transform, mark,
// renderer, ...) instead of their single-file build, and marks those modules free of side
// effects. Rollup then drops every module the runtime does not import (unused transforms,
// renderers, the geo, hierarchy and statistics parts), which a single-file build keeps
// because of its top-level `inherits(...)` calls.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * Parts of Vega's packages the chart templates never reach, replaced by stubs that throw
 * when called: geo and selection expression functions (d3-geo, vega-selections), the CSV and
 * TopoJSON readers of vega-loader (the data comes in as values). By importer package, then
 * import: the whole import is replaced.
 */
const STUBS = {
  'vega-functions': {
    'd3-geo': ['geoArea', 'geoBounds', 'geoCentroid'],
    'vega-selections': ['selectionVisitor', 'selectionTest', 'selectionIdTest', 'selectionResolve', 'selectionTuples'],
  },
  'vega-loader': { 'topojson-client': ['feature', 'mesh'], 'd3-dsv': ['dsvFormat'] },
};

// The expression functions the templates never call: easing, random distributions, dates.
Object.assign(STUBS['vega-functions'], {
  'd3-ease': ['Linear', 'Quad', 'Cubic', 'Poly', 'Sin', 'Exp', 'Circle', 'Bounce', 'Back', 'Elastic'].flatMap((n) =>
    ['', 'In', 'Out', 'InOut'].map((m) => `ease${n}${m}`),
  ),
  'vega-statistics': ['Normal', 'LogNormal', 'Uniform']
    .flatMap((d) => ['cumulative', 'density', 'quantile', 'sample'].map((f) => `${f}${d}`))
    .concat('random'),
  'vega-time': [
    ...['dayofyear', 'isoweek', 'timeOffset', 'timeSequence', 'timeUnitSpecifier', 'utcOffset'],
    ...['utcSequence', 'utcdayofyear', 'utcisoweek', 'utcweek', 'week'],
  ],
});
// colours: the templates give every colour and interpolate numbers only (a colour range of a
// continuous scale would fail loudly); with the colour functions of expressions gone
// (CONTEXT below) nothing else needs d3-color
STUBS['d3-interpolate'] = { 'd3-color': ['rgb', 'color', 'hsl', 'lab', 'hcl', 'cubehelix'] };
// timers of event streams (the templates have no streams)
STUBS['vega-view'] = { 'd3-timer': ['interval'] };
// time intervals (time scales' ticks, date formats)
STUBS['vega-scale'] = { 'vega-time': ['timeInterval', 'utcInterval'] };
STUBS['vega-format'] = {
  'vega-time': [
    ...['DATE', 'DAY', 'HOURS', 'MILLISECONDS', 'MINUTES', 'MONTH', 'QUARTER', 'SECONDS', 'WEEK', 'YEAR'],
    ...['timeInterval', 'utcInterval'],
  ],
};

/**
 * vega-loader's `read()` for a runtime whose data come in as arrays of objects (datasets,
 * inline values): no formats (JSON text, CSV, TopoJSON), no type parsing.
 */
const READ = `export function read(data, schema) {
  if (!Array.isArray(data) || (schema && ((schema.type && schema.type !== 'json') || schema.parse || schema.property)))
    throw new Error('vega-loader (read: formats, parsing) is not part of the chart runtime');
  return data;
}`;

/** vega-loader's `loader()` for a runtime that loads nothing. */
const LOADER = `export function loader() {
  const refuse = (what) => () => Promise.reject(new Error('vega-loader (' + what + ') is not part of the chart runtime'));
  return { load: refuse('load'), sanitize: refuse('sanitize'), http: refuse('http'), file: refuse('file') };
}`;

/**
 * Like STUBS, but only the names listed are replaced, the rest of the import stays: the
 * templates use linear, band and ordinal scales (no time, log, pow, quantile, sequential or
 * diverging scales), linear curves, RGB interpolation, and format numbers, never dates.
 */
const PARTIAL = {
  'vega-scale': {
    'd3-scale': [
      'scaleIdentity',
      'scaleLog',
      'scalePow',
      'scaleSqrt',
      'scaleSymlog',
      'scaleTime',
      'scaleUtc',
      'scaleSequential',
      'scaleSequentialLog',
      'scaleSequentialPow',
      'scaleSequentialSqrt',
      'scaleSequentialSymlog',
      'scaleDiverging',
      'scaleDivergingLog',
      'scaleDivergingPow',
      'scaleDivergingSqrt',
      'scaleDivergingSymlog',
      'scaleQuantile',
      'scaleQuantize',
      'scaleThreshold',
    ],
    'd3-interpolate': [
      'interpolateBasis',
      'interpolateBasisClosed',
      'interpolateCubehelix',
      'interpolateCubehelixLong',
      'interpolateDiscrete',
      'interpolateHcl',
      'interpolateHclLong',
      'interpolateHsl',
      'interpolateHslLong',
      'interpolateHue',
      'interpolateLab',
      'interpolateRgbBasis',
      'interpolateRgbBasisClosed',
      'interpolateTransformCss',
      'interpolateTransformSvg',
      'interpolateZoom',
      'quantize',
    ],
  },
  'vega-scenegraph': {
    'd3-shape': [
      'curveBasis',
      'curveBasisClosed',
      'curveBasisOpen',
      'curveBundle',
      'curveCardinal',
      'curveCardinalClosed',
      'curveCardinalOpen',
      'curveCatmullRom',
      'curveCatmullRomClosed',
      'curveCatmullRomOpen',
      'curveMonotoneX',
      'curveMonotoneY',
      'curveNatural',
      'curveStep',
      'curveStepAfter',
      'curveStepBefore',
    ],
  },
  'vega-format': {
    'd3-time-format': ['timeFormat', 'timeFormatLocale', 'timeParse', 'utcFormat', 'utcParse'],
  },
  'vega-functions': { 'd3-color': ['hcl', 'lab'] },
  // no data is loaded (it comes in as values), no image or link is followed: a loader that refuses
};
// no data is loaded (it comes in as values), no image or link is followed: a loader that refuses
STUBS['vega-dataflow'] = { 'vega-loader': [['loader', LOADER], ['read', READ], 'responseType'] };
STUBS['vega-scenegraph'] = { 'vega-loader': [['loader', LOADER]] };

/**
 * Modules of Vega's packages replaced as a whole (path below node_modules): the colour
 * schemes (the templates give their colours), signal bindings to form elements (none), and
 * the mark types the templates do not draw (arc, image, path, shape, trail).
 */
const REPLACE = {
  'vega-scale/src/palettes.js': 'export const continuous = {};\nexport const discrete = {};\n',
  'vega-view/src/bind.js': `export default function bind() { ${fail('vega-view', 'signal bindings')} }\n`,
  'vega-scenegraph/src/marks/index.js': [
    ...['area', 'group', 'line', 'rect', 'rule', 'symbol', 'text'].map((m) => `import ${m} from './${m}.js';`),
    'export default { area, group, line, rect, rule, symbol, text };',
    '',
  ].join('\n'),
};

// Vega's own expression code generation (`Function(...)`, needs unsafe-eval): the chart's
// views always get the compiled expressions (`expr` option, chart-expressions.ts)
REPLACE['vega-runtime/src/expression.js'] = `const refuse = () => { ${fail('vega-runtime', 'code generation')} };
export default { operator: refuse, parameter: refuse, event: refuse, handler: refuse, encode: refuse };
`;
// the legends are symbol legends (no gradient or discrete colour ramps)
for (const name of ['legend-gradient', 'legend-gradient-discrete', 'legend-gradient-labels']) {
  REPLACE[`vega-parser/src/parsers/guides/${name}.js`] =
    `export default function () { ${fail('vega-parser', 'gradient legends')} }\n`;
}

/**
 * Vega's expression parser (vega-expression) is not shipped: vega-functions' parseExpression
 * looks each expression of the templates up in the table the build wrote
 * (chart-expressions.generated.ts, PARSED) and runs the same dependency visitors on it.
 */
const PARSED = fileURLToPath(
  new URL('../src/elements/indicator-chart/chart-expressions.generated.ts', import.meta.url),
);
// the codes by index, for Vega's own parser (unbundled): this parser gives the index
REPLACE[
  fileURLToPath(new URL('../src/elements/indicator-chart/chart-expression-codes.generated.ts', import.meta.url))
] = 'export const CODES = [];\n';
REPLACE['vega-functions/src/parser.js'] = `import { codegenParams } from './codegen.js';
import { SignalPrefix } from './constants.js';
import { error, hasOwnProperty, isString, stringValue } from 'vega-util';
import { PARSED } from ${JSON.stringify(PARSED)};

export default function (expr, scope) {
  const params = {};
  const source = isString(expr) ? expr : stringValue(expr) + '';
  const parsed = hasOwnProperty(PARSED, source) ? PARSED[source] : undefined;
  if (!parsed) error('Expression not compiled at build time (scripts/compile-chart-templates.ts): ' + source);
  const [code, fields, globals, calls] = parsed; // code: the index of the compiled function
  for (const [name, args] of calls) codegenParams.visitors[name](name, args, scope, params);
  for (const name of globals) {
    const signalName = SignalPrefix + name;
    if (!hasOwnProperty(params, signalName) && scope.getSignal(name)) params[signalName] = scope.signalRef(name);
  }
  return { $expr: { code }, $fields: fields.slice(), $params: params };
}
`;

/**
 * vega-functions' expression function context, cut to the functions the templates' compiled
 * expressions call (`this.name(...)` in chart-expressions.generated.ts) and the dependency
 * visitors of the calls the parser meets: no code generator (vega-expression), no colour,
 * geo, selection, lasso, date or statistics functions. By name: its import (module of
 * vega-functions, or package) or inline code. A name the generated code needs but this
 * table lacks fails the build.
 */
const CONTEXT = {
  __bandwidth: 's => s && s.bandwidth ? s.bandwidth() : 0',
  isValid: '_ => _ != null && _ === _',
  bandwidth: './functions/scale.js',
  range: './functions/scale.js',
  scale: './functions/scale.js',
  format: './functions/format.js',
  indexof: './functions/sequence.js',
  join: './functions/sequence.js',
  flush: 'vega-util',
  isArray: 'vega-util',
  lerp: 'vega-util',
  span: 'vega-util',
  toNumber: 'vega-util',
};
const VISITORS = { scaleVisitor: ['bandwidth', 'range', 'scale', '_bandwidth', '_range', '_scale'] };

function codegenModule() {
  const generated = readFileSync(PARSED, 'utf8');
  const table = generated.indexOf('export const PARSED');
  const used = new Set([...generated.slice(0, table).matchAll(/\bthis\.([\w$]+)/g)].map((m) => m[1]));
  const missing = [...used].filter((name) => !(name in CONTEXT));
  if (missing.length) throw new Error(`lean-vega: expression functions missing in CONTEXT: ${missing.join(', ')}`);
  const calls = new Set([...generated.slice(table).matchAll(/\[\s*'([\w$]+)',\s*\[\s*\{/g)].map((m) => m[1]));
  const visited = Object.values(VISITORS).flat();
  const unvisited = [...calls].filter((name) => !visited.includes(name));
  if (unvisited.length) throw new Error(`lean-vega: calls without a dependency visitor: ${unvisited.join(', ')}`);
  const imports = {};
  const entries = [];
  for (const name of used) {
    const source = CONTEXT[name];
    const imported = source.startsWith('.') || /^[a-z-]+$/.test(source);
    if (imported) (imports[source] ??= []).push(name);
    entries.push(imported ? name : `${name}: ${source}`);
  }
  return [
    ...Object.entries(imports).map(([source, names]) => `import { ${names.join(', ')} } from '${source}';`),
    `import { ${Object.keys(VISITORS).join(', ')} } from './visitors.js';`,
    `export const functionContext = { ${entries.join(', ')} };`,
    `export const codegenParams = { visitors: { ${Object.entries(VISITORS)
      .flatMap(([visitor, names]) => names.map((n) => `${n}: ${visitor}`))
      .join(', ')} } };`,
    `export function expressionFunction() { ${fail('vega-functions', 'expressionFunction')} }`,
    `export const codeGenerator = undefined;`,
    '',
  ].join('\n');
}

/** Edits of modules that stay ([search, replacement]; a search that no longer matches fails the build). */
const EDITS = {
  // no signal is updated by event streams (`on`): no event selector parser
  'vega-parser/src/parsers/signal-updates.js': [
    ["import parseUpdate from './update.js';\n", ''],
    ['signal.on.forEach(_ => parseUpdate(_, scope, op.id));', `${fail('vega-parser', 'signal event streams')}`],
  ],
  // d3's curve factories as pure expressions, so that the unused curves drop out
  'd3-shape/dist/d3-shape.mjs': [
    [/= \(function custom\(/g, '= /*#__PURE__*/(function custom('],
    [
      '(MonotoneY.prototype = Object.create(MonotoneX.prototype)).point = function',
      'MonotoneY.prototype = /*#__PURE__*/ Object.create(MonotoneX.prototype);\nMonotoneY.prototype.point = function',
    ],
  ],
  // no arc and trail marks (see marks/index.js above): their shape generators are not built
  'vega-scenegraph/src/path/shapes.js': [
    ["import {default as vg_trail} from './trail.js';\n", ''],
    [/const arcShape {4}= d3_arc\(\)[^,]*,\s*/, 'const '],
    [/,\s*trailShape {2}= vg_trail\(\)[^;]*;/, ';'],
    ['return arcShape.context(context)(item);', fail('vega-scenegraph', 'arc marks')],
    ['return trailShape.context(context)(items);', fail('vega-scenegraph', 'trail marks')],
  ],
  // no hybrid (canvas + SVG) renderer
  'vega-scenegraph/src/modules.js': [
    ["import HybridRenderer from './HybridRenderer.js';\nimport HybridHandler from './HybridHandler.js';\n", ''],
    [/modules\[Hybrid\] = \{[^}]*\};/, ''],
  ],
};

const STUB = '\0lean-vega-stub:';
const PART = '\0lean-vega-partial:';

function fail(source, name) {
  return `throw new Error('${source} (${name}) is not part of the chart runtime');`;
}

function stubCode(source, names) {
  const stub = (name) => `export function ${name}() { ${fail(source, name)} }`;
  return names.map((name) => (Array.isArray(name) ? name[1] : stub(name))).join('\n');
}

/** The path of a module below node_modules (virtual modules: none). */
const below = (id) => (id.startsWith('\0') ? '' : id.replace(/\\/g, '/').split('/node_modules/').pop());

/**
 * V8's explicit compile hint (Chrome 136+; other engines read a comment): every function of
 * the file is compiled when the file is (off the main thread while it streams in), not on its
 * first call. Nearly every function of the lean runtime runs when the first chart is drawn, so
 * their compilation moves from the task that draws (after the data have arrived) into the
 * download; the runtime is needed only once the data are there. Measured (bench/chart.html,
 * main-thread CPU): -20 ms per page, -7 ms after the data. Not for the element's chunk: its
 * longer compilation delayed the element's definition and so its first requests (catalog
 * request 80-300 ms later on the busy 2-core machine).
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** The chunk that gets the hint: the lean runtime (`vega`). */
const HINTED = (chunk) => chunk.name === 'vega';

/**
 * Puts the hint first in the chunk `HINTED` picks (after minification, which drops comments),
 * moving their source maps down a line.
 */
function addCompileHints(bundle) {
  for (const chunk of Object.values(bundle)) {
    if (chunk.type !== 'chunk' || !HINTED(chunk) || chunk.code.startsWith(COMPILE_HINT)) continue;
    chunk.code = COMPILE_HINT + chunk.code;
    if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
    const map = bundle[`${chunk.fileName}.map`];
    if (map?.type === 'asset' && typeof map.source === 'string') {
      const json = JSON.parse(map.source);
      json.mappings = `;${json.mappings}`;
      map.source = JSON.stringify(json);
    }
  }
}

export function leanVega() {
  return {
    name: 'lean-vega',
    generateBundle(_options, bundle) {
      addCompileHints(bundle);
    },
    load(id) {
      if (id.startsWith(STUB)) {
        const [pkg, source] = id.slice(STUB.length).split('|');
        return stubCode(source, STUBS[pkg][source]);
      }
      if (id.startsWith(PART)) {
        const [pkg, source, real] = id.slice(PART.length).split('|');
        return `export * from ${JSON.stringify(real)};\n${stubCode(source, PARTIAL[pkg][source])}`;
      }
      if (below(id) === 'vega-functions/src/codegen.js') return codegenModule();
      return REPLACE[below(id)] ?? null;
    },
    transform(code, id) {
      const edits = EDITS[below(id)];
      if (!edits) return null;
      for (const [search, replacement] of edits) {
        const next = code.replace(search, replacement);
        if (next === code) this.error(`lean-vega: an edit of ${below(id)} no longer applies (${search})`);
        code = next;
      }
      return { code, map: null };
    },
    async resolveId(source, importer, options) {
      const from = importer?.match(/node_modules\/(vega-[a-z-]+|d3-interpolate)\//)?.[1];
      if (from && STUBS[from]?.[source]) return { id: `${STUB}${from}|${source}`, moduleSideEffects: false };
      if (from && PARTIAL[from]?.[source]) {
        const real = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (real) return { id: `${PART}${from}|${source}|${real.id}`, moduleSideEffects: false };
      }
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
