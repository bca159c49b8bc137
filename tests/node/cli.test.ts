// `fokus-data` build, validate and serve, in-process through main() and once through the bin script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/tools/cli.js';
import { validateEndpoint, formatReport } from '../../src/tools/validate-endpoint.js';
import { prepareGeometry } from '../../src/tools/geometry.js';
import { buildDemoEndpoint } from '../../scripts/build-demo-data.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE = path.join(ROOT, 'tests/node/fixtures/source');
let tmp: string;
let endpoint: string;

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
/** A copy of the built endpoint to break. */
function copy(): string {
  const dir = mkdtempSync(path.join(tmp, 'broken-'));
  cpSync(endpoint, dir, { recursive: true });
  return dir;
}

before(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'fokus-cli-'));
  endpoint = path.join(tmp, 'endpoint');
  const r = await run('build', SOURCE, '--mapping', path.join(SOURCE, 'mapping.yaml'), '--out', endpoint, '--quiet');
  assert.equal(r.code, 0, r.err);
});
after(() => rmSync(tmp, { recursive: true, force: true }));

test('import writes tidy counts that build reads (two steps = one step)', async () => {
  const counts = path.join(tmp, 'counts.csv');
  const r = await run('import', path.join(SOURCE, 'mapping.yaml'), '-o', counts, '--quiet');
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /56 values from 5 file\(s\)/);
  const text = readFileSync(counts, 'utf8');
  assert.ok(text.startsWith('\uFEFFindicator;region;year;value;status\r\n'));
  const two = path.join(tmp, 'two-steps');
  const b = await run('build', SOURCE, '--counts', counts, '--out', two, '--quiet');
  assert.equal(b.code, 0, b.err);
  assert.equal(readJson(path.join(two, 'catalog.json')).version, readJson(path.join(endpoint, 'catalog.json')).version);
});

test('build: Amt, Kreis and Land from counts, rates from summed counts, status propagated, GeoJSON converted', () => {
  const catalog = readJson(path.join(endpoint, 'catalog.json'));
  assert.match(catalog.version, /^[0-9a-f]{16}$/);
  assert.deepEqual(
    catalog.geometry.map((g: { file: string }) => g.file),
    ['geo/gemeinde-01056.topo.json'],
  );
  const rate = readJson(path.join(endpoint, 'indicators/frauenanteil.json'));
  const row = (id: string) => rate.regions.indexOf(id);
  // Amt Elmshorn-Land 2011: (990 + 510) / (1950 + 950) x 100, not the mean of 50.8 and 53.7.
  assert.deepEqual(rate.numerator[row('010565616')], [1500, 1500, 1500]);
  assert.equal(rate.values[row('010565616')][1], 51.7);
  // Kreis: the published total of the table wins over the sum (Helgoland is secret).
  assert.equal(rate.denominator[row('01056')][2], 12000);
  assert.deepEqual(rate.status['01056025'], ['...', 'x', '.']);
  assert.deepEqual(rate.values[row('01056025')], [null, null, null]);
  const pkw = readJson(path.join(endpoint, 'indicators/pkw-dichte.json'));
  // A suppressed Gemeinde (Seester "." in 2012) makes the Amt's sum and rate suppressed; a year the
  // table does not cover for Seester (2011) leaves the Amt without a value, but not secret; "p" and "()" survive.
  assert.deepEqual(pkw.status['010565616'], ['', '.']);
  assert.deepEqual(pkw.status['01056029'], ['()', 'p']);
  const einwohner = readJson(path.join(endpoint, 'indicators/einwohner.json'));
  assert.deepEqual(catalog.indicators.find((i: { id: string }) => i.id === 'einwohner').breaks[0].year, 2011);
  assert.deepEqual(einwohner.values[einwohner.regions.indexOf('01')], [12200, 11800, 12000]);
  const topo = readJson(path.join(endpoint, 'geo/gemeinde-01056.topo.json'));
  const geoms = topo.objects.regions.geometries;
  assert.deepEqual(
    geoms.map((g: { id: string }) => g.id),
    ['01056015', '01056029', '01056033', '01056025'],
  );
  assert.equal(geoms[0].properties.name, 'Elmshorn');
  assert.equal(geoms[2].type, 'Polygon', 'the water part (GF 2) of Seester was left out');
  assert.equal(geoms[3].type, 'MultiPolygon', 'Helgoland from a nested FeatureCollection');
});

test('validate: a correct endpoint passes with exit code 0', async () => {
  const r = await run('validate', endpoint);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /^OK: 0 errors, 0 warnings in 8 files \(6 indicators, 7 regions\)/m);
});

