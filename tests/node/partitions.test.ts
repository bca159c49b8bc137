import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as v from 'valibot';
import { Catalog, IndicatorFile } from '../../src/data/schema.js';
import { partitionRegions } from '../../src/data/model.js';
import { buildDemoEndpoint } from '../../scripts/build-demo-data.js';
import { errorCount, formatReport, validateEndpoint } from '../../src/tools/validate-endpoint.js';

let root: string;
let dir: string;
let catalog: Catalog;
const readJson = (rel: string) => JSON.parse(readFileSync(path.join(dir, rel), 'utf8'));

before(() => {
  root = mkdtempSync(path.join(tmpdir(), 'fokus-parts-'));
  dir = path.join(root, 'demo');
  buildDemoEndpoint(dir);
  catalog = v.parse(Catalog, readJson('catalog.json'));
});
after(() => rmSync(root, { recursive: true, force: true }));

test('the demo endpoint is format 1.2 with one partition per Kreis', () => {
  assert.equal(catalog.format, 'fokus-catalog/1.2');
  const kreise = catalog.regions.filter((r) => r.level === 'kreis').map((r) => r.id);
  assert.deepEqual(catalog.partitions, {
    level: 'kreis',
    parents: kreise,
    file: 'indicators/{parent}/{indicator}.json',
  });
});

test('a partition holds exactly its regions with the rows of the whole file', () => {
  for (const ind of catalog.indicators) {
    const whole = v.parse(IndicatorFile, readJson(`indicators/${ind.id}.json`));
    const part = v.parse(IndicatorFile, readJson(`indicators/01056/${ind.id}.json`));
    assert.deepEqual(
      part.regions,
      partitionRegions(catalog, '01056').map((r) => r.id),
    );
    const row = new Map(whole.regions.map((id, i) => [id, i]));
    part.regions.forEach((id, i) => {
      assert.deepEqual(part.values[i], whole.values[row.get(id)!], `${ind.id} ${id}`);
      assert.deepEqual(part.numerator?.[i], whole.numerator?.[row.get(id)!]);
      assert.deepEqual(part.status?.[id], whole.status?.[id]);
    });
  }
});

test('indicator data for one Kreis page: at most 10 KiB gzip per indicator (whole file for comparison)', () => {
  for (const ind of catalog.indicators) {
    const part = gzipSync(readFileSync(path.join(dir, `indicators/01056/${ind.id}.json`))).length;
    const whole = gzipSync(readFileSync(path.join(dir, `indicators/${ind.id}.json`))).length;
    assert.ok(part <= 10 * 1024, `${ind.id}: ${part} bytes gzip`);
    assert.ok(part < whole / 5, `${ind.id}: ${part} of ${whole}`);
  }
});

test('fokus-data validate checks the partitions and finds a changed one', async () => {
  const report = await validateEndpoint(dir);
  assert.equal(errorCount(report), 0, formatReport(report));
  assert.ok(!report.issues.some((i) => i.message.includes('not referenced')), formatReport(report));
  const { writeFileSync } = await import('node:fs');
  const file = path.join(dir, 'indicators/01056/bevoelkerung.json');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  json.values[0][0] = (json.values[0][0] ?? 0) + 1;
  writeFileSync(file, JSON.stringify(json));
  const broken = await validateEndpoint(dir);
  assert.ok(
    broken.issues.some((i) => i.file === 'indicators/01056/bevoelkerung.json' && /differ from/.test(i.message)),
    formatReport(broken),
  );
});

// --- the invented Stadtteile of Elmshorn (a level below the Gemeinde) -------------------------

test('the invented Stadtteile: level, keys, parent, geometry imported from GeoJSON by its id property', () => {
  const level = catalog.levels.find((l) => l.id === 'stadtteil');
  assert.match(level?.label.de ?? '', /erfunden/);
  const parts = catalog.regions.filter((r) => r.level === 'stadtteil');
  assert.equal(parts.length, 8);
  for (const r of parts) {
    assert.equal(r.parent, '01056015');
    assert.match(r.id, /^01056015-0\d$/);
    assert.match(r.name, /\(erfunden\)/);
  }
  const entry = catalog.geometry.find((g) => g.level === 'stadtteil');
  assert.deepEqual(entry?.parent, '01056015');
  const topo = readJson(entry!.file);
  const ids = topo.objects.regions.geometries.map((g: { id: string }) => g.id).sort();
  assert.deepEqual(
    ids,
    parts.map((r) => r.id),
  );
});

test('the Stadtteile add up exactly to Elmshorn, in every count, year and indicator', () => {
  const parts = catalog.regions.filter((r) => r.parent === '01056015').map((r) => r.id);
  let checked = 0;
  for (const ind of catalog.indicators) {
    const f = v.parse(IndicatorFile, readJson(`indicators/${ind.id}.json`));
    const row = (id: string) => f.regions.indexOf(id);
    const town = row('01056015');
    assert.ok(
      parts.every((id) => row(id) >= 0),
      `${ind.id}: every Stadtteil has a row`,
    );
    const matrices = ind.computation.type === 'count' ? [f.values] : [f.numerator!, f.denominator!];
    for (const m of matrices) {
      f.years.forEach((year, y) => {
        const own = m[town][y];
        const cells = parts.map((id) => m[row(id)][y]);
        if (own === null)
          return assert.ok(
            cells.every((c) => c === null),
            `${ind.id} ${year}: missing stays missing`,
          );
        assert.equal(
          cells.reduce((a: number, b) => a + (b ?? NaN), 0),
          own,
          `${ind.id} ${year}`,
        );
        checked++;
      });
    }
  }
  assert.ok(checked > 100, `${checked} sums`);
});

test('the committed Stadtteile are what scripts/make-elmshorn-districts.ts generates', async () => {
  const { makeDistricts } = await import('../../scripts/make-elmshorn-districts.js');
  const { geo, regions } = makeDistricts();
  const root = path.resolve(import.meta.dirname, '../..');
  assert.equal(geo, readFileSync(path.join(root, 'demo/source/stadtteile/elmshorn.geo.json'), 'utf8'));
  assert.equal(regions, readFileSync(path.join(root, 'demo/source/stadtteile/regions.json'), 'utf8'));
});
