/**
 * Row windowing for a real `<table>`: which slice of rows to render for a scroll
 * position, and how tall the spacer rows above and below must be. Pure arithmetic,
 * unit-tested without DOM.
 */
export interface WindowSlice {
  start: number;
  end: number;
  /** Height of the spacer row above the slice, px. */
  before: number;
  /** Height of the spacer row below the slice, px. */
  after: number;
}

/**
 * `scrollTop` is measured from the top of the windowed rows (after header and pinned rows),
 * `viewport` is the visible height, `rowHeight` the uniform row height.
 */
export function windowSlice(
  total: number,
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  overscan = 8,
): WindowSlice {
  if (total === 0 || rowHeight <= 0) return { start: 0, end: total, before: 0, after: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewport, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first - overscan, total - 1));
  const end = Math.min(total, first + visible + overscan);
  return { start, end, before: start * rowHeight, after: (total - end) * rowHeight };
}
