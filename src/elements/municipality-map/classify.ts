/**
 * Classification of a choropleth: class breaks (quantiles, equal intervals, natural
 * breaks via ckmeans, manual thresholds), colour-blind-safe schemes, and the class of a
 * value. Pure, no DOM.
 *
 * Breaks are class boundaries, ascending, one more than there are classes. A class is
 * `[breaks[i], breaks[i + 1])`; the last class also holds its upper boundary. Manual
 * thresholds give open ends (`-Infinity`, `Infinity`), so that classes stay the same
 * from year to year.
 *
 * Colour schemes are ColorBrewer (Cynthia Brewer, Mark Harrower, The Pennsylvania State
 * University; Apache-2.0) and viridis (Stéfan van der Walt, Nathaniel Smith; CC0), copied
 * as constants from d3-scale-chromatic (ISC).
 */
import { ckmeans, quantileSorted } from 'simple-statistics';
import { MAX_CLASSES, MIN_CLASSES, type ClassMethod, type SchemeName, type SequentialScheme } from './map-options.js';

export type Polarity = 'higher-is-better' | 'lower-is-better' | 'neutral';

const hex = (s: string) => s.split(' ');

/** ColorBrewer lists for 3..9 classes. */
const BREWER: Record<Exclude<SequentialScheme, 'viridis'>, Record<number, string[]>> = {
  blues: {
    3: hex('#deebf7 #9ecae1 #3182bd'),
    4: hex('#eff3ff #bdd7e7 #6baed6 #2171b5'),
    5: hex('#eff3ff #bdd7e7 #6baed6 #3182bd #08519c'),
    6: hex('#eff3ff #c6dbef #9ecae1 #6baed6 #3182bd #08519c'),
    7: hex('#eff3ff #c6dbef #9ecae1 #6baed6 #4292c6 #2171b5 #084594'),
    8: hex('#f7fbff #deebf7 #c6dbef #9ecae1 #6baed6 #4292c6 #2171b5 #084594'),
    9: hex('#f7fbff #deebf7 #c6dbef #9ecae1 #6baed6 #4292c6 #2171b5 #08519c #08306b'),
  },
  ylgnbu: {
    3: hex('#edf8b1 #7fcdbb #2c7fb8'),
    4: hex('#ffffcc #a1dab4 #41b6c4 #225ea8'),
    5: hex('#ffffcc #a1dab4 #41b6c4 #2c7fb8 #253494'),
    6: hex('#ffffcc #c7e9b4 #7fcdbb #41b6c4 #2c7fb8 #253494'),
    7: hex('#ffffcc #c7e9b4 #7fcdbb #41b6c4 #1d91c0 #225ea8 #0c2c84'),
    8: hex('#ffffd9 #edf8b1 #c7e9b4 #7fcdbb #41b6c4 #1d91c0 #225ea8 #0c2c84'),
    9: hex('#ffffd9 #edf8b1 #c7e9b4 #7fcdbb #41b6c4 #1d91c0 #225ea8 #253494 #081d58'),
  },
  greens: {
    3: hex('#e5f5e0 #a1d99b #31a354'),
    4: hex('#edf8e9 #bae4b3 #74c476 #238b45'),
    5: hex('#edf8e9 #bae4b3 #74c476 #31a354 #006d2c'),
    6: hex('#edf8e9 #c7e9c0 #a1d99b #74c476 #31a354 #006d2c'),
    7: hex('#edf8e9 #c7e9c0 #a1d99b #74c476 #41ab5d #238b45 #005a32'),
    8: hex('#f7fcf5 #e5f5e0 #c7e9c0 #a1d99b #74c476 #41ab5d #238b45 #005a32'),
    9: hex('#f7fcf5 #e5f5e0 #c7e9c0 #a1d99b #74c476 #41ab5d #238b45 #006d2c #00441b'),
  },
  purples: {
    3: hex('#efedf5 #bcbddc #756bb1'),
    4: hex('#f2f0f7 #cbc9e2 #9e9ac8 #6a51a3'),
    5: hex('#f2f0f7 #cbc9e2 #9e9ac8 #756bb1 #54278f'),
    6: hex('#f2f0f7 #dadaeb #bcbddc #9e9ac8 #756bb1 #54278f'),
    7: hex('#f2f0f7 #dadaeb #bcbddc #9e9ac8 #807dba #6a51a3 #4a1486'),
    8: hex('#fcfbfd #efedf5 #dadaeb #bcbddc #9e9ac8 #807dba #6a51a3 #4a1486'),
    9: hex('#fcfbfd #efedf5 #dadaeb #bcbddc #9e9ac8 #807dba #6a51a3 #54278f #3f007d'),
  },
};

/** Viridis, light (low) to dark (high). */
const VIRIDIS = hex('#fde725 #addc30 #5ec962 #28ae80 #21918c #2c728e #3b528b #472d7b #440154');

