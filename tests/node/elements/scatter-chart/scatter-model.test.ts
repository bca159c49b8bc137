import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleCorrelation, sampleRankCorrelation } from 'simple-statistics';
import {
  association,
  linearScale,
  nextPoint,
  niceTicks,
  pearson,
  ranks,
  spearman,
  tickStep,
  type ScatterPoint,
} from '../../../../src/elements/scatter-chart/scatter-model.js';

const close = (a: number, b: number, eps = 1e-12) => assert.ok(Math.abs(a - b) < eps, `${a} != ${b}`);

test('pearson and spearman agree with simple-statistics (ties included)', () => {
  const xs = [9.1, 7.4, 8.8, 6.2, 10.3, 7.4, 5.9, 8.0];
  const ys = [18.2, 24.9, 20.1, 27.5, 17.0, 23.3, 28.1, 20.1];
  close(pearson(xs, ys), sampleCorrelation(xs, ys));
  close(spearman(xs, ys), sampleRankCorrelation(xs, ys));
  assert.ok(pearson(xs, ys) < -0.9);
});

test('ranks average ties; perfect monotone data give rho 1 however curved', () => {
  assert.deepEqual(ranks([10, 20, 20, 5]), [2, 3.5, 3.5, 1]);
  const xs = [1, 2, 3, 4, 5, 6];
  const ys = xs.map((x) => x ** 4);
  close(spearman(xs, ys), 1);
  assert.ok(pearson(xs, ys) < 1);
});

test('no variance or fewer than two pairs give NaN', () => {
  assert.ok(Number.isNaN(pearson([1], [2])));
  assert.ok(Number.isNaN(pearson([1, 1, 1], [1, 2, 3])));
});

test('association: too few, none, weak, strong, and disagreeing signs count as none', () => {
  const pts = (pairs: number[][]) => pairs.map(([x, y]) => ({ x, y }));
  assert.equal(
    association(
      pts([
        [1, 2],
        [2, 3],
        [3, 4],
        [4, 5],
      ]),
    ).strength,
    'too-few',
  );
  const strong = association(
    pts([
      [1, 10],
      [2, 8],
      [3, 7],
      [4, 5],
      [5, 2],
      [6, 1],
    ]),
  );
  assert.equal(strong.strength, 'strong');
  assert.equal(strong.direction, -1);
  assert.equal(strong.n, 6);
  const none = association(
    pts([
      [1, 5],
      [2, 1],
      [3, 6],
      [4, 2],
      [5, 5],
      [6, 3],
    ]),
  );
  assert.equal(none.strength, 'none');
  assert.equal(none.direction, 0);
  // one outlier drives Pearson up, the ranks say otherwise: no clear association
  const outlier = association(
    pts([
      [1, 5],
      [2, 4],
      [3, 3],
      [4, 2],
      [5, 1],
      [100, 100],
    ]),
  );
  assert.ok(outlier.pearson > 0.9);
  assert.ok(outlier.spearman < 0.3);
  assert.equal(outlier.strength, 'none');
});

test('ticks are nice, cover the data and the domain ends on ticks', () => {
  assert.equal(tickStep(10, 5), 2);
  assert.equal(tickStep(0.9, 5), 0.2);
  assert.equal(tickStep(25, 10), 2.5);
  const { domain, ticks } = niceTicks(5.3, 11.8, 5);
  assert.deepEqual(domain, [4, 12]);
  assert.deepEqual(ticks, [4, 6, 8, 10, 12]);
  const small = niceTicks(0.13, 0.41, 4);
  assert.deepEqual(small.ticks, [0.1, 0.2, 0.3, 0.4, 0.5]);
  const single = niceTicks(7, 7);
  assert.ok(single.domain[0] < 7 && single.domain[1] > 7);
});

test('linear scale maps the domain onto the range, also inverted (y axis)', () => {
  const y = linearScale([0, 10], [300, 100]);
  assert.equal(y(0), 300);
  assert.equal(y(10), 100);
  assert.equal(y(5), 200);
});

test('keyboard: left/right by x, up/down by y, home/end, clamped at the ends', () => {
  const p = (region: string, x: number, y: number): ScatterPoint => ({
    region,
    name: region,
    x,
    y,
    smallX: false,
    smallY: false,
  });
  const points = [p('a', 3, 1), p('b', 1, 3), p('c', 2, 2), p('d', 4, 0)];
  assert.equal(nextPoint(points, undefined, 'ArrowRight'), 'b');
  assert.equal(nextPoint(points, undefined, 'ArrowLeft'), 'd');
  assert.equal(nextPoint(points, 'b', 'ArrowRight'), 'c');
  assert.equal(nextPoint(points, 'c', 'ArrowRight'), 'a');
  assert.equal(nextPoint(points, 'd', 'ArrowRight'), 'd');
  assert.equal(nextPoint(points, 'c', 'ArrowUp'), 'b');
  assert.equal(nextPoint(points, 'c', 'ArrowDown'), 'a');
  assert.equal(nextPoint(points, 'c', 'Home'), 'b');
  assert.equal(nextPoint(points, 'c', 'End'), 'd');
  assert.equal(nextPoint([], undefined, 'Home'), undefined);
});