test('validate: reports file, path and reason, exit code 1', async () => {
  const dir = copy();
  const rateFile = path.join(dir, 'indicators/frauenanteil.json');
  const rate = readJson(rateFile);
  rate.values[2][1] = 55.5; // the Amt's rate no longer matches its counts
  writeFileSync(rateFile, JSON.stringify(rate));
  const countFile = path.join(dir, 'indicators/einwohner.json');
  const count = readJson(countFile);
  count.regions[3] = '01056999';
  writeFileSync(countFile, JSON.stringify(count));
  const geoFile = path.join(dir, 'geo/gemeinde-01056.topo.json');
  const topo = readJson(geoFile);
  topo.objects.regions.geometries[1].id = '01059001';
  writeFileSync(geoFile, JSON.stringify(topo));
  const catFile = path.join(dir, 'catalog.json');
  const cat = readJson(catFile);
  cat.indicators[4].years = [2099];
  writeFileSync(catFile, JSON.stringify(cat));
  rmSync(path.join(dir, 'indicators/geburtenrate.json'));
  writeFileSync(path.join(dir, 'indicators/alt.json'), '{}');

  const r = await run('validate', dir);
  assert.equal(r.code, 1);
  const report = await validateEndpoint(dir);
  const has = (file: string, p: string, message: RegExp, severity = 'error') =>
    assert.ok(
      report.issues.some((i) => i.file === file && i.path === p && message.test(i.message) && i.severity === severity),
      `${file} ${p} ${message}\n${formatReport(report)}`,
    );
  has(
    'indicators/frauenanteil.json',
    'values[2][1]',
    /rate 55.5 does not match 1500 \/ 2900 x 100 = 51.724 \(region 010565616, 2011\)/,
  );
  has('indicators/einwohner.json', 'regions[3]', /unknown region "01056999"/);
  has('geo/gemeinde-01056.topo.json', 'objects.regions.geometries[1].id', /unknown region "01059001"/);
  has(
    'geo/gemeinde-01056.topo.json',
    'objects.regions',
    /no geometry for region "01056029" \(Klein Nordende\)/,
    'warning',
  );
  has('catalog.json', 'indicators[4].years[0]', /year 2099 lies in the future/);
  has('indicators/geburtenrate.json', '(file)', /file not found/);
  has('(folder)', 'indicators/alt.json', /not referenced by catalog.json/, 'warning');
  assert.match(r.out, /^indicators\/frauenanteil.json\n {2}error {4}values\[2\]\[1\]: rate 55.5/m);
  assert.match(r.out, /FAILED: \d+ errors/);
});

test('validate: a catalog that breaks the schema lists each problem with its path', async () => {
  const dir = copy();
  const cat = readJson(path.join(dir, 'catalog.json'));
  cat.regions[2].id = '0105x';
  delete cat.title;
  writeFileSync(path.join(dir, 'catalog.json'), JSON.stringify(cat));
  const r = await run('validate', dir, '--json');
  assert.equal(r.code, 1);
  const issues = JSON.parse(r.out).issues as { file: string; path: string; message: string }[];
  assert.ok(
    issues.some((i) => i.path === 'title' && /required/.test(i.message)),
    r.out,
  );
  assert.ok(
    issues.some((i) => i.path === 'regions[2].id' && /official region key/.test(i.message)),
    r.out,
  );
});

