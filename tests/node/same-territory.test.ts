import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Catalog, Region } from '../../src/data/schema.js';
import { sameTerritory } from '../../src/data/same-territory.js';

const region = (id: string, level: string, parent: string | null, name = id): Region =>
  ({ id, name, level, parent, kind: level }) as Region;

// Kreis Pinneberg in small: an amtsfreie Stadt (one Gemeinde under its Amt-level unit), an Amt
// with two Gemeinden, Stadtteile under a Gemeinde, and a kreisfreie Stadt (Kreis = Gemeinde).
const catalog = {
  regions: [
    region('01', 'land', null),
    region('01056', 'kreis', '01'),
    region('010560039', 'amt', '01056', 'Pinneberg'),
    region('01056039', 'gemeinde', '010560039', 'Pinneberg'),
    region('010560015', 'amt', '01056', 'Elmshorn'),
    region('01056015', 'gemeinde', '010560015', 'Elmshorn'),
    region('01056015001', 'stadtteil', '01056015'),
    region('01056015002', 'stadtteil', '01056015'),
    region('010565690', 'amt', '01056', 'Amt Geest und Marsch'),
    region('01056001', 'gemeinde', '010565690', 'Appen'),
    region('01056027', 'gemeinde', '010565690', 'Holm'),
    region('01001', 'kreis', '01', 'Flensburg'),
    region('01001000', 'gemeinde', '01001', 'Flensburg'),
  ],
} as unknown as Catalog;

test('an amtsfreie Gemeinde is the same territory on the Gemeinde and the Amt level (both ways)', () => {
  assert.equal(sameTerritory(catalog, '010560039', 'gemeinde'), '01056039');
  assert.equal(sameTerritory(catalog, '01056039', 'amt'), '010560039');
  // with Stadtteile below the Gemeinde: still one Gemeinde under the Amt-level unit
  assert.equal(sameTerritory(catalog, '010560015', 'gemeinde'), '01056015');
  assert.equal(sameTerritory(catalog, '01056015', 'amt'), '010560015');
});

test('a region of the asked level is itself; a kreisfreie Stadt is Kreis and Gemeinde', () => {
  assert.equal(sameTerritory(catalog, '01056039', 'gemeinde'), '01056039');
  assert.equal(sameTerritory(catalog, '01001', 'gemeinde'), '01001000');
  assert.equal(sameTerritory(catalog, '01001000', 'kreis'), '01001');
});

test('no equivalent: a Gemeinde of a real Amt, an Amt of several Gemeinden, a Gemeinde with Stadtteile, a Kreis, an unknown key', () => {
  assert.equal(sameTerritory(catalog, '01056001', 'amt'), undefined);
  assert.equal(sameTerritory(catalog, '010565690', 'gemeinde'), undefined);
  assert.equal(sameTerritory(catalog, '01056015', 'stadtteil'), undefined);
  assert.equal(sameTerritory(catalog, '01056', 'gemeinde'), undefined);
  assert.equal(sameTerritory(catalog, '01056039', 'kreis'), undefined, 'the Kreis has other Ämter');
  assert.equal(sameTerritory(catalog, '99999', 'gemeinde'), undefined);
});
