// The demo's official endpoint, rebuilt from the committed Regionalstatistik tables
// (demo/source/official/tables) with fokus-data, against the figures the tables publish.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOfficialEndpoint } from '../../scripts/build-demo-data.js';
import { validateEndpoint, formatReport } from '../../src/tools/validate-endpoint.js';
import type { Catalog, IndicatorFile } from '../../src/data/schema.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TABLES = path.join(ROOT, 'demo/source/official/tables');
let dir: string;
let log: string[];
let catalog: Catalog;
const files = new Map<string, IndicatorFile>();

const indicator = (id: string) => {
  let f = files.get(id);
  if (!f) files.set(id, (f = JSON.parse(readFileSync(path.join(dir, 'indicators', `${id}.json`), 'utf8'))));
  return f!;
};
const cell = (id: string, region: string, year: number, matrix: 'values' | 'numerator' | 'denominator' = 'values') => {
  const f = indicator(id);
  const r = f.regions.indexOf(region);
  const y = f.years.indexOf(year);
  assert.ok(r >= 0 && y >= 0, `${id} has ${region} ${year}`);
  return f[matrix]![r][y];
};
const status = (id: string, region: string, year: number) =>
  indicator(id).status?.[region]?.[indicator(id).years.indexOf(year)] ?? '';

/**
 * The rows of a committed table, read plainly (not with the importer under test): key, the
 * period and the value of the first value column ("Insgesamt") per period.
 */
function tableRows(file: string): { key: string; year: number; value: string }[] {
  const lines = readFileSync(path.join(TABLES, file), 'utf8').split(/\r?\n/);
  const out: { key: string; year: number; value: string }[] = [];
  const header = lines.find((l) => /^;;(;)?(\d{2}\.\d{2}\.)?\d{4};/.test(l));
  if (header) {
    // Wide: ";;2015;2015;2015;2014;..." with Insgesamt, männlich, weiblich per year.
    const years = header.split(';').slice(2);
    for (const l of lines) {
      const c = l.split(';');
      if (!/^\d{2,8}$/.test(c[0])) continue;
      years.forEach((y, i) => {
        if (i % 3 === 0) out.push({ key: c[0], year: Number(y.slice(-4)), value: c[2 + i] });
      });
    }
  } else {
    // Long: "2015;01001000;Flensburg;1064;508;556".
    for (const l of lines) {
      const c = l.split(';');
      if (/^\d{4}$/.test(c[0]) && /^\d{2,8}$/.test(c[1])) out.push({ key: c[1], year: Number(c[0]), value: c[3] });
    }
  }
  return out;
}
const num = (v: string) => (v === '-' ? 0 : Number(v));

