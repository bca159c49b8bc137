// What a statistician's official tables need (issue 14), each on a small hand-made fixture
// in tests/node/fixtures/official (GENESIS exports in the real layout, a few rows each).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { main } from '../../src/tools/cli.js';
import { importSources } from '../../src/tools/import.js';
import { convertToGebietsstand, parseTerritorialChanges } from '../../src/tools/territory.js';
import { validateEndpoint, formatReport } from '../../src/tools/validate-endpoint.js';
import { periodYear } from '../../src/tools/text.js';
import { formatDate, formatValue } from '../../src/data/format.js';
import type { IndicatorFile } from '../../src/data/schema.js';

const FIX = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/official');
const FIXTURES = path.dirname(FIX);
let tmp: string;
let endpoint: string;
let buildLog: string;

async function run(...argv: string[]) {
  const lines: string[] = [];
  const code = await main(argv, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, text: lines.join('\n') };
}
function build(out: string, ...extra: string[]) {
  return run('build', FIX, '--mapping', path.join(FIX, 'mapping.yaml'), '--out', out, '--quiet', ...extra);
}
const read = (dir: string, id: string): IndicatorFile =>
  JSON.parse(readFileSync(path.join(dir, 'indicators', `${id}.json`), 'utf8'));
function at(file: IndicatorFile, region: string, year: number, m: 'values' | 'numerator' | 'denominator' = 'values') {
  return file[m]![file.regions.indexOf(region)][file.years.indexOf(year)];
}
const statusAt = (file: IndicatorFile, region: string, year: number) =>
  file.status?.[region]?.[file.years.indexOf(year)] ?? '';

before(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'fokus-official-problems-'));
  endpoint = path.join(tmp, 'endpoint');
  const r = await build(endpoint);
  assert.equal(r.code, 0, r.text);
  buildLog = r.text;
});
after(() => rmSync(tmp, { recursive: true, force: true }));

test('1. kreisfreie Städte keyed 01001 (population) and 01001000 (births) get rates on both levels, with a warning', () => {
  const rate = read(endpoint, 'geburtenrate');
  assert.equal(at(rate, '01001000', 2009), 10);
  assert.equal(at(rate, '01001', 2009), 10);
  assert.equal(statusAt(rate, '01001000', 2009), '');
  assert.match(buildLog, /warning: 01001 and 01001000 are one kreisfreie Stadt \(Flensburg\): values of einwohner/);
});

test('1b. a key alias in the mapping renames a key; an unknown key that looks like an alias is named as one', async () => {
  const map = path.join(tmp, 'alias.yaml');
  writeFileSync(
    map,
    `aliases: { '01001': '01001000' }\nsources:\n  - file: ${path.join(FIX, 'bevoelkerung.csv')}\n    counts: { einwohner: Insgesamt }\n`,
  );
  const { loadMapping } = await import('../../src/tools/mapping.js');
  const { rows } = await importSources(await loadMapping(map));
  assert.ok(rows.some((r) => r.region === '01001000' && r.value === 90000));
  assert.ok(!rows.some((r) => r.region === '01001'));

  const regions = path.join(tmp, 'regions-without-kreis.json');
  const list = JSON.parse(readFileSync(path.join(FIX, 'regions.json'), 'utf8'));
  writeFileSync(
    regions,
    JSON.stringify(
      list
        .filter((r: { id: string }) => r.id !== '01001')
        .map((r: { parent: string }) => ({
          ...r,
          parent: r.parent === '01001' ? '01' : r.parent,
        })),
    ),
  );
  const r = await build(path.join(tmp, 'never'), '--regions', regions);
  assert.equal(r.code, 1);
  assert.match(
    r.text,
    /region 01001: \d+ value\(s\), .*looks like an alias of 01001000: add aliases: \{ '01001': '01001000' \}/,
  );
});

test('2. dissolved Gemeinden: with the table of territorial changes every part is in the totals', async () => {
  const pop = read(endpoint, 'einwohner');
  const rate = read(endpoint, 'geburtenrate');
  // Westerland and Rantum (2008) are part of Sylt; the published Kreis total includes them.
  assert.equal(at(pop, '01054168', 2008), 9600);
  assert.equal(at(rate, '01054168', 2008, 'numerator'), 66);
  assert.equal(at(rate, '01054', 2008, 'numerator'), 90 + 66);
  assert.equal(at(rate, '01054', 2008), 7.57);
  assert.equal(at(rate, '01', 2008, 'numerator'), 890 + 90 + 66);
  assert.ok(!pop.regions.includes('01054151'));
  assert.match(buildLog, /Gebietsstand 2015-12-31: 4 values of former Gemeinden added to their successors/);
  const catalog = JSON.parse(readFileSync(path.join(endpoint, 'catalog.json'), 'utf8'));
  assert.equal(catalog.gebietsstand, '2015-12-31');
  const report = await validateEndpoint(endpoint);
  assert.deepEqual(
    report.issues.filter((i) => i.severity === 'error'),
    [],
    formatReport(report),
  );
});

