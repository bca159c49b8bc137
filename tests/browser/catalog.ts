/**
 * One builder for the catalogs of the browser tests: the fields every catalog needs, with
 * defaults, and indicator entries from a base. Each call returns a fresh object (no arrays
 * shared between tests).
 */
import type { Catalog } from '../../src/data/schema.js';

type Entry = Record<string, unknown>;

/** The four levels of Schleswig-Holstein, German labels. */
export const LEVELS = [
  { id: 'land', label: { de: 'Land' } },
  { id: 'kreis', label: { de: 'Kreis' } },
  { id: 'amt', label: { de: 'Amt' } },
  { id: 'gemeinde', label: { de: 'Gemeinde' } },
];

/** An indicator entry: `base` (shared fields of a test's indicators), then the entry's own fields. */
export function indicatorEntry(id: string, base: Entry, fields: Entry = {}): Entry {
  return { ...base, id, ...fields };
}

export interface CatalogSpec {
  regions: unknown[];
  indicators: Entry[];
  /** Everything else (title, publisher, licence, levels, topics, breakdowns, geometry, …) overrides the defaults. */
  [field: string]: unknown;
}

/** A complete catalog: defaults (format, version, titles, licence, levels, topics, no geometry) and `spec`. */
export function buildCatalog(spec: CatalogSpec): Catalog {
  const { regions, indicators, ...rest } = spec;
  const topics = [...new Set(indicators.map((i) => String(i.topic)))].map((id) => ({ id, label: { de: id } }));
  const catalog = {
    format: 'fokus-catalog/1',
    version: 'test',
    title: { de: 'Test' },
    publisher: 'Test',
    licence: { id: 'cc-by-4.0', name: 'CC BY 4.0' },
    attribution: '',
    updated: '2025-01-01',
    levels: LEVELS,
    regions,
    topics,
    indicators,
    geometry: [],
    ...rest,
  };
  return JSON.parse(JSON.stringify(catalog)) as Catalog;
}
