/**
 * The loader script's warm-up of a chart (`warmChart`, chart-scope.ts): it requests the data
 * files the chart will request, from the same attributes, and nothing the chart would not.
 */
import { expect } from '@open-wc/testing';
import '../../../../src/elements/indicator-chart/define.js';
import { CHART_TYPES } from '../../../../src/elements/indicator-chart/chart-model.js';
import { TEMPLATE_TYPES, warmChart } from '../../../../src/elements/indicator-chart/chart-scope.js';
import { setClient } from '../../../../src/data/client.js';
import { afterEach, describe, it } from '../../helpers.js';
import { ENDPOINT, elementRequests, warmRequests } from '../../warm-up.js';

afterEach(() => setClient(undefined));

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
      const warmed = await warmRequests(warmChart, attrs);
      const own = await elementRequests('indicator-chart', attrs);
      expect(warmed).to.deep.equal(own);
    });
  }

  it('a chart in a group is warmed with its catalog only', async () => {
    const attrs = 'indicator="geburtenrate" region="01056015" group="warm"';
    expect(await warmRequests(warmChart, attrs)).to.deep.equal([`${ENDPOINT}catalog.json`]);
    expect(await elementRequests('indicator-chart', attrs)).to.include(`${ENDPOINT}catalog.json`);
  });
});
