/**
 * <municipality-map> beyond one batch (issue 16): a map of more regions than are added per
 * task (REGION_BATCH, 2,000) draws every region, in batches with the main thread free in
 * between. The demo endpoint's 1,112 Gemeinden plus 1,500 made-up square Gemeinden (catalog
 * and geometry extended in the fetch) make 2,612.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/elements/municipality-map/define.js';
import type { MunicipalityMapElement } from '../../../../src/elements/municipality-map/municipality-map.js';
import { REGION_BATCH } from '../../../../src/elements/municipality-map/leaflet-map.js';
import { setClient } from '../../../../src/data/client.js';
import type { Catalog } from '../../../../src/data/schema.js';
import { $, $$, afterEach, describe, ENDPOINT, it, nextEvent, useClient } from './fixtures.js';

const EXTRA = 1500;
const extraId = (i: number) => `0199${String(i).padStart(4, '0')}`;

afterEach(() => setClient(undefined));

interface Topo {
  arcs: number[][][];
  transform?: { scale: [number, number]; translate: [number, number] };
  objects: { regions: { geometries: { type: string; id: string; arcs: number[][]; properties: unknown }[] } };
}

/** Adds the made-up Gemeinden: 30 x 50 squares west of Schleswig-Holstein (one arc each). */
async function extended(url: string, real: () => Promise<Response>): Promise<Response> {
  const response = await real();
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  if (url.endsWith('/catalog.json')) {
    const catalog = (await response.json()) as Catalog;
    for (let i = 0; i < EXTRA; i++)
      catalog.regions.push({
        id: extraId(i),
        name: `Testgemeinde ${i}`,
        level: 'gemeinde',
        parent: '01',
        kind: 'Gemeinde',
      });
    return json(catalog);
  }
  if (url.endsWith('/geo/gemeinde.topo.json')) {
    const topo = (await response.json()) as Topo;
    // quantized, delta-encoded arcs (TopoJSON's transform): first point absolute, then steps
    const t = topo.transform ?? { scale: [1, 1], translate: [0, 0] };
    const q = (v: number, k: 0 | 1) => Math.round((v - t.translate[k]) / t.scale[k]);
    for (let i = 0; i < EXTRA; i++) {
      const [x, y] = [6 + (i % 30) * 0.05, 53.5 + Math.floor(i / 30) * 0.03];
      const [x0, y0, dx, dy] = [q(x, 0), q(y, 1), q(x + 0.04, 0) - q(x, 0), q(y + 0.02, 1) - q(y, 1)];
      topo.arcs.push([
        [x0, y0],
        [dx, 0],
        [0, dy],
        [-dx, 0],
        [0, -dy],
      ]);
      topo.objects.regions.geometries.push({
        type: 'Polygon',
        id: extraId(i),
        arcs: [[topo.arcs.length - 1]],
        properties: { name: `Testgemeinde ${i}` },
      });
    }
    return json(topo);
  }
  return response;
}

describe('<municipality-map> at scale', () => {
  it('draws all regions of a map larger than one batch (SVG: one path each)', async () => {
    useClient(extended);
    const load = nextEvent<CustomEvent<{ count: number }>>('fokus-load');
    const holder = await fixture<HTMLDivElement>(
      html`<div style="width: 900px">
        <municipality-map
          endpoint=${ENDPOINT}
          indicator="motorisierungsgrad"
          level="gemeinde"
          renderer="svg"
          insets="none"
        ></municipality-map>
      </div>`,
    );
    const el = holder.querySelector<MunicipalityMapElement>('municipality-map')!;
    const count = (await load).detail.count;
    expect(count).to.equal(1112 + EXTRA);
    expect(count).to.be.greaterThan(REGION_BATCH, 'more than one batch');
    const paths = $$(el, '.map path[data-region]');
    expect(paths.length).to.equal(count);
    expect(new Set(paths.map((p) => p.getAttribute('data-region'))).size).to.equal(count);
    expect(paths.find((p) => p.getAttribute('data-region') === extraId(EXTRA - 1))).to.not.equal(undefined);
    // the made-up regions have no values: counted as missing in the legend
    expect($(el, '[part=legend] li[data-legend=nodata] .count').textContent).to.contain(String(EXTRA));
  });
});
