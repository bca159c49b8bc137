import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Region } from '../../src/data/schema.js';
import {
  aggregateCounts,
  computeIndicator,
  ratioCell,
  roundTo,
  sumCells,
  type CountRow,
} from '../../src/data/aggregate.js';

// Land 01 -> Kreis 01001 (Gemeinden a, b directly) and Kreis 01002 (Amt with c, d; Gemeinde e directly).
const regions: Region[] = [
  { id: '01', name: 'Land', level: 'land', parent: null },
  { id: '01001', name: 'Kreis A', level: 'kreis', parent: '01' },
  { id: '01002', name: 'Kreis B', level: 'kreis', parent: '01' },
  { id: '010025001', name: 'Amt C', level: 'amt', parent: '01002' },
  { id: '01001001', name: 'a', level: 'gemeinde', parent: '01001' },
  { id: '01001002', name: 'b', level: 'gemeinde', parent: '01001' },
  { id: '01002001', name: 'c', level: 'gemeinde', parent: '010025001' },
  { id: '01002002', name: 'd', level: 'gemeinde', parent: '010025001' },
  { id: '01002003', name: 'e', level: 'gemeinde', parent: '01002' },
];

const row = (
  count: string,
  region: string,
  year: number,
  value: number | null,
  status: CountRow['status'] = '',
): CountRow => ({
  count,
  region,
  year,
  value,
  status,
});

// population and births; 2021: d's births secret, 2022: b's population provisional.
const rows: CountRow[] = [
  row('pop', '01001001', 2021, 1000),
  row('pop', '01001002', 2021, 3000),
  row('pop', '01002001', 2021, 200),
  row('pop', '01002002', 2021, 300),
  row('pop', '01002003', 2021, 500),
  row('pop', '01001001', 2022, 1100),
  row('pop', '01001002', 2022, 3000, 'p'),
  row('pop', '01002001', 2022, 250),
  row('pop', '01002002', 2022, 350),
  row('pop', '01002003', 2022, 400),
  row('births', '01001001', 2021, 9),
  row('births', '01001002', 2021, 30),
  row('births', '01002001', 2021, 0, '-'),
  row('births', '01002002', 2021, null, '.'),
  row('births', '01002003', 2021, 4),
  row('births', '01001001', 2022, 10),
  row('births', '01001002', 2022, 27),
  row('births', '01002001', 2022, 3),
  row('births', '01002002', 2022, 2),
  row('births', '01002003', 2022, 5),
];

test('counts of Amt, Kreis and Land are the sums of their parts', () => {
  const t = aggregateCounts(regions, rows);
  assert.deepEqual(t.years, [2021, 2022]);
  const pop = t.counts.get('pop')!;
  assert.deepEqual(pop.get('010025001'), [
    { value: 500, status: '' },
    { value: 600, status: '' },
  ]);
  assert.deepEqual(pop.get('01002'), [
    { value: 1000, status: '' },
    { value: 1000, status: '' },
  ]);
  assert.deepEqual(pop.get('01001'), [
    { value: 4000, status: '' },
    { value: 4100, status: 'p' },
  ]);
  assert.deepEqual(pop.get('01'), [
    { value: 5000, status: '' },
    { value: 5100, status: 'p' },
  ]);
});

test('a secret part makes every sum above it secret; "-" counts as zero', () => {
  const births = aggregateCounts(regions, rows).counts.get('births')!;
  assert.deepEqual(births.get('01002001')![0], { value: 0, status: '-' });
  assert.deepEqual(births.get('010025001')![0], { value: null, status: '.' });
  assert.deepEqual(births.get('01002')![0], { value: null, status: '.' });
  assert.deepEqual(births.get('01')![0], { value: null, status: '.' });
  assert.deepEqual(births.get('01001')![0], { value: 39, status: '' });
  assert.deepEqual(births.get('01')![1], { value: 47, status: '' });
});

test('a published total of a higher region is kept instead of the (secret) sum', () => {
  const published = [...rows, row('births', '01002', 2021, 7)];
  const births = aggregateCounts(regions, published).counts.get('births')!;
  assert.deepEqual(births.get('010025001')![0], { value: null, status: '.' }, 'the Amt is still unknown');
  assert.deepEqual(births.get('01002')![0], { value: 7, status: '' });
  assert.deepEqual(births.get('01')![0], { value: 46, status: '' }, '39 + 7');
});