test('2b. without it: the error lists every unknown region; skipped, validate fails the rate of different territory', async () => {
  const meta = path.join(FIX, 'catalog-without-territory.yaml');
  const failed = await build(path.join(tmp, 'never'), '--meta', meta);
  assert.equal(failed.code, 1);
  assert.match(failed.text, /8 count value\(s\) of 2 region\(s\) not in this list/);
  assert.match(failed.text, /region 01054107: 4 value\(s\), first .*bevoelkerung.csv:11/);
  assert.match(failed.text, /region 01054151: 4 value\(s\), first .*bevoelkerung.csv:12/);
  const dir = path.join(tmp, 'skipped');
  const skipped = await build(dir, '--meta', meta, '--skip-unknown-regions');
  assert.equal(skipped.code, 0, skipped.text);
  const report = await validateEndpoint(dir);
  assert.ok(
    report.issues.some(
      (i) =>
        i.severity === 'error' &&
        i.file === 'indicators/geburtenrate.json' &&
        /numerator and denominator of 01054 in 2008 cover different territory: the numerator is the sum of its 2 parts, the denominator differs .* by 46\.6 %/.test(
          i.message,
        ),
    ),
    formatReport(report),
  );
  const v = await run('validate', dir);
  assert.equal(v.code, 1);
});

test('2c. a "-" of a Gemeinde in a year it did not exist is no value (not 0)', () => {
  const changes = parseTerritorialChanges(readFileSync(path.join(FIX, 'changes.csv'), 'utf8'), 'changes.csv');
  const rows = [
    { count: 'einwohner', region: '01054168', year: 2008, value: 0, status: '-' as const },
    { count: 'einwohner', region: '01054168', year: 2009, value: 16000, status: '' as const },
    { count: 'einwohner', region: '01054151', year: 2009, value: 0, status: '-' as const },
  ];
  const out = convertToGebietsstand(rows, changes, '2015-12-31');
  assert.deepEqual(
    out.rows.map((r) => [r.region, r.year, r.value]),
    [['01054168', 2009, 16000]],
  );
  assert.equal(out.notApplicable, 2);
  assert.throws(
    () =>
      parseTerritorialChanges(
        'key;name;successor;successor_name;date;change\n0105415;x;01054168;y;2009;Neu\n',
        'c.csv',
      ),
    /c.csv:2: "0105415" is not a Gemeinde key/,
  );
});

test('3. missing is not secret: years a table does not cover have no value and no symbol ("keine Angabe")', () => {
  const pop = read(endpoint, 'einwohner');
  for (const year of [2005, 2006, 2007])
    for (const region of ['01', '01054', '01054168']) {
      assert.equal(at(pop, region, year), null);
      assert.equal(statusAt(pop, region, year), '', `${region} ${year}: no "."`);
    }
  assert.equal(formatValue(null, '', 0, 'de-DE'), 'keine Angabe');
  assert.equal(formatValue(null, '', 0, 'en-GB'), 'no data');
  assert.equal(formatValue(null, '.', 0, 'de-DE'), '.');
});

test('4. duplicate rows name both files and lines; identical published values of two tables are no conflict', async () => {
  const a = path.join(tmp, 'a.csv');
  const b = path.join(tmp, 'b.csv');
  writeFileSync(a, 'indicator;region;year;value\neinwohner;01054001;2009;10000\n');
  writeFileSync(b, 'indicator;region;year;value\neinwohner;01054001;2008;11000\neinwohner;01054001;2009;10000\n');
  const same = await build(path.join(tmp, 'dup-ok'), '--counts', a, '--counts', b);
  assert.equal(same.code, 0, same.text);
  writeFileSync(b, 'indicator;region;year;value\neinwohner;01054001;2008;11000\neinwohner;01054001;2009;10001\n');
  const diff = await build(path.join(tmp, 'never'), '--counts', a, '--counts', b);
  assert.equal(diff.code, 1);
  assert.match(
    diff.text,
    /b\.csv:3: a second value for einwohner, region 01054001, 2009: 10001 here, 10000 in .*a\.csv:2/,
  );
});

