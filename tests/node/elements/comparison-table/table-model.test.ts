import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildModel,
  deviation,
  filterRows,
  ranks,
  rankRanges,
  sortRows,
  toneOf,
  NAME_KEY,
  type Cell,
  type IndicatorInfo,
  type ModelInput,
} from '../../../../src/elements/comparison-table/table-model.js';
import { sparkline } from '../../../../src/elements/comparison-table/sparkline.js';
import { rankRange } from '../../../../src/data/uncertainty.js';

const num = (value: number, status: Cell['status'] = ''): Cell => ({ value, status });
const sym = (status: Cell['status']): Cell => ({ value: null, status });

const geburten: IndicatorInfo = {
  id: 'geb',
  label: 'Geburtenrate',
  unit: 'je 1.000',
  decimals: 1,
  polarity: 'neutral',
};
const sgb2: IndicatorInfo = { id: 'sgb2', label: 'SGB-II-Quote', unit: '%', decimals: 1, polarity: 'lower-is-better' };

// values[indicator][region][year]
const data: Record<string, Record<string, Record<number, Cell>>> = {
  geb: {
    '01': { 2023: num(8), 2024: num(8.2) },
    '01056': { 2023: num(8.5), 2024: num(8.4) },
    a: { 2023: num(9), 2024: num(9.4) },
    b: { 2023: num(7), 2024: sym('.') },
    c: { 2023: num(8), 2024: num(7.1, 'p') },
    d: { 2023: sym('...'), 2024: num(9.4) },
  },
  sgb2: {
    '01': { 2023: num(7), 2024: num(7.5) },
    '01056': { 2023: num(6), 2024: num(6.3) },
    a: { 2023: num(5), 2024: num(5.3) },
    b: { 2023: num(9), 2024: num(8) },
    c: { 2023: sym('/'), 2024: sym('/') },
    d: { 2023: num(0, '-'), 2024: num(0, '-') },
  },
};
const regions = [
  { id: 'a', name: 'Elmshorn' },
  { id: 'b', name: 'Barmstedt' },
  { id: 'c', name: 'Ütersen' },
  { id: 'd', name: 'Appen' },
];
const references = [
  { id: '01056', name: 'Kreis Pinneberg' },
  { id: '01', name: 'Schleswig-Holstein' },
];
const input = (over: Partial<ModelInput> = {}): ModelInput => ({
  mode: 'indicators',
  indicators: [geburten, sgb2],
  years: [2024],
  regions,
  references,
  cell: (i, r, y) => data[i][r][y] ?? sym('...'),
  trend: (i, r) => [2023, 2024].map((year) => ({ year, ...data[i][r][year] })),
  ...over,
});

test('indicators mode: one value column per indicator, each followed by its deviation and rank', () => {
  const m = buildModel(input({ deviation: 'absolute' }));
  assert.deepEqual(
    m.columns.map((c) => c.key),
    [
      'value:geb:2024',
      'deviation:geb:2024',
      'rank:geb:2024',
      'value:sgb2:2024',
      'deviation:sgb2:2024',
      'rank:sgb2:2024',
    ],
  );
  assert.equal(m.rows.length, 4);
  assert.deepEqual(
    m.references.map((r) => r.id),
    ['01056', '01'],
  );
  assert.deepEqual(m.base, { id: '01056', name: 'Kreis Pinneberg' });
  assert.equal(m.rows[0].trends.geb.length, 2);
});

test('years mode: one value column per year, deviation and rank for the last year only; no-rank drops rank', () => {
  const m = buildModel(input({ mode: 'years', indicators: [geburten], years: [2023, 2024], deviation: 'percent' }));
  assert.deepEqual(
    m.columns.map((c) => c.key),
    ['value:geb:2023', 'value:geb:2024', 'deviation:geb:2024', 'rank:geb:2024'],
  );
  const n = buildModel(input({ mode: 'years', indicators: [geburten], years: [2023, 2024], noRank: true }));
  assert.deepEqual(
    n.columns.map((c) => c.key),
    ['value:geb:2023', 'value:geb:2024'],
  );
});

test('no deviation columns without a reference region', () => {
  const m = buildModel(input({ deviation: 'absolute', references: [] }));
  assert.ok(m.columns.every((c) => c.kind !== 'deviation'));
  assert.equal(m.base, undefined);
});

