import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Catalog } from '../../../../src/data/schema.js';
import {
  flatten,
  fold,
  matchScore,
  regionGroups,
  searchGroups,
} from '../../../../src/elements/region-picker/region-search.js';

// The built demo endpoint: real names and keys of Schleswig-Holstein.
const catalog = JSON.parse(readFileSync('demo-dist/data/catalog.json', 'utf8')) as Catalog;
const labels = { top: 'Kreis und Land', free: 'Amtsfreie Städte und Gemeinden' };

test('the 49 Gemeinden of Kreis Pinneberg, grouped: amtsfreie first, then the five Ämter by name', () => {
  const groups = regionGroups(catalog, { level: 'gemeinde', parent: '01056', include: ['01056', '01'] }, labels);
  assert.equal(groups[0].label, 'Kreis und Land');
  assert.deepEqual(
    groups[0].options.map((o) => o.id),
    ['01056', '01'],
  );
  assert.equal(groups[1].label, 'Amtsfreie Städte und Gemeinden');
  assert.ok(groups[1].options.some((o) => o.name === 'Elmshorn'));
  assert.deepEqual(
    groups.slice(2).map((g) => g.label),
    ['Amt Elmshorn-Land', 'Amt Geest und Marsch Südholstein', 'Amt Hörnerkirchen', 'Amt Pinnau', 'Amt Rantzau'],
  );
  assert.equal(flatten(groups.slice(1)).length, 49);
  // sorted by name inside a group
  const names = groups[1].options.map((o) => o.name);
  assert.deepEqual(
    names,
    [...names].sort((a, b) => a.localeCompare(b, 'de')),
  );
});

test('all 1,112 Gemeinden of the Land are grouped by Kreis', () => {
  const groups = regionGroups(catalog, { level: 'gemeinde' }, labels);
  assert.equal(flatten(groups).length, 1112);
  assert.equal(groups.length, 15);
  assert.ok(groups.some((g) => g.label.includes('Pinneberg')));
});

test('search: case, umlauts with and without dots, ß, word starts first, keys, group names', () => {
  assert.equal(fold('Mölln'), 'molln');
  assert.equal(fold('Großenaspe'), 'grossenaspe');
  assert.equal(matchScore('Mölln', 'moelln'), 3);
  assert.equal(matchScore('Mölln', 'molln'), 3);
  assert.equal(matchScore('Bad Segeberg', 'seg'), 2);
  assert.equal(matchScore('Elmshorn', 'horn'), 1);
  assert.equal(matchScore('Elmshorn', 'xyz'), 0);

  const groups = regionGroups(catalog, { level: 'gemeinde', parent: '01056' }, labels);
  const hits = (q: string) => flatten(searchGroups(groups, q)).map((o) => o.name);
  const amt = groups.find((g) => g.label === 'Amt Elmshorn-Land')!.options.map((o) => o.name);
  assert.deepEqual(hits('elms'), ['Elmshorn', ...amt], 'the town first, then the Amt named like it');
  assert.equal(hits('elms')[0], 'Elmshorn');
  assert.ok(hits('HORNERKIRCHEN').length >= 3, 'the Amt name keeps all its Gemeinden');
  assert.deepEqual(hits('01056015'), ['Elmshorn']);
  assert.ok(hits('uetersen').includes('Uetersen'));
  assert.deepEqual(hits('zzz'), []);
  assert.equal(flatten(searchGroups(groups, '  ')).length, 49);
});
