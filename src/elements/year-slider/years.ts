/** Pure helpers of <year-slider>: the years to offer and stepping through them. */
import type { Catalog } from '../../data/schema.js';
import { indicatorById } from '../../data/model.js';

/**
 * The years to offer, ascending: those of `indicator` (else of all indicators), cut to
 * `from`..`to` when given. Unknown indicators give [] (the caller reports the error).
 */
export function yearsOf(catalog: Catalog, indicator: string, from?: number, to?: number): number[] {
  const source = indicator
    ? (indicatorById(catalog, indicator)?.years ?? [])
    : catalog.indicators.flatMap((i) => i.years);
  return [...new Set(source)]
    .filter((y) => (from === undefined || y >= from) && (to === undefined || y <= to))
    .sort((a, b) => a - b);
}

/** The offered year nearest to `year` (the later one on a tie); the last one without a year. */
export function nearestYear(years: readonly number[], year: number | undefined): number | undefined {
  if (!years.length) return undefined;
  if (year === undefined || !Number.isFinite(year)) return years[years.length - 1];
  let best = years[0];
  for (const y of years) if (Math.abs(y - year) <= Math.abs(best - year)) best = y;
  return best;
}

/** The year after `year` while playing: the next one, or undefined at the end. */
export function nextYear(years: readonly number[], year: number | undefined): number | undefined {
  const i = year === undefined ? -1 : years.indexOf(year);
  return i >= 0 && i < years.length - 1 ? years[i + 1] : undefined;
}