/** ColorBrewer RdBu (colour-blind safe) for 4..10 classes: red = unfavourable, blue = favourable. */
const RDBU: Record<number, string[]> = {
  4: hex('#ca0020 #f4a582 #92c5de #0571b0'),
  6: hex('#b2182b #ef8a62 #fddbc7 #d1e5f0 #67a9cf #2166ac'),
  8: hex('#b2182b #d6604d #f4a582 #fddbc7 #d1e5f0 #92c5de #4393c3 #2166ac'),
  10: hex('#67001f #b2182b #d6604d #f4a582 #fddbc7 #d1e5f0 #92c5de #4393c3 #2166ac #053061'),
};

/** Sequential colours for `k` classes, light (low) to dark (high). */
export function sequentialColors(scheme: SequentialScheme, k: number): string[] {
  const n = Math.max(MIN_CLASSES, Math.min(MAX_CLASSES, Math.round(k)));
  if (scheme === 'viridis') {
    if (n === 1) return [VIRIDIS[4]];
    return Array.from({ length: n }, (_, i) => VIRIDIS[Math.round((i * (VIRIDIS.length - 1)) / (n - 1))]);
  }
  const lists = BREWER[scheme];
  if (n >= 3) return lists[n];
  return n === 1 ? [lists[3][1]] : [lists[3][0], lists[3][2]];
}

/**
 * Colours of one side of a diverging scheme, nearest to the reference first:
 * `side = 'favourable'` (blues) or `'unfavourable'` (reds). At most 5 distinct colours;
 * more classes repeat the darkest.
 */
export function divergingSide(side: 'favourable' | 'unfavourable', m: number): string[] {
  if (m <= 0) return [];
  const k = Math.min(5, m);
  const list = RDBU[k === 1 ? 4 : 2 * k];
  const half = side === 'favourable' ? list.slice(list.length / 2) : list.slice(0, list.length / 2).reverse();
  const picked = k === 1 ? [half[0]] : half;
  return Array.from({ length: m }, (_, i) => picked[Math.min(i, picked.length - 1)]);
}

/** Rounds to `decimals` digits (half away from zero, like the displayed numbers). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(value) * f) / f;
  return value < 0 ? -r : r;
}

function strictlyIncreasing(values: number[]): number[] {
  const out: number[] = [];
  for (const v of values) if (out.length === 0 || v > out[out.length - 1]) out.push(v);
  return out;
}

/**
 * Class boundaries for `values` (already rounded to the displayed decimals).
 * - `quantile`: about the same number of regions per class;
 * - `equal`: classes of equal width between minimum and maximum;
 * - `jenks`: natural breaks, optimal 1-D k-means (simple-statistics `ckmeans`);
 * - `manual`: the given thresholds, open at both ends.
 * Classes that would be empty because of ties are merged, so there may be fewer than `k`.
 */
export function computeBreaks(
  values: readonly number[],
  method: ClassMethod,
  k: number,
  manual: readonly number[] = [],
  decimals = 6,
): number[] {
  if (method === 'manual') return [-Infinity, ...strictlyIncreasing([...manual].sort((a, b) => a - b)), Infinity];
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const n = Math.max(1, Math.min(MAX_CLASSES, Math.round(k)));
  if (min === max || n === 1) return [min, max];
  let inner: number[];
  if (method === 'equal') {
    inner = Array.from({ length: n - 1 }, (_, i) => roundTo(min + ((i + 1) * (max - min)) / n, decimals));
  } else if (method === 'jenks') {
    const distinct = new Set(sorted).size;
    const clusters = ckmeans(sorted, Math.min(n, distinct));
    inner = clusters.slice(1).map((c) => c[0]);
  } else {
    inner = Array.from({ length: n - 1 }, (_, i) => roundTo(quantileSorted(sorted, (i + 1) / n), decimals));
  }
  return strictlyIncreasing([min, ...inner.filter((b) => b > min && b < max), max]);
}

/** The class of a value: `i` with `breaks[i] <= value < breaks[i + 1]`; the last class is closed; -1 when outside or no breaks. */
export function classIndex(value: number, breaks: readonly number[]): number {
  const n = breaks.length - 1;
  if (n < 1 || !(value >= breaks[0]) || value > breaks[n]) return -1;
  if (n === 1) return 0;
  for (let i = n - 1; i >= 0; i--) if (value >= breaks[i]) return i;
  return -1;
}

export interface ClassifyOptions {
  /** The values to classify (regions with a number), rounded to `decimals`. */
  values: readonly number[];
  method: ClassMethod;
  classes: number;
  /** Manual thresholds (method `manual`). */
  manual?: readonly number[];
  decimals: number;
  scheme: SchemeName;
  polarity: Polarity;
  /** The reference value (e.g. the Kreis), centre of a diverging scheme. */
  reference?: number | null;
}

export interface Classification {
  /** Class boundaries (length = classes + 1). */
  breaks: number[];
  /** One colour per class, low to high. */
  colors: string[];
  /** Number of values per class. */
  counts: number[];
  method: ClassMethod;
  /** True when the colours diverge around `reference`. */
  diverging: boolean;
  reference?: number;
}

