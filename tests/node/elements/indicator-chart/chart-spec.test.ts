import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildChartSpec,
  DEFAULT_THEME,
  NUMBER_LOCALES,
  REFERENCE_DASHES,
  yearTicks,
} from '../../../../src/elements/indicator-chart/chart-spec.js';
import { barModel, columnModel, lineModel, manySeries } from '../../../browser/elements/indicator-chart/chart-cases.js';

type Row = Record<string, unknown>;
const rows = (spec: { datasets: Record<string, object[]> }, name: string) => spec.datasets[name] as Row[];

test('line: German number locale and format, gaps stay null (never zero)', () => {
  const spec = buildChartSpec(lineModel(), { width: 600 });
  assert.equal(spec.template, 'line');
  assert.deepEqual(spec.locale, NUMBER_LOCALES.de);
  assert.equal(spec.signals.valueFormat, ',.1~f');
  const elmshorn = rows(spec, 'main').filter((d) => d.region === '01056015');
  assert.deepEqual(
    elmshorn.map((d) => d.value),
    [9.1, 9.3, null, 9.4, 9.04],
  );
  assert.deepEqual(spec.signals.xDomain, [2018.6, 2023.4]);
  assert.deepEqual(spec.signals.xValues, [2019, 2020, 2021, 2022, 2023]);
  assert.equal(spec.signals.yTitle, 'je 1.000 Einwohner');
  assert.equal(spec.height, 260);
  // the keyboard focus ring can reach every drawn value, never a missing one
  assert.equal(rows(spec, 'marks').length, 14);
});

test('line: references dashed and distinct, the region solid, one legend', () => {
  const spec = buildChartSpec(lineModel(), { width: 600 });
  assert.deepEqual(spec.signals.seriesDomain, ['Elmshorn', 'Kreis Pinneberg', 'Schleswig-Holstein']);
  assert.deepEqual(spec.signals.seriesDashes, [[1, 0], REFERENCE_DASHES[0], REFERENCE_DASHES[1]]);
  assert.deepEqual(spec.signals.seriesColors, [
    DEFAULT_THEME.accent,
    DEFAULT_THEME.reference,
    DEFAULT_THEME.referenceLight,
  ]);
  assert.deepEqual(spec.signals.legendValues, spec.signals.seriesDomain);
  assert.equal(spec.signals.legendOffset, 18);
  assert.equal(spec.signals.legendColumns, 2);
  assert.equal(buildChartSpec(lineModel(), { width: 200 }).signals.legendColumns, 1);
});

test('line: more than 12 series have no legend entries, and the legend takes no room', () => {
  const spec = buildChartSpec(manySeries(), { width: 600 });
  assert.equal((spec.signals.seriesDomain as string[]).length, 15);
  assert.deepEqual(spec.signals.legendValues, []);
  assert.equal(spec.signals.legendOffset, 0);
});

test('line: a break in series is a rule half a year before the break, with its label', () => {
  const spec = buildChartSpec(lineModel(), { width: 600 });
  assert.deepEqual(rows(spec, 'breaks'), [
    {
      x: 2021.5,
      key: 'break|2022',
      region: '',
      label: 'Bruch 2022',
      tip: 'Zeitreihenbruch 2022: Zensus-2022-Korrektur',
    },
  ]);
  assert.deepEqual(rows(buildChartSpec(lineModel({ to: 2021 }), { width: 600 }), 'breaks'), []);
});

test('line: the other regions of a level are drawn apart and muted', () => {
  const spec = buildChartSpec(lineModel({ level: 'gemeinde', parent: '01056', compare: '' }), { width: 600 });
  assert.deepEqual([...new Set(rows(spec, 'others').map((d) => d.name))], ['Pinneberg', 'Wedel']);
  assert.deepEqual(spec.signals.seriesDomain, ['Elmshorn']);
});

test('bar: ranked order, x domain with room for labels, reference rules, missing as a text marker', () => {
  const spec = buildChartSpec(barModel({ year: 2020 }), { width: 600 });
  assert.equal(spec.template, 'bar');
  assert.deepEqual(spec.signals.barOrder, ['Elmshorn', 'Pinneberg', 'Wedel']);
  assert.deepEqual(spec.signals.focusNames, ['Elmshorn']);
  assert.deepEqual(spec.signals.refDomain, ['Kreis Pinneberg: 9,0', 'Schleswig-Holstein: 8,5']);
  assert.deepEqual(spec.signals.refDashes, [REFERENCE_DASHES[0], REFERENCE_DASHES[1]]);
  const [min, max] = spec.signals.xDomain as number[];
  assert.equal(min, 0);
  assert.ok(Math.abs(max - 9.3 * 1.18) < 1e-9);
  assert.deepEqual(
    rows(spec, 'bars').map((d) => d.text),
    ['9,3', '7,7', '. unbekannt oder geheim'],
  );
  assert.equal(rows(spec, 'bars')[2].lx, 0);
  assert.equal(spec.signals.labelLimit, 216);
  assert.equal(buildChartSpec(barModel(), { width: 600 }).height, 72);
  // a legend without entries takes no room
  assert.equal(spec.signals.legendOffset, 18);
  assert.equal(buildChartSpec(barModel({ compare: '' }), { width: 600 }).signals.legendOffset, 0);
});

test('column: categories in order, one column per region and category', () => {
  const spec = buildChartSpec(columnModel(), { width: 600 });
  assert.equal(spec.template, 'column');
  assert.deepEqual(spec.signals.categories, ['unter 18', '18 bis 64', '65 und älter']);
  assert.deepEqual(spec.signals.seriesDomain, ['Elmshorn', 'Kreis Pinneberg']);
  assert.deepEqual(spec.signals.seriesColors, [DEFAULT_THEME.accent, DEFAULT_THEME.reference]);
  assert.equal(rows(spec, 'columns').length, 6);
  assert.equal(spec.signals.showLabels, true);
});

test('export: the export template with title, subtitle and source lines, narrower plot', () => {
  const spec = buildChartSpec(lineModel(), {
    width: 600,
    export: { title: 'Geburtenrate', footer: ['Quelle: A', 'Lizenz: B'] },
  });
  assert.equal(spec.template, 'line-export');
  assert.equal(spec.width, 440);
  assert.equal(spec.signals.exportTitle, 'Geburtenrate');
  assert.equal(spec.signals.exportSubtitle, '');
  assert.deepEqual(spec.signals.exportFooter, ['Quelle: A', 'Lizenz: B']);
});

test('the spec is plain data (JSON round trip), so it can be built and tested without Vega', () => {
  const spec = buildChartSpec(barModel(), { width: 600, theme: { ...DEFAULT_THEME, accent: '#123456' } });
  assert.deepEqual(JSON.parse(JSON.stringify(spec)), spec);
  assert.equal((spec.signals.theme as { accent: string }).accent, '#123456');
});

test('yearTicks: every year when there is room, every n-th (ending with the last) on a narrow chart', () => {
  const years = Array.from({ length: 15 }, (_, i) => 2010 + i);
  assert.deepEqual(yearTicks(years.slice(0, 5), 320), years.slice(0, 5));
  assert.deepEqual(yearTicks(years, 1024), years);
  const narrow = yearTicks(years, 320)!;
  assert.ok(narrow.length <= 6 && narrow.length >= 3, String(narrow));
  assert.equal(narrow.at(-1), 2024);
  assert.ok(narrow.every((y, i) => i === 0 || y - narrow[i - 1] === narrow[1] - narrow[0]));
});
