/** Loads and prepares the view model of <indicator-insights> (no rendering). */
import type { Catalog, Indicator, Region } from '../../data/schema.js';
import type { IndicatorScope } from '../../data/client.js';
import type { LoadContext } from '../../internal/data-task.js';
import { indicatorById, peerParent, regionById } from '../../data/model.js';
import { FokusDataError } from '../../data/errors.js';
import { localText } from '../../data/format.js';
import { insightsFor, type Finding } from '../../data/insights.js';
import { periodText } from '../../data/pooling.js';
import { FokusUsageError } from '../../internal/errors.js';

export interface InsightsArgs {
  endpoint: string;
  indicator: string;
  region: string;
  year?: number;
  peers: string;
  lang: string;
}

export interface InsightsView {
  catalog: Catalog;
  indicator: Indicator;
  region: Region;
  year: number;
  /** The year as shown: "2022–2024 (3-Jahres-Mittel)" for a pooled indicator. */
  period: string;
  findings: Finding[];
  /** 0 when the region is not in the indicator file (the empty state). */
  count: number;
}

/**
 * The year as shown next to the indicator's label: "2022–2024 (3-Jahres-Mittel)" for a
 * pooled indicator, without the period's name when the label says it already.
 */
export function shownPeriod(indicator: Indicator, year: number, lang: string): string {
  const text = periodText(indicator, year, lang);
  const period = indicator.period ? localText(indicator.period, lang) : '';
  return period && localText(indicator.label, lang).includes(period) ? text.replace(` (${period})`, '') : text;
}

/**
 * The rows the findings need, so that a page for one Kreis loads its partition: the region
 * and its peers, the regions of its level in its Kreis (below the Gemeinde: in its Gemeinde,
 * as `insightsFor` compares them); peers of similar size come from the whole file.
 */
export function peerScope(catalog: Catalog, region: Region, peers: 'kreis' | 'size'): IndicatorScope {
  if (peers === 'size') return {};
  const within = peerParent(catalog, region);
  // a Kreis or the Land: every partition holds the regions of its level
  return within ? { level: region.level, parent: within.id } : { regions: [region.id] };
}

/** Checks the `peers` attribute: `kreis` (default) or `size`. */
export function parsePeers(text: string): 'kreis' | 'size' {
  const p = text.trim().toLowerCase() || 'kreis';
  if (p === 'kreis' || p === 'size') return p;
  throw new FokusUsageError('invalid-attribute', 'peers', text);
}

export async function loadInsights(a: InsightsArgs, { client, signal }: LoadContext): Promise<InsightsView> {
  if (!a.indicator.trim()) throw new FokusUsageError('missing-attribute', 'indicator');
  if (!a.region.trim()) throw new FokusUsageError('missing-attribute', 'region');
  const peers = parsePeers(a.peers);
  const catalog = await client.getCatalog(a.endpoint, { signal });
  const id = a.indicator.trim();
  if (!indicatorById(catalog, id)) throw new FokusDataError('unknown-indicator', { subject: id });
  const region = regionById(catalog, a.region.trim());
  if (!region) throw new FokusDataError('unknown-region', { subject: a.region.trim() });
  const data = await client.getIndicator(a.endpoint, id, { signal, ...peerScope(catalog, region, peers) });
  const result = insightsFor(data, catalog, region.id, { year: a.year, peers });
  return {
    catalog,
    indicator: data.indicator,
    region,
    year: result.year,
    period: shownPeriod(data.indicator, result.year, a.lang),
    findings: result.findings,
    count: data.has(region.id) ? 1 : 0,
  };
}
