import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  classify,
  classIndex,
  computeBreaks,
  divergingSide,
  NEUTRAL,
  sequentialColors,
} from '../../../../src/elements/municipality-map/classify.js';
import { parseBreaks, parseMethod, parseScheme } from '../../../../src/elements/municipality-map/map-options.js';

const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

test('quantiles put about the same number of values in each class', () => {
  const breaks = computeBreaks(values, 'quantile', 5, [], 1);
  assert.equal(breaks.length, 6);
  assert.equal(breaks[0], 1);
  assert.equal(breaks[5], 10);
  const counts = [0, 0, 0, 0, 0];
  for (const v of values) counts[classIndex(v, breaks)]++;
  assert.deepEqual(counts, [2, 2, 2, 2, 2]);
});

test('equal intervals have equal width between min and max', () => {
  assert.deepEqual(computeBreaks([0, 3, 10], 'equal', 5, [], 1), [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(computeBreaks([0, 10], 'equal', 3, [], 1), [0, 3.3, 6.7, 10]);
});

test('natural breaks (ckmeans) separate clusters', () => {
  const breaks = computeBreaks([1, 1.2, 1.1, 5, 5.2, 5.1, 20, 21], 'jenks', 3, [], 1);
  assert.deepEqual(breaks, [1, 5, 20, 21]);
  assert.equal(classIndex(1.2, breaks), 0);
  assert.equal(classIndex(5.2, breaks), 1);
  assert.equal(classIndex(21, breaks), 2, 'the maximum is in the last class');
});

test('jenks with fewer distinct values than classes reduces the classes', () => {
  assert.deepEqual(computeBreaks([2, 2, 3, 3], 'jenks', 5, [], 0), [2, 3]);
});

test('ties in quantiles merge classes instead of making empty ones', () => {
  const breaks = computeBreaks([5, 5, 5, 5, 5, 5, 9], 'quantile', 4, [], 0);
  assert.deepEqual(breaks, [5, 9]);
  assert.deepEqual(computeBreaks([7, 7], 'quantile', 5, [], 0), [7, 7]);
  assert.equal(classIndex(7, [7, 7]), 0);
  assert.deepEqual(computeBreaks([], 'quantile', 5), []);
});

test('manual breaks are open-ended thresholds', () => {
  const breaks = computeBreaks(values, 'manual', 5, [600, 400, 500]);
  assert.deepEqual(breaks, [-Infinity, 400, 500, 600, Infinity]);
  assert.equal(classIndex(399.9, breaks), 0);
  assert.equal(classIndex(400, breaks), 1);
  assert.equal(classIndex(650, breaks), 3);
});

test('classIndex: lower bound inclusive, last class closed, outside -1', () => {
  const b = [0, 10, 20];
  assert.equal(classIndex(0, b), 0);
  assert.equal(classIndex(9.99, b), 0);
  assert.equal(classIndex(10, b), 1);
  assert.equal(classIndex(20, b), 1);
  assert.equal(classIndex(20.1, b), -1);
  assert.equal(classIndex(-1, b), -1);
  assert.equal(classIndex(Number.NaN, b), -1);
  assert.equal(classIndex(1, []), -1);
});

test('parsers for attributes', () => {
  assert.equal(parseMethod(''), 'quantile');
  assert.equal(parseMethod('Jenks'), 'jenks');
  assert.equal(parseMethod('equal-interval'), 'equal');
  assert.equal(parseMethod('ckmeans'), 'jenks');
  assert.equal(parseMethod('kmeans'), undefined);
  assert.equal(parseScheme(''), 'auto');
  assert.equal(parseScheme('Viridis'), 'viridis');
  assert.equal(parseScheme('rainbow'), undefined);
  assert.deepEqual(parseBreaks('400, 500,600'), [400, 500, 600]);
  assert.deepEqual(parseBreaks('600 400'), [400, 600]);
  assert.deepEqual(parseBreaks('7,5; 8,5'), [7.5, 8.5]);
  assert.deepEqual(parseBreaks(''), []);
  assert.equal(parseBreaks('4, viel'), undefined);
});

test('sequential colours: one per class, light to dark, ColorBrewer lists', () => {
  assert.deepEqual(sequentialColors('blues', 5), ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c']);
  assert.equal(sequentialColors('ylgnbu', 2).length, 2);
  assert.equal(sequentialColors('viridis', 4).length, 4);
  assert.equal(sequentialColors('viridis', 4)[0], '#fde725', 'viridis runs light (low) to dark (high)');
  assert.equal(sequentialColors('greens', 20).length, 9, 'capped at 9 classes');
});

test('diverging sides: nearest to the reference is lightest', () => {
  assert.deepEqual(divergingSide('favourable', 2), ['#92c5de', '#0571b0']);
  assert.deepEqual(divergingSide('unfavourable', 2), ['#f4a582', '#ca0020']);
  assert.deepEqual(divergingSide('favourable', 1), ['#92c5de']);
  assert.equal(divergingSide('favourable', 7).length, 7);
  assert.deepEqual(divergingSide('favourable', 0), []);
});

test('classify: sequential for neutral indicators, counts per class', () => {
  const c = classify({
    values,
    method: 'quantile',
    classes: 5,
    decimals: 1,
    scheme: 'auto',
    polarity: 'neutral',
    reference: 5,
  });
  assert.equal(c.diverging, false);
  assert.equal(c.colors.length, 5);
  assert.deepEqual(c.counts, [2, 2, 2, 2, 2]);
});

test('classify: diverging around the reference for an indicator with polarity', () => {
  const c = classify({
    values,
    method: 'quantile',
    classes: 4,
    decimals: 1,
    scheme: 'auto',
    polarity: 'lower-is-better',
    reference: 5.5,
  });
  assert.equal(c.diverging, true);
  assert.ok(c.breaks.includes(5.5), 'the reference is a class boundary');
  const refAt = c.breaks.indexOf(5.5);
  // lower is better: classes below the reference are blue (favourable), above red.
  for (let i = 0; i < refAt; i++) assert.match(c.colors[i], /^#(92c5de|0571b0|d1e5f0|67a9cf|2166ac|4393c3|053061)$/);
  for (let i = refAt; i < c.colors.length; i++)
    assert.match(c.colors[i], /^#(f4a582|ca0020|fddbc7|ef8a62|b2182b|d6604d|67001f)$/);
  assert.equal(
    c.counts.reduce((a, b) => a + b, 0),
    values.length,
  );
  const hib = classify({
    values,
    method: 'quantile',
    classes: 4,
    decimals: 1,
    scheme: 'auto',
    polarity: 'higher-is-better',
    reference: 5.5,
  });
  assert.match(
    hib.colors[hib.colors.length - 1],
    /^#(0571b0|2166ac|053061)$/,
    'higher is better: the highest class is dark blue',
  );
  assert.match(
    c.colors[c.colors.length - 1],
    /^#(ca0020|b2182b|67001f)$/,
    'lower is better: the highest class is dark red',
  );
  assert.notEqual(hib.colors[0], c.colors[0], 'polarity flips the sides');
});

test('classify: manual breaks with a diverging scheme stay as given (the reference is not forced in)', () => {
  const c = classify({
    values,
    method: 'manual',
    classes: 5,
    manual: [3, 5.5, 8],
    decimals: 1,
    scheme: 'auto',
    polarity: 'lower-is-better',
    reference: 5,
  });
  assert.deepEqual(c.breaks, [-Infinity, 3, 5.5, 8, Infinity]);
  assert.equal(c.colors.length, 4, 'breaks="3; 5,5; 8" gives 4 classes');
  assert.deepEqual(c.counts, [2, 3, 2, 3]);
  assert.equal(c.diverging, true);
  // lower is better: below the reference blue, the class holding it neutral, above red.
  assert.equal(c.colors[0], '#92c5de');
  assert.equal(c.colors[1], NEUTRAL);
  assert.deepEqual(c.colors.slice(2), ['#f4a582', '#ca0020']);
});

test('classify: equal intervals are equal, also with a diverging scheme', () => {
  const c = classify({
    values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    method: 'equal',
    classes: 5,
    decimals: 1,
    scheme: 'auto',
    polarity: 'higher-is-better',
    reference: 4.5,
  });
  assert.deepEqual(c.breaks, [0, 2, 4, 6, 8, 10]);
  const widths = c.breaks.slice(1).map((b, i) => b - c.breaks[i]);
  assert.ok(
    widths.every((w) => w === widths[0]),
    `equal widths: ${widths.join(', ')}`,
  );
  assert.equal(c.colors[2], NEUTRAL, 'the class holding the reference is neutral');
  assert.equal(c.colors.length, 5);
});

test('classify: quantiles split at the reference leave no empty class', () => {
  // Values above the reference far from it (as on the Amt map): the class from the reference
  // to the first quantile above used to be empty ([5, 8) here).
  const few = [1, 2, 3, 4, 8, 8, 8, 9];
  const c = classify({
    values: few,
    method: 'quantile',
    classes: 5,
    decimals: 1,
    scheme: 'auto',
    polarity: 'lower-is-better',
    reference: 5,
  });
  assert.ok(
    c.counts.every((n) => n > 0),
    `counts ${c.counts.join(', ')} / breaks ${c.breaks.join(', ')}`,
  );
  assert.ok(c.breaks.includes(5));
  assert.equal(c.colors.length, c.counts.length);
});

test('classify: no values give no classes (no NaN in the legend)', () => {
  const c = classify({
    values: [],
    method: 'quantile',
    classes: 5,
    decimals: 1,
    scheme: 'auto',
    polarity: 'neutral',
    reference: 5,
  });
  assert.deepEqual(c.breaks, []);
  assert.deepEqual(c.colors, []);
  assert.deepEqual(c.counts, []);
});

test('classify: no reference means sequential even with polarity', () => {
  const c = classify({
    values,
    method: 'quantile',
    classes: 3,
    decimals: 1,
    scheme: 'auto',
    polarity: 'higher-is-better',
    reference: null,
  });
  assert.equal(c.diverging, false);
  assert.deepEqual(c.colors, sequentialColors('ylgnbu', 3));
});
