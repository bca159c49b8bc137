import { expect } from '@open-wc/testing';
import { buildChartModel, nextKey, type ChartRequest } from '../../../../src/elements/indicator-chart/chart-model.js';
import { chartCsvRows, chartTable, describeChart } from '../../../../src/elements/indicator-chart/chart-text.js';
import { catalog, data, geburtenrate } from './fixture.js';

const line = (req: Partial<ChartRequest> = {}, lang: 'de' | 'en' = 'de') =>
  buildChartModel(
    { catalog, data: [data(geburtenrate)] },
    { type: 'line', region: '01056015', compare: '01056,01', ...req },
    lang,
    lang === 'de' ? 'de-DE' : 'en-GB',
  );
const bar = (req: Partial<ChartRequest> = {}) =>
  buildChartModel(
    { catalog, data: [data(geburtenrate)] },
    { type: 'bar', level: 'gemeinde', parent: '01056', region: '01056015', compare: '01056,01', ...req },
    'de',
    'de-DE',
  );
describe('chart model', () => {
  it('keeps suppressed values as null (never zero) with their symbol, and flags provisional ones', () => {
    const m = line();
    const elmshorn = m.rows.filter((r) => r.region === '01056015');
    expect(elmshorn.map((r) => r.value)).to.deep.equal([9.1, 9.3, null, 9.4, 9.04]);
    expect(elmshorn[2]).to.include({ missing: true, status: '.', label: '.' });
    expect(elmshorn[2].tip).to.equal('Elmshorn, 2021: unbekannt oder geheim (.)');
    expect(elmshorn[4]).to.include({ flagged: true, label: '9,0 p' });
    expect(elmshorn[4].tip).to.equal('Elmshorn, 2023: 9,0 p je 1.000 Einwohner (vorläufige Zahl)');
    expect(m.count).to.equal(14);
    expect(m.symbols).to.deep.equal(['.', 'p']);
  });

  it('limits the years with from/to and keeps only breaks inside', () => {
    expect(line({ from: 2020, to: 2022 }).years).to.deep.equal([2020, 2021, 2022]);
    expect(line({ from: 2020, to: 2022 }).breaks).to.deep.equal([{ year: 2022, note: 'Zensus-2022-Korrektur' }]);
    expect(line({ to: 2021 }).breaks).to.deep.equal([]);
  });

  it('ranks the Gemeinden of the Kreis for the latest year, missing last, references apart', () => {
    const m = bar({ year: 2020 });
    expect(m.rows.map((r) => [r.name, r.label, r.role])).to.deep.equal([
      ['Elmshorn', '9,3', 'primary'],
      ['Pinneberg', '7,7', 'other'],
      ['Wedel', '.', 'other'],
    ]);
    expect(m.refs.map((r) => [r.name, r.label])).to.deep.equal([
      ['Kreis Pinneberg', '9,0'],
      ['Schleswig-Holstein', '8,5'],
    ]);
    expect(bar().year).to.equal(2023);
  });

  it('reports unknown regions, missing attributes and invalid values by name', () => {
    expect(() => line({ region: '01056999' }))
      .to.throw()
      .with.property('subject', '01056999');
    expect(() => line({ region: '' }))
      .to.throw()
      .with.property('subject', 'region');
    expect(() => line({ type: 'pie' as never }))
      .to.throw()
      .with.property('subject', 'type');
    expect(() => bar({ year: 2030 }))
      .to.throw()
      .with.property('subject', 'year');
    expect(() => bar({ level: 'bezirk' }))
      .to.throw()
      .with.property('code', 'unknown-level');
  });

  it('describes the chart in German: range, latest values, comparison, gaps, break', () => {
    expect(describeChart(line())).to.equal(
      'Liniendiagramm: Geburtenrate (je 1.000 Einwohner) von 2019 bis 2023 für Elmshorn. ' +
        'Vergleich mit Kreis Pinneberg und Schleswig-Holstein. ' +
        'Letzter Wert: Elmshorn 9,0 p (2023); Kreis Pinneberg 8,7 (2023); Schleswig-Holstein 8,2 (2023). ' +
        'Elmshorn liegt 2023 um 0,3 über Kreis Pinneberg; Elmshorn liegt 2023 um 0,8 über Schleswig-Holstein. ' +
        'Spanne im Zeitraum: 8,2 (Schleswig-Holstein, 2023) bis 9,4 (Elmshorn, 2022). ' +
        'Zeitreihenbruch ab 2022: Zensus-2022-Korrektur. 1 Wert fehlt (.).',
    );
    expect(describeChart(bar({ year: 2020 }))).to.contain('Elmshorn: 9,3, Rang 1 von 2.');
    expect(describeChart(line({}, 'en'))).to.contain(
      'Line chart: Geburtenrate (en) (je 1.000 Einwohner) from 2019 to 2023 for Elmshorn.',
    );
  });

  it('builds the table alternative and the CSV rows', () => {
    const table = chartTable(line());
    expect(table.caption).to.equal(
      'Geburtenrate (je 1.000 Einwohner), Elmshorn, Kreis Pinneberg und Schleswig-Holstein, 2019–2023',
    );
    expect(table.columns).to.deep.equal(['2019', '2020', '2021', '2022', '2023']);
    expect(table.rows[0]).to.deep.equal({
      header: 'Elmshorn',
      role: 'primary',
      cells: ['9,1', '9,3', '.', '9,4', '9,0 p'],
    });
    const csv = chartCsvRows(line({ from: 2021, to: 2023 }));
    expect(csv[0]).to.deep.equal([
      'Regionalschlüssel',
      'Gebiet',
      'Jahr',
      'Geburtenrate (je 1.000 Einwohner)',
      'Zeichen',
    ]);
    expect(csv.slice(1, 4)).to.deep.equal([
      ['01056015', 'Elmshorn', 2021, null, '.'],
      ['01056015', 'Elmshorn', 2022, 9.4, ''],
      ['01056015', 'Elmshorn', 2023, 9, 'p'],
    ]);
  });

  it('steps through the marks with the arrow keys', () => {
    const m = line();
    expect(nextKey(m, undefined, 'ArrowRight')).to.equal('01056015|2019|');
    expect(nextKey(m, '01056015|2019|', 'ArrowRight')).to.equal('01056015|2020|');
    expect(nextKey(m, '01056015|2019|', 'ArrowLeft')).to.equal('01056015|2019|');
    expect(nextKey(m, '01056015|2020|', 'ArrowDown')).to.equal('01056|2020|');
    expect(nextKey(m, '01056015|2020|', 'End')).to.equal('01|2023|');
    const b = bar();
    expect(nextKey(b, b.rows[0].key, 'ArrowDown')).to.equal(b.rows[1].key);
  });
});

// The spec builder (model -> template inputs) is tested in Node: tests/node/elements/indicator-chart/.
