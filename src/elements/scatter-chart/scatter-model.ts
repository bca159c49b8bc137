/**
 * Pure logic of `<scatter-chart>`: scales and ticks, Pearson and Spearman correlation, the
 * careful sentence on the association, and keyboard moves between points. No DOM, no Lit.
 */

/** One region of the plot. */
export interface ScatterPoint {
  region: string;
  name: string;
  x: number;
  y: number;
  /** The x value rests on a small count (uncertainty rules). */
  smallX: boolean;
  /** The y value rests on a small count. */
  smallY: boolean;
}

/** A linear scale from a domain to a range (pixels). */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** The step of about `count` nice ticks (1, 2, 2.5 or 5 times a power of ten) over a span. */
export function tickStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * A nice domain and its ticks covering [min, max]: the domain ends on ticks. A single value
 * (min = max) gets a domain around it.
 */
export function niceTicks(min: number, max: number, count = 5): { domain: [number, number]; ticks: number[] } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { domain: [0, 1], ticks: [0, 1] };
  if (min === max) {
    const pad = Math.abs(min) / 10 || 1;
    min -= pad;
    max += pad;
  }
  const step = tickStep(max - min, count);
  const lo = Math.floor(min / step + 1e-9) * step;
  const hi = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0, v = lo; v <= hi + step / 2 && i < 100; i++, v = lo + i * step) ticks.push(round(v, step));
  return { domain: [lo, hi], ticks };
}

function round(v: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(v.toFixed(Math.min(10, digits)));
}

/** Pearson's correlation coefficient; NaN for fewer than 2 pairs or no variance. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Ranks 1..n, ties get the mean of their ranks. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k][1]] = rank;
    i = j + 1;
  }
  return out;
}

/** Spearman's rank correlation (Pearson on the ranks, ties averaged). */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  return pearson(ranks(xs), ranks(ys));
}

export type Strength = 'none' | 'weak' | 'moderate' | 'strong';

/** The association of two series: both coefficients, n, and a cautious reading. */
export interface Association {
  n: number;
  pearson: number;
  spearman: number;
  /** `none` below |0.3| of either coefficient, or when they disagree in sign; `too-few` below 5 regions. */
  strength: Strength | 'too-few';
  /** +1 or -1 (0 without a clear association). */
  direction: -1 | 0 | 1;
}

/** The smallest number of regions for a sentence on the association. */
export const MIN_POINTS = 5;

/**
 * Reads the association cautiously: it only speaks of a (weak, moderate, strong)
 * association when Pearson and Spearman agree in sign and both reach |0.3|; the weaker of
 * the two decides the strength (|r| < 0.5 weak, < 0.7 moderate, else strong).
 */
export function association(points: readonly Pick<ScatterPoint, 'x' | 'y'>[]): Association {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const n = points.length;
  const r = pearson(xs, ys);
  const rho = spearman(xs, ys);
  if (n < MIN_POINTS || Number.isNaN(r) || Number.isNaN(rho)) {
    return { n, pearson: r, spearman: rho, strength: 'too-few', direction: 0 };
  }
  const weaker = Math.min(Math.abs(r), Math.abs(rho));
  if (Math.sign(r) !== Math.sign(rho) || weaker < 0.3) {
    return { n, pearson: r, spearman: rho, strength: 'none', direction: 0 };
  }
  const strength: Strength = weaker < 0.5 ? 'weak' : weaker < 0.7 ? 'moderate' : 'strong';
  return { n, pearson: r, spearman: rho, strength, direction: r > 0 ? 1 : -1 };
}

/** The keys that move between points. */
export const MOVE_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'] as const;

/**
 * The point the keyboard moves to: Left/Right step through the points ordered by x (then y),
 * Up/Down by y (then x), Home/End to the lowest and highest x. Without an active point the
 * first key starts at the lowest x (Right, Home, Down) or the highest (Left, End, Up).
 */
export function nextPoint(
  points: readonly ScatterPoint[],
  active: string | undefined,
  key: string,
): string | undefined {
  if (!points.length) return undefined;
  const byX = [...points].sort((a, b) => a.x - b.x || a.y - b.y || a.region.localeCompare(b.region));
  const byY = [...points].sort((a, b) => a.y - b.y || a.x - b.x || a.region.localeCompare(b.region));
  if (key === 'Home') return byX[0].region;
  if (key === 'End') return byX[byX.length - 1].region;
  const order = key === 'ArrowUp' || key === 'ArrowDown' ? byY : byX;
  const i = active === undefined ? -1 : order.findIndex((p) => p.region === active);
  const forward = key === 'ArrowRight' || key === 'ArrowUp';
  if (i < 0) return forward ? order[0].region : order[order.length - 1].region;
  const j = Math.max(0, Math.min(order.length - 1, i + (forward ? 1 : -1)));
  return order[j].region;
}

/** The plot area inside an SVG of `width` x `height` (margins for axes and labels). */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The frame of a plot `width` wide: square-ish, at most 420 px high, 240 at least. */
export function plotFrame(width: number): Frame {
  const w = Math.max(260, Math.round(width));
  const height = Math.max(240, Math.min(420, Math.round(w * 0.66)));
  return { width: w, height, left: 56, right: w - 16, top: 14, bottom: height - 44 };
}