test('deviation arithmetic: absolute and percent from the first reference, missing propagates', () => {
  const abs = buildModel(input({ deviation: 'absolute' }));
  const row = (m: typeof abs, id: string) => [...m.references, ...m.rows].find((r) => r.id === id)!;
  assert.deepEqual(row(abs, 'a').cells['deviation:geb:2024'], { value: 1, status: '', tone: 'neutral' }); // 9.4 - 8.4
  assert.equal(row(abs, 'c').cells['deviation:geb:2024'].value, -1.3); // 7.1 - 8.4, no float noise
  assert.deepEqual(row(abs, 'b').cells['deviation:geb:2024'], { value: null, status: '.', tone: 'neutral' });
  assert.deepEqual(row(abs, '01056').cells['deviation:geb:2024'], { value: 0, status: '', tone: 'neutral' });
  assert.equal(row(abs, '01').cells['deviation:geb:2024'].value, -0.2);
  // lower is better: a lower SGB-II-Quote than the Kreis is favourable
  assert.deepEqual(row(abs, 'a').cells['deviation:sgb2:2024'], { value: -1, status: '', tone: 'better' });
  assert.deepEqual(row(abs, 'b').cells['deviation:sgb2:2024'], { value: 1.7, status: '', tone: 'worse' });
  assert.equal(row(abs, 'c').cells['deviation:sgb2:2024'].status, '/');
  // '-' is a real zero
  assert.equal(row(abs, 'd').cells['deviation:sgb2:2024'].value, -6.3);

  const pct = buildModel(input({ deviation: 'percent' }));
  assert.equal(row(pct, 'a').cells['deviation:sgb2:2024'].value, Math.round(((5.3 - 6.3) / 6.3) * 100 * 1e9) / 1e9);
  assert.ok(Math.abs((row(pct, 'a').cells['deviation:geb:2024'].value as number) - 11.9047619) < 1e-6);
});

test('percent deviation from a zero base is not meaningful (x); a missing base gives the base symbol', () => {
  assert.deepEqual(deviation(num(3), num(0), 'percent', 'neutral'), { value: null, status: 'x', tone: 'neutral' });
  assert.deepEqual(deviation(num(3), num(0), 'absolute', 'higher-is-better'), { value: 3, status: '', tone: 'better' });
  assert.deepEqual(deviation(num(3), sym('/'), 'absolute', 'neutral'), { value: null, status: '/', tone: 'neutral' });
  assert.equal(deviation(num(-2), num(-4), 'percent', 'neutral').value, 50);
});

test('tone follows polarity', () => {
  assert.equal(toneOf(1, 'higher-is-better'), 'better');
  assert.equal(toneOf(-1, 'higher-is-better'), 'worse');
  assert.equal(toneOf(1, 'lower-is-better'), 'worse');
  assert.equal(toneOf(0, 'lower-is-better'), 'equal');
  assert.equal(toneOf(5, 'neutral'), 'neutral');
});

test('rank: 1 = highest, ties share a rank, missing values have none, references are not ranked', () => {
  const r = ranks([
    { id: 'a', cell: num(5) },
    { id: 'b', cell: num(7) },
    { id: 'c', cell: sym('.') },
    { id: 'd', cell: num(7) },
    { id: 'e', cell: num(1) },
  ]);
  assert.deepEqual(Object.fromEntries(r), { b: 1, d: 1, a: 3, e: 4 });
  const m = buildModel(input());
  const ranksOf = Object.fromEntries(m.rows.map((row) => [row.id, row.cells['rank:geb:2024']]));
  assert.deepEqual(ranksOf, { a: num(1), d: num(1), c: num(3), b: sym('.') });
  assert.equal(m.references[0].cells['rank:geb:2024'], undefined);
});

