/**
 * The map's classification attributes as text -> values (`method`, `scheme`, `breaks`,
 * the class count's range). Pure and without imports: the loader script's warm-up checks
 * them (map-files.ts) without loading the classification itself (classify.ts).
 */

export type ClassMethod = 'quantile' | 'equal' | 'jenks' | 'manual';

/** The sequential schemes; all colour-blind safe (ColorBrewer, viridis). */
export const SEQUENTIAL_SCHEMES = ['ylgnbu', 'blues', 'greens', 'purples', 'viridis'] as const;
export type SequentialScheme = (typeof SEQUENTIAL_SCHEMES)[number];
/** `auto`: diverging around the reference when the indicator has a polarity, else `ylgnbu`. */
export type SchemeName = SequentialScheme | 'auto' | 'diverging';

export const MIN_CLASSES = 1;
export const MAX_CLASSES = 9;

/** Parses the `method` attribute; undefined when unknown. */
export function parseMethod(text: string): ClassMethod | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'quantile' || t === 'quantiles') return 'quantile';
  if (t === 'equal' || t === 'equal-interval' || t === 'equal-intervals') return 'equal';
  if (t === 'jenks' || t === 'ckmeans' || t === 'natural' || t === 'natural-breaks') return 'jenks';
  if (t === 'manual') return 'manual';
  return undefined;
}

/** Parses the `scheme` attribute; undefined when unknown. */
export function parseScheme(text: string): SchemeName | undefined {
  const t = text.trim().toLowerCase() || 'auto';
  if (t === 'auto' || t === 'diverging') return t;
  return (SEQUENTIAL_SCHEMES as readonly string[]).includes(t) ? (t as SequentialScheme) : undefined;
}

/**
 * Parses manual thresholds: "400, 500, 600" or "400 500 600" (decimal point), or with
 * semicolons "7,5; 8,5" (then a decimal comma is allowed). Undefined when a part is not a number.
 */
export function parseBreaks(text: string): number[] | undefined {
  const t = text.trim();
  if (!t) return [];
  const parts = t.includes(';') ? t.split(';').map((p) => p.trim().replace(',', '.')) : t.split(/[\s,]+/);
  const numbers = parts.filter(Boolean).map(Number);
  if (numbers.some((n) => !Number.isFinite(n))) return undefined;
  return [...new Set(numbers)].sort((a, b) => a - b);
}
