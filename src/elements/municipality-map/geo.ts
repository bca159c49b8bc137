/**
 * Pure geometry helpers of the map: bounding boxes, outlying regions for insets,
 * Web Mercator projection to SVG path data, and the spatial neighbour used by the arrow
 * keys. Coordinates are WGS84 longitude/latitude.
 */
import type { Geometry, Position } from 'geojson';

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

export interface GeoRegion {
  id: string;
  geometry: Geometry;
}

/** Every polygon ring of a geometry (Polygon, MultiPolygon, GeometryCollection). */
export function rings(geometry: Geometry | null | undefined): Position[][] {
  if (!geometry) return [];
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates;
    case 'MultiPolygon':
      return geometry.coordinates.flat();
    case 'GeometryCollection':
      return geometry.geometries.flatMap(rings);
    default:
      return [];
  }
}

/** Bounding box of a geometry; undefined for an empty one. */
export function bbox(geometry: Geometry | null | undefined): BBox | undefined {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const ring of rings(geometry)) {
    for (const [x, y] of ring) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  }
  return w <= e ? [w, s, e, n] : undefined;
}

/** The union of boxes; undefined for none. */
export function unionBBox(boxes: readonly (BBox | undefined)[]): BBox | undefined {
  const list = boxes.filter((b): b is BBox => !!b);
  if (list.length === 0) return undefined;
  return [
    Math.min(...list.map((b) => b[0])),
    Math.min(...list.map((b) => b[1])),
    Math.max(...list.map((b) => b[2])),
    Math.max(...list.map((b) => b[3])),
  ];
}

/** Centre of a box. */
export function centre(b: BBox): [number, number] {
  return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
}

/** Approximate kilometres per degree of longitude and latitude at a latitude. */
function kmPerDegree(lat: number): [number, number] {
  return [111.32 * Math.cos((lat * Math.PI) / 180), 110.57];
}

function area(b: BBox, lat: number): number {
  const [kx, ky] = kmPerDegree(lat);
  return Math.max(1e-9, (b[2] - b[0]) * kx * ((b[3] - b[1]) * ky));
}

/** Distance in km between two boxes (0 when they overlap). */
export function boxGap(a: BBox, b: BBox): number {
  const [kx, ky] = kmPerDegree((a[1] + a[3] + b[1] + b[3]) / 4);
  const dx = Math.max(0, b[0] - a[2], a[0] - b[2]) * kx;
  const dy = Math.max(0, b[1] - a[3], a[1] - b[3]) * ky;
  return Math.hypot(dx, dy);
}

export interface InsetOptions {
  /** A region is outlying when leaving it out shrinks the map's box to less than this share (default 0.6). */
  shrink?: number;
  /** ... and its gap to the nearest other region is at least this share of the rest's extent (default 0.25). */
  gap?: number;
  /** At most this many insets (default 2). */
  max?: number;
}

/**
 * Outlying regions worth an inset: those far from all others whose omission shrinks the
 * map a lot (Helgoland, 45 km off the coast, in a Kreis 35 km wide). One at a time, the
 * most outlying first.
 */
