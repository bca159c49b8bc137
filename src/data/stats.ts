/**
 * Small, exact-enough statistics for the insights and the uncertainty of rates. Pure
 * functions, no DOM or Node APIs. Each is tested against values worked out by hand or
 * with simple-statistics as the reference (tests/node/stats.test.ts).
 *
 * - Poisson confidence interval of a count (exact, Garwood 1936, via the chi-square /
 *   gamma relation): lower = chi2(alpha/2; 2k) / 2, upper = chi2(1 - alpha/2; 2k + 2) / 2.
 * - Exact two-sided binomial test, and the conditional test of two Poisson rates built on it.
 * - Mann–Kendall trend test (ties corrected, continuity corrected normal approximation).
 * - Theil–Sen slope with Sen's (1968) confidence interval.
 * - Median / MAD and the modified z-score (Iglewicz & Hoaglin 1993).
 */
import { errorFunction, gammaln, median } from 'simple-statistics';

/** The standard normal distribution function. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  let x: number;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - lo) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  return x;
}

/** The regularized lower incomplete gamma function P(a, x) (series / continued fraction, Numerical Recipes 6.2). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (!Number.isFinite(x)) return 1;
  const lnPre = -x + a * Math.log(x) - gammaln(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.min(1, sum * Math.exp(lnPre));
  }
  // Lentz's continued fraction for Q(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.max(0, 1 - Math.exp(lnPre) * h);
}

/**
 * The p-quantile of the gamma distribution with this shape (scale 1): Newton steps on P(a, x)
 * from the Wilson–Hilferty approximation, inside a bracket that falls back to bisection
 * (a few evaluations of P instead of about 45 bisection steps).
 */
export function gammaQuantile(p: number, shape: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return Infinity;
  let lo = 0;
  let hi = Math.max(1, shape);
  while (gammaP(shape, hi) < p) hi *= 2;
  const lnGamma = gammaln(shape);
  const c = 1 / (9 * shape);
  let x = shape * Math.pow(1 - c + normalQuantile(p) * Math.sqrt(c), 3);
  if (!(x > lo && x < hi)) x = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const f = gammaP(shape, x) - p;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp(-x + (shape - 1) * Math.log(x) - lnGamma);
    let next = density > 0 ? x - f / density : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-12 * Math.max(1, x) || hi - lo <= 1e-12 * Math.max(1, hi)) return next;
    x = next;
  }
  return x;
}

/** The p-quantile of the chi-square distribution with `df` degrees of freedom. */
export function chiSquareQuantile(p: number, df: number): number {
  return 2 * gammaQuantile(p, df / 2);
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * The exact (Garwood) confidence interval of a Poisson mean from an observed count `k`:
 * [chi2(a/2; 2k)/2, chi2(1-a/2; 2k+2)/2] with a = 1 - level. For k = 0 the lower bound is 0.
 * E.g. k = 7 at 95 %: [2.814, 14.423].
 */
export function poissonInterval(k: number, level = 0.95): Interval {
  if (!(k >= 0) || !Number.isFinite(k)) throw new RangeError(`poissonInterval: count ${k} is not a count`);
  // about 0.3 ms each, and counts repeat (a table of 11,000 Gemeinden has a few thousand distinct ones)
  const key = `${k}|${level}`;
  const known = poissonMemo.get(key);
  if (known) return { ...known };
  const alpha = 1 - level;
  const interval = {
    low: k === 0 ? 0 : gammaQuantile(alpha / 2, k),
    high: gammaQuantile(1 - alpha / 2, k + 1),
  };
  if (poissonMemo.size >= 20_000) poissonMemo.clear();
  poissonMemo.set(key, interval);
  return { ...interval };
}
const poissonMemo = new Map<string, Interval>();

function logBinomialPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (p === 1) return k === n ? 0 : -Infinity;
  return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p);
}

/**
 * The exact two-sided binomial test of `k` successes in `n` trials against `p`: the sum of
 * the probabilities of all outcomes no more likely than `k` (as R's `binom.test`).
 */
export function binomialTestTwoSided(k: number, n: number, p: number): number {
  if (n === 0) return 1;
  const own = logBinomialPmf(k, n, p);
  const tolerance = Math.log(1 + 1e-7);
  let total = 0;
  for (let i = 0; i <= n; i++) {
    const l = logBinomialPmf(i, n, p);
    if (l <= own + tolerance) total += Math.exp(l);
  }
  return Math.min(1, total);
}

