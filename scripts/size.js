// `npm run size`: the bytes of script a page downloads (minified, gzip -9, brotli) for the
// loader alone and for pages with one table, one chart, one map and all three, computed
// from the module graph of dist/ (run `npm run build` first). Fails when a budget is exceeded.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const KiB = 1024;
/** Budgets in KiB gzip: regression guards a little above today's sizes; a build over one fails. */
const BUDGETS = { loader: 3, table: 48, chart: 129.3, map: 101, all: 252 };
/** Goals in KiB gzip set by the project (issue 16: table page <= 20 KiB, chart page <= 130 KiB): reported, not enforced. */
const GOALS = { table: 20, chart: 130 };

const graph = JSON.parse(readFileSync('dist/bundle-graph.json', 'utf8'));
/**
 * Chunks a page loads only on an error path, not counted in the pages: the Valibot schemas,
 * which the data client imports only to name the problems of a malformed response.
 */
const ON_ERROR = /^chunks\/validate-/;

/** Static closure of `files`; with `dynamic`, also follow dynamic imports (code an element loads on use). */
function closure(files, dynamic) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !graph[file]) return;
    seen.add(file);
    graph[file].imports.forEach(visit);
    if (dynamic) graph[file].dynamicImports.filter((f) => !ON_ERROR.test(f)).forEach(visit);
  };
  files.forEach(visit);
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

const rows = {
  loader: measure(loader),
  table: measure(page('comparison-table')),
  chart: measure(page('indicator-chart')),
  map: measure(page('municipality-map')),
  all: measure(page('comparison-table', 'indicator-chart', 'municipality-map')),
};

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
const onError = measure(new Set(Object.keys(graph).filter((f) => ON_ERROR.test(f))));
console.log(`${'(on error only)'.padEnd(20)} ${String(onError.files).padStart(5)}   ${k(onError.min)}   ${k(onError.gzip)}   ${k(onError.br)}`);
if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
if (failed) {
  console.error(`\n${failed} size budget(s) exceeded.`);
  process.exit(1);
}
