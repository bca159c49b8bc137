import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSelection, encodeSelection, paramName } from '../../../src/internal/selection-url.js';

test('selection <-> query string: per group, other parameters kept, invalid values ignored', () => {
  assert.equal(paramName('pi', 'year'), 'pi.year');
  const s = encodeSelection('?a=1', 'pi', { region: '01056015', year: 2019 });
  assert.equal(s, '?a=1&pi.region=01056015&pi.year=2019');
  assert.deepEqual(decodeSelection(s, 'pi'), { region: '01056015', year: 2019 });
  assert.equal(encodeSelection(s, 'pi', { region: '01056015' }), '?a=1&pi.region=01056015');
  assert.equal(encodeSelection('', 'pi', {}), '');
  assert.deepEqual(decodeSelection('pi.region=javascript:alert(1)&pi.year=1e4&pi.indicator=A B', 'pi'), {});
  // two groups in one URL do not disturb each other
  const both = encodeSelection(s, 'map2', { indicator: 'sgb2-quote' });
  assert.deepEqual(decodeSelection(both, 'pi'), { region: '01056015', year: 2019 });
  assert.deepEqual(decodeSelection(both, 'map2'), { indicator: 'sgb2-quote' });
});
