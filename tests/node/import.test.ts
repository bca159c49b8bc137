// Importers of `fokus-data import` on own fixtures in the real formats (tests/node/fixtures):
// GENESIS "Tabelle als CSV" (Latin-1 and UTF-8 with BOM, key in column 1 or 2, multi-line
// title and header blocks, indented names, symbols, footer), ffcsv and tidy CSV.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText, InputError, parseCell, parseDelimited, periodYear } from '../../src/tools/text.js';
import { parseGenesisTable, selectColumns } from '../../src/tools/import-genesis.js';
import { parseFfcsv } from '../../src/tools/import-ffcsv.js';
import { formatCounts, parseTidy } from '../../src/tools/import-tidy.js';
import { importSources, type CountRow } from '../../src/tools/import.js';
import { loadMapping } from '../../src/tools/mapping.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => decodeText(readFileSync(path.join(FIXTURES, name)));
const find = (rows: readonly CountRow[], count: string, region: string, year: number) =>
  rows.find((r) => r.count === count && r.region === region && r.year === year);

test('decodes Latin-1 and UTF-8 with BOM to the same text', () => {
  const latin = fixture('genesis-wide-latin1.csv');
  assert.equal(latin.encoding, 'latin1');
  assert.match(latin.text, /Einwohner nach Geschlecht/);
  assert.match(latin.text, /© Beispielamt für Statistik/);
  const bom = fixture('genesis-long-bom.csv');
  assert.equal(bom.encoding, 'utf-8');
  assert.ok(bom.text.startsWith('GENESIS-Tabelle'), 'BOM removed');
  assert.match(bom.text, /männlich/);
  assert.equal(decodeText(Buffer.from('Gemeindeübersicht', 'latin1'), 'latin1').text, 'Gemeindeübersicht');
});

test('parses numbers and every official symbol of a cell', () => {
  assert.deepEqual(parseCell('1234'), { value: 1234, status: '' });
  assert.deepEqual(parseCell('513,1'), { value: 513.1, status: '' });
  assert.deepEqual(parseCell('1.234,5'), { value: 1234.5, status: '' });
  assert.deepEqual(parseCell('-0,5'), { value: -0.5, status: '' });
  assert.deepEqual(parseCell('-'), { value: 0, status: '-' });
  for (const s of ['.', '/', 'x', '...'] as const) assert.deepEqual(parseCell(s), { value: null, status: s });
  assert.deepEqual(parseCell('(12)'), { value: 12, status: '()' });
  assert.deepEqual(parseCell('1200p'), { value: 1200, status: 'p' });
  assert.deepEqual(parseCell('1200 r'), { value: 1200, status: 'r' });
  assert.equal(parseCell('  '), null);
  assert.match(String(parseCell('zwölf')), /neither a number nor an official symbol/);
  assert.equal(periodYear('31.12.2015'), 2015);
  assert.equal(periodYear('Jahr: 2016'), 2016);
  assert.equal(periodYear('2024-12-31'), 2024);
  assert.equal(periodYear('Insgesamt'), null);
});

test('the CSV parser keeps line numbers across quoted multi-line footer cells', () => {
  const records = parseDelimited('a;b\n"x\ny";z\nlast;1\n');
  assert.deepEqual(
    records.map((r) => r.line),
    [1, 2, 4],
  );
  assert.deepEqual(records[1].cells, ['x\ny', 'z']);
});

test('GENESIS wide table (Latin-1): periods from the header, indented names, symbols, footer with the Zensus note', () => {
  const t = parseGenesisTable(fixture('genesis-wide-latin1.csv').text, 'wide.csv');
  assert.equal(t.code, '99999-01-01-5');
  assert.equal(t.keyColumn, 0);
  assert.deepEqual(
    t.columns.map((c) => [c.year, c.labels.join('/')]),
    [
      [2012, 'Insgesamt'],
      [2012, 'weiblich'],
      [2011, 'Insgesamt'],
      [2011, 'weiblich'],
      [2010, 'Insgesamt'],
      [2010, 'weiblich'],
    ],
  );
  const elmshorn = t.rows.find((r) => r.key === '01056015')!;
  assert.equal(elmshorn.name, 'Elmshorn');
  assert.equal(elmshorn.indent, 8);
  assert.equal(elmshorn.line, 12);
  assert.deepEqual(
    t.rows.map((r) => r.key),
    ['DG', '01', '01056', '01056015', '01056029', '01056033', '01056025', '01059001'],
  );
  assert.ok(
    t.footer.some((f) => /ab dem Berichtsjahr 2011: nach dem Zensus 2011/.test(f)),
    'census note kept',
  );
  assert.ok(
    t.footer.some((f) => /Beispielamt/.test(f)),
    'licence kept',
  );
  assert.ok(t.title.includes('Einwohner (Anzahl)'));
});

