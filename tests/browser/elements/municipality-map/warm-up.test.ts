/**
 * The loader script's warm-up of a map (`warmMap`, map-files.ts): it requests what the
 * element will request, from the same attributes, and the element then finds those files
 * in flight or cached (no URL twice, none the element would not ask for).
 */
import { expect } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import '../../../../src/elements/municipality-map/define.js';
import { setClient } from '../../../../src/data/client.js';
import { warmMap } from '../../../../src/elements/municipality-map/map-files.js';
import { afterEach, describe, it, loaded } from './fixtures.js';
import { ENDPOINT, distinct, elementRequests, recordRequests, tagWith, warmRequests } from '../../warm-up.js';

afterEach(() => setClient(undefined));

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
      const warmed = await warmRequests(warmMap, attrs);
      const own = await elementRequests('municipality-map', attrs);
      expect(warmed.length).to.be.greaterThan(0);
      expect(warmed).to.deep.equal(own);
    });
  }

  it('a map in a group (it may take another indicator from the group) is warmed with its geometry only', async () => {
    const attrs = 'indicator="motorisierungsgrad" parent="01056" group="warm"';
    const warmed = await warmRequests(warmMap, attrs);
    expect(warmed.some((u) => u.includes('/indicators/'))).to.equal(false);
    expect(warmed.some((u) => u.includes('/geo/'))).to.equal(true);
    const own = await elementRequests('municipality-map', attrs);
    for (const u of warmed) expect(own).to.include(u);
  });

  it('the element finds the warmed files: each URL is requested once, the geometry before the element exists', async () => {
    const urls = recordRequests();
    const attrs = 'indicator="motorisierungsgrad" level="gemeinde" parent="01056" year="2024"';
    await warmMap(tagWith(attrs), ENDPOINT);
    const before = distinct(urls);
    expect(before.some((u) => u.includes('/geo/gemeinde'))).to.equal(true);
    const { count } = await loaded(
      staticHtml`<municipality-map endpoint=${ENDPOINT} ${unsafeStatic(attrs)}></municipality-map>`,
    );
    expect(count).to.equal(49);
    expect(urls.length).to.equal(new Set(urls).size);
    expect(distinct(urls)).to.deep.equal(before);
  });
});
