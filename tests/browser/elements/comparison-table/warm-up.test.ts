/**
 * The loader script's warm-up of a table (`warmTable`, table-scope.ts): it requests the data
 * files the table will request, from the same attributes, and nothing the table would not.
 */
import { expect } from '@open-wc/testing';
import '../../../../src/elements/comparison-table/define.js';
import { warmTable } from '../../../../src/elements/comparison-table/table-scope.js';
import { setClient } from '../../../../src/data/client.js';
import { afterEach, describe, it } from '../../helpers.js';
import { ENDPOINT, elementRequests, warmRequests } from '../../warm-up.js';

afterEach(() => setClient(undefined));

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
      const warmed = await warmRequests(warmTable, attrs);
      const own = await elementRequests('comparison-table', attrs);
      expect(warmed).to.deep.equal(own);
    });
  }

  it('a table in a group is warmed with its catalog only', async () => {
    const attrs = 'indicators="geburtenrate" parent="01056" group="warm"';
    expect(await warmRequests(warmTable, attrs)).to.deep.equal([`${ENDPOINT}catalog.json`]);
    expect(await elementRequests('comparison-table', attrs)).to.include(`${ENDPOINT}catalog.json`);
  });
});
