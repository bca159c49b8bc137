import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Polygon } from 'geojson';
import {
  bbox,
  boxGap,
  findOutliers,
  fitProjection,
  neighbour,
  pathData,
  type BBox,
} from '../../../../src/elements/municipality-map/geo.js';

const square = (x: number, y: number, s = 0.1): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
});

test('bbox of polygons and multipolygons', () => {
  assert.deepEqual(bbox(square(9, 53)), [9, 53, 9.1, 53.1]);
  assert.deepEqual(
    bbox({ type: 'MultiPolygon', coordinates: [square(9, 53).coordinates, square(10, 54).coordinates] }),
    [9, 53, 10.1, 54.1],
  );
  assert.equal(bbox({ type: 'Point', coordinates: [1, 2] }), undefined);
});

test('boxGap in km: 0 when touching, about 6.6 km per 0.1 degree longitude at 53.5 N', () => {
  const a: BBox = [9, 53.5, 9.1, 53.6];
  assert.equal(boxGap(a, [9.1, 53.5, 9.2, 53.6]), 0);
  const g = boxGap(a, [9.2, 53.5, 9.3, 53.6]);
  assert.ok(g > 6 && g < 7, String(g));
});

test('findOutliers finds an island far from a compact cluster (Helgoland in Kreis Pinneberg)', () => {
  const regions: { id: string; bbox?: BBox }[] = [];
  for (let i = 0; i < 6; i++)
    for (let j = 0; j < 4; j++)
      regions.push({ id: `g${i}${j}`, bbox: bbox(square(9.5 + i * 0.08, 53.55 + j * 0.08, 0.08)) });
  regions.push({ id: 'helgoland', bbox: [7.87, 54.17, 7.92, 54.19] });
  assert.deepEqual(findOutliers(regions), ['helgoland']);
  // Without the island nothing is outlying.
  assert.deepEqual(findOutliers(regions.slice(0, -1)), []);
});

test('findOutliers at 11,000 regions: the same island found, two regions holding one edge count as one', () => {
  const regions: { id: string; bbox?: BBox }[] = [];
  for (let i = 0; i < 110; i++)
    for (let j = 0; j < 100; j++)
      regions.push({ id: `g${i}-${j}`, bbox: bbox(square(9.5 + i * 0.002, 53.55 + j * 0.002, 0.002)) });
  regions.push({ id: 'island', bbox: [7.87, 54.17, 7.92, 54.19] });
  assert.deepEqual(findOutliers(regions), ['island']);
  // the west edge held by the island and by a twin: leaving one out does not shrink the map
  assert.deepEqual(findOutliers([...regions, { id: 'twin', bbox: [7.87, 54.17, 7.92, 54.19] }]), []);
});

test('findOutliers keeps a nearby island in a large state view', () => {
  const regions: { id: string; bbox?: BBox }[] = [];
  for (let i = 0; i < 20; i++)
    for (let j = 0; j < 12; j++)
      regions.push({ id: `g${i}-${j}`, bbox: bbox(square(8.3 + i * 0.15, 53.4 + j * 0.15, 0.15)) });
  regions.push({ id: 'island', bbox: [7.87, 54.17, 7.92, 54.19] });
  assert.deepEqual(findOutliers(regions), []);
});

test('fitProjection keeps the aspect ratio and centres; pathData closes rings', () => {
  const fit = fitProjection([9, 53, 10, 54], 0, 0, 200, 400);
  assert.ok(fit.width <= 200.0001 && fit.height <= 400.0001);
  const [x0, y0] = fit.project(9, 54);
  const [x1, y1] = fit.project(10, 53);
  assert.ok(Math.abs(x0) < 1e-6 && Math.abs(x1 - 200) < 1e-6, 'width-limited box spans the width');
  assert.ok(y0 < y1, 'north is up');
  const d = pathData(square(9, 53, 1), fit.project);
  assert.match(d, /^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+){3,4}Z$/);
});

test('neighbour: nearest region in the arrow direction', () => {
  const centres = new Map<string, [number, number]>([
    ['a', [9.5, 53.6]],
    ['b', [9.6, 53.6]], // east of a
    ['c', [9.5, 53.7]], // north of a
    ['d', [9.9, 53.61]], // further east
  ]);
  assert.equal(neighbour('a', 'right', centres), 'b');
  assert.equal(neighbour('b', 'right', centres), 'd');
  assert.equal(neighbour('a', 'up', centres), 'c');
  assert.equal(neighbour('a', 'left', centres), undefined);
  assert.equal(neighbour('c', 'down', centres), 'a');
  assert.equal(neighbour('x', 'down', centres), undefined);
});
