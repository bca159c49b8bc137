import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Indicator, IndicatorFile, Region } from '../../src/data/schema.js';
import type { CountRow } from '../../src/data/aggregate.js';
import { buildEndpoint } from '../../src/tools/build.js';
import { testMeta } from './fixtures/meta.js';
import {
  determinedCells,
  parseDisclosure,
  protectCounts,
  smallPublishedCounts,
  type Equation,
} from '../../src/tools/disclosure.js';
import { main } from '../../src/tools/cli.js';
import { validateEndpoint } from '../../src/tools/validate-endpoint.js';

// Land 01 -> Kreis A (Amt with a1, a2, a3; amtsfreie b and c) and Kreis B (d, e).
const R = (id: string, name: string, level: Region['level'], parent: string | null): Region => ({
  id,
  name,
  level,
  parent,
});
const regions: Region[] = [
  R('01', 'Land', 'land', null),
  R('01001', 'Kreis A', 'kreis', '01'),
  R('01002', 'Kreis B', 'kreis', '01'),
  R('010015001', 'Amt A', 'amt', '01001'),
  R('01001001', 'a1', 'gemeinde', '010015001'),
  R('01001002', 'a2', 'gemeinde', '010015001'),
  R('01001003', 'a3', 'gemeinde', '010015001'),
  R('01001004', 'b', 'gemeinde', '01001'),
  R('01001005', 'c', 'gemeinde', '01001'),
  R('01002001', 'd', 'gemeinde', '01002'),
  R('01002002', 'e', 'gemeinde', '01002'),
];
const GEMEINDEN = regions.filter((r) => r.level === 'gemeinde').map((r) => r.id);
// births 2024 (a1 = 2 and d = 1 are small), population, women
const BIRTHS = [2, 8, 6, 15, 30, 1, 40];
const POP = [300, 400, 500, 1000, 2000, 150, 2500];
const WOMEN = [150, 200, 250, 500, 1000, 75, 1250];
const rows: CountRow[] = GEMEINDEN.flatMap((id, i) => [
  { count: 'births', region: id, year: 2024, value: BIRTHS[i], status: '' as const },
  { count: 'pop', region: id, year: 2024, value: POP[i], status: '' as const },
  { count: 'women', region: id, year: 2024, value: WOMEN[i], status: '' as const },
]);

const base = {
  unit: { de: 'je 1.000' },
  decimals: 1,
  description: { de: 'Test' },
  source: 'Test',
  topic: 'familie',
  polarity: 'neutral' as const,
  years: [2024],
  levels: ['land', 'kreis', 'amt', 'gemeinde'] as Indicator['levels'],
};
const rate: Indicator = {
  ...base,
  id: 'geburtenrate',
  label: { de: 'Geburtenrate' },
  computation: { type: 'ratio', numerator: 'births', denominator: 'pop', factor: 1000 },
};
// Not opted in, but built on the same count: must not give the births away either.
const fertility: Indicator = {
  ...base,
  id: 'geburten-je-frau',
  label: { de: 'Geburten je 1.000 Frauen' },
  computation: { type: 'ratio', numerator: 'births', denominator: 'women', factor: 1000 },
};
const population: Indicator = {
  ...base,
  id: 'einwohner',
  decimals: 0,
  label: { de: 'Einwohner' },
  computation: { type: 'count', count: 'pop' },
};
const definitions = {
  topics: [{ id: 'familie', label: { de: 'Familie' } }],
  indicators: [rate, fertility, population],
  breakdowns: [],
};
const meta = testMeta(['land', 'kreis', 'amt', 'gemeinde']);

/**
 * The attacker: everything the endpoint publishes about births, i.e. the numerators and,
 * where a rate and its denominator are published, rate x denominator / factor (rounded:
 * with small denominators that is exact). Then, repeatedly, every equation
 * total = sum of parts with exactly one unknown is solved (the difference attack).
 */
function attack(files: IndicatorFile[]): Map<string, number> {
  const known = new Map<string, number>();
  for (const f of files) {
    const factor = 1000;
    f.regions.forEach((id, r) => {
      const n = f.numerator?.[r]?.[0];
      if (n != null) known.set(id, n);
      const value = f.values[r]?.[0];
      const d = f.denominator?.[r]?.[0];
      if (value != null && d != null) known.set(id, Math.round((value * d) / factor));
    });
  }
  const parts = new Map<string, string[]>();
  for (const r of regions) if (r.parent) parts.set(r.parent, [...(parts.get(r.parent) ?? []), r.id]);
  for (let changed = true; changed;) {
    changed = false;
    for (const [total, kids] of parts) {
      const members = [total, ...kids];
      const missing = members.filter((id) => !known.has(id));
      if (missing.length !== 1) continue;
      const [x] = missing;
      const sumKids = kids.filter((k) => k !== x).reduce((s, k) => s + known.get(k)!, 0);
      known.set(x, x === total ? sumKids : known.get(total)! - sumKids);
      changed = true;
    }
  }
  return known;
}

