import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Catalog, IndicatorFile } from '../../../../src/data/schema.js';
import { IndicatorData, indicatorById, regionById } from '../../../../src/data/model.js';
import {
  kreisOf,
  peersOf,
  placeAmong,
  placeOf,
  profileIndicators,
} from '../../../../src/elements/region-profile/profile-model.js';

const catalog = JSON.parse(readFileSync('demo-dist/data/catalog.json', 'utf8')) as Catalog;

test('profile indicators: the given list without unknown ids, else the defaults', () => {
  assert.deepEqual(profileIndicators(catalog, 'geburtenrate, gibtsnicht ,sgb2-quote'), ['geburtenrate', 'sgb2-quote']);
  assert.equal(profileIndicators(catalog, '').length, 7);
});

test('peers: the Gemeinden of the Kreis (also those in an Amt); Kreise for a Kreis', () => {
  const bevern = regionById(catalog, '01056003')!;
  assert.equal(kreisOf(catalog, bevern)?.id, '01056');
  assert.equal(peersOf(catalog, bevern).length, 49);
  assert.equal(peersOf(catalog, regionById(catalog, '01056')!).length, 15);
});

test('place: highest value is rank 1, ties share a rank, missing values do not count', () => {
  const file: IndicatorFile = {
    format: 'fokus-indicator/1',
    indicator: 'geburtenrate',
    years: [2024],
    regions: ['a1', 'a2', 'a3', 'a4', 'a5'],
    values: [[9], [7], [9], [null], [5]],
    status: { a4: ['.'] },
  };
  const data = new IndicatorData(file, indicatorById(catalog, 'geburtenrate')!);
  const peers = ['a1', 'a2', 'a3', 'a4', 'a5'];
  assert.deepEqual(placeAmong(data, 'a1', peers, 2024), { rank: 1, of: 4 });
  assert.deepEqual(placeAmong(data, 'a3', peers, 2024), { rank: 1, of: 4 });
  assert.deepEqual(placeAmong(data, 'a2', peers, 2024), { rank: 3, of: 4 });
  assert.deepEqual(placeAmong(data, 'a5', peers, 2024), { rank: 4, of: 4 });
  assert.equal(placeAmong(data, 'a4', peers, 2024), undefined);
});

test('place of a rate: its interval, the ranks it can plausibly take, and whether a neighbour overlaps it', () => {
  // births / inhabitants x 1,000: a1 rests on 7 births (wide interval), the others on many
  const file: IndicatorFile = {
    format: 'fokus-indicator/1',
    indicator: 'geburtenrate',
    years: [2024],
    regions: ['a1', 'a2', 'a3', 'a4'],
    values: [[23.3], [20], [10], [5]],
    numerator: [[7], [2000], [500], [100]],
    denominator: [[300], [100000], [50000], [20000]],
  };
  const data = new IndicatorData(file, indicatorById(catalog, 'geburtenrate')!);
  const peers = ['a1', 'a2', 'a3', 'a4'];
  const a1 = placeAmong(data, 'a1', peers, 2024)!;
  // Garwood: 7 events, 2.81 to 14.42, per 300 inhabitants x 1,000 (docs/insights.md: 9.4 to 48.1)
  assert.equal(a1.interval!.low.toFixed(1), '9.4');
  assert.equal(a1.interval!.high.toFixed(1), '48.1');
  // nothing surely above it; a2 (19.1-20.9) and a3 (9.1-10.9) possibly above its low of 9.4
  assert.deepEqual([a1.rank, a1.of, a1.range, a1.overlap], [1, 4, { best: 1, worst: 3 }, true]);
  const a2 = placeAmong(data, 'a2', peers, 2024)!;
  assert.deepEqual([a2.rank, a2.range, a2.overlap], [2, { best: 1, worst: 2 }, true]);
  // a3: a2 surely above, a1 possibly; neither neighbour (a2, a4) overlaps
  const a3 = placeAmong(data, 'a3', peers, 2024)!;
  assert.deepEqual([a3.rank, a3.range, a3.overlap], [3, { best: 2, worst: 3 }, false]);
  const a4 = placeAmong(data, 'a4', peers, 2024)!;
  assert.deepEqual([a4.rank, a4.range, a4.overlap], [4, { best: 4, worst: 4 }, false]);
});

test('peers below the Gemeinde: the Stadtteile of the same Gemeinde, placed in it', () => {
  const nord = regionById(catalog, '01056015-01')!;
  assert.equal(placeOf(catalog, nord)?.id, '01056015');
  const peers = peersOf(catalog, nord);
  assert.equal(peers.length, 8);
  assert.ok(peers.every((r) => r.parent === '01056015'));
  assert.equal(placeOf(catalog, regionById(catalog, '01056003')!)?.id, '01056');
  assert.equal(placeOf(catalog, regionById(catalog, '01056')!), undefined);
});
