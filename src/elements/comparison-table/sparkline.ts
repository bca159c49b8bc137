/**
 * Geometry of a tiny trend line (no Vega): the SVG path, the dots of isolated values
 * and the last point. Gaps (missing values) break the line instead of being drawn as 0.
 */
import { isMissing, type TrendPoint } from './table-model.js';

export interface SparklineGeometry {
  width: number;
  height: number;
  /** Path data; one `M … L …` run per stretch of consecutive values. */
  d: string;
  /** Values without a neighbour (drawn as dots so they are not lost). */
  dots: { x: number; y: number }[];
  /** The last point with a value (highlighted). */
  last?: { x: number; y: number };
  /** First and last point with a value, for the text alternative. */
  first?: TrendPoint;
  end?: TrendPoint;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Lays out `points` (ordered by year) in a `width` x `height` box with `pad` pixels inside. */
export function sparkline(points: TrendPoint[], width = 64, height = 18, pad = 2): SparklineGeometry | undefined {
  const present = points.filter((p) => !isMissing(p));
  if (present.length === 0) return undefined;
  const years = points.map((p) => p.year);
  const y0 = Math.min(...years);
  const y1 = Math.max(...years);
  const values = present.map((p) => p.value as number);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = (year: number) => round(y1 === y0 ? width / 2 : pad + ((year - y0) / (y1 - y0)) * (width - 2 * pad));
  const y = (value: number) =>
    round(hi === lo ? height / 2 : height - pad - ((value - lo) / (hi - lo)) * (height - 2 * pad));

  const runs: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  for (const p of points) {
    if (isMissing(p)) {
      if (run.length) runs.push(run);
      run = [];
    } else {
      run.push({ x: x(p.year), y: y(p.value as number) });
    }
  }
  if (run.length) runs.push(run);

  const d = runs
    .filter((r) => r.length > 1)
    .map((r) => r.map((pt, i) => `${i ? 'L' : 'M'}${pt.x} ${pt.y}`).join(''))
    .join('');
  const dots = runs.filter((r) => r.length === 1).map((r) => r[0]);
  const lastRun = runs[runs.length - 1];
  return {
    width,
    height,
    d,
    dots,
    last: lastRun[lastRun.length - 1],
    first: present[0],
    end: present[present.length - 1],
  };
}
