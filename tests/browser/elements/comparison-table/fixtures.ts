/** A small, fully known endpoint for <comparison-table> tests, and a large one (1,112 Gemeinden). */
import type { Catalog, IndicatorFile, StatusSymbol } from '../../../../src/data/schema.js';
import { buildCatalog } from '../../catalog.js';

export const YEARS = [2020, 2021, 2022, 2023, 2024];

type Spec = Record<string, number | StatusSymbol | [number, StatusSymbol]>;

const base = {
  description: { de: 'Beschreibung' },
  source: 'Statistikamt Nord',
  topic: 'soziales',
  years: YEARS,
  levels: ['land', 'kreis', 'gemeinde'],
  computation: { type: 'count', count: 'x' },
} as const;

export function catalog(regions: Catalog['regions'] = smallRegions): Catalog {
  return buildCatalog({
    version: 'test',
    title: { de: 'FOKUS PI' },
    publisher: 'Kreis Pinneberg',
    licence: { id: 'dl-de/by-2-0', name: 'dl-de/by-2-0' },
    attribution: '© Kreis Pinneberg',
    updated: '2025-03-01',
    synthetic: true,
    levels: [
      { id: 'land', label: { de: 'Land' } },
      { id: 'kreis', label: { de: 'Kreis' } },
      { id: 'amt', label: { de: 'Amt' } },
      { id: 'gemeinde', label: { de: 'Gemeinde' } },
    ],
    regions,
    topics: [{ id: 'soziales', label: { de: 'Soziales' } }],
    indicators: [
      {
        ...base,
        id: 'geburtenrate',
        label: { de: 'Geburtenrate', en: 'Birth rate' },
        unit: { de: 'je 1.000 Einwohner', en: 'per 1,000 inhabitants' },
        decimals: 1,
        polarity: 'neutral',
      },
      {
        ...base,
        id: 'sgb2-quote',
        label: { de: 'SGB-II-Quote', en: 'SGB II rate' },
        unit: { de: '%', en: '%' },
        decimals: 1,
        polarity: 'lower-is-better',
      },
      {
        ...base,
        id: 'beschaeftigung',
        label: { de: 'Beschäftigtenquote', en: 'Employment rate' },
        unit: { de: '%' },
        decimals: 1,
        polarity: 'higher-is-better',
      },
    ],
    geometry: [],
  });
}

export const smallRegions: Catalog['regions'] = [
  { id: '01', name: 'Schleswig-Holstein', level: 'land', parent: null },
  { id: '01056', name: 'Kreis Pinneberg', level: 'kreis', parent: '01', kind: 'Kreis' },
  { id: '01060', name: 'Kreis Segeberg', level: 'kreis', parent: '01', kind: 'Kreis' },
  { id: '010565603', name: 'Geest und Marsch Südholstein', level: 'amt', parent: '01056', kind: 'Amt' },
  { id: '01056001', name: 'Appen', level: 'gemeinde', parent: '010565603' },
  { id: '01056002', name: 'Barmstedt', level: 'gemeinde', parent: '01056' },
  { id: '01056015', name: 'Elmshorn', level: 'gemeinde', parent: '01056' },
  { id: '01056045', name: 'Wedel', level: 'gemeinde', parent: '01056' },
  { id: '01056049', name: 'Uetersen', level: 'gemeinde', parent: '01056' },
  { id: '01060002', name: 'Bad Segeberg', level: 'gemeinde', parent: '01060' },
];

/** 2024 values; earlier years are value - 0.1 per year back (plain numbers). */
export const values2024: Record<string, Spec> = {
  geburtenrate: {
    '01': 8.2,
    '01056': 8.4,
    '01056001': '.',
    '01056002': 8.8,
    '01056015': 9.4,
    '01056045': [7.1, 'p'],
    '01056049': 10.2,
    '01060002': 9,
  },
  'sgb2-quote': {
    '01': 7.5,
    '01056': 6.3,
    '01056001': 2,
    '01056002': [0, '-'],
    '01056015': 9.1,
    '01056045': 5.3,
    '01056049': '/',
    '01060002': 8,
  },
  beschaeftigung: {
    '01': 60,
    '01056': 62,
    '01056001': 65,
    '01056002': 61,
    '01056015': 58.5,
    '01056045': 63,
    '01056049': 59,
    '01060002': 60,
  },
};

export function indicatorFile(id: string, spec: Spec, regions = Object.keys(spec)): IndicatorFile {
  const status: Record<string, (StatusSymbol | '')[]> = {};
  const values = regions.map((r) => {
    const s = spec[r];
    const [v, st]: [number | null, StatusSymbol | ''] =
      typeof s === 'number' ? [s, ''] : Array.isArray(s) ? s : [null, s];
    if (st) status[r] = YEARS.map((y) => (y === 2024 ? st : ''));
    return YEARS.map((y) => (v === null ? (y === 2024 ? null : 5) : Math.round((v - (2024 - y) * 0.1) * 10) / 10));
  });
  return { format: 'fokus-indicator/1', indicator: id, years: YEARS, regions, values, status };
}

export function smallFiles(): Record<string, unknown> {
  return {
    'catalog.json': catalog(),
    ...Object.fromEntries(
      Object.entries(values2024).map(([id, spec]) => [`indicators/${id}.json`, indicatorFile(id, spec)]),
    ),
  };
}

/** Land, 11 Kreise and 1,112 Gemeinden with deterministic values; every 37th is suppressed. */
export function largeFiles(): Record<string, unknown> {
  const regions: Catalog['regions'] = [{ id: '01', name: 'Schleswig-Holstein', level: 'land', parent: null }];
  const spec: Spec = { '01': 9 };
  for (let k = 0; k < 11; k++) {
    const kreis = `010${String(51 + k).padStart(2, '0')}`;
    regions.push({ id: kreis, name: `Kreis ${k + 1}`, level: 'kreis', parent: '01' });
    spec[kreis] = 9;
  }
  for (let i = 0; i < 1112; i++) {
    const kreis = regions[1 + (i % 11)].id;
    const id = `${kreis}${String(100 + i).padStart(3, '0')}`;
    regions.push({ id, name: `Gemeinde ${String(i + 1).padStart(4, '0')}`, level: 'gemeinde', parent: kreis });
    spec[id] = i % 37 === 5 ? '.' : Math.round(((i * 7919) % 1000) / 10) / 10 + 5; // 5.0 .. 14.9
  }
  return {
    'catalog.json': catalog(regions),
    'indicators/geburtenrate.json': indicatorFile('geburtenrate', spec),
  };
}
