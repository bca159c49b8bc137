import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factorial, median } from 'simple-statistics';
import {
  binomialTestTwoSided,
  chiSquareQuantile,
  comparePoissonRates,
  gammaP,
  mannKendall,
  normalCdf,
  normalQuantile,
  poissonInterval,
  robustScore,
  theilSen,
} from '../../src/data/stats.js';

const near = (actual: number, expected: number, tol: number, what = '') =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what} ${actual} is not within ${tol} of ${expected}`);

test('normal distribution: textbook quantiles and probabilities', () => {
  near(normalQuantile(0.975), 1.959964, 1e-6, 'z(0.975)');
  near(normalQuantile(0.5), 0, 1e-9, 'z(0.5)');
  near(normalQuantile(0.001), -3.090232, 1e-5, 'z(0.001)');
  near(normalCdf(1.959964), 0.975, 1e-6);
  near(normalCdf(-1), 0.158655, 1e-6);
});

test('chi-square quantiles from the gamma function match the tables', () => {
  near(chiSquareQuantile(0.95, 1), 3.841459, 1e-5);
  near(chiSquareQuantile(0.95, 10), 18.307038, 1e-5);
  near(chiSquareQuantile(0.025, 14), 5.628726, 1e-5);
  near(gammaP(1, 2), 1 - Math.exp(-2), 1e-12, 'P(1, x) is the exponential distribution');
  near(gammaP(3, 50), 1, 1e-12);
});

test('exact Poisson interval (Garwood): published values and the defining tail probabilities', () => {
  const seven = poissonInterval(7);
  near(seven.low, 2.8143, 1e-4, 'low(7)');
  near(seven.high, 14.423, 1e-3, 'high(7)');
  const zero = poissonInterval(0);
  assert.equal(zero.low, 0);
  near(zero.high, 3.6889, 1e-4, 'high(0) = -ln(0.025)');
  near(zero.high, -Math.log(0.025), 1e-9);
  const ten = poissonInterval(10);
  near(ten.low, 4.7954, 1e-4);
  near(ten.high, 18.3904, 1e-4);
  // The definition, summed by hand (factorials from simple-statistics):
  // P(X >= 7 | low) = 0.025 and P(X <= 7 | high) = 0.025.
  const cdf = (k: number, mean: number) => {
    let s = 0;
    for (let i = 0; i <= k; i++) s += (Math.exp(-mean) * mean ** i) / factorial(i);
    return s;
  };
  near(1 - cdf(6, seven.low), 0.025, 1e-9, 'upper tail at low');
  near(cdf(7, seven.high), 0.025, 1e-9, 'lower tail at high');
  assert.throws(() => poissonInterval(-1), /not a count/);
});

test('exact binomial test agrees with summing the binomial probabilities by hand', () => {
  const pmfOf = (n: number, p: number) =>
    Array.from(
      { length: n + 1 },
      (_, i) => (factorial(n) / factorial(i) / factorial(n - i)) * p ** i * (1 - p) ** (n - i),
    );
  for (const [k, n, p] of [
    [25, 35, 0.5],
    [3, 20, 0.4],
    [0, 12, 0.3],
    [9, 10, 0.6],
  ] as const) {
    const pmf = pmfOf(n, p);
    const expected = Math.min(
      1,
      pmf.filter((x) => x <= pmf[k] * (1 + 1e-7)).reduce((s, x) => s + x, 0),
    );
    near(binomialTestTwoSided(k, n, p), expected, 1e-9, `binom(${k}, ${n}, ${p})`);
  }
  // By hand: 25 of 35 at p = 1/2 is symmetric: 2 * P(X >= 25) = 0.01668.
  near(binomialTestTwoSided(25, 35, 0.5), 0.016674, 1e-6);
});

test('two Poisson rates: 10 against 25 events on equal populations differ, 7 against 9 do not', () => {
  const differ = comparePoissonRates(10, 1000, 25, 1000);
  near(differ.p, binomialTestTwoSided(25, 35, 0.5), 1e-12);
  assert.ok(differ.p < 0.05);
  near(differ.ratio, 2.5, 1e-12);
  const same = comparePoissonRates(7, 300, 9, 310);
  assert.ok(same.p > 0.5, `p = ${same.p}`);
});

test('Mann–Kendall by hand: S, the tie-corrected variance, z and p', () => {
  const up = mannKendall([1, 2, 3, 4, 5]);
  assert.equal(up.s, 10);
  near(up.varS, 50 / 3, 1e-12);
  near(up.z, 9 / Math.sqrt(50 / 3), 1e-12);
  near(up.p, 0.0275, 1e-4);
  assert.equal(up.tau, 1);
  const tied = mannKendall([1, 1, 2, 3]);
  assert.equal(tied.s, 5);
  near(tied.varS, (156 - 18) / 18, 1e-12);
  const flat = mannKendall([4, 4, 4, 4]);
  assert.equal(flat.s, 0);
  assert.equal(flat.p, 1);
});

test('Theil–Sen by hand: median of the ten pairwise slopes, intercept and Sen interval', () => {
  const fit = theilSen([1, 2, 3, 4, 5], [1, 3, 2, 5, 4]);
  assert.equal(fit.slope, median([2, 0.5, 4 / 3, 0.75, -1, 1, 1 / 3, 3, 1, -1]));
  assert.equal(fit.slope, 0.875);
  assert.equal(fit.intercept, 0.125);
  // N = 10 slopes, var S = 50/3, C = 1.96 * 4.08 = 8.00: ranks round(1.0) = 1 and round(9.0) + 1 = 10.
  assert.equal(fit.low, -1);
  assert.equal(fit.high, 3);
  // A perfect line has the exact slope, and an interval around it.
  const line = theilSen([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017], [5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5]);
  assert.equal(line.slope, 0.5);
  assert.equal(line.low, 0.5);
  assert.equal(line.high, 0.5);
});

test('median / MAD modified z-score (Iglewicz & Hoaglin)', () => {
  const r = robustScore([1, 2, 3, 4, 100], 100);
  assert.equal(r.median, 3);
  assert.equal(r.mad, 1);
  near(r.z!, 0.6745 * 97, 1e-9);
  assert.equal(robustScore([5, 5, 5, 6], 6).z, undefined, 'MAD 0: no score');
});