test('serve: the built folder over HTTP with CORS allow-list, compression and ETag; validate reads the URL', async () => {
  const r = await run(
    'serve',
    endpoint,
    '--port',
    '0',
    '--cors',
    'https://gemeinde.example',
    '--cache-control',
    'public, max-age=60',
  );
  assert.equal(r.code, 0, r.err);
  // The CLI prints where it listens and stops on SIGTERM, as under a process manager.
  const base = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/) /.exec(r.err)?.[1];
  assert.ok(base, r.err);
  try {
    const res = await fetch(`${base}catalog.json`, {
      headers: { origin: 'https://gemeinde.example', 'accept-encoding': 'br' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://gemeinde.example');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
    assert.equal(res.headers.get('content-encoding'), 'br');
    const again = await fetch(`${base}catalog.json`, { headers: { 'if-none-match': res.headers.get('etag')! } });
    assert.equal(again.status, 304);
    assert.equal((await fetch(`${base}indicators/`)).status, 404, 'no directory listing');
    assert.equal((await fetch(`${base}..%2f..%2fpackage.json`)).status, 404, 'no traversal');
    const report = await validateEndpoint(base);
    assert.deepEqual(report.issues, []);
    assert.equal(report.files, 8);
  } finally {
    process.emit('SIGTERM');
  }
});

test('build errors name the file and line, and nothing is written', async () => {
  const bad = path.join(tmp, 'bad.csv');
  writeFileSync(bad, 'indicator;region;year;value\neinwohner;01056015;2012;9000\neinwohner;01056015;2011;neun\n');
  const out = path.join(tmp, 'never');
  let r = await run('build', SOURCE, '--counts', bad, '--out', out);
  assert.equal(r.code, 1);
  assert.match(r.err, /bad.csv:3: "neun" is neither a number nor an official symbol/);
  assert.equal(existsSync(out), false);

  writeFileSync(bad, 'indicator;region;year;value\neinwohner;01056015;2012;9000\neinwohner;01059001;2012;10\n');
  r = await run('build', SOURCE, '--counts', bad, '--out', out);
  assert.match(
    r.err,
    /1 count value\(s\) of 1 region\(s\) not in this list:\n {2}region 01059001: 1 value\(s\), first .*bad.csv:3 \(einwohner 2012\)/,
  );
  r = await run('build', SOURCE, '--counts', bad, '--out', out, '--skip-unknown-regions');
  assert.match(r.err, /indicator "frauenanteil" needs the count "einwohner-w", which no input has/);
  assert.equal(existsSync(out), false);

  // A failing rebuild leaves the previous endpoint as it was.
  const before = readFileSync(path.join(endpoint, 'catalog.json'), 'utf8');
  const defs = path.join(tmp, 'indicators.yaml');
  writeFileSync(
    defs,
    readFileSync(path.join(SOURCE, 'indicators.yaml'), 'utf8').replace('topic: soziales', 'topic: unbekannt'),
  );
  r = await run(
    'build',
    SOURCE,
    '--definitions',
    defs,
    '--mapping',
    path.join(SOURCE, 'mapping.yaml'),
    '--out',
    endpoint,
    '--quiet',
  );
  assert.equal(r.code, 1);
  assert.match(r.err, /build failed, nothing written: .*unknown topic unbekannt/s);
  assert.equal(readFileSync(path.join(endpoint, 'catalog.json'), 'utf8'), before);
  assert.deepEqual(
    readdirSync(path.dirname(endpoint)).filter((f) => f.includes('.tmp-')),
    [],
    'no temporary folder left',
  );
});

test('usage errors exit with 2', async () => {
  assert.equal((await run()).code, 2);
  assert.equal((await run('frobnicate')).code, 2);
  const r = await run('build', SOURCE);
  assert.equal(r.code, 2);
  assert.match(r.err, /build needs --out/);
  assert.equal((await run('help')).code, 0);
});

test('the demo endpoint is built by the same pipeline: CLI --synthetic gives the bytes of npm run demo:data', async () => {
  const a = path.join(tmp, 'demo-a');
  const b = path.join(tmp, 'demo-b');
  const result = buildDemoEndpoint(a);
  const r = await run('build', path.join(ROOT, 'demo/source'), '--synthetic', '--out', b, '--quiet');
  assert.equal(r.code, 0, r.err);
  for (const rel of Object.keys(result.files)) {
    assert.equal(readFileSync(path.join(b, rel), 'utf8'), readFileSync(path.join(a, rel), 'utf8'), rel);
  }
  const report = await validateEndpoint(b);
  assert.deepEqual(
    report.issues.filter((i) => i.severity === 'error'),
    [],
    formatReport(report),
  );
});

test('geometry: TopoJSON with another object name and id property is normalized', () => {
  const regions = readJson(path.join(SOURCE, 'regions.json'));
  const topo = {
    type: 'Topology',
    objects: {
      gemeinden: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[0]], properties: { RS: '010565616029', GEN: 'Klein Nordende' } },
          { type: 'Polygon', arcs: [[0]], properties: { RS: '010595900001', GEN: 'Anderswo' } },
        ],
      },
    },
    arcs: [
      [
        [9.6, 53.7],
        [9.62, 53.7],
        [9.62, 53.72],
        [9.6, 53.7],
      ],
    ],
  };
  const entry = { level: 'gemeinde' as const, parent: '01056', file: 'geo/g.topo.json', attribution: 'x' };
  const out = prepareGeometry(topo, entry, regions, { idProperty: 'RS' });
  const parsed = JSON.parse(out.text);
  assert.deepEqual(
    parsed.objects.regions.geometries.map((g: { id: string }) => g.id),
    ['01056029'],
  );
  assert.equal(out.dropped, 1);
  assert.deepEqual(out.missing, ['01056015', '01056033', '01056025']);
});

test('bin/fokus-data.js runs the CLI (compiled or from source) with its exit code', () => {
  const bin = path.join(ROOT, 'bin/fokus-data.js');
  const ok = spawnSync(process.execPath, [bin, 'validate', endpoint], {
    encoding: 'utf8',
    env: { ...process.env, FOKUS_DATA_FROM_SOURCE: '1' },
  });
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^OK: 0 errors/m);
  const missing = spawnSync(process.execPath, [bin, 'validate', path.join(tmp, 'nothing-here')], {
    encoding: 'utf8',
    env: { ...process.env, FOKUS_DATA_FROM_SOURCE: '1' },
  });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nothing-here: not a folder/);
});
