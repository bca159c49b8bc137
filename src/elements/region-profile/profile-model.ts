/**
 * Pure logic of <region-profile> (Gemeindesteckbrief): which indicators to show, where the
 * region stands among the Gemeinden of its Kreis, and the line that places it.
 */
import type { Catalog, Region } from '../../data/schema.js';
import { ancestors, childrenOf, indicatorById, type IndicatorData } from '../../data/model.js';

/** The key indicators of a profile when none are given: these, as far as the catalog has them. */
export const DEFAULT_INDICATORS = [
  'bevoelkerung',
  'geburtenrate',
  'anteil-unter-18',
  'anteil-65plus',
  'motorisierungsgrad',
  'sgb2-quote',
  'arbeitslosenquote',
];

/** The indicator ids to show: the given list (unknown ids dropped) or the defaults; else the first six of the catalog. */
export function profileIndicators(catalog: Catalog, list: string): string[] {
  const wanted = list.split(/[\s,;]+/).filter(Boolean);
  const ids = (wanted.length ? wanted : DEFAULT_INDICATORS).filter((id) => indicatorById(catalog, id));
  return ids.length ? ids : catalog.indicators.slice(0, 6).map((i) => i.id);
}

/** The Kreis a region belongs to (itself when it is one), or undefined for the Land. */
export function kreisOf(catalog: Catalog, region: Region): Region | undefined {
  return [region, ...ancestors(catalog, region.id)].find((r) => r.level === 'kreis');
}

/** The regions the profiled one is compared with: the other regions of its level in its Kreis. */
export function peersOf(catalog: Catalog, region: Region): Region[] {
  const kreis = kreisOf(catalog, region);
  if (!kreis || region.level === 'kreis') return catalog.regions.filter((r) => r.level === region.level);
  return childrenOf(catalog, kreis.id, region.level);
}

/**
 * The expected height (px) of the finished profile at `width` px, for the loading skeleton
 * (CLS): header, the tile grid (240px columns), chart, insights, the rank table and the map
 * (beside the table from 656px on), caption. Measured on the demo at 16px text.
 */
export function profileHeight({ width, indicators, map }: { width: number; indicators: number; map: boolean }): number {
  const w = width > 0 ? width : 960;
  const heading = 50;
  const columns = Math.max(1, Math.floor((w + 8) / 248));
  const tiles = Math.ceil(indicators / columns) * 205;
  const chart = Math.round(Math.min(560, Math.max(300, w * 0.5))) + 130;
  const insights = 150;
  const table = 110 + indicators * 37;
  const mapHeight = map ? 611 : 0;
  const side = w >= 656;
  const place = map ? (side ? Math.max(table, mapHeight) + heading : table + mapHeight + 2 * heading) : table + heading;
  // measured: narrow widths wrap the chart legend, the insights and the table rows more
  const narrow = Math.max(0, 656 - w) * 2.4;
  return Math.round(75 + heading + tiles + heading + chart + heading + insights + place + 270 + narrow);
}

export interface Place {
  /** 1 = highest value; ties share a rank. */
  rank: number;
  /** Number of peers with a value. */
  of: number;
}

/** The rank of the region's value among the peers' values in `year` (highest = 1); undefined without value. */
export function placeAmong(data: IndicatorData, regionId: string, peers: string[], year: number): Place | undefined {
  const own = data.get(regionId, year).value;
  if (own === null) return undefined;
  const values = peers.map((id) => data.get(id, year).value).filter((v): v is number => v !== null);
  if (!values.includes(own)) values.push(own);
  return { rank: 1 + values.filter((v) => v > own).length, of: values.length };
}
