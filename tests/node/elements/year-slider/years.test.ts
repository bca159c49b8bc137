import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Catalog } from '../../../../src/data/schema.js';
import { nearestYear, nextYear, yearsOf } from '../../../../src/elements/year-slider/years.js';
import { indicatorGroups } from '../../../../src/elements/indicator-picker/indicator-options.js';

const catalog = JSON.parse(readFileSync('demo-dist/data/catalog.json', 'utf8')) as Catalog;

test('years of an indicator, cut to from/to; unknown indicator gives none', () => {
  assert.deepEqual(yearsOf(catalog, 'geburtenrate', 2020), [2020, 2021, 2022, 2023, 2024]);
  assert.deepEqual(yearsOf(catalog, 'geburtenrate', 2012, 2013), [2012, 2013]);
  assert.equal(yearsOf(catalog, '').length, 15);
  assert.deepEqual(yearsOf(catalog, 'nope'), []);
});

test('nearest and next year (gaps in the years are allowed)', () => {
  const years = [2010, 2012, 2015];
  assert.equal(nearestYear(years, undefined), 2015);
  assert.equal(nearestYear(years, 2011), 2012, 'a tie goes to the later year');
  assert.equal(nearestYear(years, 2030), 2015);
  assert.equal(nearestYear([], 2020), undefined);
  assert.equal(nextYear(years, 2012), 2015);
  assert.equal(nextYear(years, 2015), undefined);
  assert.equal(nextYear(years, 2011), undefined);
});

test('indicator groups follow the catalog topics, filtered by topics or ids', () => {
  const all = indicatorGroups(catalog, 'de');
  assert.deepEqual(
    all.map((g) => g.label),
    ['Bevölkerung', 'Familie und Geburten', 'Alter', 'Mobilität', 'Soziales und Arbeit'],
  );
  assert.equal(
    all.reduce((n, g) => n + g.indicators.length, 0),
    12, // 11 yearly, and the birth rate as 3-Jahres-Mittel
  );
  assert.deepEqual(
    indicatorGroups(catalog, 'en', { topics: 'alter' }).map((g) => g.label),
    ['Age'],
  );
  const only = indicatorGroups(catalog, 'de', { only: 'sgb2-quote, geburtenrate' });
  assert.deepEqual(
    only.map((g) => g.indicators.map((i) => i.id)),
    [['geburtenrate'], ['sgb2-quote']],
  );
});