test('sorting by value: suppressed and other symbols sort last in both directions', () => {
  const m = buildModel(input());
  const ids = (key: string, dir: 'ascending' | 'descending') => sortRows(m.rows, key, dir).map((r) => r.id);
  // geb 2024: a 9.4, d 9.4, c 7.1 p, b '.'; ties by name (Appen < Elmshorn)
  assert.deepEqual(ids('value:geb:2024', 'descending'), ['d', 'a', 'c', 'b']);
  assert.deepEqual(ids('value:geb:2024', 'ascending'), ['c', 'd', 'a', 'b']);
  // sgb2 2024: a 5.3, b 8, c '/', d 0 ('-' is zero, not missing)
  assert.deepEqual(ids('value:sgb2:2024', 'ascending'), ['d', 'a', 'b', 'c']);
  assert.deepEqual(ids('value:sgb2:2024', 'descending'), ['b', 'a', 'd', 'c']);
  // rank: missing rank last both ways
  assert.deepEqual(ids('rank:geb:2024', 'ascending'), ['d', 'a', 'c', 'b']);
  assert.deepEqual(ids('rank:geb:2024', 'descending'), ['c', 'd', 'a', 'b']);
  // the input is not changed
  assert.deepEqual(
    m.rows.map((r) => r.id),
    ['a', 'b', 'c', 'd'],
  );
});

test('sorting by name uses the German collation (Ü next to U, not after Z)', () => {
  const m = buildModel(
    input({
      regions: [...regions, { id: 'e', name: 'Zarpen' }, { id: 'f', name: 'Uetersen-Ost' }],
      cell: () => num(1),
      trend: undefined,
    }),
  );
  assert.deepEqual(
    sortRows(m.rows, NAME_KEY, 'ascending').map((r) => r.name),
    ['Appen', 'Barmstedt', 'Elmshorn', 'Uetersen-Ost', 'Ütersen', 'Zarpen'],
  );
  assert.deepEqual(sortRows(m.rows, NAME_KEY, 'descending').map((r) => r.name)[0], 'Zarpen');
});

test('filter: case- and accent-insensitive name match, or key prefix; empty query keeps all', () => {
  const m = buildModel(input());
  assert.deepEqual(
    filterRows(m.rows, 'uter').map((r) => r.id),
    ['c'],
  );
  assert.deepEqual(
    filterRows(m.rows, ' ELM ').map((r) => r.id),
    ['a'],
  );
  assert.deepEqual(
    filterRows(m.rows, 'st').map((r) => r.id),
    ['b'],
  );
  assert.deepEqual(
    filterRows(m.rows, 'b').map((r) => r.id),
    ['b'],
  ); // key prefix
  assert.equal(filterRows(m.rows, '').length, 4);
  assert.equal(filterRows(m.rows, 'xyz').length, 0);
});

test('sparkline: scaled into the box, gaps break the line, isolated values become dots', () => {
  const g = sparkline(
    [
      { year: 2020, value: 1, status: '' },
      { year: 2021, value: 3, status: '' },
      { year: 2022, value: null, status: '.' },
      { year: 2023, value: 2, status: '' },
    ],
    62,
    18,
    2,
  )!;
  assert.equal(g.d, 'M2 16L21.3 2');
  assert.deepEqual(g.dots, [{ x: 62 - 2, y: 9 }]);
  assert.deepEqual(g.last, { x: 60, y: 9 });
  assert.equal(g.first!.value, 1);
  assert.equal(g.end!.year, 2023);
  assert.equal(sparkline([{ year: 2020, value: null, status: '.' }]), undefined);
  const flat = sparkline(
    [
      { year: 2020, value: 4, status: '' },
      { year: 2021, value: 4, status: '' },
    ],
    40,
    10,
    0,
  )!;
  assert.equal(flat.d, 'M0 5L40 5');
});

import { windowSlice } from '../../../../src/elements/comparison-table/windowing.js';

test('windowing: renders the visible rows plus overscan, spacers keep the full height', () => {
  // 1,112 rows of 30 px, a 480 px viewport scrolled to row 500
  const s = windowSlice(1112, 500 * 30, 480, 30, 8);
  assert.equal(s.start, 492);
  assert.equal(s.end, 500 + 17 + 8);
  assert.equal(s.before + (s.end - s.start) * 30 + s.after, 1112 * 30);
  assert.deepEqual(windowSlice(1112, 0, 480, 30, 8), { start: 0, end: 25, before: 0, after: (1112 - 25) * 30 });
  // scrolled past the end: the last rows, no negative spacer
  const last = windowSlice(100, 1e6, 300, 30, 4);
  assert.equal(last.end, 100);
  assert.ok(last.after === 0 && last.start < 100);
  assert.deepEqual(windowSlice(0, 0, 300, 30), { start: 0, end: 0, before: 0, after: 0 });
});

