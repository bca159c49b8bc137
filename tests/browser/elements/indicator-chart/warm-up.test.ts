/**
 * The loader script's warm-up of a chart (`warmChart`, chart-scope.ts): it requests the data
 * files the chart will request, from the same attributes, and nothing the chart would not.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import '../../../../src/elements/indicator-chart/define.js';
import { FokusClient, setClient } from '../../../../src/data/client.js';
import { CHART_TYPES } from '../../../../src/elements/indicator-chart/chart-model.js';
import { TEMPLATE_TYPES, warmChart } from '../../../../src/elements/indicator-chart/chart-scope.js';
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

async function chartRequests(attrs: string): Promise<string[]> {
  const urls = useClient();
  const settled = Promise.race([nextEvent('fokus-load'), nextEvent('fokus-error')]);
  await fixture(
    html`<div style="width: 600px">
      ${staticHtml`<indicator-chart endpoint=${ENDPOINT} ${unsafeStatic(attrs)}></indicator-chart>`}
    </div>`,
  );
  await settled;
  return sorted(urls);
}

async function warmRequests(attrs: string): Promise<string[]> {
  const urls = useClient();
  await warmChart(tagWith(attrs), ENDPOINT);
  return sorted(urls);
}

const CASES = [
  'indicator="geburtenrate" region="01056015" compare="01056,01"',
  'indicator="geburtenrate" level="gemeinde" parent="01056" type="bar" year="2024"',
  'indicator="altersstruktur" region="01056015" type="column"',
  'indicator="anteil-65plus" region="01056015" type="column"',
  'indicator="motorisierungsgrad"',
  'indicator="gibt-es-nicht" region="01056015"',
  'indicator="geburtenrate" region="99999999"',
  'indicator="geburtenrate" region="01056015" type="pie"',
  'region="01056015"',
];

describe('<indicator-chart> warm-up (warmChart)', () => {
  it('knows the chart types of the chart model', () => {
    expect([...TEMPLATE_TYPES]).to.deep.equal([...CHART_TYPES]);
  });

  for (const attrs of CASES) {
    it(`requests the data the chart requests: ${attrs}`, async () => {
      const warmed = await warmRequests(attrs);
      const own = await chartRequests(attrs);
      expect(warmed).to.deep.equal(own);
    });
  }

  it('a chart in a group is warmed with its catalog only', async () => {
    const attrs = 'indicator="geburtenrate" region="01056015" group="warm"';
    expect(await warmRequests(attrs)).to.deep.equal([`${ENDPOINT}catalog.json`]);
    expect(await chartRequests(attrs)).to.include(`${ENDPOINT}catalog.json`);
  });
});
