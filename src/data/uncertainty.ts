/**
 * Uncertainty of rates on small counts: one rule for every element.
 *
 * A rate such as "births per 1,000 inhabitants" rests on its numerator count. Treated as a
 * Poisson count, its exact 95 % interval (Garwood) divided by the denominator is the
 * interval of the rate. Below `minCount` cases (per indicator in the catalog, default 20:
 * with fewer than 20 events the relative standard error exceeds about 23 %, the usual
 * threshold of official health statistics) a rate counts as resting on a small count:
 * elements show it with its interval and a caution, and never rank or judge it as solid.
 */
import type { Indicator } from './schema.js';
import type { Counts, IndicatorData } from './model.js';
import { poissonInterval, type Interval } from './stats.js';

export type { Interval };

/** The default of the catalog field `minCount`. */
export const DEFAULT_MIN_COUNT = 20;
/** The confidence level of every interval shown. */
export const DEFAULT_LEVEL = 0.95;

/** The small-count threshold of an indicator: its catalog `minCount`, else 20. */
export function minCountOf(indicator: Pick<Indicator, 'minCount'> | undefined): number {
  return indicator?.minCount ?? DEFAULT_MIN_COUNT;
}

/**
 * True when a ratio rests on fewer than `minCount` cases (its numerator). Unknown counts
 * and `minCount` 0 are never small; counts of a count indicator are not passed here.
 */
export function isSmallCount(counts: Counts | undefined, minCount: number = DEFAULT_MIN_COUNT): boolean {
  if (!counts || counts.numerator === null || minCount <= 0) return false;
  return counts.numerator < minCount;
}

/** A rate with the count it rests on and its confidence interval. */
export interface RateInterval extends Interval {
  value: number;
  numerator: number;
  denominator: number;
  level: number;
  /** The numerator is below the indicator's `minCount`. */
  small: boolean;
}

/**
 * The interval of numerator / denominator x factor from the exact Poisson interval of the
 * numerator; undefined when either count is unknown or the denominator is not positive.
 */
export function rateInterval(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
  factor: number,
  level: number = DEFAULT_LEVEL,
): Interval | undefined {
  if (numerator == null || denominator == null || !(denominator > 0) || !(numerator >= 0)) return undefined;
  const { low, high } = poissonInterval(numerator, level);
  return { low: (low / denominator) * factor, high: (high / denominator) * factor };
}

/**
 * The rate of a region and year with its interval, for ratio indicators whose file carries
 * the counts; undefined otherwise (counts, missing values, no counts in the file).
 */
export function intervalOf(
  data: IndicatorData,
  regionId: string,
  year: number,
  level: number = DEFAULT_LEVEL,
): RateInterval | undefined {
  const c = data.indicator.computation;
  if (c.type !== 'ratio') return undefined;
  const { value } = data.get(regionId, year);
  const counts = data.counts(regionId, year);
  if (value === null || !counts) return undefined;
  const interval = rateInterval(counts.numerator, counts.denominator, c.factor, level);
  if (!interval) return undefined;
  return {
    value,
    ...interval,
    numerator: counts.numerator!,
    denominator: counts.denominator!,
    level,
    small: isSmallCount(counts, minCountOf(data.indicator)),
  };
}

/** True when two intervals share at least one point. */
export function intervalsOverlap(a: Interval, b: Interval): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/**
 * The ranks a value could plausibly take given the intervals (highest = 1): best = 1 +
 * the others surely above (their low above its high), worst = 1 + the others possibly
 * above (their high above its low). A point value is an interval of width 0.
 */
export function rankRange(own: Interval, others: readonly Interval[]): { best: number; worst: number } {
  let surely = 0;
  let possibly = 0;
  for (const o of others) {
    if (o.low > own.high) surely++;
    if (o.high > own.low) possibly++;
  }
  return { best: 1 + surely, worst: 1 + possibly };
}

/**
 * For a ranking (items in rank order): whether each item's interval overlaps the one before
 * or after it, i.e. whether its place against its neighbours could be chance.
 */
export function neighboursOverlap(ranked: readonly (Interval | undefined)[]): boolean[] {
  return ranked.map((item, i) => {
    if (!item) return false;
    const before = ranked[i - 1];
    const after = ranked[i + 1];
    return (
      (before !== undefined && intervalsOverlap(item, before)) || (after !== undefined && intervalsOverlap(item, after))
    );
  });
}
