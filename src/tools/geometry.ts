/**
 * Geometry from any source for `fokus-data build`: GeoJSON (FeatureCollection, nested
 * FeatureCollections, Feature) or TopoJSON with any object name and id property becomes the
 * endpoint's form: a TopoJSON topology whose object `regions` holds one geometry per region
 * of the level (and parent), `id` = region id, `properties.name` (the name from the regions list).
 */
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Topology, GeometryObject } from 'topojson-specification';
import type { GeometryFile, Region } from '../data/schema.js';

export interface GeometryOptions {
  /** Property holding the region id (default: the feature id, else `AGS`, `ags`, `id`, `RS`). */
  idProperty?: string;
  /** TopoJSON object to read (default `regions`, else the only object). */
  object?: string;
  /** Keep only features whose properties have these values, e.g. `{ GF: 4 }` (BKG land areas). */
  where?: Record<string, string | number>;
  /** Quantization of the output (default 1e5). */
  quantization?: number;
}

export interface PreparedGeometry {
  /** The normalized topology as text. */
  text: string;
  /** Regions of the level (and parent) that got a geometry. */
  kept: number;
  /** Features left out: not a region of this level (and parent), or filtered by `where`. */
  dropped: number;
  /** Regions of the level (and parent) without a geometry. */
  missing: string[];
  /** True when the input already was in the endpoint's form and is used unchanged. */
  unchanged: boolean;
}

type AnyFeature = Feature<Geometry | null, Record<string, unknown> | null>;

function flatten(json: unknown, out: AnyFeature[] = []): AnyFeature[] {
  const g = json as { type?: string; features?: unknown[]; geometries?: unknown[] };
  if (g?.type === 'FeatureCollection') for (const f of g.features ?? []) flatten(f, out);
  else if (g?.type === 'Feature') {
    const f = g as unknown as AnyFeature;
    // Some sources nest FeatureCollections as features.
    if ((f as unknown as { features?: unknown }).features) flatten({ ...f, type: 'FeatureCollection' }, out);
    else out.push(f);
  } else if (g?.type === 'GeometryCollection')
    for (const x of g.geometries ?? []) out.push({ type: 'Feature', properties: {}, geometry: x as Geometry });
  else if (g?.type) out.push({ type: 'Feature', properties: {}, geometry: g as Geometry });
  return out;
}

const ID_PROPS = ['AGS', 'ags', 'id', 'ID', 'RS'];

/** Converts `json` (GeoJSON or TopoJSON) into the endpoint's topology for `entry`. */
export function prepareGeometry(
  json: unknown,
  entry: GeometryFile,
  regions: readonly Region[],
  options: GeometryOptions = {},
): PreparedGeometry {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const wanted = regions.filter((r) => {
    if (r.level !== entry.level) return false;
    if (entry.parent === undefined) return true;
    for (let p = r.parent; p != null; p = byId.get(p)?.parent ?? null) if (p === entry.parent) return true;
    return false;
  });
  const wantedIds = new Set(wanted.map((r) => r.id));

  let features: AnyFeature[];
  const t = json as Topology & { type?: string };
  if (t?.type === 'Topology') {
    const names = Object.keys(t.objects ?? {});
    const name = options.object ?? (names.includes('regions') ? 'regions' : names.length === 1 ? names[0] : undefined);
    if (!name || !t.objects[name])
      throw new Error(`the topology has the objects ${names.join(', ')}: name one with "object"`);
    const obj = t.objects[name] as GeometryObject;
    // Already in the endpoint's form with exactly the wanted regions: use as is.
    const geoms = (obj as { geometries?: { id?: unknown; properties?: { name?: unknown } }[] }).geometries;
    if (
      name === 'regions' &&
      !options.idProperty &&
      !options.where &&
      geoms &&
      geoms.length === wantedIds.size &&
      geoms.every((g) => wantedIds.has(String(g.id)) && typeof g.properties?.name === 'string')
    ) {
      return { text: JSON.stringify(json), kept: geoms.length, dropped: 0, missing: [], unchanged: true };
    }
    features = flatten(feature(t, obj));
  } else {
    features = flatten(json);
    if (!features.length) throw new Error('neither GeoJSON nor TopoJSON (no features found)');
  }

  const idOf = (f: AnyFeature): string | undefined => {
    const p = f.properties ?? {};
    const raw = options.idProperty ? p[options.idProperty] : (f.id ?? ID_PROPS.map((k) => p[k]).find((x) => x != null));
    return raw == null ? undefined : String(raw);
  };

  // One (multi)polygon per region: parts with the same id are joined.
  const parts = new Map<string, Polygon['coordinates'][]>();
  let dropped = 0;
  for (const f of features) {
    const where = options.where ?? {};
    if (Object.entries(where).some(([k, val]) => String(f.properties?.[k]) !== String(val))) {
      dropped++;
      continue;
    }
    let id = idOf(f);
    // A 12-digit RS of a Gemeinde is Land+RB+Kreis+Verband+Gemeinde; its AGS drops the Verband.
    if (id && !wantedIds.has(id) && id.length === 12) id = id.slice(0, 5) + id.slice(9);
    if (!id || !wantedIds.has(id) || !f.geometry) {
      dropped++;
      continue;
    }
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    if (!polys.length) {
      dropped++;
      continue;
    }
    parts.set(id, [...(parts.get(id) ?? []), ...polys]);
  }
  const out: Feature<MultiPolygon | Polygon, { name: string }>[] = [];
  for (const r of wanted) {
    const polys = parts.get(r.id);
    if (!polys) continue;
    out.push({
      type: 'Feature',
      id: r.id,
      properties: { name: r.name },
      geometry:
        polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys },
    });
  }
  const fc: FeatureCollection = { type: 'FeatureCollection', features: out };
  const topo = topology({ regions: fc }, options.quantization ?? 1e5);
  return {
    text: JSON.stringify(topo),
    kept: out.length,
    dropped,
    missing: wanted.filter((r) => !parts.has(r.id)).map((r) => r.id),
    unchanged: false,
  };
}