test('4b. [Insgesamt, Insgesamt] is one column; an ambiguous label suggests the labels of a column it matches', async () => {
  const rows = (
    await importSources({ dir: FIX, sources: [{ file: 'alter.csv', counts: { e: ['Insgesamt', 'Insgesamt'] } }] })
  ).rows;
  assert.deepEqual(
    rows.map((r) => [r.region, r.value]),
    [
      ['01001', 90000],
      ['01054001', 10000],
      ['01054168', 16000],
    ],
  );
  await assert.rejects(
    importSources({ dir: FIX, sources: [{ file: 'alter.csv', counts: { e: '65 bis unter 75 Jahre' } }] }),
    (e: Error) =>
      /"65 bis unter 75 Jahre" matches 2 columns: column 4 .*; name more header labels, e\.g\. \["Insgesamt","Altersgruppen","65 bis unter 75 Jahre"\]/.test(
        e.message,
      ) && !e.message.includes('unter 3 Jahre'),
  );
});

test('4c. ffcsv: "no row matches" lists the available codes', async () => {
  await assert.rejects(
    importSources({
      dir: FIXTURES,
      sources: [{ file: 'ffcsv-sample.csv', counts: { e: { value: 'BEVSTD', GES: 'GESX' } } }],
    }),
    /count "e": no row matches \{"value":"BEVSTD","GES":"GESX"\}; the value variables are BEVSTD \(.*\); GES: .*GESW \(weiblich\)/,
  );
});

test('4d. a wrong encoding gives a hint at U+FFFD with the line', async () => {
  const file = path.join(tmp, 'latin1.csv');
  writeFileSync(
    file,
    iconv.encode(
      'GENESIS-Tabelle: 13211\nJahr: 2016;;;\n;;Arbeitslose;Ausländer\n01;  Schleswig-Holstein;100;20\n',
      'win1252',
    ),
  );
  const progress: string[] = [];
  await assert.rejects(
    importSources(
      { dir: tmp, sources: [{ file: 'latin1.csv', encoding: 'utf-8', counts: { a: 'Ausländer' } }] },
      { onProgress: (m) => progress.push(m) },
    ),
    /no column matches "Ausländer".*the labels contain U\+FFFD/,
  );
  assert.ok(
    progress.some((m) =>
      /warning: .*latin1.csv:3: the text contains U\+FFFD \(".*Ausl\uFFFDnder.*"\).*encoding: latin1/.test(m),
    ),
    progress.join('\n'),
  );
});

test('5. a share defined as a count is summed with a warning; a published value is never summed', async () => {
  const quote = read(endpoint, 'quote');
  assert.equal(at(quote, '01054001', 2009), 6);
  assert.equal(at(quote, '01054', 2009), null, 'no published Kreis value: none (not 6.0 + 5.5)');
  assert.equal(statusAt(quote, '01054', 2009), '');
  assert.equal(at(quote, '01', 2009), null);
  const catalog = JSON.parse(readFileSync(path.join(endpoint, 'catalog.json'), 'utf8'));
  assert.equal(catalog.format, 'fokus-catalog/1.1');
  assert.deepEqual(catalog.indicators.find((i: { id: string }) => i.id === 'quote').computation, {
    type: 'count',
    count: 'quote',
    published: true,
  });
  const dir = path.join(tmp, 'share-as-count');
  const r = await build(dir, '--definitions', path.join(FIX, 'indicators-share-as-count.yaml'));
  assert.equal(r.code, 0, r.text);
  assert.match(
    r.text,
    /warning: indicator "quote" \(unit "%"\) looks like a share or rate, but as a count it is summed for 2 region\(s\) without their own value \(e\.g\. 01 Schleswig-Holstein\): define it as \{ type: published, count: quote \}/,
  );
  assert.equal(at(read(dir, 'quote'), '01054', 2009), 11.5, 'what the warning is about');
});

test('6. sums of columns in the mapping and of counts in a computation', () => {
  const byCounts = read(endpoint, 'anteil-65plus');
  const byColumns = read(endpoint, 'anteil-65plus-spalten');
  assert.equal(at(byCounts, '01001000', 2009), 20);
  assert.equal(at(byCounts, '01001000', 2009, 'numerator'), 18000);
  assert.deepEqual(byColumns.values, byCounts.values);
  assert.deepEqual(byColumns.numerator, byCounts.numerator);
  // The Kreis: summed counts of its Gemeinden, (1500 + 1500 + 2500 + 2500) / (10000 + 16000).
  assert.equal(at(byCounts, '01054', 2009), 30.8);
});

test('7. year labels as the source labels them; dates in the locale format', () => {
  assert.equal(periodYear('31.12.2015'), 2015, 'stock on 31.12.: that year');
  assert.equal(periodYear('01.01.2017'), 2017, 'stock on 01.01.: that year, as the Regionalatlas labels it');
  assert.equal(periodYear('Jahr: 2016'), 2016);
  assert.equal(formatDate('2017-10-10', 'de'), '10.10.2017');
  assert.equal(formatDate('2017-10-10', 'en'), 'Oct 10, 2017');
});
