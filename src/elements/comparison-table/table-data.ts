/**
 * Loading for `<comparison-table>`: checks the attributes, reads the catalog and the
 * indicators through the page-wide client, and builds the table model. No Lit, no DOM.
 */
import type { Catalog, Indicator } from '../../data/schema.js';
import { regionById, type IndicatorData } from '../../data/model.js';
import { localText } from '../../data/format.js';
import { FokusUsageError } from '../../internal/errors.js';
import type { LoadContext } from '../../internal/data-task.js';
import { msg, type Lang } from '../../internal/i18n.js';
import { messages } from './messages.js';
import { intervalOf, minCountOf } from '../../data/uncertainty.js';
import { buildModel, matchSelected, type DeviationMode, type TableModel } from './table-model.js';
import { requestTableData, tableIndicatorIds } from './table-scope.js';

export interface View {
  catalog: Catalog;
  indicators: Indicator[];
  model: TableModel;
  /** Caption text: what is compared, where and when. */
  title: string;
}

/** The element's attributes that decide what is loaded (the DataTask arguments). */
export interface TableArgs {
  endpoint: string;
  indicators: string;
  indicator: string;
  year: number | undefined;
  from: number | undefined;
  to: number | undefined;
  level: string;
  parent: string;
  regions: string;
  reference: string;
  deviation: string;
  noRank: boolean;
  /** Add the 95 % confidence interval of rates (`show-interval`). */
  showInterval: boolean;
  lang: Lang;
  /**
   * The first of `year`, `from`, `to` whose attribute is not a whole number, as
   * `name=value` (e.g. `year=abc`); empty when all are fine.
   */
  badNumber: string;
}

/** Exact Poisson intervals cost about 0.3 ms each: computed once per indicator file, region and year. */
const intervals = new WeakMap<IndicatorData, Map<string, ReturnType<typeof intervalOf>>>();
function cachedInterval(data: IndicatorData, region: string, year: number): ReturnType<typeof intervalOf> {
  let map = intervals.get(data);
  if (!map) intervals.set(data, (map = new Map()));
  const key = `${region}:${year}`;
  if (!map.has(key)) map.set(key, intervalOf(data, region, year));
  return map.get(key);
}

const NUMBER_ATTRIBUTES = ['year', 'from', 'to'] as const;

/** `name=value` of the first of year/from/to that is not a whole number (the attribute text as given); '' when all are. */
export function badNumber(
  el: Partial<Pick<TableArgs, (typeof NUMBER_ATTRIBUTES)[number]>> & { getAttribute(name: string): string | null },
): string {
  for (const name of NUMBER_ATTRIBUTES) {
    const value = el[name];
    if (value !== undefined && value !== null && !Number.isInteger(value))
      return `${name}=${el.getAttribute(name) ?? String(value)}`;
  }
  return '';
}

/**
 * Loads what the table shows. Errors name the problem: a missing or invalid attribute
 * (`FokusUsageError`), an unknown indicator, region or level (`FokusDataError`).
 */
export async function loadTable(args: TableArgs, { client, signal }: LoadContext): Promise<View> {
  const { endpoint, indicator, year, from, to, parent, regions, deviation, noRank, showInterval, lang, badNumber } =
    args;
  if (badNumber) {
    const at = badNumber.indexOf('=');
    throw new FokusUsageError('invalid-attribute', badNumber.slice(0, at), badNumber.slice(at + 1));
  }
  const ids = tableIndicatorIds(args);
  if (ids.length === 0) throw new FokusUsageError('missing-attribute', 'indicators');
  if (deviation && deviation !== 'absolute' && deviation !== 'percent')
    throw new FokusUsageError('invalid-attribute', 'deviation', deviation);
  const catalog = await client.getCatalog(endpoint, { signal });
  const { levelId, compared, refs, data: requested } = requestTableData(client, endpoint, catalog, args, { signal });
  const data = await Promise.all(requested);
  const byId = new Map<string, IndicatorData>(data.map((d) => [d.id, d]));
  const first = data[0];
  // A year no compared indicator has would show every cell as missing: say so instead.
  if (!indicator && year !== undefined && !data.some((d) => d.years.includes(year)))
    throw new FokusUsageError('invalid-attribute', 'year', String(year));
  const latest = (d: IndicatorData) => d.latestYear() ?? d.years[d.years.length - 1];
  const years = indicator
    ? first.years.filter((y) => (from === undefined || y >= from) && (to === undefined || y <= to))
    : [year ?? Math.max(...data.map(latest))];
  // Without a `year`, each indicator shows its own latest year with values (deaths of the
  // last year may not be available yet): such a column names its year.
  const ownYear = new Map<string, number>(
    indicator || year !== undefined ? [] : data.filter((d) => latest(d) !== years[0]).map((d) => [d.id, latest(d)]),
  );
  const yearOf = (i: string, y: number) => ownYear.get(i) ?? y;
  const model = buildModel({
    mode: indicator ? 'years' : 'indicators',
    indicators: data.map((d) => ({
      id: d.id,
      label:
        localText(d.indicator.shortLabel ?? d.indicator.label, lang) +
        (ownYear.has(d.id) ? ` (${ownYear.get(d.id)})` : ''),
      unit: localText(d.indicator.unit, lang),
      decimals: d.indicator.decimals,
      polarity: d.indicator.polarity,
      minCount: minCountOf(d.indicator),
    })),
    years,
    regions: years.length ? compared : [],
    references: refs,
    deviation: (deviation || undefined) as DeviationMode | undefined,
    noRank,
    showInterval,
    cell: (i, r, y) => byId.get(i)!.get(r, yearOf(i, y)),
    interval: (i, r, y) => cachedInterval(byId.get(i)!, r, yearOf(i, y)),
    trend: (i, r) =>
      byId
        .get(i)!
        .series(r)
        .filter((p) => !indicator || years.includes(p.year)),
  });
  const parentRegion = parent ? regionById(catalog, parent.trim()) : undefined;
  const levels = msg(messages, lang, `level.${levelId}`);
  const where = regions
    ? msg(messages, lang, 'regionsList')
    : parentRegion
      ? `${levels} – ${parentRegion.name}`
      : levels;
  const title = indicator
    ? msg(messages, lang, 'captionYears', {
        indicator: localText(first.indicator.label, lang),
        regions: where,
        from: years[0] ?? '',
        to: years[years.length - 1] ?? '',
      })
    : msg(messages, lang, 'captionIndicators', { regions: where, year: years[0] });
  return { catalog, indicators: data.map((d) => d.indicator), model, title } satisfies View;
}

const rowIdCache = new WeakMap<View, Set<string>>();
/** The keys of a view's rows (reference and compared). */
function rowIds(view: View): Set<string> {
  let ids = rowIdCache.get(view);
  if (!ids) rowIdCache.set(view, (ids = new Set([...view.model.references, ...view.model.rows].map((r) => r.id))));
  return ids;
}

/**
 * The row highlighted for the selected region: its own row, or the row of a region that
 * contains it (`via`: the selected region's name then).
 */
export function highlightOf(view: View, selected: string): { id: string; via?: string } | undefined {
  if (!selected) return undefined;
  const ids = rowIds(view);
  const match = matchSelected(
    selected,
    (id) => ids.has(id),
    (id) => regionById(view.catalog, id)?.parent,
  );
  if (!match) return undefined;
  return { id: match.id, via: match.via ? regionById(view.catalog, selected)?.name : undefined };
}
