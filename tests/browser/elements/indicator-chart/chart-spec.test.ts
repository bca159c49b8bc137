/* eslint-disable @typescript-eslint/no-explicit-any -- the Vega-Lite specs are inspected as plain JSON */
import { expect } from '@open-wc/testing';
import { compile } from 'vega-lite';
import { buildChartModel, nextKey, type ChartRequest } from '../../../../src/elements/indicator-chart/chart-model.js';
import {
  buildChartSpec,
  DEFAULT_THEME,
  NUMBER_LOCALES,
  REFERENCE_DASHES,
} from '../../../../src/elements/indicator-chart/chart-spec.js';
import { chartCsvRows, chartTable, describeChart } from '../../../../src/elements/indicator-chart/chart-text.js';
import { catalog, data, geburtenrate, shares } from './fixture.js';

type Layer = {
  data?: { values: Record<string, unknown>[] };
  mark: { type: string; invalid?: string };
  transform?: { filter: string }[];
  encoding: Record<string, any>;
};

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
const column = () =>
  buildChartModel(
    { catalog, data: Object.values(shares).map(data), breakdown: catalog.breakdowns![0] },
    { type: 'column', region: '01056015', compare: '01056' },
    'de',
    'de-DE',
  );

/** Compiles with Vega-Lite and returns the warnings. */
function compileWarnings(spec: object): string[] {
  const warnings: string[] = [];
  const logger: any = {
    level: () => logger,
    warn: (...a: unknown[]) => (warnings.push(a.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
    error: (...a: unknown[]) => (warnings.push(a.join(' ')), logger),
  };
  compile(spec as never, { logger });
  return warnings;
}

const layers = (spec: object): Layer[] => (spec as { layer: Layer[] }).layer;
const layerOf = (spec: object, type: string, pick: (l: Layer) => boolean = () => true) =>
  layers(spec).filter((l) => l.mark.type === type && pick(l));

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

describe('chart spec (view model -> Vega-Lite)', () => {
  it('line: compiles without warnings, German number locale, gaps not zeros', () => {
    const spec = buildChartSpec(line(), { width: 600 });
    expect(compileWarnings(spec)).to.deep.equal([]);
    expect((spec as any).config.locale.number).to.deep.equal(NUMBER_LOCALES.de);
    const [path] = layerOf(spec, 'line');
    expect(path.mark.invalid).to.equal('break-paths-filter-domains');
    const elmshorn = path.data!.values.filter((d) => d.region === '01056015');
    expect(elmshorn.map((d) => d.value)).to.deep.equal([9.1, 9.3, null, 9.4, 9.04]);
    expect(path.encoding.y.axis.format).to.equal(',.1~f');
  });

  it('line: references dashed and distinct, the region solid; flagged values hollow', () => {
    const spec = buildChartSpec(line(), { width: 600 });
    const [path] = layerOf(spec, 'line');
    expect(path.encoding.strokeDash.scale.domain).to.deep.equal(['Elmshorn', 'Kreis Pinneberg', 'Schleswig-Holstein']);
    expect(path.encoding.strokeDash.scale.range).to.deep.equal([[1, 0], REFERENCE_DASHES[0], REFERENCE_DASHES[1]]);
    expect(path.encoding.color.scale.range).to.deep.equal([
      DEFAULT_THEME.accent,
      DEFAULT_THEME.reference,
      DEFAULT_THEME.referenceLight,
    ]);
    const hollow = layerOf(spec, 'point', (l) => l.transform?.[0]?.filter === 'datum.flagged')[0];
    expect((hollow.mark as any).filled).to.equal(false);
  });

  it('line: a break in series is a rule half a year before the break with its label', () => {
    const spec = buildChartSpec(line(), { width: 600 });
    const [rule] = layerOf(spec, 'rule');
    expect(rule.data!.values).to.deep.equal([
      {
        x: 2021.5,
        key: 'break|2022',
        region: '',
        label: 'Bruch 2022',
        tip: 'Zeitreihenbruch 2022: Zensus-2022-Korrektur',
      },
    ]);
  });

  it('bar: ranked order, reference rules with value labels, missing as text marker', () => {
    const spec = buildChartSpec(bar({ year: 2020 }), { width: 600 });
    expect(compileWarnings(spec)).to.deep.equal([]);
    const [bars] = layerOf(spec, 'bar');
    expect(bars.encoding.y.sort).to.deep.equal(['Elmshorn', 'Pinneberg', 'Wedel']);
    expect(bars.mark.invalid).to.equal('filter');
    const [rules] = layerOf(spec, 'rule');
    expect(rules.encoding.strokeDash.scale.domain).to.deep.equal(['Kreis Pinneberg: 9,0', 'Schleswig-Holstein: 8,5']);
    const [labels] = layerOf(spec, 'text');
    expect(labels.data!.values.map((d) => d.text)).to.deep.equal(['9,3', '7,7', '. unbekannt oder geheim']);
    expect(buildChartSpec(bar(), { width: 600 })).to.have.property('height', 72);
  });

  it('column: categories in order, one column per region, compiles', () => {
    const spec = buildChartSpec(column(), { width: 600 });
    expect(compileWarnings(spec)).to.deep.equal([]);
    const [cols] = layerOf(spec, 'bar');
    expect(cols.encoding.x.sort).to.deep.equal(['unter 18', '18 bis 64', '65 und älter']);
    expect(cols.data!.values).to.have.length(6);
  });

  it('export: title above, source lines below', () => {
    const spec = buildChartSpec(line(), {
      width: 600,
      export: { title: 'Geburtenrate', footer: ['Quelle: A', 'Lizenz: B'] },
    }) as any;
    expect(compileWarnings(spec)).to.deep.equal([]);
    expect(spec.title).to.include({ orient: 'bottom' });
    expect(spec.title.text).to.deep.equal(['Quelle: A', 'Lizenz: B']);
    expect(spec.vconcat[0].title.text).to.equal('Geburtenrate');
  });
});
