/** Loads and prepares the view model of <indicator-tile> (no rendering). */
import type { Catalog, Indicator } from '../../data/schema.js';
import { ancestors, indicatorById, parseRegionList, regionById, type Observation } from '../../data/model.js';
import { FokusDataError } from '../../data/errors.js';
import { localText } from '../../data/format.js';
import { FokusUsageError } from '../../internal/errors.js';
import type { Lang } from '../../internal/i18n.js';
import { intervalOf, isSmallCount, minCountOf, type Interval } from '../../data/uncertainty.js';
import type { LoadContext } from '../../internal/data-task.js';
import { changeAgainst, comparisonSentence, type Change, type Reference } from './tile-text.js';

export interface TileArgs {
  endpoint: string;
  indicator: string;
  region: string;
  year?: number;
  compare: string;
  /** Default: the indicator's `minCount` in the catalog (20). */
  minCount?: number;
  lang: Lang;
  locale: string;
}

export interface TileView {
  catalog: Catalog;
  indicator: Indicator;
  regionName: string;
  /** 0 when the region is not in the indicator file (the empty state). */
  count: number;
  year: number;
  current: Observation;
  change?: Change;
  sentence: string;
  /** The numerator when it is below `min-count`. */
  smallCount?: number;
  /** The 95 % interval of a rate on a small count. */
  smallInterval?: Interval;
}

/** The reference regions: `auto` = the Kreis and the Land above the region; `none`; or keys. */
export function referenceIds(catalog: Catalog, region: string, compare: string): string[] {
  const c = compare.trim();
  if (c === 'none') return [];
  if (c && c !== 'auto') return parseRegionList(catalog, c).filter((id) => id !== region);
  return ancestors(catalog, region)
    .filter((r) => r.level === 'kreis' || r.level === 'land')
    .map((r) => r.id);
}

export async function loadTile(a: TileArgs, { client, signal }: LoadContext): Promise<TileView> {
  if (!a.indicator.trim()) throw new FokusUsageError('missing-attribute', 'indicator');
  if (!a.region.trim()) throw new FokusUsageError('missing-attribute', 'region');
  const catalog = await client.getCatalog(a.endpoint, { signal });
  const id = a.indicator.trim();
  if (!indicatorById(catalog, id)) throw new FokusDataError('unknown-indicator', { subject: id });
  const region = regionById(catalog, a.region.trim());
  if (!region) throw new FokusDataError('unknown-region', { subject: a.region.trim() });
  const refs = referenceIds(catalog, region.id, a.compare);
  const data = await client.getIndicator(a.endpoint, id, { signal, regions: [region.id, ...refs] });
  const indicator = data.indicator;
  const year =
    a.year !== undefined && data.years.includes(a.year)
      ? a.year
      : (data.latestYear(region.id) ?? data.years[data.years.length - 1]);
  const current = data.get(region.id, year);
  const prevYear = data.years[data.years.indexOf(year) - 1];
  const decimals = indicator.decimals;
  const change =
    prevYear === undefined
      ? undefined
      : changeAgainst(
          current,
          { ...data.get(region.id, prevYear), year: prevYear },
          decimals,
          indicator.polarity,
          a.lang,
          a.locale,
        );
  const references: Reference[] = refs.map((rid) => {
    const r = regionById(catalog, rid)!;
    return { level: r.level as Reference['level'], name: r.name, ...data.get(rid, year) };
  });
  const sentence = comparisonSentence({
    lang: a.lang,
    locale: a.locale,
    regionName: region.name,
    value: current.value,
    status: current.status,
    unit: localText(indicator.unit, a.lang),
    decimals,
    polarity: indicator.polarity,
    // A published rate or share reads like a rate ("liegt ... unter dem Landeswert").
    kind:
      indicator.computation.type === 'count' && indicator.computation.published ? 'ratio' : indicator.computation.type,
    references,
  });
  const counts = indicator.computation.type === 'ratio' ? data.counts(region.id, year) : undefined;
  return {
    catalog,
    indicator,
    regionName: region.name,
    count: data.has(region.id) ? 1 : 0,
    year,
    current,
    change,
    sentence,
    ...(isSmallCount(counts, a.minCount ?? minCountOf(indicator))
      ? { smallCount: counts!.numerator ?? undefined, smallInterval: intervalOf(data, region.id, year) }
      : {}),
  };
}