before(async () => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'fokus-official-')), 'official');
  log = await buildOfficialEndpoint(dir);
  catalog = JSON.parse(readFileSync(path.join(dir, 'catalog.json'), 'utf8'));
});
after(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

test('the official endpoint validates, states its Gebietsstand and is format 1.1', async () => {
  const report = await validateEndpoint(dir);
  assert.deepEqual(
    report.issues.filter((i) => i.severity === 'error'),
    [],
    formatReport(report),
  );
  assert.equal(catalog.format, 'fokus-catalog/1.1');
  assert.equal(catalog.gebietsstand, '2015-12-31');
  assert.equal(catalog.licence.id, 'dl-de/by-2-0');
  assert.match(catalog.attribution, /Statistische Ämter des Bundes und der Länder/);
  assert.equal(catalog.synthetic, undefined, 'official figures are not synthetic');
  for (const ind of catalog.indicators) assert.ok(ind.source && (ind.updated ?? catalog.updated), ind.id);
  assert.deepEqual(
    catalog.indicators.find((i) => i.id === 'bevoelkerung')!.breaks!.map((b) => b.year),
    [2011, 2024],
  );
});

test('Elmshorn 2015: 48,684 inhabitants, 466 live births, 9.57 per 1,000', () => {
  assert.equal(cell('bevoelkerung', '01056015', 2015), 48684);
  assert.equal(cell('geburtenrate', '01056015', 2015, 'numerator'), 466);
  assert.equal(cell('geburtenrate', '01056015', 2015, 'denominator'), 48684);
  assert.equal(cell('geburtenrate', '01056015', 2015), 9.57);
});

test('Kreis Pinneberg births 2015 are 2,687; the Land births 2008 are the sum over every Gemeinde of 2008', () => {
  assert.equal(cell('geburtenrate', '01056', 2015, 'numerator'), 2687);
  const births2008 = tableRows('12612-01-01-5-B_SH.csv')
    .filter((r) => r.year === 2008 && r.key.length === 8)
    .reduce((a, r) => a + num(r.value), 0);
  assert.equal(births2008, 22678);
  assert.equal(cell('geburtenrate', '01', 2008, 'numerator'), births2008);
  // Westerland (9,028 inhabitants in 2008) is part of Sylt, so Nordfriesland's rate is right.
  assert.equal(cell('bevoelkerung', '01054168', 2008), 9028 + 563 + 5734);
  assert.equal(cell('geburtenrate', '01054', 2008), 7.54);
  assert.equal(cell('geburtenrate', '01059', 2008), 7.69);
  assert.ok(log.some((l) => /Gebietsstand 2015-12-31: \d+ values of former Gemeinden/.test(l)));
});

test('every populated Gemeinde and kreisfreie Stadt has a 2015 birth rate', () => {
  const gemeinden = catalog.regions.filter((r) => r.level === 'gemeinde');
  let rated = 0;
  for (const g of gemeinden) {
    const den = cell('geburtenrate', g.id, 2015, 'denominator');
    if (den === 0) {
      assert.equal(status('geburtenrate', g.id, 2015), 'x', `${g.id} without inhabitants: not meaningful`);
      continue;
    }
    assert.equal(typeof cell('geburtenrate', g.id, 2015), 'number', `${g.id} ${g.name}`);
    rated++;
  }
  assert.equal(rated, 1106 + 4);
  for (const k of ['01001', '01002', '01003', '01004']) {
    assert.equal(cell('geburtenrate', k, 2015), cell('geburtenrate', `${k}000`, 2015), `kreisfreie Stadt ${k}`);
    assert.ok(log.some((l) => l.includes(`${k} and ${k}000 are one kreisfreie Stadt`)));
  }
});

test('Land and Kreis sums equal the tables sums for every year (births, deaths, population)', () => {
  const kreise = catalog.regions.filter((r) => r.level === 'kreis').map((r) => r.id);
  for (const [file, id, matrix] of [
    ['12612-01-01-5-B_SH.csv', 'geburtenrate', 'numerator'],
    ['12613-01-01-5-B_SH.csv', 'sterberate', 'numerator'],
  ] as const) {
    const rows = tableRows(file).filter((r) => r.key.length === 8);
    for (let year = 2008; year <= 2015; year++) {
      const sum = (prefix: string) =>
        rows.filter((r) => r.year === year && r.key.startsWith(prefix)).reduce((a, r) => a + num(r.value), 0);
      assert.equal(cell(id, '01', year, matrix), sum('01'), `${file} Land ${year}`);
      for (const k of kreise) assert.equal(cell(id, k, year, matrix), sum(k), `${file} ${k} ${year}`);
    }
  }
  // Population: the published Kreis and Land rows, which equal the sum of their Gemeinden (the
  // table keys the kreisfreie Städte 01001 ... 01004 only, as Kreise).
  const pop = tableRows('12411-01-01-5_SH.csv');
  const cities = ['01001', '01002', '01003', '01004'];
  for (let year = 2008; year <= 2015; year++) {
    for (const k of ['01', ...kreise]) {
      const published = pop.find((r) => r.year === year && r.key === k)!;
      assert.equal(cell('bevoelkerung', k, year), num(published.value), `${k} ${year}`);
      if (cities.includes(k)) {
        assert.equal(cell('bevoelkerung', `${k}000`, year), num(published.value), `${k}000 ${year}`);
        continue;
      }
      const parts = pop
        .filter((r) => r.year === year && r.key.startsWith(k) && (r.key.length === 8 || cities.includes(r.key)))
        .reduce((a, r) => a + num(r.value), 0);
      assert.equal(parts, num(published.value), `the table's own sum, ${k} ${year}`);
    }
  }
});

test('no value outside a table range is labelled secret; years a table lacks have no value and no symbol', () => {
  for (const ind of catalog.indicators) {
    const f = indicator(ind.id);
    for (const [region, symbols] of Object.entries(f.status ?? {}))
      assert.ok(!symbols.includes('.'), `${ind.id} ${region}: no "." (the tables have no secret cells)`);
  }
  // Elmshorn 1995-2007: the Gemeinde table starts in 2008.
  for (let year = 1995; year <= 2007; year++) {
    assert.equal(cell('bevoelkerung', '01056015', year), null);
    assert.equal(status('bevoelkerung', '01056015', year), '');
  }
  assert.equal(typeof cell('bevoelkerung', '01056', 1995), 'number', 'the Kreis table has 1995');
});

test('published rates are shown as published and never summed; sums of columns and of counts', () => {
  assert.equal(cell('motorisierungsgrad', '01', 1996), 513.1);
  assert.equal(cell('mindestsicherungsquote', '01', 2010), 8.9);
  assert.equal(cell('mindestsicherungsquote', '01056', 2010), 7.3);
  // A share published for Gemeinden only: the Kreis and Land get none (no sum of percentages).
  assert.equal(cell('siedlungsflaeche-anteil', '01056015', 2023), 71.5);
  assert.ok(!indicator('siedlungsflaeche-anteil').regions.includes('01056'));
  // Anteil 65+ = (65 bis unter 75 + 75 und mehr) / Einwohner; Elmshorn 2015: (4728 + 5015) / 48684.
  assert.equal(cell('anteil-65plus', '01056015', 2015, 'numerator'), 4728 + 5015);
  assert.equal(cell('anteil-65plus', '01056015', 2015), 20);
  // Unter 18 = five columns summed in the mapping.
  assert.equal(cell('anteil-unter-18', '01056015', 2015, 'numerator'), 1365 + 1335 + 1813 + 2387 + 1629);
  // Natural change = births minus deaths.
  assert.equal(cell('natuerlicher-saldo', '01056015', 2015), 466 - Number(deaths('01056015', 2015)));
  // Year labels as the source: vehicles on 01.01.2017 are 2017.
  assert.equal(indicator('pkw').years.at(-1), 2017);
});

function deaths(key: string, year: number): string {
  return tableRows('12613-01-01-5-B_SH.csv').find((r) => r.key === key && r.year === year)!.value;
}
