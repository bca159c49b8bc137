/**
 * <municipality-map> on the canvas path (issue 16): the 1,112 Gemeinden of the Land drawn by
 * RegionCanvas, without a Leaflet layer per region. A new year restyles the shapes built
 * once (no second build, the same canvas layer, other pixels); the pointer finds the region
 * under it (hover shows its tooltip, a click selects it).
 */
import { expect, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../../../src/elements/municipality-map/define.js';
import type { MunicipalityMapElement } from '../../../../src/elements/municipality-map/municipality-map.js';
import type { LeafletMap } from '../../../../src/elements/municipality-map/leaflet-map.js';
import type { FokusSelectEvent } from '../../../../src/internal/events.js';
import { setClient } from '../../../../src/data/client.js';
import { $, $$, afterEach, describe, ENDPOINT, it, loaded, nextEvent, text, useClient } from './fixtures.js';

const ELMSHORN = '01056015';

afterEach(() => setClient(undefined));

/** The element's Leaflet map (a private member, read at run time). */
const leafletOf = (el: MunicipalityMapElement) => (el as unknown as { leaflet: { map?: LeafletMap } }).leaflet.map!;

/** The canvas on screen (RegionCanvas swaps a second canvas in after each complete draw). */
const drawnCanvas = (el: MunicipalityMapElement) => $<HTMLCanvasElement>(el, '.map .leaflet-overlay-pane canvas')!;

const landMap = () =>
  loaded(
    html`<municipality-map
      endpoint=${ENDPOINT}
      indicator="motorisierungsgrad"
      level="gemeinde"
      parent="01"
      year="2024"
      show-time
    ></municipality-map>`,
  );

describe('<municipality-map> canvas path', () => {
  it('draws 1,112 regions without a Leaflet layer per region', async () => {
    useClient();
    const { el, count } = await landMap();
    expect(count).to.equal(1112);
    const map = leafletOf(el);
    expect(map.canvas).to.equal(true);
    expect(!!map.shapes, 'RegionCanvas').to.equal(true);
    expect(map.ids().length).to.equal(1112);
    expect($$(el, '.map path[data-region]').length).to.equal(0);
    expect($$(el, '.leaflet-interactive').filter((e) => e.localName === 'path').length).to.equal(0);
    // something was drawn: the canvas is not blank
    const canvas = drawnCanvas(el);
    const blank = document.createElement('canvas');
    [blank.width, blank.height] = [canvas.width, canvas.height];
    expect(canvas.toDataURL() !== blank.toDataURL(), 'not blank').to.equal(true);
  });

  it('a new year restyles the shapes built once (same layer, no second build, other pixels)', async () => {
    useClient();
    const { el } = await landMap();
    const map = leafletOf(el);
    const shapes = map.shapes!;
    expect(shapes.builds).to.equal(1);
    const before = drawnCanvas(el).toDataURL();
    const load = nextEvent('fokus-load');
    const slider = $<HTMLInputElement>(el, '[part=time] input')!;
    slider.value = '0';
    slider.dispatchEvent(new Event('input'));
    await load;
    await el.updateComplete;
    expect(el.year).to.equal(2010);
    // booleans: a failure message must not print a Leaflet map or megabytes of rings
    expect(leafletOf(el) === map, 'same Leaflet map').to.equal(true);
    expect(map.shapes === shapes, 'same canvas layer').to.equal(true);
    expect(shapes.builds).to.equal(1, 'shapes not built again');
    expect(drawnCanvas(el).toDataURL() !== before, 'painted with the colours of 2010').to.equal(true);
  });

  it('the pointer finds the region under it: hover shows its tooltip, a click selects it', async () => {
    useClient();
    const { el } = await landMap();
    const map = leafletOf(el);
    const point = map.pointOf(ELMSHORN)!;
    const box = $(el, '.map')!.getBoundingClientRect();
    const position: [number, number] = [Math.round(box.left + point.x), Math.round(box.top + point.y)];
    await sendMouse({ type: 'move', position });
    await el.updateComplete;
    expect(text($(el, '[part=tooltip]'))).to.contain('Elmshorn');
    const selected = nextEvent<FokusSelectEvent>('fokus-select');
    await sendMouse({ type: 'click', position });
    expect((await selected).detail.region).to.equal(ELMSHORN);
    expect(el.selected).to.equal(ELMSHORN);
    // off the regions (the sea in the top left corner): no region
    await sendMouse({ type: 'move', position: [Math.round(box.left + 3), Math.round(box.top + 3)] });
    await el.updateComplete;
    expect(map.shapes!.hovered).to.equal('');
    await sendMouse({ type: 'move', position: [0, 0] });
  });
});
