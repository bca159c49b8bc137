/**
 * `npx tsx scripts/make-elmshorn-districts.ts`: generates the INVENTED Stadtteile of Elmshorn
 * (01056015) of the demo: no official districts are available here, so Elmshorn's polygon
 * (demo/source/geo/gemeinde-01056.topo.json) is cut into 8 sectors around its centre, one per
 * compass direction. Deterministic (no randomness); the output is committed:
 * - demo/source/stadtteile/elmshorn.geo.json: GeoJSON, the id in the property `stadtteil`
 *   (imported by the build with `idProperty`, see catalog.yaml);
 * - demo/source/stadtteile/regions.json: the regions, level `stadtteil`, parent 01056015.
 * Their synthetic counts are split from Elmshorn's (src/tools/demo-generator.ts) and add up
 * exactly to the town's figures.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'demo/source/geo/gemeinde-01056.topo.json');
const OUT = path.join(ROOT, 'demo/source/stadtteile');
const TOWN = '01056015';
const NAMES = ['Nord', 'Nordost', 'Ost', 'Südost', 'Süd', 'Südwest', 'West', 'Nordwest'];

type Ring = Position[];

/** Sutherland-Hodgman: `ring` clipped to the convex polygon `clip` (counter-clockwise). */
export function clipRing(ring: Ring, clip: Ring): Ring {
  let out = ring.slice(0, -1); // open ring
  for (let i = 0; i < clip.length && out.length; i++) {
    const [a, b] = [clip[i], clip[(i + 1) % clip.length]];
    const inside = (p: Position) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0;
    const cross = (p: Position, q: Position): Position => {
      const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
      const [ex, ey] = [b[0] - a[0], b[1] - a[1]];
      const t = (ex * (p[1] - a[1]) - ey * (p[0] - a[0])) / (ey * dx - ex * dy);
      return [p[0] + t * dx, p[1] + t * dy];
    };
    const input = out;
    out = [];
    input.forEach((p, k) => {
      const prev = input[(k + input.length - 1) % input.length];
      if (inside(p)) {
        if (!inside(prev)) out.push(cross(prev, p));
        out.push(p);
      } else if (inside(prev)) out.push(cross(prev, p));
    });
  }
  if (out.length < 3) return [];
  const round = (p: Position): Position => [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5];
  const closed = out.map(round);
  return [...closed, closed[0]];
}

/** The texts of both output files (deterministic). */
export function makeDistricts(): { geo: string; regions: string } {
  const topo = JSON.parse(readFileSync(SOURCE, 'utf8')) as Topology;
  const all = feature(topo, topo.objects.regions) as unknown as FeatureCollection<Polygon | MultiPolygon>;
  const town = all.features.find((f) => String(f.id) === TOWN);
  if (!town) throw new Error(`${TOWN} not in ${SOURCE}`);
  const polygons = town.geometry.type === 'Polygon' ? [town.geometry.coordinates] : town.geometry.coordinates;
  const outer = polygons.flatMap((p) => p[0].slice(0, -1));
  const centre = [0, 1].map((k) => outer.reduce((s, p) => s + p[k], 0) / outer.length);
  const R = 1; // degrees: far beyond the town
  const features: Feature<Polygon | MultiPolygon, { stadtteil: string; name: string }>[] = [];
  const regions = NAMES.map((name, i) => {
    // Sector i is centred on the compass direction i x 45 degrees (0 = north, clockwise).
    const angle = (deg: number) => ((90 - deg) * Math.PI) / 180;
    const [a0, a1] = [angle(i * 45 + 22.5), angle(i * 45 - 22.5)];
    const point = (a: number): Position => [centre[0] + R * Math.cos(a), centre[1] + R * Math.sin(a)];
    const wedge: Ring = [centre, point(a0), point(a1)]; // counter-clockwise
    const parts = polygons
      .map((poly) => poly.map((ring) => clipRing(ring, wedge)).filter((ring) => ring.length))
      .filter((poly) => poly.length && poly[0].length);
    const id = `${TOWN}-${String(i + 1).padStart(2, '0')}`;
    const label = `Elmshorn-${name} (erfunden)`;
    features.push({
      type: 'Feature',
      properties: { stadtteil: id, name: label },
      geometry:
        parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts },
    });
    return { id, name: label, level: 'stadtteil', parent: TOWN, kind: 'Stadtteil (erfunden)' };
  });
  const fc = { type: 'FeatureCollection', features };
  return {
    geo: JSON.stringify(fc) + '\n',
    regions: '[\n' + regions.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n',
  };
}

function main(): void {
  const { geo, regions } = makeDistricts();
  writeFileSync(path.join(OUT, 'elmshorn.geo.json'), geo);
  writeFileSync(path.join(OUT, 'regions.json'), regions);
  console.log(`invented Stadtteile of Elmshorn -> ${path.relative(ROOT, OUT)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