/** Splits `k` classes between the values below and above the reference, in proportion, at most 5 per side. */
function splitClasses(k: number, below: number, above: number): [number, number] {
  if (below === 0) return [0, Math.min(5, k)];
  if (above === 0) return [Math.min(5, k), 0];
  const total = Math.max(2, k);
  let kb = Math.min(total - 1, Math.max(1, Math.round((total * below) / (below + above))));
  let ka = total - kb;
  kb = Math.min(5, kb);
  ka = Math.min(5, ka);
  return [kb, ka];
}

/** Neutral colour of the class that contains the reference value (diverging schemes). */
export const NEUTRAL = '#f7f7f7';

/**
 * Merges classes left empty by the split at the reference (quantiles or natural breaks
 * of a few values on one side): an empty class is joined with its neighbour; the
 * reference boundary stays.
 */
function dropEmpty(values: readonly number[], breaks: number[], keep: number): number[] {
  let out = breaks;
  for (let guard = 0; guard < 20 && out.length > 2; guard++) {
    const counts = new Array<number>(out.length - 1).fill(0);
    for (const v of values) {
      const i = classIndex(v, out);
      if (i >= 0) counts[i]++;
    }
    const empty = counts.findIndex((c) => c === 0);
    if (empty < 0) break;
    // Remove the inner boundary next to the empty class that is not the reference.
    const candidates = [empty + 1, empty].filter((b) => b > 0 && b < out.length - 1 && out[b] !== keep);
    if (!candidates.length) break;
    out = out.filter((_, i) => i !== candidates[0]);
  }
  return out;
}

/** Breaks and colours for a choropleth (see `ClassifyOptions`). */
export function classify(options: ClassifyOptions): Classification {
  const { values, method, classes, manual = [], decimals, scheme, polarity } = options;
  const reference = options.reference ?? undefined;
  const wantsDiverging =
    reference !== undefined &&
    Number.isFinite(reference) &&
    (scheme === 'diverging' || (scheme === 'auto' && polarity !== 'neutral'));
  let breaks: number[];
  let colors: string[];
  const higherSide = polarity === 'lower-is-better' ? 'unfavourable' : 'favourable';
  const lowerSide = higherSide === 'favourable' ? 'unfavourable' : 'favourable';
  if (wantsDiverging && values.length > 0 && (method === 'manual' || method === 'equal')) {
    // The user's limits (manual) and equal widths stay as they are: the reference is not
    // forced in as an extra limit. Classes wholly below the reference take one side, wholly
    // above the other, the class that holds the reference a neutral colour.
    const ref = reference!;
    breaks = computeBreaks(values, method, classes, manual, decimals);
    const n = Math.max(0, breaks.length - 1);
    // [b_i, b_i+1) is below when its upper limit is at most the reference (the last class
    // is closed: below only when its limit is under it), above when it starts at or above it.
    const side = (i: number) =>
      breaks[i] >= ref ? 1 : (i < n - 1 ? breaks[i + 1] <= ref : breaks[i + 1] < ref) ? -1 : 0;
    const sides = Array.from({ length: n }, (_, i) => side(i));
    const below = sides.filter((s) => s < 0).length;
    const above = sides.filter((s) => s > 0).length;
    const low = divergingSide(lowerSide, below).reverse();
    const high = divergingSide(higherSide, above);
    colors = sides.map((s, i) => (s < 0 ? low[i] : s > 0 ? high[i - (n - above)] : NEUTRAL));
  } else if (wantsDiverging && values.length > 0) {
    const ref = reference!;
    const below = values.filter((v) => v < ref);
    const above = values.filter((v) => v >= ref);
    const [kb, ka] = splitClasses(classes, below.length, above.length);
    const lower = below.length ? computeBreaks([...below, ref], method, kb, [], decimals) : [ref];
    const upper = above.length ? computeBreaks([ref, ...above], method, ka, [], decimals) : [ref];
    breaks = strictlyIncreasing([...lower.filter((b) => b < ref), ref, ...upper.filter((b) => b > ref)]);
    if (breaks.length === 1) breaks = [ref, ref];
    breaks = dropEmpty(values, breaks, ref);
    const refAt = breaks.indexOf(ref);
    const nBelow = Math.max(0, refAt);
    const nAbove = breaks.length - 1 - nBelow;
    colors = [...divergingSide(lowerSide, nBelow).reverse(), ...divergingSide(higherSide, nAbove)];
  } else {
    breaks = computeBreaks(values, method, classes, manual, decimals);
    const seq: SequentialScheme = scheme === 'auto' || scheme === 'diverging' ? 'ylgnbu' : scheme;
    colors = breaks.length >= 2 ? sequentialColors(seq, breaks.length - 1) : [];
  }
  const counts = new Array<number>(Math.max(0, breaks.length - 1)).fill(0);
  for (const v of values) {
    const i = classIndex(v, breaks);
    if (i >= 0) counts[i]++;
  }
  return {
    breaks,
    colors,
    counts,
    method,
    diverging: wantsDiverging && values.length > 0,
    reference: wantsDiverging ? reference : undefined,
  };
}