export interface RateComparison {
  /** Two-sided p-value of "both rates are equal". */
  p: number;
  /** Ratio of the second rate to the first (Infinity when the first count is 0). */
  ratio: number;
}

/**
 * Compares two Poisson rates k1/n1 and k2/n2 (e.g. births per inhabitants in two years):
 * given k1 + k2 events, k2 is binomial with p = n2 / (n1 + n2) when the rates are equal.
 * Exact conditional test, as R's `poisson.test(c(k2, k1), c(n2, n1))`.
 */
export function comparePoissonRates(k1: number, n1: number, k2: number, n2: number): RateComparison {
  const p = binomialTestTwoSided(k2, k1 + k2, n2 / (n1 + n2));
  const ratio = k1 === 0 ? (k2 === 0 ? 1 : Infinity) : k2 / n2 / (k1 / n1);
  return { p, ratio };
}

export interface MannKendall {
  /** Number of pairs. */
  n: number;
  /** Kendall's S: concordant minus discordant pairs. */
  s: number;
  /** Variance of S under "no trend", corrected for ties. */
  varS: number;
  /** Continuity-corrected normal score. */
  z: number;
  /** Two-sided p-value. */
  p: number;
  /** Kendall's tau-a, S / (n(n-1)/2). */
  tau: number;
}

/** The Mann–Kendall test of a monotonic trend in `values` (in time order). */
export function mannKendall(values: readonly number[]): MannKendall {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) for (let j = i + 1; j < n; j++) s += Math.sign(values[j] - values[i]);
  const ties = new Map<number, number>();
  for (const v of values) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = varS > 0 ? (s > 0 ? (s - 1) / Math.sqrt(varS) : s < 0 ? (s + 1) / Math.sqrt(varS) : 0) : 0;
  const p = varS > 0 ? Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) : 1;
  return { n, s, varS, z, p, tau: n > 1 ? s / ((n * (n - 1)) / 2) : 0 };
}

export interface TheilSen {
  /** Median of the pairwise slopes. */
  slope: number;
  /** Median of y - slope * x. */
  intercept: number;
  /** Sen's confidence interval of the slope (from the Mann–Kendall variance). */
  low: number;
  high: number;
  level: number;
}

/** The Theil–Sen slope of y over x with Sen's (1968) confidence interval. */
export function theilSen(x: readonly number[], y: readonly number[], level = 0.95): TheilSen {
  if (x.length !== y.length || x.length < 2) throw new RangeError('theilSen: needs two or more points');
  const slopes: number[] = [];
  for (let i = 0; i < x.length - 1; i++)
    for (let j = i + 1; j < x.length; j++) if (x[j] !== x[i]) slopes.push((y[j] - y[i]) / (x[j] - x[i]));
  slopes.sort((a, b) => a - b);
  const slope = median(slopes);
  const intercept = median(y.map((yi, i) => yi - slope * x[i]));
  const { varS } = mannKendall(y);
  const c = normalQuantile(1 - (1 - level) / 2) * Math.sqrt(varS);
  const big = slopes.length;
  // Ranks (1-based) of the bounds: M1 = (N - C)/2, M2 = (N + C)/2 + 1, clamped to the list.
  const lowRank = Math.max(1, Math.min(big, Math.round((big - c) / 2)));
  const highRank = Math.max(1, Math.min(big, Math.round((big + c) / 2) + 1));
  return { slope, intercept, low: slopes[lowRank - 1], high: slopes[highRank - 1], level };
}

export interface RobustScore {
  median: number;
  /** Median absolute deviation from the median (unscaled). */
  mad: number;
  /** Modified z-score 0.6745 (x - median) / MAD; undefined when MAD is 0. */
  z?: number;
}

/**
 * Where `x` stands among `values` by median and MAD: the modified z-score of Iglewicz and
 * Hoaglin (1993); |z| > 3.5 marks a likely outlier. `values` may include `x`.
 */
export function robustScore(values: readonly number[], x: number): RobustScore {
  if (!values.length) throw new RangeError('robustScore: no values');
  const m = median([...values]);
  const mad = median(values.map((v) => Math.abs(v - m)));
  return { median: m, mad, z: mad > 0 ? (0.6745 * (x - m)) / mad : undefined };
}
