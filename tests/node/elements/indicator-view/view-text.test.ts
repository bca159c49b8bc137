import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Catalog } from '../../../../src/data/schema.js';
import { indicatorById } from '../../../../src/data/model.js';
import {
  regionsPhrase,
  viewNotes,
  viewTitle,
  type TitleInput,
} from '../../../../src/elements/indicator-view/view-text.js';

const catalog = JSON.parse(readFileSync('demo-dist/data/catalog.json', 'utf8')) as Catalog;
const base = (id: string, o: Partial<TitleInput> = {}): TitleInput => ({
  catalog,
  indicator: indicatorById(catalog, id)!,
  lang: 'de',
  tab: 'map',
  type: 'bar',
  level: 'gemeinde',
  parent: '01056',
  region: '',
  latestYear: 2024,
  ...o,
});

test('title of the map, table and bar chart: indicator, year (given or the latest), regions', () => {
  assert.equal(viewTitle(base('geburtenrate')), 'Geburtenrate 2024: Gemeinden im Kreis Pinneberg');
  assert.equal(
    viewTitle(base('geburtenrate', { tab: 'table', year: 2019 })),
    'Geburtenrate 2019: Gemeinden im Kreis Pinneberg',
  );
  assert.equal(
    viewTitle(base('geburtenrate', { tab: 'chart', lang: 'en' })),
    'Birth rate 2024: municipalities in Kreis Pinneberg',
  );
  assert.equal(viewTitle(base('geburtenrate', { latestYear: undefined })), 'Geburtenrate', 'no year known: the label');
  assert.equal(viewTitle(base('geburtenrate', { level: 'kreis', parent: '' })), 'Geburtenrate 2024: Kreise');
  assert.equal(regionsPhrase(catalog, 'stadtteil', '01056015', 'de'), 'Stadtteile (erfunden) in Elmshorn');
});

test('title of a line chart: its regions and years', () => {
  const line = { tab: 'chart' as const, type: 'line' };
  assert.equal(viewTitle(base('geburtenrate', { ...line, region: '01056015' })), 'Geburtenrate in Elmshorn, 2010–2024');
  assert.equal(
    viewTitle(base('geburtenrate', { ...line, region: '01056015,01056039', from: 2015, to: 2020 })),
    'Geburtenrate in Elmshorn und Pinneberg, 2015–2020',
  );
  assert.equal(viewTitle(base('geburtenrate', { ...line })), 'Geburtenrate', 'no region: the label');
});

test('a pooled indicator: the years of its window, its period named once', () => {
  assert.equal(
    viewTitle(base('geburtenrate-3j', { level: 'stadtteil', parent: '01056015' })),
    'Geburtenrate (3-Jahres-Mittel) 2022–2024: Stadtteile (erfunden) in Elmshorn',
  );
  const unnamed = { ...indicatorById(catalog, 'geburtenrate-3j')!, label: { de: 'Geburtenrate' } };
  assert.equal(
    viewTitle({ ...base('geburtenrate-3j'), indicator: unnamed }),
    'Geburtenrate 2022–2024 (3-Jahres-Mittel): Gemeinden im Kreis Pinneberg',
  );
  assert.equal(
    viewTitle(base('geburtenrate-3j', { tab: 'chart', type: 'line', region: '01056015' })),
    'Geburtenrate (3-Jahres-Mittel) in Elmshorn, 2010–2024',
  );
});

test('notes: the break in the series except under a line chart (it names it), the period of pooled values', () => {
  const rate = indicatorById(catalog, 'geburtenrate')!;
  assert.equal(viewNotes(rate, 'map', 'bar', 'de').length, 1);
  assert.match(viewNotes(rate, 'chart', 'bar', 'de')[0], /^Zeitreihenbruch ab 2011: Zensus 2011/);
  assert.deepEqual(viewNotes(rate, 'chart', 'line', 'de'), []);
  assert.deepEqual(viewNotes(indicatorById(catalog, 'geburtenrate-3j')!, 'chart', 'line', 'en'), [
    'Values as 3-year average',
  ]);
});
