/**
 * The loader script's warm-up of a map (`warmMap`, map-files.ts): it requests what the
 * element will request, from the same attributes, and the element then finds those files
 * in flight or cached (no URL twice, none the element would not ask for).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import '../../../../src/elements/municipality-map/define.js';
import { setClient } from '../../../../src/data/client.js';
import { warmMap } from '../../../../src/elements/municipality-map/map-files.js';
import { afterEach, describe, ENDPOINT, it, loaded, nextEvent, useClient } from './fixtures.js';

afterEach(() => setClient(undefined));

/** An element that is not (yet) a map, with the attributes of `attrs`. */
function tagWith(attrs: string): Element {
  const el = document.createElement('x-not-defined');
  for (const [, name, value] of attrs.matchAll(/([a-z-]+)="([^"]*)"/g)) el.setAttribute(name!, value!);
  return el;
}

const paths = (urls: string[]) => [...new Set(urls.map((u) => new URL(u, location.href).pathname))].sort();

/** The URLs a map with `attrs` requests by itself (fresh client), once it has loaded or failed. */
async function elementRequests(attrs: string): Promise<string[]> {
  const urls = useClient();
  const settled = Promise.race([nextEvent('fokus-load'), nextEvent('fokus-error')]);
  await fixture(
    html`<div style="width: 600px">
      ${staticHtml`<municipality-map endpoint=${ENDPOINT} ${unsafeStatic(attrs)}></municipality-map>`}
    </div>`,
  );
  await settled;
  return paths(urls);
}

/** The URLs the warm-up requests for a tag with `attrs` (fresh client). */
async function warmRequests(attrs: string): Promise<string[]> {
  const urls = useClient();
  await warmMap(tagWith(attrs), ENDPOINT);
  return paths(urls);
}

const CASES = [
  'indicator="motorisierungsgrad" level="gemeinde" parent="01056" year="2024"',
  'indicator="motorisierungsgrad" parent="01056" reference="01056015"',
  'indicator="geburtenrate" level="kreis"',
  'indicator="motorisierungsgrad"',
  'indicator="gibt-es-nicht" parent="01056"',
  'indicator="motorisierungsgrad" parent="99999"',
  'indicator="motorisierungsgrad" level="stadtteil"',
  'indicator="motorisierungsgrad" parent="01056" breaks="viel"',
  'indicator="motorisierungsgrad" parent="01056" classes="12"',
  'indicator="motorisierungsgrad" parent="01056" scheme="rainbow"',
  'indicator="motorisierungsgrad" parent="01056" method="manual"',
  'parent="01056"',
];

describe('<municipality-map> warm-up (warmMap)', () => {
  for (const attrs of CASES) {
    it(`requests what the element requests: ${attrs}`, async () => {
      const warmed = await warmRequests(attrs);
      const own = await elementRequests(attrs);
      expect(warmed.length).to.be.greaterThan(0);
      expect(warmed).to.deep.equal(own);
    });
  }

  it('a map in a group (it may take another indicator from the group) is warmed with its geometry only', async () => {
    const attrs = 'indicator="motorisierungsgrad" parent="01056" group="warm"';
    const warmed = await warmRequests(attrs);
    expect(warmed.some((u) => u.includes('/indicators/'))).to.equal(false);
    expect(warmed.some((u) => u.includes('/geo/'))).to.equal(true);
    const own = await elementRequests(attrs);
    for (const u of warmed) expect(own).to.include(u);
  });

  it('the element finds the warmed files: each URL is requested once, the geometry before the element exists', async () => {
    const urls = useClient();
    const attrs = 'indicator="motorisierungsgrad" level="gemeinde" parent="01056" year="2024"';
    await warmMap(tagWith(attrs), ENDPOINT);
    const before = paths(urls);
    expect(before.some((u) => u.includes('/geo/gemeinde'))).to.equal(true);
    const { count } = await loaded(
      staticHtml`<municipality-map endpoint=${ENDPOINT} ${unsafeStatic(attrs)}></municipality-map>`,
    );
    expect(count).to.equal(49);
    expect(urls.length).to.equal(new Set(urls).size);
    expect(paths(urls)).to.deep.equal(before);
  });
});