test('matchSelected: the row of the key, else of its nearest ancestor', async () => {
  const { matchSelected } = await import('../../../../src/elements/comparison-table/table-model.js');
  const parents: Record<string, string> = { '01056039': '010560039', '010560039': '01056', '01056001': '010565690' };
  const rows = new Set(['010560039', '010565690']);
  const m = (id: string) =>
    matchSelected(
      id,
      (x) => rows.has(x),
      (x) => parents[x],
    );
  assert.deepEqual(m('010560039'), { id: '010560039', via: false });
  assert.deepEqual(m('01056039'), { id: '010560039', via: true }); // the map's Pinneberg -> its amtsfreie row
  assert.deepEqual(m('01056001'), { id: '010565690', via: true }); // Appen -> its Amt
  assert.equal(m('01060002'), undefined);
  assert.equal(m(''), undefined);
});

test('intervals: a 95 %-KI column on demand, small counts flagged, ranks say when neighbours overlap', () => {
  const rate: IndicatorInfo = {
    id: 'r',
    label: 'Rate',
    unit: 'je 1.000',
    decimals: 1,
    polarity: 'neutral',
    minCount: 20,
  };
  // numerator / denominator: a 7 cases (small), b and c close with wide intervals, d far below
  const counts: Record<string, [number, number]> = { a: [7, 500], b: [400, 40000], c: [395, 40000], d: [100, 40000] };
  const iv = (n: number, d: number) => ({
    low: ((n - 2 * Math.sqrt(n)) / d) * 1000,
    high: ((n + 2 * Math.sqrt(n)) / d) * 1000,
  });
  const input: ModelInput = {
    mode: 'indicators',
    indicators: [rate],
    years: [2024],
    regions: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase() })),
    references: [],
    showInterval: true,
    cell: (_i, r) => ({ value: (counts[r][0] / counts[r][1]) * 1000, status: '' }),
    interval: (_i, r) => ({ ...iv(...counts[r]), small: counts[r][0] < 20 }),
  };
  const model = buildModel(input);
  assert.deepEqual(
    model.columns.map((c) => c.key),
    ['value:r:2024', 'interval:r:2024', 'rank:r:2024'],
  );
  const byId = Object.fromEntries(model.rows.map((r) => [r.id, r]));
  assert.equal(byId.a.cells['value:r:2024'].small, true);
  assert.equal(byId.b.cells['value:r:2024'].small, undefined);
  assert.deepEqual(byId.b.cells['interval:r:2024'].interval, iv(400, 40000));
  // ranks: a (14.0) 1, b (10.0) 2, c (9.9) 3, d (2.5) 4; b and c overlap, a's wide interval reaches b
  const rank = (id: string) =>
    byId[id].cells['rank:r:2024'] as { value: number; overlap?: boolean; range?: { best: number; worst: number } };
  assert.deepEqual([rank('a').value, rank('b').value, rank('c').value, rank('d').value], [1, 2, 3, 4]);
  assert.equal(rank('b').overlap, true);
  assert.equal(rank('c').overlap, true);
  assert.equal(rank('d').overlap, undefined);
  assert.deepEqual(rank('d').range, { best: 4, worst: 4 });
  assert.deepEqual(rank('c').range, { best: 1, worst: 3 }); // A's wide interval reaches below C's
  // without show-interval: no column, the flags stay
  const plain = buildModel({ ...input, showInterval: false });
  assert.deepEqual(
    plain.columns.map((c) => c.kind),
    ['value', 'rank'],
  );
  assert.equal(plain.rows[0].cells['value:r:2024'].small, true);
});

test('rankRanges: the same as rankRange against all others, for intervals, points and ties', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 10;
  const all: { low: number; high: number }[] = [];
  for (let i = 0; i < 300; i++) {
    const low = Math.round(random() * 2) / 2;
    all.push(i % 5 === 0 ? { low, high: low } : { low, high: low + Math.round(random()) / 2 });
  }
  const expected = all.map((own, i) => rankRange(own, [...all.slice(0, i), ...all.slice(i + 1)]));
  assert.deepEqual(rankRanges(all), expected);
  assert.deepEqual(rankRanges([]), []);
});