test('sumCells: x parts are left out, ... wins over . and /, p over r', () => {
  assert.deepEqual(
    sumCells([
      { value: 5, status: '' },
      { value: null, status: 'x' },
    ]),
    { value: 5, status: '' },
  );
  assert.deepEqual(sumCells([{ value: null, status: 'x' }]), { value: null, status: 'x' });
  assert.deepEqual(
    sumCells([
      { value: null, status: '.' },
      { value: null, status: '...' },
    ]),
    { value: null, status: '...' },
  );
  assert.deepEqual(
    sumCells([
      { value: 1, status: 'r' },
      { value: 2, status: 'p' },
    ]),
    { value: 3, status: 'p' },
  );
  assert.deepEqual(
    sumCells([
      { value: 0, status: '-' },
      { value: 0, status: '-' },
    ]),
    { value: 0, status: '-' },
  );
});

test('ratios: numerator / denominator x factor, rounded; statuses propagate', () => {
  assert.deepEqual(ratioCell({ value: 39, status: '' }, { value: 4000, status: '' }, 1000, 1), {
    value: 9.8,
    status: '',
  });
  assert.deepEqual(ratioCell({ value: 1, status: '' }, { value: 3, status: 'p' }, 100, 2), {
    value: 33.33,
    status: 'p',
  });
  assert.deepEqual(ratioCell({ value: null, status: '.' }, { value: 3, status: '' }, 100, 1), {
    value: null,
    status: '.',
  });
  assert.deepEqual(ratioCell({ value: 0, status: '-' }, { value: 300, status: '' }, 1000, 1), {
    value: 0,
    status: '-',
  });
  assert.deepEqual(ratioCell({ value: 2, status: '' }, { value: 0, status: '-' }, 1000, 1), {
    value: null,
    status: 'x',
  });
  assert.equal(roundTo(1.005, 2), 1.01);
  assert.equal(roundTo(2.5, 0), 3);
});

test('computeIndicator: a ratio is computed from summed counts, never from averaged rates', () => {
  const t = aggregateCounts(regions, rows);
  const file = computeIndicator(regions, t, {
    id: 'birth-rate',
    decimals: 1,
    years: [2021, 2022],
    levels: ['land', 'kreis', 'gemeinde'],
    computation: { type: 'ratio', numerator: 'births', denominator: 'pop', factor: 1000 },
  });
  assert.deepEqual(file.regions, ['01', '01001', '01002', '01001001', '01001002', '01002001', '01002002', '01002003']);
  // Kreis A 2021: (9 + 30) / (1000 + 3000) x 1000 = 9.75 -> 9.8 (the mean of 9.0 and 10.0 would be 9.5).
  assert.deepEqual(file.values[1], [9.8, 9]);
  // Kreis A 2022: 37 / 4100 x 1000 = 9.024... -> 9.0, provisional because b's population is.
  assert.deepEqual(file.status!['01001'], ['', 'p']);
  // Land 2021 secret (d), 2022: 47 / 5100 x 1000 = 9.215... -> 9.2
  assert.deepEqual(file.values[0], [null, 9.2]);
  assert.deepEqual(file.status!['01'], ['.', 'p']);
  assert.deepEqual(file.values[5], [0, 12]);
  assert.deepEqual(file.status!['01002001'], ['-', '']);
  assert.deepEqual(file.values[6], [null, 5.7]);
  assert.deepEqual(file.numerator![1], [39, 37]);
  assert.deepEqual(file.denominator![1], [4000, 4100]);
  assert.equal(file.status!['01002003'], undefined, 'sparse: no entry for plain numbers');
});

test('count indicators and unknown input', () => {
  const t = aggregateCounts(regions, rows);
  const file = computeIndicator(regions, t, {
    id: 'pop',
    decimals: 0,
    years: [2022],
    levels: ['kreis'],
    computation: { type: 'count', count: 'pop' },
  });
  assert.deepEqual(file.values, [[4100], [1000]]);
  assert.equal(file.numerator, undefined);
  assert.throws(() => aggregateCounts(regions, [row('pop', '09999', 2021, 1)]), /unknown region/);
  assert.throws(() => aggregateCounts(regions, [row('pop', '01', 2021, 1), row('pop', '01', 2021, 2)]), /duplicate/);
  // A Gemeinde without a row is not covered (no value, no symbol; never "." secret), and so is its sum.
  const partial = aggregateCounts(
    regions,
    rows.filter((r) => !(r.region === '01002003' && r.count === 'pop')),
  );
  assert.deepEqual(partial.counts.get('pop')!.get('01002003')![0], { value: null, status: '' });
  assert.deepEqual(partial.counts.get('pop')!.get('01002')![0], { value: null, status: '' });
});
