// The client's hand-written shape checks (src/data/check.ts) against the Valibot schemas
// (src/data/schema.ts): on every mutation of every field of a catalog and an indicator file
// that use every optional field, both must agree (a check that accepted what the schema
// refuses would let bad input through as data; one that refused valid input would load
// Valibot on every page). Then every file of a freshly built demo endpoint passes both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as v from 'valibot';
import { Catalog, IndicatorFile } from '../../src/data/schema.js';
import { catalogIssues, indicatorFileIssues, isCatalog, isIndicatorFile } from '../../src/data/check.js';
import { buildDemoEndpoint } from '../../scripts/build-demo-data.js';
import { catalogJson, indicatorJson } from '../browser/data/fixtures.js';

type Json = unknown;

/** A catalog with every optional field of the format set (format 1.2). */
function fullCatalog(): Record<string, Json> {
  const c = catalogJson() as unknown as Record<string, Json> & { [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  c.format = 'fokus-catalog/1.2';
  c.synthetic = false;
  c.notice = { de: 'Hinweis', en: 'Note' };
  c.gebietsstand = '2024-12-31';
  c.licence.url = 'https://www.govdata.de/dl-de/by-2-0';
  c.levels[0].plural = { de: 'Länder', en: 'States' };
  c.regions.push({ id: '01056015-03', name: 'Elmshorn-Mitte', level: 'gemeinde', parent: '01060' });
  const [first, second] = c.indicators;
  Object.assign(first, {
    shortLabel: { de: 'Geburten' },
    licence: { id: 'x', name: 'X', url: 'https://example.org' },
    updated: '2025-01-15',
    breaks: [{ year: 2022, note: { de: 'Zensus' } }],
    file: 'indicators/geburtenrate.json',
    minCount: 20,
    period: { de: '3-Jahres-Mittel' },
  });
  first.computation = { ...first.computation, window: 3 };
  second.computation = { type: 'count', count: 'a+b', published: true };
  c.partitions = { level: 'kreis', parents: ['01056', '01060'], file: 'indicators/{parent}/{indicator}.json' };
  return c;
}

/** Values put in place of every field and array element (and deletion). */
const BAD: Json[] = [
  undefined,
  null,
  true,
  false,
  0,
  -1,
  1.5,
  7,
  11,
  1800,
  2024,
  2300,
  '',
  'x',
  'X',
  'a b',
  '-a',
  '0105x',
  '01056',
  '1',
  'a'.repeat(41),
  '01056015-03',
  '2024-13-01',
  '2024-02-30',
  '2024-02-3',
  'p',
  '.',
  'q',
  'count',
  'ratio',
  'fokus-catalog/1.3',
  'fokus-indicator/2',
  '{parent}',
  '{parent}/{indicator}',
  [],
  [null],
  ['x'],
  [2021],
  {},
  { de: '' },
  { de: 'x' },
];

/** Every (container, key) of a JSON document, depth first. */
function* slots(doc: Json, trail: (string | number)[] = []): Generator<(string | number)[]> {
  if (Array.isArray(doc)) {
    for (let i = 0; i < doc.length; i++) {
      yield [...trail, i];
      yield* slots(doc[i], [...trail, i]);
    }
  } else if (doc && typeof doc === 'object') {
    for (const key of Object.keys(doc)) {
      yield [...trail, key];
      yield* slots((doc as Record<string, Json>)[key], [...trail, key]);
    }
  }
}

function mutated(doc: Json, trail: (string | number)[], value: Json): Json {
  const copy = structuredClone(doc) as Record<string | number, Json>;
  let at = copy;
  for (const key of trail.slice(0, -1)) at = at[key] as Record<string | number, Json>;
  const last = trail[trail.length - 1];
  if (value === undefined && !Array.isArray(at)) delete at[last];
  else at[last] = value;
  return copy;
}

function agree(name: string, doc: Json, schema: v.GenericSchema, check: (json: unknown) => boolean): number {
  assert.equal(v.safeParse(schema, doc).success, true, `${name}: the base document is valid`);
  assert.equal(check(doc), true, `${name}: the check accepts the base document`);
  let refused = 0;
  for (const trail of slots(doc)) {
    for (const value of BAD) {
      const bad = mutated(doc, trail, value);
      const valibot = v.safeParse(schema, bad).success;
      if (!valibot) refused++;
      assert.equal(
        check(bad),
        valibot,
        `${name} ${trail.join('.')} = ${JSON.stringify(value)}: Valibot says ${valibot}`,
      );
    }
  }
  return refused;
}

test('the catalog check agrees with the Valibot schema on every mutation of every field', () => {
  const refused = agree('catalog', fullCatalog(), Catalog, isCatalog);
  assert.ok(refused > 1000, `mutations refused: ${refused}`);
  // Formats 1.0 and 1.1 still pass.
  for (const format of ['fokus-catalog/1', 'fokus-catalog/1.1']) assert.ok(isCatalog({ ...catalogJson(), format }));
});

test('the indicator file check agrees with the Valibot schema on every mutation of every field', () => {
  const file = { ...indicatorJson(), status: { ...indicatorJson().status, '01056': ['()', 'r', 's'] } };
  const refused = agree('indicator', file, IndicatorFile, isIndicatorFile);
  assert.ok(refused > 300, `mutations refused: ${refused}`);
  // Non-numbers inside the big matrices.
  for (const cell of ['1', true, {}, [], undefined]) {
    const bad = structuredClone(file) as { values: Json[][]; numerator: Json[][] };
    bad.numerator[3][2] = cell;
    assert.equal(isIndicatorFile(bad), false, `numerator cell ${JSON.stringify(cell)}`);
  }
});

let dir: string;
before(() => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'fokus-check-')), 'demo');
  buildDemoEndpoint(dir);
});
after(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

function jsonFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const full = path.join(root, name);
    if (statSync(full).isDirectory()) return jsonFiles(full);
    return name.endsWith('.json') ? [full] : [];
  });
}

test('every file of the demo endpoint passes the check and the schema, and is consistent', () => {
  const catalog = JSON.parse(readFileSync(path.join(dir, 'catalog.json'), 'utf8'));
  assert.ok(isCatalog(catalog) && v.safeParse(Catalog, catalog).success);
  assert.deepEqual(catalogIssues(catalog), []);
  const files = jsonFiles(path.join(dir, 'indicators'));
  assert.ok(files.length > 100, `${files.length} indicator files (whole and partitions)`);
  for (const file of files) {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    assert.ok(isIndicatorFile(json), file);
    assert.ok(v.safeParse(IndicatorFile, json).success, file);
    assert.deepEqual(indicatorFileIssues(json, catalog, json.indicator), [], file);
  }
});
