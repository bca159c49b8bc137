import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as v from 'valibot';
import { Catalog, IndicatorFile, type Region } from '../../src/data/schema.js';
import { buildDemoEndpoint } from '../../scripts/build-demo-data.js';

let dir: string;
let dir2: string;
let catalog: Catalog;
const byId = new Map<string, Region>();

const readJson = (rel: string, base = dir) => JSON.parse(readFileSync(path.join(base, rel), 'utf8'));
const indicator = (id: string) => v.parse(IndicatorFile, readJson(`indicators/${id}.json`));

/** True when `ancestor` is on the parent chain of `id`. */
function below(id: string, ancestor: string): boolean {
  for (let p = byId.get(id)?.parent; p != null; p = byId.get(p)?.parent ?? null) if (p === ancestor) return true;
  return false;
}
const gemeindenBelow = (id: string) => catalog.regions.filter((r) => r.level === 'gemeinde' && below(r.id, id));

before(() => {
  const root = mkdtempSync(path.join(tmpdir(), 'fokus-demo-'));
  dir = path.join(root, 'a');
  dir2 = path.join(root, 'b');
  buildDemoEndpoint(dir);
  catalog = v.parse(Catalog, readJson('catalog.json'));
  for (const r of catalog.regions) byId.set(r.id, r);
});

