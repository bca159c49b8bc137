/**
 * Baseline: plain Leaflet with its canvas renderer drawing the same GeoJSON (TopoJSON of
 * the endpoint converted with topojson-client), filled by 5 quantile classes of the same
 * indicator and year. No element, no Lit, no validation, no outlines, no insets.
 */
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection } from 'geojson';
import type { IndicatorFile } from '../../../src/data/schema.js';
import { fail, getJson, painted, param, report } from './common.js';

const COLOURS = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];

async function main(): Promise<void> {
  const start = performance.now();
  const endpoint = param('endpoint', '/data/');
  const [topo, file] = await Promise.all([
    getJson<Topology<{ regions: GeometryCollection }>>(`${endpoint}${param('geo')}`),
    getJson<IndicatorFile>(`${endpoint}indicators/${param('indicator')}.json`),
  ]);
  const fc = feature(topo, topo.objects.regions) as unknown as FeatureCollection;
  const col = param('year') ? file.years.indexOf(Number(param('year'))) : file.years.length - 1;
  const value = new Map(file.regions.map((id, i) => [id, file.values[i]![col] ?? null]));
  const sorted = fc.features
    .map((f) => value.get(String(f.id)))
    .filter((v): v is number => v != null)
    .sort((a, b) => a - b);
  const limits = [1, 2, 3, 4].map((k) => sorted[Math.floor((k * sorted.length) / 5)]!);
  const colour = (v: number | null | undefined) =>
    v == null ? '#dddddd' : COLOURS[limits.filter((l) => v >= l).length]!;

  const container = document.getElementById('map')!;
  if (param('w')) container.style.width = `${param('w')}px`;
  if (param('h')) container.style.height = `${param('h')}px`;
  const map = L.map(container, { renderer: L.canvas({ padding: 0.2 }), attributionControl: false, zoomSnap: 0.1 });
  const layer = L.geoJSON(fc as never, {
    style: (f?: Feature) => ({
      color: '#66727f',
      weight: 0.4,
      fillOpacity: 1,
      fillColor: colour(value.get(String(f?.id))),
    }),
  }).addTo(map);
  map.fitBounds(layer.getBounds(), { animate: false });
  const done = performance.now();
  report({ start, done, painted: await painted(), count: fc.features.length });
}

main().catch(fail);
