/**
 * Pure helpers of the linked-views selection: its shape and its encoding in a URL query
 * (`?<group>.region=01056015&<group>.year=2020&<group>.indicator=geburtenrate`). Other
 * query parameters of the host page are kept as they are.
 */

/** What elements of one group share. */
export interface Selection {
  /** Official key of the selected region. */
  region?: string;
  year?: number;
  /** Indicator id. */
  indicator?: string;
  /** The open tab of an `<indicator-view>`: `chart`, `map` or `table`. */
  view?: string;
}

export type SelectionKey = keyof Selection;
export const SELECTION_KEYS: readonly SelectionKey[] = ['region', 'year', 'indicator', 'view'];

const VALID: Record<SelectionKey, RegExp> = {
  region: /^\d{2,12}$/,
  year: /^\d{4}$/,
  indicator: /^[a-z0-9][a-z0-9-]*$/,
  view: /^(?:chart|map|table)$/,
};

/** The query parameter of a key in a group, e.g. `dashboard.region`. */
export function paramName(group: string, key: SelectionKey): string {
  return `${group}.${key}`;
}

/** Reads a group's selection from a query string (`?…` or without `?`); invalid values are ignored. */
export function decodeSelection(search: string, group: string): Selection {
  const params = new URLSearchParams(search);
  const out: Selection = {};
  for (const key of SELECTION_KEYS) {
    const raw = params.get(paramName(group, key))?.trim();
    if (!raw || !VALID[key].test(raw)) continue;
    if (key === 'year') out.year = Number(raw);
    else out[key] = raw;
  }
  return out;
}

/**
 * Writes a group's selection into a query string and returns the new one (`?…`, or ''
 * when nothing is left). Keys the selection does not hold are removed; all other
 * parameters keep their order and values.
 */
export function encodeSelection(search: string, group: string, selection: Selection): string {
  const params = new URLSearchParams(search);
  for (const key of SELECTION_KEYS) {
    const value = selection[key];
    const name = paramName(group, key);
    if (value === undefined || value === '') params.delete(name);
    else params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
