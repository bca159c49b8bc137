// `npm run size`: the bytes of script a page downloads (minified, gzip -9, brotli) for the
// loader alone and for pages with one table, one chart, one map and all three, computed
// from the module graph of dist/ (run `npm run build` first). Fails when a budget is exceeded.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const KiB = 1024;
/** Budgets in KiB gzip: regression guards a little above today's sizes; a build over one fails. */
const BUDGETS = { loader: 4.5, table: 48.5, chart: 129.5, map: 101, all: 214.5 };
/** Goals in KiB gzip set by the project (issue 16: table page <= 20 KiB, chart page <= 130 KiB): reported, not enforced. */
const GOALS = { table: 20, chart: 130 };

const graph = JSON.parse(readFileSync('dist/bundle-graph.json', 'utf8'));

/**
 * Chunks an element imports dynamically only on a user's action (an image download) or for a
 * malformed response (the Valibot schemas that name its problems), not to show itself: a page
 * does not download them when it loads. Reported as "later", not in the page's figure.
 * (Vega and Leaflet are dynamic imports too, but every chart and map loads them to draw.)
 */
const ON_USE = [/^chunks\/svg-image-/, /^chunks\/validate-/];
const onUse = (file) => ON_USE.some((re) => re.test(file));

/** Static closure of `files`; with `dynamic`, also follow dynamic imports (code an element loads to draw), with `all` also those on use. */
function closure(files, dynamic, all = false) {
  const seen = new Set();
  const visit = (file, dynamicEdge = false) => {
    if (seen.has(file) || !graph[file] || (dynamicEdge && !all && onUse(file))) return;
    seen.add(file);
    graph[file].imports.forEach((f) => visit(f));
    if (dynamic) graph[file].dynamicImports.forEach((f) => visit(f, true));
  };
  files.forEach((f) => visit(f));
  return seen;
}

function measure(files) {
  let min = 0, gzip = 0, br = 0;
  for (const file of files) {
    const code = readFileSync(`dist/${file}`);
    min += code.length;
    gzip += gzipSync(code, { level: 9 }).length;
    br += brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { files: files.size, min, gzip, br };
}

const loader = closure(['fokus-widgets.js'], false);
const page = (...elements) =>
  new Set([...loader, ...closure(elements.map((e) => `elements/${e}.js`), true)]);
/** What a page's elements load later, on a user's action or bad data only (not in the page's figure). */
const later = (...elements) => {
  const now = page(...elements);
  return new Set([...closure(elements.map((e) => `elements/${e}.js`), true, true)].filter((f) => !now.has(f)));
};

const rows = {
  loader: measure(loader),
  table: measure(page('comparison-table')),
  chart: measure(page('indicator-chart')),
  map: measure(page('municipality-map')),
  all: measure(page('comparison-table', 'indicator-chart', 'municipality-map')),
};
const ON_USE_ROWS = { table: later('comparison-table'), chart: later('indicator-chart'), map: later('municipality-map') };

const k = (n) => (n / KiB).toFixed(1).padStart(7);
console.log('page                 files   min KiB  gzip KiB    br KiB  budget       goal');
let failed = 0;
for (const [name, r] of Object.entries(rows)) {
  const budget = BUDGETS[name];
  const over = r.gzip / KiB > budget;
  if (over) failed++;
  console.log(
    `${name.padEnd(20)} ${String(r.files).padStart(5)}   ${k(r.min)}   ${k(r.gzip)}   ${k(r.br)}   ${budget.toFixed(1).padStart(6)} ${over ? 'OVER' : 'ok  '}` +
      (GOALS[name] ? ` ${GOALS[name].toFixed(1).padStart(6)} ${r.gzip / KiB > GOALS[name] ? 'missed' : 'met'}` : ''),
  );
}
for (const [name, files] of Object.entries(ON_USE_ROWS)) {
  if (!files.size) continue;
  const r = measure(files);
  console.log(`${`${name}, later`.padEnd(20)} ${String(r.files).padStart(5)}   ${k(r.min)}   ${k(r.gzip)}   ${k(r.br)}   (not in the page's figure)`);
}
if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
if (failed) {
  console.error(`\n${failed} size budget(s) exceeded.`);
  process.exit(1);
}
