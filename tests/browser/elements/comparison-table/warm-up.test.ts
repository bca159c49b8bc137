/**
 * The loader script's warm-up of a table (`warmTable`, table-scope.ts): it requests the data
 * files the table will request, from the same attributes, and nothing the table would not.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import '../../../../src/elements/comparison-table/define.js';
import { FokusClient, setClient } from '../../../../src/data/client.js';
import { warmTable } from '../../../../src/elements/comparison-table/table-scope.js';
import { afterEach, describe, it, nextEvent } from '../../helpers.js';

const ENDPOINT = '/demo-dist/data/';

afterEach(() => setClient(undefined));

/** A fresh page-wide client with the real fetch; the URLs it requests (data files only). */
function useClient(): string[] {
  const urls: string[] = [];
  setClient(
    new FokusClient({
      retries: 0,
      fetch: (input, init) => {
        urls.push(new URL(String(input), location.href).pathname);
        return fetch(input, init);
      },
    }),
  );
  return urls;
}

const sorted = (urls: string[]) => [...new Set(urls)].sort();

function tagWith(attrs: string): Element {
  const el = document.createElement('x-not-defined');
  for (const [, name, value] of attrs.matchAll(/([a-z-]+)="([^"]*)"/g)) el.setAttribute(name!, value!);
  return el;
}

async function tableRequests(attrs: string): Promise<string[]> {
  const urls = useClient();
  const settled = Promise.race([nextEvent('fokus-load'), nextEvent('fokus-error')]);
  await fixture(
    html`<div style="width: 600px">
      ${staticHtml`<comparison-table endpoint=${ENDPOINT} ${unsafeStatic(attrs)}></comparison-table>`}
    </div>`,
  );
  await settled;
  return sorted(urls);
}

async function warmRequests(attrs: string): Promise<string[]> {
  const urls = useClient();
  await warmTable(tagWith(attrs), ENDPOINT);
  return sorted(urls);
}

const CASES = [
  'indicators="geburtenrate,motorisierungsgrad,anteil-65plus" level="gemeinde" parent="01056" year="2024" reference="01056,01"',
  'indicator="geburtenrate" regions="01056015,01056002" from="2015" to="2020"',
  'indicators="geburtenrate" level="kreis"',
  'indicators="geburtenrate"',
  'indicators="geburtenrate,gibt-es-nicht" parent="01056"',
  'indicators="geburtenrate" parent="99999"',
  'indicators="geburtenrate" regions="01056015,99999999"',
  'indicators="geburtenrate" level="stadtteil"',
  'indicators="geburtenrate" parent="01056" year="abc"',
  'indicators="geburtenrate" parent="01056" deviation="viel"',
  'parent="01056"',
];

describe('<comparison-table> warm-up (warmTable)', () => {
  for (const attrs of CASES) {
    it(`requests the data the table requests: ${attrs}`, async () => {
      const warmed = await warmRequests(attrs);
      const own = await tableRequests(attrs);
      expect(warmed).to.deep.equal(own);
    });
  }

  it('a table in a group is warmed with its catalog only', async () => {
    const attrs = 'indicators="geburtenrate" parent="01056" group="warm"';
    expect(await warmRequests(attrs)).to.deep.equal([`${ENDPOINT}catalog.json`]);
    expect(await tableRequests(attrs)).to.include(`${ENDPOINT}catalog.json`);
  });
});
