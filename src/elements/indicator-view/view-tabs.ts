/** Pure logic of the tabs of `<indicator-view>`: the tab names and the WAI-ARIA tab keys. */

/** The tabs, in order. */
export const VIEWS = ['chart', 'map', 'table'] as const;
export type ViewName = (typeof VIEWS)[number];

/** True for `chart`, `map` or `table`. */
export function isView(value: unknown): value is ViewName {
  return typeof value === 'string' && (VIEWS as readonly string[]).includes(value);
}

/**
 * The tab that gets the focus for a key of the tablist (WAI-ARIA tabs pattern): Left/Right
 * (also Up/Down) to the previous/next tab, wrapping around, Home/End to the first/last;
 * undefined for any other key.
 */
export function tabForKey(current: ViewName, key: string): ViewName | undefined {
  const i = VIEWS.indexOf(current);
  const n = VIEWS.length;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return VIEWS[(i + 1) % n];
    case 'ArrowLeft':
    case 'ArrowUp':
      return VIEWS[(i - 1 + n) % n];
    case 'Home':
      return VIEWS[0];
    case 'End':
      return VIEWS[n - 1];
    default:
      return undefined;
  }
}

/** The tag of the element a tab shows. */
export const TAGS: Record<ViewName, 'indicator-chart' | 'municipality-map' | 'comparison-table'> = {
  chart: 'indicator-chart',
  map: 'municipality-map',
  table: 'comparison-table',
};
