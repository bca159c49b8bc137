/** The cases of the timing parts: one element page next to its baseline page. */
import { ONLY_CASES } from './options.js';

export type Kind = 'chart' | 'map' | 'table';

export interface Case {
  id: string;
  label: string;
  kind: Kind;
  page: string;
  baseline: string;
  /** Expected number of fokus-load events on the page. */
  widgets: number;
  scroll?: boolean;
  /** Goal on the ratio our/baseline (issue 16). */
  ratioGoal?: number;
}

/**
 * Reference charts of the same data (chart cases only): what a user who picks another
 * charting library ships. Their pages take the vega baseline's query.
 */
export const REFERENCES = [
  { id: 'plot', label: 'Observable Plot', page: 'baseline-plot.html' },
  { id: 'chartjs', label: 'Chart.js', page: 'baseline-chartjs.html' },
] as const;
export type ReferenceId = (typeof REFERENCES)[number]['id'];

const SH_TABLE = 'indicators=geburtenrate,motorisierungsgrad,anteil-65plus&year=2024&level=gemeinde';

const ALL: Case[] = [
  {
    id: 'chart',
    label: 'chart: 3 lines x 15 years',
    kind: 'chart',
    page: 'chart.html',
    widgets: 1,
    ratioGoal: 0.75,
    baseline: 'baseline-vega.html?indicator=geburtenrate&region=01056015&compare=01056,01',
  },
  {
    id: 'chart-49',
    label: 'chart: 49 series x 15 years',
    kind: 'chart',
    page: 'chart-49.html',
    widgets: 1,
    ratioGoal: 0.75,
    baseline: 'baseline-vega.html?indicator=geburtenrate&level=gemeinde&parent=01056',
  },
  {
    id: 'map-49',
    label: 'map: 49 polygons',
    kind: 'map',
    page: 'map-49.html',
    widgets: 1,
    baseline: 'baseline-leaflet.html?geo=geo/gemeinde-01056.topo.json&indicator=motorisierungsgrad&year=2024',
  },
  {
    id: 'map-1112',
    label: 'map: 1,112 polygons (SH)',
    kind: 'map',
    page: 'map-1112.html',
    widgets: 1,
    ratioGoal: 1.1,
    baseline: 'baseline-leaflet.html?geo=geo/gemeinde.topo.json&indicator=motorisierungsgrad&year=2024',
  },
  {
    id: 'map-de',
    label: 'map: ~11,300 polygons (DE)',
    kind: 'map',
    page: 'map-de.html',
    widgets: 1,
    ratioGoal: 1.5,
    baseline: 'baseline-leaflet.html?endpoint=/de/&geo=geo/gemeinde.topo.json&indicator=motorisierungsgrad&year=2024',
  },
  {
    id: 'table',
    label: 'table: 49 rows x 3 indicators',
    kind: 'table',
    page: 'table.html',
    widgets: 1,
    ratioGoal: 1.5,
    baseline: `baseline-table.html?${SH_TABLE}&parent=01056`,
  },
  {
    id: 'table-1112',
    label: 'table: 1,112 rows',
    kind: 'table',
    page: 'table-1112.html',
    widgets: 1,
    scroll: true,
    baseline: `baseline-table.html?${SH_TABLE}`,
  },
  {
    id: 'table-de',
    label: 'table: ~11,300 rows (DE)',
    kind: 'table',
    page: 'table-de.html',
    widgets: 1,
    scroll: true,
    baseline: `baseline-table.html?endpoint=/de/&${SH_TABLE}`,
  },
];

export function cases(): Case[] {
  return ONLY_CASES.length ? ALL.filter((c) => ONLY_CASES.includes(c.id)) : ALL;
}

export function caseById(id: string): Case | undefined {
  return ALL.find((c) => c.id === id);
}
