/**
 * Chart specs covering every template and what it draws: references, breaks, status marks
 * (suppressed, provisional), the other regions of a ranking, many series without a legend,
 * English numbers, and the export variants. Shared by the Node test of the lean runtime and
 * the browser test that compares precompiled templates with Vega-Lite compiled in the browser.
 */
import {
  buildChartModel,
  type ChartModel,
  type ChartRequest,
} from '../../../../src/elements/indicator-chart/chart-model.js';
import { buildChartSpec, type ChartSpec } from '../../../../src/elements/indicator-chart/chart-spec.js';
import { catalog, data, geburtenrate, geburtenrateCounts, shares } from './fixture.js';

export const lineModel = (req: Partial<ChartRequest> = {}, lang: 'de' | 'en' = 'de') =>
  buildChartModel(
    { catalog, data: [data(geburtenrate)] },
    { type: 'line', region: '01056015', compare: '01056,01', ...req },
    lang,
    lang === 'de' ? 'de-DE' : 'en-GB',
  );
export const barModel = (req: Partial<ChartRequest> = {}) =>
  buildChartModel(
    { catalog, data: [data(geburtenrate)] },
    { type: 'bar', level: 'gemeinde', parent: '01056', region: '01056015', compare: '01056,01', ...req },
    'de',
    'de-DE',
  );
export const columnModel = (req: Partial<ChartRequest> = {}) =>
  buildChartModel(
    { catalog, data: Object.values(shares).map(data), breakdown: catalog.breakdowns![0] },
    { type: 'column', region: '01056015', compare: '01056', ...req },
    'de',
    'de-DE',
  );

/** With counts: confidence intervals, Wedel on a small count. */
export const countModel = (type: 'line' | 'bar', req: Partial<ChartRequest> = {}) =>
  buildChartModel(
    { catalog, data: [data(geburtenrateCounts)] },
    type === 'line'
      ? { type, region: '01056015,01056039', compare: '01056', ...req }
      : { type, level: 'gemeinde', parent: '01056', region: '01056015', compare: '01056', ...req },
    'de',
    'de-DE',
  );

/** Columns with intervals (the breakdown fixture has no counts: ±5 % written in), one of them small. */
export function columnIntervals(): ChartModel {
  const m = columnModel();
  const rows = m.rows.map((r, i) => ({
    ...r,
    low: r.value === null ? null : r.value * 0.95,
    high: r.value === null ? null : r.value * 1.05,
    small: i === 0,
  }));
  return { ...m, rows, intervals: true };
}

/** 15 series (more than a legend shows): the three Gemeinden copied under other names. */
export function manySeries(): ChartModel {
  const m = lineModel({ region: '', compare: '', level: 'gemeinde', parent: '01056' });
  const copies = Array.from({ length: 5 }, (_, i) => i);
  const series = copies.flatMap((i) => m.series.map((s) => ({ ...s, id: `${s.id}-${i}`, name: `${s.name} ${i}` })));
  const rows = copies.flatMap((i) =>
    m.rows.map((r) => ({ ...r, region: `${r.region}-${i}`, name: `${r.name} ${i}`, key: `${r.key}${i}` })),
  );
  return { ...m, series, rows };
}

const footer = { title: 'Geburtenrate', subtitle: 'Elmshorn', footer: ['Quelle: A', 'Lizenz: B'] };

export const CASES: Record<string, ChartSpec> = {
  'line: region, references, break, suppressed and provisional values': buildChartSpec(lineModel(), { width: 600 }),
  'line: English numbers, no break': buildChartSpec(lineModel({ to: 2021 }, 'en'), { width: 480 }),
  'line: the other regions of the Kreis behind one region': buildChartSpec(
    lineModel({ level: 'gemeinde', parent: '01056', compare: '01056' }),
    { width: 700 },
  ),
  'line: 15 series, no legend': buildChartSpec(manySeries(), { width: 600 }),
  'bar: ranking with references and a suppressed value': buildChartSpec(barModel({ year: 2020 }), { width: 600 }),
  'bar: no references, one region only': buildChartSpec(barModel({ region: '', compare: '' }), { width: 400 }),
  'column: breakdown with a reference': buildChartSpec(columnModel(), { width: 600 }),
  'line: confidence bands, a small count': buildChartSpec(countModel('line'), { width: 600 }),
  'line: narrow (320 px), thinned years, stacked legend': buildChartSpec(countModel('line'), { width: 320 }),
  'bar: whiskers, a pale bar on a small count': buildChartSpec(countModel('bar'), { width: 600 }),
  'bar: narrow (320 px) with whiskers': buildChartSpec(countModel('bar'), { width: 320 }),
  'column: whiskers, a pale column on a small count': buildChartSpec(columnIntervals(), { width: 600 }),
  'line export': buildChartSpec(lineModel(), { width: 640, export: footer }),
  'bar export': buildChartSpec(barModel({ year: 2020 }), { width: 640, export: footer }),
  'bar export with whiskers': buildChartSpec(countModel('bar'), { width: 640, export: footer }),
  'column export': buildChartSpec(columnModel(), { width: 640, export: { ...footer, subtitle: 'Elmshorn und Kreis' } }),
};
