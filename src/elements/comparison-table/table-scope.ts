/**
 * What a `<comparison-table>` reads, from its attributes and the catalog: the compared
 * regions and references, then the file of each indicator, each the smallest file that holds
 * them. For the table's loader (table-data.ts) and for the loader script's warm-up
 * (`warmTable`, started while the table's code downloads), so both ask the client for the
 * same files. Small on purpose: no Lit, no table model.
 */
import { getClient, type FokusClient, type RequestOptions } from '../../data/client.js';
import { FokusDataError } from '../../data/errors.js';
import {
  childrenOf,
  indicatorById,
  parseLevel,
  parseRegionList,
  regionById,
  type IndicatorData,
} from '../../data/model.js';
import type { Catalog, LevelId, Region } from '../../data/schema.js';

/** The attributes that decide which files a table reads. */
export interface TableFileArgs {
  indicators: string;
  indicator: string;
  level: string;
  parent: string;
  regions: string;
  reference: string;
}

/** The indicator ids of a table: `indicator` (the years of one), else the list of `indicators`. */
export function tableIndicatorIds(args: Pick<TableFileArgs, 'indicator' | 'indicators'>): string[] {
  return args.indicator ? [args.indicator.trim()] : args.indicators.split(/[\s,;]+/).filter(Boolean);
}

/**
 * The regions a table compares and its references (errors name an unknown indicator, level
 * or region), and its indicator files, all requested at once.
 */
export function requestTableData(
  client: FokusClient,
  endpoint: string,
  catalog: Catalog,
  args: TableFileArgs,
  options: RequestOptions = {},
): { levelId: LevelId; compared: Region[]; refs: Region[]; data: Promise<IndicatorData>[] } {
  const { level, parent, regions, reference } = args;
  const ids = tableIndicatorIds(args);
  for (const id of ids) if (!indicatorById(catalog, id)) throw new FokusDataError('unknown-indicator', { subject: id });
  const levelId: LevelId = parseLevel(level || 'gemeinde', catalog);
  if (parent && !regionById(catalog, parent.trim()))
    throw new FokusDataError('unknown-region', { subject: parent.trim() });
  const refs = parseRegionList(catalog, reference).map((id) => regionById(catalog, id)!);
  const compared = regions
    ? parseRegionList(catalog, regions).map((id) => regionById(catalog, id)!)
    : parent
      ? childrenOf(catalog, parent.trim(), levelId)
      : catalog.regions.filter((r) => r.level === levelId);
  const scope = [...compared, ...refs].map((r) => r.id);
  const data = ids.map((id) => client.getIndicator(endpoint, id, { ...options, regions: scope }));
  for (const d of data) d.catch(() => undefined); // the caller awaits them all
  return { levelId, compared, refs, data };
}

/**
 * The warm-up of a table not yet defined (the loader script's): the catalog, then the files
 * its attributes name (the defaults of the element's properties). Like the table, nothing
 * but the catalog for a wrong number (`year`, `from`, `to`) or `deviation`, or without
 * indicators; in a `group` (which may change the indicator) the catalog only, too.
 * Resolves when its requests settled.
 */
export function warmTable(el: Element, endpoint: string): Promise<unknown> {
  const attr = (name: string) => el.getAttribute(name) ?? '';
  const client = getClient();
  const catalog = client.getCatalog(endpoint, { warm: true });
  const args: TableFileArgs = {
    indicators: attr('indicators'),
    indicator: attr('indicator'),
    level: attr('level') || 'gemeinde',
    parent: attr('parent'),
    regions: attr('regions'),
    reference: attr('reference'),
  };
  const wholeNumbers = ['year', 'from', 'to'].every((n) => !el.hasAttribute(n) || Number.isInteger(Number(attr(n))));
  const deviation = attr('deviation');
  const checked =
    wholeNumbers &&
    tableIndicatorIds(args).length > 0 &&
    (!deviation || deviation === 'absolute' || deviation === 'percent') &&
    !el.hasAttribute('group');
  if (!checked) return catalog.catch(() => undefined);
  return catalog
    .then((c) => Promise.allSettled(requestTableData(client, endpoint, c, args, { warm: true }).data))
    .catch(() => undefined);
}
