import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Catalog, IndicatorFile } from '../../../../src/data/schema.js';
import { IndicatorData, indicatorById, regionById } from '../../../../src/data/model.js';
import {
  kreisOf,
  peersOf,
  placeAmong,
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