function build(disclosure: ReturnType<typeof parseDisclosure>, counts = rows) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fokus-disclosure-'));
  try {
    const result = buildEndpoint({
      meta,
      definitions,
      regions,
      counts,
      geometry: [],
      outDir: path.join(dir, 'out'),
      disclosure,
    });
    const read = (id: string): IndicatorFile =>
      JSON.parse(readFileSync(path.join(dir, 'out/indicators', `${id}.json`), 'utf8'));
    return { result, rate: read('geburtenrate'), fertility: read('geburten-je-frau') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the attacker is real: with primary suppression only, the difference and the rate-times-population attacks recover the secret births', () => {
  // Primary only, totals published from the full data: a1 and d secret, nothing else.
  const naive: CountRow[] = rows.map((r) =>
    r.count === 'births' && (r.region === '01001001' || r.region === '01002001')
      ? { ...r, value: null, status: '.' }
      : r,
  );
  const totals: CountRow[] = [
    { count: 'births', region: '010015001', year: 2024, value: 16 },
    { count: 'births', region: '01001', year: 2024, value: 61 },
    { count: 'births', region: '01002', year: 2024, value: 41 },
    { count: 'births', region: '01', year: 2024, value: 102 },
  ];
  const { rate, fertility } = build(undefined, [...naive, ...totals]);
  const known = attack([rate, fertility]);
  assert.equal(known.get('01001001'), 2, 'Amt A 16 - 8 - 6');
  assert.equal(known.get('01002001'), 1, 'Kreis B 41 - 40');
  // And a rate on the same count, not suppressed, times its denominator gives it away directly:
  const leaky = build(undefined).fertility;
  const i = leaky.regions.indexOf('01001001');
  assert.equal(Math.round((leaky.values[i][0]! * WOMEN[0]) / 1000), 2);
});

test('disclosure control: primary below 3, secondary so that neither attack recovers a cell, totals stay published', () => {
  const { result, rate, fertility } = build(parseDisclosure({ threshold: 3, indicators: ['geburtenrate'] }));
  const report = result.disclosure!;
  assert.deepEqual(report.counts, [{ count: 'births', indicators: ['geburtenrate'] }]);
  assert.deepEqual(
    report.cells.map((c) => [c.region, c.reason, c.total ?? '']),
    [
      ['01001001', 'primary', ''],
      ['01001003', 'secondary', '010015001'], // a3 (6), the smallest other part of Amt A
      ['01002001', 'primary', ''],
      ['01002002', 'secondary', '01002'], // e (40), the only other part of Kreis B
    ],
  );
  assert.equal(report.primary, 2);
  assert.equal(report.secondary, 2);
  assert.match(report.cells[1].why, /^births of a1 would follow from the total births of Amt A minus the other parts$/);
  // Totals from the full data stay published: one secret Gemeinde does not blank its Kreis.
  const at = (f: IndicatorFile, id: string) => f.regions.indexOf(id);
  assert.equal(rate.numerator![at(rate, '010015001')][0], 16);
  assert.equal(rate.numerator![at(rate, '01')][0], 102);
  assert.equal(rate.values[at(rate, '01001')][0], 14.5); // 61 / 4,200 x 1000
  // Every suppressed cell is gone from both rates (and their numerators) ...
  for (const c of report.cells) {
    for (const f of [rate, fertility]) {
      assert.equal(f.values[at(f, c.region)][0], null, `${f.indicator} ${c.region}`);
      assert.equal(f.numerator![at(f, c.region)][0], null);
      assert.equal(f.status![c.region][0], '.');
    }
  }
  // ... and neither attack recovers any of them.
  const known = attack([rate, fertility]);
  for (const c of report.cells) assert.equal(known.has(c.region), false, `${c.name} recovered`);
  // What is not secret is still published.
  assert.equal(rate.values[at(rate, '01001004')][0], 15);
});

test('secondary suppression cascades up: a small Amt total needs a partner in its Kreis', () => {
  // a1..a3 = 1 + 1 + 0: the Amt total 2 is small itself; b and c are published.
  const small = rows.map((r) =>
    r.count === 'births' && r.region.startsWith('0100100') && Number(r.region.slice(-1)) <= 3
      ? { ...r, value: [1, 1, 0][Number(r.region.slice(-1)) - 1] }
      : r,
  );
  const { result, rate, fertility } = build(parseDisclosure({ indicators: 'all' }), small);
  const cells = result.disclosure!.cells.filter((c) => c.region.startsWith('01001'));
  assert.deepEqual(
    cells.map((c) => [c.region, c.reason]),
    [
      ['01001001', 'primary'],
      ['01001002', 'primary'],
      ['01001004', 'secondary'], // b (15) protects the Amt total in Kreis A
      ['010015001', 'primary'],
    ],
  );
  const known = attack([rate, fertility]);
  for (const c of result.disclosure!.cells) assert.equal(known.has(c.region), false, `${c.name} recovered`);
  // a3 = 0 is published (zeros are not secret by default) and cannot unlock a1 or a2.
  assert.equal(known.get('01001003'), 0);
});

