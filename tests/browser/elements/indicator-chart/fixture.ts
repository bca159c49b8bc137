/** A small endpoint for the chart tests: 2019–2023, one Land, one Kreis, three Gemeinden. */
import { IndicatorData } from '../../../../src/data/model.js';
import type { IndicatorFile } from '../../../../src/data/schema.js';
import { buildCatalog } from '../../catalog.js';
import { useEndpoint as useFakeEndpoint } from '../../helpers.js';

const years = [2019, 2020, 2021, 2022, 2023];

function indicator(id: string, label: string, unit: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    label: { de: label, en: `${label} (en)` },
    unit: { de: unit, en: unit },
    decimals: 1,
    description: { de: `Definition von ${label}.`, en: `Definition of ${label}.` },
    source: 'Statistikamt Nord',
    topic: 'bevoelkerung',
    polarity: 'neutral',
    years,
    levels: ['land', 'kreis', 'gemeinde'],
    computation: { type: 'ratio', numerator: 'a', denominator: 'b', factor: 1000 },
    ...extra,
  };
}

export const catalog = buildCatalog({
  version: 'test-1',
  title: { de: 'Sozialplanung Test' },
  publisher: 'Kreis Pinneberg',
  licence: { id: 'dl-de/by-2-0', name: 'dl-de/by-2-0' },
  attribution: '',
  updated: '2025-03-01',
  levels: [
    { id: 'land', label: { de: 'Land' } },
    { id: 'kreis', label: { de: 'Kreis' } },
    { id: 'gemeinde', label: { de: 'Gemeinde', en: 'Municipality' } },
  ],
  regions: [
    { id: '01', name: 'Schleswig-Holstein', level: 'land', parent: null },
    { id: '01056', name: 'Kreis Pinneberg', level: 'kreis', parent: '01' },
    { id: '01056015', name: 'Elmshorn', level: 'gemeinde', parent: '01056' },
    { id: '01056025', name: 'Pinneberg', level: 'gemeinde', parent: '01056' },
    { id: '01056039', name: 'Wedel', level: 'gemeinde', parent: '01056' },
  ],
  topics: [{ id: 'bevoelkerung', label: { de: 'Bevölkerung' } }],
  indicators: [
    indicator('geburtenrate', 'Geburtenrate', 'je 1.000 Einwohner', {
      breaks: [{ year: 2022, note: { de: 'Zensus-2022-Korrektur', en: 'Census 2022 correction' } }],
    }),
    indicator('sterberate', 'Sterberate', 'je 1.000 Einwohner'),
    indicator('anteil-u18', 'Anteil unter 18', '%'),
    indicator('anteil-18-64', 'Anteil 18 bis 64', '%'),
    indicator('anteil-65plus', 'Anteil 65 und älter', '%'),
  ],
  breakdowns: [
    {
      id: 'altersstruktur',
      label: { de: 'Altersstruktur', en: 'Age structure' },
      indicators: ['anteil-u18', 'anteil-18-64', 'anteil-65plus'],
      categories: [{ de: 'unter 18' }, { de: '18 bis 64' }, { de: '65 und älter' }],
    },
  ],
  geometry: [],
});

const regions = ['01', '01056', '01056015', '01056025', '01056039'];

/** Elmshorn: 2021 suppressed (.), 2023 provisional (p); Wedel: 2020 suppressed. */
export const geburtenrate = {
  format: 'fokus-indicator/1',
  indicator: 'geburtenrate',
  years,
  regions,
  values: [
    [8.4, 8.5, 8.6, 8.3, 8.2],
    [8.9, 9.0, 9.1, 8.8, 8.7],
    [9.1, 9.3, null, 9.4, 9.04],
    [7.5, 7.7, 7.9, 8.1, 8.3],
    [7.0, null, 7.2, 7.3, 7.1],
  ],
  status: { '01056015': ['', '', '.', '', 'p'], '01056039': ['', '.', '', '', ''] },
} as unknown as IndicatorFile;

export const sterberate = {
  format: 'fokus-indicator/1',
  indicator: 'sterberate',
  years,
  regions,
  values: regions.map((_, i) => years.map((_, j) => 10 + i + j / 10)),
} as unknown as IndicatorFile;

function share(id: string, base: number): IndicatorFile {
  return {
    format: 'fokus-indicator/1',
    indicator: id,
    years,
    regions,
    values: regions.map((_, i) => years.map(() => base + i)),
  } as unknown as IndicatorFile;
}
export const shares = {
  'anteil-u18': share('anteil-u18', 17),
  'anteil-18-64': share('anteil-18-64', 58),
  'anteil-65plus': share('anteil-65plus', 22),
};

export function data(file: IndicatorFile): IndicatorData {
  const entry = catalog.indicators.find((i) => i.id === file.indicator)!;
  return new IndicatorData(file, entry, catalog);
}

export const files: Record<string, unknown> = {
  'catalog.json': catalog,
  'indicators/geburtenrate.json': geburtenrate,
  'indicators/sterberate.json': sterberate,
  ...Object.fromEntries(Object.entries(shares).map(([id, f]) => [`indicators/${id}.json`, f])),
};

/** Installs a fake endpoint as the page-wide client: answers from `files`, optional delays per file. */
export const useEndpoint = (answer: Record<string, unknown> = files, delays: Record<string, number> = {}) =>
  useFakeEndpoint(answer, delays);

/**
 * Geburtenrate with its counts (births, inhabitants): Wedel rests on 7 to 9 births (below the
 * default minCount 20), Elmshorn and Pinneberg on thousands (scaled up, so that their intervals part); rates = births / inhabitants x 1000.
 */
const births = [
  [19000, 19200, 19400, 18800, 18600],
  [2800, 2840, 2870, 2780, 2750],
  [4800, 4900, 5000, 4950, 4780],
  [3300, 3400, 3500, 3560, 3650],
  [7, 8, 9, 8, 7],
];
const inhabitants = [
  [2_260_000, 2_260_000, 2_255_000, 2_265_000, 2_270_000],
  [315_000, 315_500, 315_400, 315_900, 316_000],
  [527_000, 527_000, 528_000, 527_000, 529_000],
  [440_000, 441_000, 443_000, 440_000, 440_000],
  [1_000, 1_000, 1_000, 1_000, 1_000],
];
export const geburtenrateCounts = {
  format: 'fokus-indicator/1',
  indicator: 'geburtenrate',
  years,
  regions,
  values: births.map((row, i) => row.map((b, j) => Math.round((b / inhabitants[i][j]) * 10000) / 10)),
  numerator: births,
  denominator: inhabitants,
} as unknown as IndicatorFile;
export const countFiles: Record<string, unknown> = { ...files, 'indicators/geburtenrate.json': geburtenrateCounts };
