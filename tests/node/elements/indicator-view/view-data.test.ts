import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Catalog } from '../../../../src/data/schema.js';
import { previewView, type ViewData } from '../../../../src/elements/indicator-view/view-data.js';

const catalog = JSON.parse(readFileSync('demo-dist/data/catalog.json', 'utf8')) as Catalog;

test("while loading: the view from the catalog alone, the latest year a guess (the last one known, else the catalog's)", () => {
  assert.equal(previewView(undefined, 'geburtenrate', 'de', undefined), undefined, 'before the catalog');
  assert.equal(previewView(catalog, 'gibt-es-nicht', 'de', undefined), undefined, 'unknown: the loader names it');
  const first = previewView(catalog, ' sterberate ', 'en', undefined)!;
  assert.equal(first.indicator.id, 'sterberate');
  assert.equal(first.lang, 'en');
  assert.equal(first.latestYear, first.indicator.years[first.indicator.years.length - 1]);
  const loaded: ViewData = { ...first, latestYear: 2023 };
  assert.equal(previewView(catalog, 'sterberate', 'en', loaded)!.latestYear, 2023, 'the same indicator again');
  const other = previewView(catalog, 'geburtenrate', 'de', loaded)!;
  assert.equal(other.latestYear, other.indicator.years[other.indicator.years.length - 1], 'another indicator');
});
