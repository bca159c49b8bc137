/**
 * Sizes of loading skeletons: each element says how tall its finished view will be (from
 * its attributes: row count, aspect ratio, caption shown or not), and `DataTask.render`
 * reserves that height while loading (`skeletonHeight`), so nothing jumps (CLS) when the
 * data arrive. Pure helpers, no DOM writes; the height reaches the page through
 * `styleProps` (CSP-safe).
 */

/** A height as a CSS length: numbers are px, strings (e.g. `calc(12em + 40px)`) pass as they are. */
export function cssLength(height: number | string): string {
  return typeof height === 'number' ? `${Math.max(0, Math.round(height))}px` : height;
}

/**
 * The height of a view whose body keeps an aspect ratio (`ratio` = width / height) at
 * `width` px, plus `extra` px (title, legend, caption, toolbar), clamped to `min`/`max`.
 */
export function aspectHeight(
  width: number,
  ratio: number,
  { extra = 0, min = 0, max = Infinity }: { extra?: number; min?: number; max?: number } = {},
): number {
  const w = width > 0 ? width : 640;
  const body = ratio > 0 ? w / ratio : 0;
  return Math.round(Math.min(max, Math.max(min, body)) + extra);
}

/** The height of `rows` rows of `row` px each, plus a header and `extra` px (caption, toolbar). */
export function rowsHeight(rows: number, { row = 37, header = 44, extra = 0 } = {}): number {
  return Math.round(Math.max(0, rows) * row + header + extra);
}

const widths = new WeakMap<Element, number>();
let observer: ResizeObserver | undefined;

/**
 * The width the element has now (its own box; 0 before layout): for aspect-based heights.
 * Measured once (reading a box forces a layout, and elements call this on every render), then
 * followed by one shared ResizeObserver until the element leaves the page.
 */
export function widthOf(element: Element): number {
  const known = widths.get(element);
  if (known !== undefined) return known;
  const width = element.getBoundingClientRect?.().width ?? 0;
  if (typeof ResizeObserver === 'undefined' || !element.isConnected) return width;
  widths.set(element, width);
  observer ??= new ResizeObserver((entries) => {
    for (const { target, borderBoxSize, contentRect } of entries) {
      if (target.isConnected) widths.set(target, borderBoxSize?.[0]?.inlineSize ?? contentRect.width);
      else {
        observer!.unobserve(target);
        widths.delete(target);
      }
    }
  });
  observer.observe(element);
  return width;
}