export function findOutliers(regions: readonly { id: string; bbox?: BBox }[], options: InsetOptions = {}): string[] {
  const shrink = options.shrink ?? 0.6;
  const gapShare = options.gap ?? 0.25;
  const max = options.max ?? 2;
  const found: string[] = [];
  let rest = regions.filter((r): r is { id: string; bbox: BBox } => !!r.bbox);
  while (found.length < max && rest.length > 2) {
    const all = unionBBox(rest.map((r) => r.bbox))!;
    const lat = centre(all)[1];
    // The union without one region: per side the best value, or the second best where that
    // region holds the best (one pass, not one union per region: 11,000 regions stay cheap).
    const sides = [0, 1, 2, 3].map((k) => {
      const sign = k < 2 ? 1 : -1; // west and south: smallest; east and north: largest
      let first: { id: string; bbox: BBox } | undefined;
      let v1 = Infinity;
      let v2 = Infinity;
      for (const r of rest) {
        const v = sign * r.bbox[k]!;
        if (v < v1) [v2, v1, first] = [v1, v, r];
        else if (v < v2) v2 = v;
      }
      return { first, best: sign * v1, second: sign * v2 };
    });
    const withoutOf = (r: { id: string; bbox: BBox }) =>
      sides.map((side) => (side.first === r ? side.second : side.best)) as BBox;
    let best: { id: string; ratio: number } | undefined;
    for (const r of rest) {
      // Only a region on the edge of the union can shrink it: skip the rest (keeps this linear).
      if (r.bbox[0] > all[0] && r.bbox[1] > all[1] && r.bbox[2] < all[2] && r.bbox[3] < all[3]) continue;
      const without = withoutOf(r);
      const ratio = area(without, lat) / area(all, lat);
      if (ratio >= shrink) continue;
      const others = rest.filter((o) => o !== r);
      const [kx, ky] = kmPerDegree(lat);
      const extent = Math.max((without[2] - without[0]) * kx, (without[3] - without[1]) * ky);
      const gap = others.reduce((m, o) => Math.min(m, boxGap(r.bbox, o.bbox)), Infinity);
      if (gap < gapShare * extent) continue;
      if (!best || ratio < best.ratio) best = { id: r.id, ratio };
    }
    if (!best) break;
    found.push(best.id);
    rest = rest.filter((r) => r.id !== best!.id);
  }
  return found;
}

/** Spherical Web Mercator (as Leaflet's EPSG:3857), in units of the earth's radius; y grows southwards. */
export function mercator(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-85.05, Math.min(85.05, lat));
  const x = (lon * Math.PI) / 180;
  const y = -Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360));
  return [x, y];
}

export interface Fit {
  /** Projects lon/lat into the target box (pixels). */
  project: (lon: number, lat: number) => [number, number];
  /** Width and height actually used. */
  width: number;
  height: number;
}

/** A projection that fits `box` into `width` x `height` pixels (centred, aspect kept), with `padding`. */
export function fitProjection(box: BBox, x: number, y: number, width: number, height: number, padding = 0): Fit {
  const [x0, y1] = mercator(box[0], box[1]);
  const [x1, y0] = mercator(box[2], box[3]);
  const w = Math.max(1e-12, x1 - x0);
  const h = Math.max(1e-12, y1 - y0);
  const scale = Math.min((width - 2 * padding) / w, (height - 2 * padding) / h);
  const usedW = w * scale;
  const usedH = h * scale;
  const ox = x + (width - usedW) / 2;
  const oy = y + (height - usedH) / 2;
  return {
    project: (lon, lat) => {
      const [mx, my] = mercator(lon, lat);
      return [ox + (mx - x0) * scale, oy + (my - y0) * scale];
    },
    width: usedW,
    height: usedH,
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** SVG path data of a geometry (one subpath per ring, `evenodd` holes), coordinates at 0.1 px. */
export function pathData(geometry: Geometry | null | undefined, project: Fit['project']): string {
  const parts: string[] = [];
  for (const ring of rings(geometry)) {
    let last = '';
    const points: string[] = [];
    for (const [lon, lat] of ring) {
      const [px, py] = project(lon, lat);
      const p = `${r1(px)} ${r1(py)}`;
      if (p !== last) points.push(p);
      last = p;
    }
    if (points.length >= 3) parts.push(`M${points.join('L')}Z`);
  }
  return parts.join('');
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/**
 * The nearest region in a direction from `from` (by box centres, in km): candidates lie
 * within 60 degrees of the direction; the score favours distance along the direction and
 * penalizes sideways offset. Undefined when there is none.
 */
export function neighbour(
  from: string,
  direction: Direction,
  centres: ReadonlyMap<string, [number, number]>,
): string | undefined {
  const origin = centres.get(from);
  if (!origin) return undefined;
  const [kx, ky] = kmPerDegree(origin[1]);
  let best: { id: string; score: number } | undefined;
  for (const [id, c] of centres) {
    if (id === from) continue;
    const dx = (c[0] - origin[0]) * kx;
    const dy = (c[1] - origin[1]) * ky; // north positive
    const along = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'up' ? dy : -dy;
    const side = direction === 'right' || direction === 'left' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 0 || side > along * Math.tan(Math.PI / 3)) continue;
    const score = along + 2 * side;
    if (!best || score < best.score) best = { id, score };
  }
  return best?.id;
}
