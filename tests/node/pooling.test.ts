import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Indicator, Region } from '../../src/data/schema.js';
import { aggregateCounts, type CountRow } from '../../src/data/aggregate.js';
import { computeIndicatorFile, countYears, periodText, windowYears, withPeriod } from '../../src/data/pooling.js';
import { buildEndpoint } from '../../src/tools/build.js';
import { testMeta } from './fixtures/meta.js';

const regions: Region[] = [
  { id: '01', name: 'Land', level: 'land', parent: null },
  { id: '01001', name: 'Kreis A', level: 'kreis', parent: '01' },
  { id: '01001001', name: 'a', level: 'gemeinde', parent: '01001' },
  { id: '01001002', name: 'b', level: 'gemeinde', parent: '01001' },
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
// a: 300 inhabitants, 2, 5, 2, 4 births 2020-2023; b: 1,000 inhabitants, 10 births, 2022 secret.
const rows: CountRow[] = [2020, 2021, 2022, 2023].flatMap((y, i) => [
  row('pop', '01001001', y, 300),
  row('pop', '01001002', y, 1000),
  row('births', '01001001', y, [2, 5, 2, 4][i]),
  y === 2022 ? row('births', '01001002', y, null, '.') : row('births', '01001002', y, 10),
]);

const pooled: Indicator = {
  id: 'geburtenrate-3j',
  label: { de: 'Geburtenrate (3-Jahres-Mittel)' },
  unit: { de: 'je 1.000 Einwohner' },
  decimals: 1,
  description: { de: 'Lebendgeborene je 1.000 Einwohner, drei Jahre zusammen' },
  source: 'Test',
  topic: 'familie',
  polarity: 'neutral',
  years: [2022, 2023],
  levels: ['kreis', 'gemeinde'],
  computation: { type: 'ratio', numerator: 'births', denominator: 'pop', factor: 1000, window: 3 },
};

test('window years, count years and the period label', () => {
  assert.deepEqual(windowYears(pooled, 2023), [2021, 2022, 2023]);
  assert.deepEqual(countYears(pooled), [2020, 2021, 2022, 2023]);
  assert.deepEqual(withPeriod(pooled).period, { de: '3-Jahres-Mittel', en: '3-year average' });
  assert.deepEqual(withPeriod({ ...pooled, period: { de: 'Dreijahresmittel' } }).period, { de: 'Dreijahresmittel' });
  assert.equal(periodText(pooled, 2023), '2021–2023 (3-Jahres-Mittel)');
  assert.equal(periodText(pooled, 2023, 'en'), '2021–2023 (3-year average)');
  const yearly = { ...pooled, computation: { ...pooled.computation, window: undefined } };
  assert.equal(periodText(yearly, 2023), '2023');
  assert.equal(withPeriod(yearly).period, undefined);
});

test('3-year sums of numerator and denominator; a secret year makes its windows secret', () => {
  const table = aggregateCounts(regions, rows, countYears(pooled));
  const file = computeIndicatorFile(regions, table, pooled);
  const at = (id: string) => file.regions.indexOf(id);
  // a: (2 + 5 + 2) / 900 x 1000 = 10.0; (5 + 2 + 4) / 900 x 1000 = 12.2
  assert.deepEqual(file.values[at('01001001')], [10, 12.2]);
  assert.deepEqual(file.numerator![at('01001001')], [9, 11]);
  assert.deepEqual(file.denominator![at('01001001')], [900, 900]);
  // b's 2022 is secret: both windows contain it.
  assert.deepEqual(file.values[at('01001002')], [null, null]);
  assert.deepEqual(file.status!['01001002'], ['.', '.']);
  // The Kreis total is secret too (its part is): nothing is recovered from it.
  assert.deepEqual(file.status!['01001'], ['.', '.']);
});

test('a window across a break in series is marked as of limited validity', () => {
  const table = aggregateCounts(regions, rows, countYears(pooled));
  const broken = { ...pooled, breaks: [{ year: 2022, note: { de: 'Bruch' } }] };
  const file = computeIndicatorFile(regions, table, broken);
  assert.deepEqual(file.status!['01001001'], ['()', '()']);
  const later = computeIndicatorFile(regions, table, { ...pooled, breaks: [{ year: 2021, note: { de: 'Bruch' } }] });
  assert.deepEqual(later.status!['01001001'], ['()', ''], '2021-2023 starts at the break');
});

test('fokus-data build writes the pooled indicator with its period in the catalog', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'fokus-pool-'));
  try {
    const meta = testMeta([
      { id: 'land', label: { de: 'Land' } },
      { id: 'kreis', label: { de: 'Kreis' } },
      { id: 'gemeinde', label: { de: 'Gemeinde' } },
    ]);
    const yearly: Indicator = {
      ...pooled,
      id: 'geburtenrate',
      years: [2020, 2021, 2022, 2023],
      computation: { type: 'ratio', numerator: 'births', denominator: 'pop', factor: 1000 },
    };
    const result = buildEndpoint({
      meta,
      definitions: {
        topics: [{ id: 'familie', label: { de: 'Familie' } }],
        indicators: [yearly, pooled],
        breakdowns: [],
      },
      regions,
      counts: rows,
      geometry: [],
      outDir: path.join(out, 'endpoint'),
    });
    const entry = result.catalog.indicators.find((i) => i.id === 'geburtenrate-3j')!;
    assert.deepEqual(entry.period, { de: '3-Jahres-Mittel', en: '3-year average' });
    assert.equal(result.catalog.indicators.find((i) => i.id === 'geburtenrate')!.period, undefined);
    const file = JSON.parse(readFileSync(path.join(out, 'endpoint/indicators/geburtenrate-3j.json'), 'utf8'));
    assert.deepEqual(file.years, [2022, 2023]);
    assert.deepEqual(file.values[file.regions.indexOf('01001001')], [10, 12.2]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
