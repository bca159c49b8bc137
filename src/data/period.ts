/**
 * The window of a pooled rate (a computation over n-year sums, see pooling.ts), without the
 * pooling code: what views need to name the years a value stands for.
 */
import type { Indicator } from './schema.js';

/** The window length of an indicator (1 when it is not pooled). */
export function windowLength(indicator: Pick<Indicator, 'computation'>): number {
  const c = indicator.computation;
  return c.type === 'ratio' ? (c.window ?? 1) : 1;
}

/** The years a value of `year` stands for in a sentence: "2024", or "2022–2024" for a 3-year pooled rate. */
export function yearSpan(indicator: Pick<Indicator, 'computation'>, year: number): string {
  const w = windowLength(indicator);
  return w > 1 ? `${year - w + 1}–${year}` : String(year);
}