after(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

test('the catalog validates, is marked synthetic and carries the BKG note', () => {
  assert.equal(catalog.synthetic, true);
  assert.match(catalog.notice!.de, /[Ss]ynthetisch/);
  assert.match(catalog.notice!.en!, /not official/);
  assert.match(catalog.attribution, /© GeoBasis-DE \/ BKG 2016 \(Daten verändert\)/);
  assert.equal(catalog.updated, '2025-06-30');
  assert.ok(catalog.indicators.length >= 10);
  assert.ok(new Set(catalog.indicators.map((i) => i.topic)).size >= 4);
  assert.deepEqual(catalog.breakdowns?.[0]?.indicators, ['anteil-unter-18', 'anteil-18-64', 'anteil-65plus']);
});

test('regions: 15 Kreise, 5 Ämter + 13 amtsfreie and 49 Gemeinden in Kreis Pinneberg', () => {
  assert.equal(catalog.regions.filter((r) => r.level === 'kreis' && r.parent === '01').length, 15);
  const amt = catalog.regions.filter((r) => r.level === 'amt' && r.parent === '01056');
  assert.equal(amt.filter((r) => r.kind === 'Amt').length, 5);
  assert.equal(amt.filter((r) => r.kind !== 'Amt').length, 13);
  assert.deepEqual(
    amt
      .filter((r) => r.kind === 'Amt')
      .map((r) => r.id.slice(5))
      .sort(),
    ['5616', '5636', '5660', '5687', '5690'],
  );
  const pi = gemeindenBelow('01056');
  assert.equal(pi.length, 49);
  assert.ok(pi.every((g) => g.id.startsWith('01056') && g.id.length === 8));
  assert.equal(byId.get('01056015')?.name, 'Elmshorn');
  assert.equal(byId.get('01056015')?.parent, '010560015');
  assert.equal(byId.get('01056025')?.name, 'Helgoland');
  assert.equal(byId.get('01056020')?.name, 'Haseldorf');
  assert.equal(byId.get('01056020')?.parent, '010565690', 'Amt Haseldorf (2016) is now Geest und Marsch Südholstein');
  assert.equal(byId.get('010565690')?.name, 'Amt Geest und Marsch Südholstein');
  assert.equal(byId.get('01056')?.name, 'Kreis Pinneberg');
  assert.equal(gemeindenBelow('01').length, 1112);
});

test('sizes are plausible', () => {
  const pop = indicator('bevoelkerung');
  const at = (id: string, year: number) => pop.values[pop.regions.indexOf(id)]![pop.years.indexOf(year)]!;
  const near = (x: number, target: number, tol: number) =>
    assert.ok(Math.abs(x / target - 1) < tol, `${x} is not about ${target}`);
  near(at('01056015', 2024), 50000, 0.1);
  near(at('01056', 2024), 315000, 0.05);
  near(at('01', 2024), 2900000, 0.05);
  near(at('01002', 2024), 245000, 0.05);
  assert.ok(at('01056025', 2024) < 2000);
});

// Independent recomputation: the value of every higher region must be the rate of the
// SUMMED Gemeinde counts (never an average of rates).
//
// Secret cells (status "."): a sum over a secret part cannot be computed, so computed
// sums (the Ämter, which nobody publishes here) are secret too. The statistical office,
// however, publishes Kreis totals from its complete data and protects the secret cell
// by suppressing a second one (secondary suppression), so that the total minus the
// other Gemeinden does not disclose it. The demo does the same: Kreis totals are
// published numbers; the Land is the sum of the Kreise.
for (const id of ['geburtenrate', 'sgb2-quote']) {
  test(`${id}: Amt, Kreis and Land values are numerator/denominator x factor of summed counts`, () => {
    const def = catalog.indicators.find((i) => i.id === id)!;
    assert.equal(def.computation.type, 'ratio');
    const factor = def.computation.type === 'ratio' ? def.computation.factor : NaN;
    const f = indicator(id);
    const row = new Map(f.regions.map((r, i) => [r, i]));
    const st = (r: string, y: number) => f.status?.[r]?.[y] ?? '';
    const close = (value: number | null, num: number, den: number, what: string) => {
      assert.ok(value != null, `${what}: value missing`);
      assert.ok(
        Math.abs(value - (num / den) * factor) <= 0.5 * 10 ** -def.decimals + 1e-9,
        `${what}: ${value} vs ${num}/${den}`,
      );
    };
    let checkedExact = 0;
    let checkedSecret = 0;
    for (const region of catalog.regions.filter((r) => gemeindenBelow(r.id).length > 0)) {
      const parts = gemeindenBelow(region.id).filter((g) => byId.get(g.id)!.kind !== 'gemeindefrei');
      f.years.forEach((year, y) => {
        const ri = row.get(region.id)!;
        const what = `${region.id} ${year}`;
        if (st(region.id, y) === '...') return;
        const secret = parts.filter((g) => st(g.id, y) === '.');
        if (!secret.length) {
          const num = parts.reduce((s, g) => s + f.numerator![row.get(g.id)!]![y]!, 0);
          const den = parts.reduce((s, g) => s + f.denominator![row.get(g.id)!]![y]!, 0);
          assert.equal(f.numerator![ri]![y], num, `${what}: numerator`);
          assert.equal(f.denominator![ri]![y], den, `${what}: denominator`);
          close(f.values[ri]![y]!, num, den, what);
          checkedExact++;
        } else if (region.level === 'amt') {
          assert.equal(f.values[ri]![y], null, `${what}: sum over a secret part`);
          assert.equal(st(region.id, y), '.');
          checkedSecret++;
        } else {
          // Published total: at least the sum of the published parts, and never a lone secret cell.
          const kreise = region.level === 'kreis' ? [region] : catalog.regions.filter((r) => r.level === 'kreis');
          for (const k of kreise) {
            const inK = gemeindenBelow(k.id).filter((g) => st(g.id, y) === '.');
            assert.notEqual(inK.length, 1, `${k.id} ${year}: a single secret cell would follow from the total`);
          }
          const known = parts.filter((g) => st(g.id, y) !== '.');
          const num = known.reduce((s, g) => s + f.numerator![row.get(g.id)!]![y]!, 0);
          assert.ok(f.numerator![ri]![y]! > num, `${what}: total exceeds the published parts`);
          close(f.values[ri]![y]!, f.numerator![ri]![y]!, f.denominator![ri]![y]!, what);
          checkedSecret++;
        }
      });
    }
    // The Land is the sum of the Kreise.
    const kreise = catalog.regions.filter((r) => r.level === 'kreis');
    f.years.forEach((year, y) => {
      if (st('01', y) === '...') return;
      const num = kreise.reduce((s, k) => s + f.numerator![row.get(k.id)!]![y]!, 0);
      assert.equal(f.numerator![row.get('01')!]![y], num, `01 ${year}`);
    });
    assert.ok(checkedExact > 100);
    if (id === 'sgb2-quote') assert.ok(checkedSecret > 0, 'some sums involve secret cells');
  });
}

test('statuses: secret small counts, provisional and not yet available 2024, gemeindefrei x', () => {
  const sgb2 = indicator('sgb2-quote');
  const row = new Map(sgb2.regions.map((r, i) => [r, i]));
  const secret = Object.entries(sgb2.status!).filter(
    ([id, s]) => byId.get(id)!.level === 'gemeinde' && s.includes('.'),
  );
  assert.ok(secret.length > 0);
  for (const [id, s] of secret) {
    s.forEach((symbol, y) => {
      if (symbol !== '.') return;
      assert.equal(sgb2.values[row.get(id)!]![y], null, `${id}: secret value is null`);
      assert.equal(sgb2.numerator![row.get(id)!]![y], null);
    });
  }
  // a secret Gemeinde in an Amt of Kreis Pinneberg makes the Amt secret
  const piSecret = secret.find(([id]) => byId.get(byId.get(id)!.parent!)!.kind === 'Amt');
  assert.ok(piSecret, 'some Gemeinde of an Amt in Kreis Pinneberg is secret');
  const y = piSecret[1].indexOf('.');
  const amt = byId.get(piSecret[0])!.parent!;
  assert.equal(sgb2.status![amt]![y], '.');
  assert.equal(sgb2.values[row.get(amt)!]![y], null);
  assert.notEqual(sgb2.values[row.get('01056')!]![y], null, 'the published Kreis total stays');

  const last = sgb2.years.length - 1;
  const sterberate = indicator('sterberate');
  assert.equal(sterberate.status?.['01']?.[last], '...');
  assert.equal(sterberate.values[sterberate.regions.indexOf('01')]![last], null);
  const geburtenrate = indicator('geburtenrate');
  assert.equal(geburtenrate.status?.['01056015']?.[last], 'p');
  assert.equal(geburtenrate.status?.['01']?.[last], 'p');
  assert.ok(
    geburtenrate.status!['01053105']!.every((s) => s === 'x'),
    'Sachsenwald is gemeindefrei',
  );
  assert.ok(geburtenrate.values[geburtenrate.regions.indexOf('01053105')]!.every((x) => x === null));
});

test('the Zensus 2011 break is declared and visible in the population', () => {
  const def = catalog.indicators.find((i) => i.id === 'bevoelkerung')!;
  assert.equal(def.breaks?.[0]?.year, 2011);
  assert.match(def.breaks![0]!.note.de, /Zensus 2011/);
  const pop = indicator('bevoelkerung');
  const land = pop.values[pop.regions.indexOf('01')]!;
  assert.ok(land[1]! < land[0]! * 0.995, `2011 (${land[1]}) is below 2010 (${land[0]})`);
});

test('every geometry file is keyed by the region ids of its level', () => {
  assert.equal(catalog.geometry.length, 6); // with the invented Stadtteile of Elmshorn
  for (const g of catalog.geometry) {
    const topo = readJson(g.file);
    assert.equal(topo.type, 'Topology');
    const geoms = topo.objects.regions.geometries as { id: string; properties: { name: string } }[];
    const expected = catalog.regions.filter((r) => r.level === g.level && (!g.parent || below(r.id, g.parent)));
    assert.deepEqual(geoms.map((x) => x.id).sort(), expected.map((r) => r.id).sort(), g.file);
    for (const x of geoms) assert.equal(x.properties.name, byId.get(x.id)!.name);
    assert.match(g.attribution, /GeoBasis-DE \/ BKG 2016/);
  }
  const sizes = Object.fromEntries(catalog.geometry.map((g) => [g.file, readFileSync(path.join(dir, g.file)).length]));
  assert.ok(sizes['geo/gemeinde-01056.topo.json']! < 100_000);
  assert.ok(sizes['geo/gemeinde.topo.json']! < 1_000_000);
});

test('the build is deterministic', () => {
  const second = buildDemoEndpoint(dir2);
  assert.equal(second.catalog.version, catalog.version);
  assert.equal(
    readFileSync(path.join(dir2, 'indicators/sgb2-quote.json'), 'utf8'),
    readFileSync(path.join(dir, 'indicators/sgb2-quote.json'), 'utf8'),
  );
});

test('the pooled birth rate (3-Jahres-Mittel) is the 3-year sum of births over the 3-year sum of inhabitants', () => {
  const entry = catalog.indicators.find((i) => i.id === 'geburtenrate-3j');
  assert.ok(entry, 'geburtenrate-3j in the catalog');
  assert.deepEqual(entry.period, { de: '3-Jahres-Mittel', en: '3-year average' });
  assert.match(entry.label.de, /3-Jahres-Mittel/);
  assert.match(entry.label.en!, /3-year average/);
  assert.equal(entry.years[0], 2012, 'the first window with three years of counts');
  const pooled = indicator('geburtenrate-3j');
  const yearly = indicator('geburtenrate');
  // Gemeinden with a handful of births, a Stadtteil, Elmshorn, the Kreis
  for (const id of ['01056022', '01056015-03', '01056015', '01056']) {
    const p = pooled.regions.indexOf(id);
    const y = yearly.regions.indexOf(id);
    assert.ok(p >= 0 && y >= 0, id);
    for (const year of [2016, 2024]) {
      const at = (file: typeof yearly, row: number, m: 'numerator' | 'denominator', yr: number) =>
        file[m]![row][file.years.indexOf(yr)]!;
      const window = [year - 2, year - 1, year];
      const births = window.reduce((s, yr) => s + at(yearly, y, 'numerator', yr), 0);
      const people = window.reduce((s, yr) => s + at(yearly, y, 'denominator', yr), 0);
      const i = pooled.years.indexOf(year);
      assert.equal(pooled.numerator![p][i], births, `${id} ${year}: births`);
      assert.equal(pooled.denominator![p][i], people, `${id} ${year}: inhabitants`);
      assert.equal(pooled.values[p][i], Math.round((births / people) * 10000) / 10, `${id} ${year}: rate`);
    }
  }
});
