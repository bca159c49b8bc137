import { expect } from '@open-wc/testing';
import { toCsv, indicatorCsvRows } from '../../../src/data/csv.js';
import { IndicatorData, indicatorById } from '../../../src/data/model.js';
import { catalogJson, indicatorJson } from './fixtures.js';
import { describe, it } from '../helpers.js';

const rows = [
  ['Gebiet', 'Jahr', 'Wert', 'Zeichen'],
  ['Elmshorn', 2023, 9.4, 'p'],
  ['Appen', 2022, null, '.'],
  ['Bad Segeberg; Stadt', 2023, 12345.678, ''],
];

describe('toCsv', () => {
  it('writes German Excel CSV: BOM, semicolon, decimal comma, CRLF, no thousands separator', () => {
    expect(toCsv(rows, { flavour: 'excel-de' }, ['Quelle: Statistikamt Nord; Lizenz: dl-de/by-2-0'])).to.equal(
      '\uFEFFGebiet;Jahr;Wert;Zeichen\r\n' +
        'Elmshorn;2023;9,4;p\r\n' +
        'Appen;2022;;.\r\n' +
        '"Bad Segeberg; Stadt";2023;12345,678;\r\n' +
        '\r\n' +
        '"Quelle: Statistikamt Nord; Lizenz: dl-de/by-2-0"\r\n',
    );
  });

  it('writes machine CSV: no BOM, comma, decimal point, LF', () => {
    expect(toCsv(rows, { flavour: 'machine' }, ['Source: Statistikamt Nord, licence dl-de/by-2-0'])).to.equal(
      'Gebiet,Jahr,Wert,Zeichen\n' +
        'Elmshorn,2023,9.4,p\n' +
        'Appen,2022,,.\n' +
        'Bad Segeberg; Stadt,2023,12345.678,\n' +
        '\n' +
        '"Source: Statistikamt Nord, licence dl-de/by-2-0"\n',
    );
  });

  it('quotes quotes, line breaks and surrounding spaces', () => {
    expect(toCsv([['Er sagte "ja"', 'zwei\nZeilen', ' Rand ', 'a,b']], { flavour: 'machine' })).to.equal(
      '"Er sagte ""ja""","zwei\nZeilen"," Rand ","a,b"\n',
    );
  });

  it('never writes exponents or grouping, and leaves non-finite numbers empty', () => {
    expect(toCsv([[1e21, 1e-7, -0.5, NaN, Infinity, 0]], { flavour: 'excel-de' })).to.equal(
      '\uFEFF1000000000000000000000;0,0000001;-0,5;;;0\r\n',
    );
  });

  it('keeps formula-like text from running in Excel, but not the symbol "-"', () => {
    expect(toCsv([['=SUM(A1)', '+49', '@x', '-', '-Wert']], { flavour: 'excel-de' })).to.equal(
      "\uFEFF'=SUM(A1);'+49;'@x;-;'-Wert\r\n",
    );
    expect(toCsv([['=SUM(A1)']], { flavour: 'machine' })).to.equal('=SUM(A1)\n');
  });
});

describe('indicatorCsvRows', () => {
  it('gives long rows with names, rounded values and symbols', () => {
    const catalog = catalogJson();
    const file = indicatorJson();
    file.values[1][0] = 9.1234;
    const data = new IndicatorData(file, indicatorById(catalog, 'geburtenrate')!, catalog);
    const csv = toCsv(indicatorCsvRows(data, ['01056015', '01056001'], 'de', [2021, 2022]), { flavour: 'excel-de' });
    expect(csv).to.equal(
      '\uFEFFRegionalschlüssel;Gebiet;Jahr;Geburtenrate (je 1.000 Einwohner);Zeichen\r\n' +
        '01056015;Elmshorn;2021;9,1;\r\n' +
        '01056015;Elmshorn;2022;9,3;\r\n' +
        '01056001;Appen;2021;7;\r\n' +
        '01056001;Appen;2022;;.\r\n',
    );
    expect(indicatorCsvRows(data, ['01056045'], 'en', [2021])).to.deep.equal([
      ['Region key', 'Region', 'Year', 'Birth rate (per 1,000 inhabitants)', 'Symbol'],
      ['01056045', 'Wedel', 2021, 0, '-'],
    ]);
  });
});