test('GENESIS long table (UTF-8 with BOM): the period in column 1 and the key in column 2', () => {
  const t = parseGenesisTable(fixture('genesis-long-bom.csv').text, 'long.csv');
  assert.equal(t.keyColumn, 1);
  assert.deepEqual(
    t.columns.map((c) => c.labels.join('/')),
    ['Geschlecht/Insgesamt', 'Geschlecht/männlich', 'Geschlecht/weiblich'],
  );
  assert.deepEqual([...new Set(t.rows.map((r) => r.year))], [2012, 2011, 2010]);
  const [col] = selectColumns(t, 'Insgesamt', 'long.csv');
  assert.equal(col.index, 3);
});

test('GENESIS multi-line header: period from the title block, labels over several rows, unit row', () => {
  const t = parseGenesisTable(fixture('genesis-multiheader.csv').text, 'multi.csv');
  assert.equal(t.year, 2012);
  assert.deepEqual(t.columns[1].labels, ['Arbeitslose', 'und zwar', 'Ausländer', 'Anzahl']);
  assert.equal(selectColumns(t, 'ausländer', 'multi.csv')[0].index, 3);
  // "Arbeitslose" is above five columns of the same period: ambiguous.
  assert.throws(() => selectColumns(t, 'Arbeitslose', 'multi.csv'), /matches 3 columns/);
  assert.throws(() => selectColumns(t, 'Rentner', 'multi.csv'), /no column matches "Rentner"; the columns are/);
  const age = parseGenesisTable(fixture('genesis-age.csv').text, 'age.csv');
  assert.equal(age.year, 2012);
  assert.throws(() => selectColumns(age, '65 Jahre und mehr', 'age.csv'), /matches 2 columns/);
  assert.equal(selectColumns(age, ['Insgesamt', '65 Jahre und mehr'], 'age.csv')[0].index, 4);
  assert.equal(selectColumns(age, { column: 5 }, 'age.csv')[0].index, 4);
});

test('GENESIS: a broken row inside the table is an error with file and line', () => {
  const text = fixture('genesis-multiheader.csv').text.replace('01056029;', 'Zwischenzeile;;;\n01056029;');
  assert.throws(
    () => parseGenesisTable(text, 'multi.csv'),
    (e: unknown) =>
      e instanceof InputError && e.file === 'multi.csv' && e.line === 12 && /expected a region row/.test(e.message),
  );
  assert.throws(() => parseGenesisTable('nur;Text\n', 'leer.csv'), /no region rows found/);
});

test('ffcsv: regional variable detected, other variables selectable by code or label', () => {
  const rows = parseFfcsv(fixture('ffcsv-sample.csv').text, 'ff.csv');
  assert.equal(rows.length, 7);
  assert.equal(rows[0].region, '01056015');
  assert.equal(rows[0].line, 2);
  assert.deepEqual(rows[1].variables[0], {
    code: 'GES',
    label: 'Geschlecht',
    attributeCode: 'GESW',
    attributeLabel: 'weiblich',
  });
  assert.equal(rows[5].value, '.');
});

test('tidy CSV: symbols in the value or the status column, decimal comma; errors name the line', () => {
  const rows = parseTidy(fixture('tidy-sample.csv').text, 'tidy.csv');
  assert.deepEqual(
    rows.map((r) => [r.region, r.year, r.value, r.status]),
    [
      ['01056015', 2012, 5100, ''],
      ['01056029', 2012, 1300, 'p'],
      ['01056033', 2012, null, '.'],
      ['01056025', 2012, 0, '-'],
      ['01056015', 2011, 5000, ''],
      ['01056029', 2011, 1250, '()'],
    ],
  );
  assert.throws(
    () => parseTidy('indicator;region;year;value\npkw;01056015;2012;viele\n', 'bad.csv'),
    /^InputError: bad.csv:2: "viele" is neither/m,
  );
  assert.throws(
    () => parseTidy('indicator;region;year;value\npkw;Elmshorn;2012;1\n', 'bad.csv'),
    /bad.csv:2: "Elmshorn" is not an official region key/,
  );
  assert.throws(
    () => parseTidy('kennzahl;gebiet\n', 'bad.csv'),
    /bad.csv:1: missing column\(s\) indicator, region, year, value/,
  );
  // What import writes, the tidy reader reads back.
  const again = parseTidy(formatCounts(rows), 'again.csv');
  assert.deepEqual(
    again.map((r) => [r.count, r.region, r.year, r.value, r.status]),
    rows.map((r) => [r.count, r.region, r.year, r.value, r.status]),
  );
});