test('parseDisclosure: off, true, and a checked config', () => {
  assert.equal(parseDisclosure(undefined), undefined);
  assert.equal(parseDisclosure(false), undefined);
  assert.deepEqual(parseDisclosure(true), { threshold: 3, indicators: 'all', zeros: false });
  assert.throws(() => parseDisclosure({ threshold: 0 }));
  assert.throws(
    () => protectCounts(regions, rows, definitions.indicators, parseDisclosure({ indicators: ['nope'] })!),
    /unknown indicator\(s\) nope/,
  );
});

test('fokus-data build with "disclosure:" in catalog.yaml: console and JSON report; validate warns only without it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fokus-disclosure-cli-'));
  try {
    const src = path.join(dir, 'source');
    mkdirSync(src);
    const yaml = (o: unknown) => JSON.stringify(o, null, 1);
    writeFileSync(path.join(src, 'catalog.yaml'), yaml(meta));
    writeFileSync(path.join(src, 'indicators.yaml'), yaml(definitions));
    writeFileSync(path.join(src, 'regions.json'), JSON.stringify(regions));
    const csv = path.join(dir, 'counts.csv');
    writeFileSync(
      csv,
      'indicator;region;year;value;status\n' +
        rows.map((r) => `${r.count};${r.region};${r.year};${r.value};`).join('\n') +
        '\n',
    );
    const err: string[] = [];
    const io = { out: () => {}, err: (l: string) => err.push(l) };
    // Off: validate warns about the published small counts.
    assert.equal(
      await main(['build', src, '--counts', csv, '-o', path.join(dir, 'open'), '--quiet'], io),
      0,
      err.join('\n'),
    );
    const open = await validateEndpoint(path.join(dir, 'open'));
    const warnings = open.issues.filter((i) => /fewer than 3 cases/.test(i.message));
    assert.deepEqual(
      warnings.map((w) => w.file),
      ['indicators/geburtenrate.json', 'indicators/geburten-je-frau.json'],
    );
    assert.match(warnings[0].message, /^2 published value\(s\) rest on fewer than 3 cases/);
    // On.
    writeFileSync(
      path.join(src, 'catalog.yaml'),
      yaml({ ...meta, disclosure: { threshold: 3, indicators: ['geburtenrate'] } }),
    );
    err.length = 0;
    const reportFile = path.join(dir, 'report.json');
    const code = await main(
      ['build', src, '--counts', csv, '-o', path.join(dir, 'safe'), '--disclosure-report', reportFile],
      io,
    );
    assert.equal(code, 0, err.join('\n'));
    const log = err.join('\n');
    assert.match(log, /disclosure control: 4 cell\(s\) suppressed \(2 primary: fewer than 3 cases; 2 secondary/);
    assert.match(log, /births 2024 01001003 a3: secondary, births of a1 would follow from the total births of Amt A/);
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    assert.equal(report.cells.length, 4);
    const safe = await validateEndpoint(path.join(dir, 'safe'));
    assert.deepEqual(
      safe.issues.filter((i) => i.severity === 'error' || /fewer than 3 cases/.test(i.message)),
      [],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('smallPublishedCounts lists published numerators of 1 and 2 only', () => {
  const file: IndicatorFile = {
    format: 'fokus-indicator/1',
    indicator: 'geburtenrate',
    years: [2024],
    regions: ['a', 'b', 'c', 'd'],
    values: [[6.7], [0], [null], [20]],
    numerator: [[2], [0], [1], [20]],
    denominator: [[300], [300], [300], [1000]],
  };
  assert.deepEqual(smallPublishedCounts(file, rate), [{ region: 'a', year: 2024, value: 2 }]);
});

test('determinedCells: the rectangle protects, a triangle of totals does not', () => {
  const eq = (total: string, ...parts: string[]): Equation => ({ total, parts, label: total });
  // A 2 x 2 rectangle of hidden cells in a table with row and column totals: none determined.
  const rectangle = [
    eq('r1', 'x11', 'x12', 'p1'),
    eq('r2', 'x21', 'x22', 'p2'),
    eq('c1', 'x11', 'x21'),
    eq('c2', 'x12', 'x22'),
  ];
  assert.deepEqual(determinedCells(rectangle, new Set(['x11', 'x12', 'x21', 'x22'])), []);
  // Each equation has two hidden cells, but together they fix all three: x = (t1 - t2 + t3) / 2.
  const triangle = [eq('t1', 'x', 'y'), eq('t2', 'y', 'z'), eq('t3', 'x', 'z')];
  assert.deepEqual(determinedCells(triangle, new Set(['x', 'y', 'z'])).sort(), ['x', 'y', 'z']);
  // A hidden total over published parts is determined; so is a chain.
  assert.deepEqual(determinedCells([eq('t', 'a', 'b')], new Set(['t'])), ['t']);
  assert.deepEqual(determinedCells([eq('t', 'a', 'b'), eq('a', 'c', 'd')], new Set(['a', 'b', 'c'])), []);
});

test('age groups that add up to the population: the difference attack across a breakdown fails', () => {
  // Each Gemeinde: under 18, 18-64 and 65+ add up to its population; only "65+" is opted in.
  const AGES = GEMEINDEN.map((_, i) => {
    const old = [2, 90, 100, 200, 400, 30, 500][i];
    const young = [60, 80, 100, 200, 400, 1, 500][i];
    return [young, POP[i] - young - old, old];
  });
  const ageRows: CountRow[] = GEMEINDEN.flatMap((id, i) => [
    { count: 'pop', region: id, year: 2024, value: POP[i] },
    { count: 'u18', region: id, year: 2024, value: AGES[i][0] },
    { count: 'a1864', region: id, year: 2024, value: AGES[i][1] },
    { count: 'o65', region: id, year: 2024, value: AGES[i][2] },
  ]);
  const share = (id: string, numerator: string): Indicator => ({
    ...base,
    id,
    label: { de: id },
    computation: { type: 'ratio', numerator, denominator: 'pop', factor: 100 },
  });
  const indicators = [share('anteil-u18', 'u18'), share('anteil-1864', 'a1864'), share('anteil-65', 'o65'), population];
  const breakdowns = [
    {
      id: 'alter',
      label: { de: 'Alter' },
      indicators: ['anteil-u18', 'anteil-1864', 'anteil-65'],
      categories: [{ de: 'u18' }, { de: '18-64' }, { de: '65+' }],
    },
  ];
  const options = parseDisclosure({ indicators: ['anteil-65'] })!;
  const { rows: safe, report } = protectCounts(regions, ageRows, indicators, options, breakdowns);
  // Primary: 65+ of a1 (2); the breakdown then needs a second hidden age group in a1, and
  // each hidden cell a partner in its Amt, up to the rectangle that nothing determines.
  assert.deepEqual(
    report.cells.filter((c) => c.reason === 'primary').map((c) => [c.count, c.region]),
    [['o65', '01001001']],
  );
  const published = new Map<string, number>();
  for (const r of safe) if (r.value !== null && r.status !== '.') published.set(`${r.count}|${r.region}`, r.value);
  const hidden = new Set(report.cells.map((c) => `${c.count}|${c.region}`));
  assert.ok(hidden.has('o65|01001001'));
  // The attacker: every total and every breakdown, repeatedly, one unknown at a time.
  const equations: Equation[] = [];
  for (const count of ['pop', 'u18', 'a1864', 'o65'])
    for (const r of regions.filter((x) => regions.some((y) => y.parent === x.id)))
      equations.push({
        total: `${count}|${r.id}`,
        parts: regions.filter((y) => y.parent === r.id).map((y) => `${count}|${y.id}`),
        label: '',
      });
  for (const r of regions)
    equations.push({ total: `pop|${r.id}`, parts: ['u18', 'a1864', 'o65'].map((c) => `${c}|${r.id}`), label: '' });
  for (let changed = true; changed;) {
    changed = false;
    for (const e of equations) {
      const cells = [e.total, ...e.parts];
      const missing = cells.filter((c) => !published.has(c));
      if (missing.length !== 1) continue;
      const [x] = missing;
      const sum = e.parts.filter((p) => p !== x).reduce((s, p) => s + published.get(p)!, 0);
      published.set(x, x === e.total ? sum : published.get(e.total)! - sum);
      changed = true;
    }
  }
  for (const h of hidden) assert.equal(published.has(h), false, `${h} recovered`);
  // Nor does linear algebra over all equations together recover anything.
  assert.deepEqual(determinedCells(equations, hidden), []);
  // Without the breakdown relation the protection would be too weak: 65+ of a1 = pop - u18 - 18-64.
  const weak = protectCounts(regions, ageRows, indicators, options);
  const weakHidden = new Set(weak.report.cells.map((c) => `${c.count}|${c.region}`));
  assert.ok(!weakHidden.has('u18|01001001') && !weakHidden.has('a1864|01001001'));
});