test('import by a mapping: every format, the region filter, symbols and the 2011 census break years', async () => {
  const progress: string[] = [];
  const mapping = await loadMapping(path.join(FIXTURES, 'source', 'mapping.yaml'));
  const { rows, sources } = await importSources(mapping, { onProgress: (m) => progress.push(m) });
  assert.deepEqual(
    sources.map((s) => [path.basename(s.file), s.format, s.encoding]),
    [
      ['genesis-wide-latin1.csv', 'genesis', 'latin1'],
      ['genesis-long-bom.csv', 'genesis', 'utf-8'],
      ['genesis-age.csv', 'genesis', 'utf-8'],
      ['genesis-multiheader.csv', 'genesis', 'utf-8'],
      ['tidy-sample.csv', 'tidy', 'utf-8'],
    ],
  );
  // The filter keeps Kreis Pinneberg and its Gemeinden: not DG, not the Land, not 01059001.
  assert.deepEqual(sources[0].years, [2010, 2011, 2012]);
  assert.equal(sources[0].skipped, 3);
  assert.equal(find(rows, 'einwohner', '01', 2012), undefined);
  assert.equal(find(rows, 'einwohner', '01059001', 2012), undefined);
  assert.deepEqual(find(rows, 'einwohner', '01056015', 2011), {
    count: 'einwohner',
    region: '01056015',
    year: 2011,
    value: 8900,
    status: '',
  });
  assert.deepEqual(find(rows, 'einwohner', '01056025', 2012), {
    count: 'einwohner',
    region: '01056025',
    year: 2012,
    value: null,
    status: '.',
  });
  assert.equal(find(rows, 'einwohner', '01056025', 2011)?.status, '/');
  assert.equal(find(rows, 'einwohner', '01056025', 2010)?.status, '...');
  assert.equal(find(rows, 'einwohner-w', '01056025', 2011)?.status, 'x');
  assert.deepEqual(find(rows, 'einwohner-w', '01056025', 2010), {
    count: 'einwohner-w',
    region: '01056025',
    year: 2010,
    value: 0,
    status: '-',
  });
  assert.equal(find(rows, 'geburten', '01056033', 2011)?.status, '-');
  assert.equal(find(rows, 'einwohner-65plus', '01056029', 2012)?.value, 400);
  assert.equal(find(rows, 'arbeitslose', '01056', 2012)?.value, 400);
  assert.equal(find(rows, 'pkw', '01056029', 2012)?.status, 'p');
  assert.equal(rows.length, 56);
  assert.ok(
    progress.some((m) => /genesis-wide-latin1.csv: genesis, latin1, 30 values of 5 regions, 2010-2012/.test(m)),
    progress.join('\n'),
  );
});

test('import: ffcsv selectors, and a second value for the same count, region and year is an error', async () => {
  const base = { dir: FIXTURES };
  const { rows } = await importSources({
    ...base,
    sources: [
      {
        file: 'ffcsv-sample.csv',
        counts: { einwohner: { value: 'BEVSTD', GES: 'Insgesamt' }, 'einwohner-w': { GES: 'GESW' } },
      },
    ],
  });
  assert.deepEqual(find(rows, 'einwohner', '01056015', 2012), {
    count: 'einwohner',
    region: '01056015',
    year: 2012,
    value: 9000,
    status: '',
  });
  assert.equal(find(rows, 'einwohner-w', '01056015', 2012)?.value, 4600);
  assert.equal(find(rows, 'einwohner', '01056025', 2011)?.status, '.');
  // Without GES, the total and the women's value of Elmshorn collide.
  await assert.rejects(
    importSources({ ...base, sources: [{ file: 'ffcsv-sample.csv', counts: { einwohner: { value: 'BEVSTD' } } }] }),
    /ffcsv-sample.csv:3: a second value for einwohner, region 01056015, 2012: 4600 here, 9000 in .*ffcsv-sample.csv:2; select one attribute of GES/,
  );
  await assert.rejects(
    importSources({
      ...base,
      sources: [
        { file: 'genesis-long-bom.csv', counts: { geburten: 'Insgesamt' } },
        { file: 'genesis-long-bom.csv', counts: { geburten: 'weiblich' } },
      ],
    }),
    /a second value for geburten, region 01056015, 2012/,
  );
  await assert.rejects(importSources({ ...base, sources: [{ file: 'fehlt.csv' }] }), /fehlt.csv: file not found/);
});

test('a mapping with a mistake names the file and the path', async () => {
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(path.join(tmpdir(), 'fokus-mapping-'));
  const file = path.join(dir, 'mapping.yaml');
  writeFileSync(file, 'sources:\n  - file: a.csv\n    counts: { Einwohner: Insgesamt }\n');
  await assert.rejects(loadMapping(file), /mapping.yaml: not a valid mapping:\n {2}sources\[0\]\.counts\.Einwohner/);
  writeFileSync(file, 'sources:\n  - file: a.csv\n   counts: [\n');
  await assert.rejects(loadMapping(file), /mapping.yaml:\d+: not valid YAML/);
});
