/** Loading of `<year-slider>`: the years offered. No Lit, no DOM. */
import { indicatorById, regionById } from '../../data/model.js';
import { FokusDataError } from '../../data/errors.js';
import type { LoadContext } from '../../internal/data-task.js';
import { yearsOf } from './years.js';

export interface SliderArgs {
  endpoint: string;
  indicator: string;
  /** The region the views of the group show ('' for none): its file decides the latest year with values. */
  region: string;
  from: number | undefined;
  to: number | undefined;
}

export interface SliderYears {
  /** The years offered, ascending. */
  years: number[];
  /** The default: the latest offered year in which the indicator has a value (not one that is all `...`). */
  latest: number | undefined;
}

/**
 * The years of `indicator` (or of the catalog) between `from` and `to`, and the latest with
 * values in the file that holds `region` (the partition of its Kreis on a format 1.2
 * endpoint; without a known region the whole file).
 */
export async function loadYears(args: SliderArgs, { client, signal }: LoadContext): Promise<SliderYears> {
  const { endpoint, indicator, region, from, to } = args;
  const catalog = await client.getCatalog(endpoint, { signal });
  if (indicator && !indicatorById(catalog, indicator))
    throw new FokusDataError('unknown-indicator', { subject: indicator });
  const years = yearsOf(catalog, indicator, from, to);
  let latest = years[years.length - 1];
  if (indicator && years.length) {
    // the same file the views of the group load (cached): e.g. deaths of the last year not yet
    // published. With the group's region that is its partition, not the file of all regions.
    const scope = region && regionById(catalog, region) ? { regions: [region] } : {};
    const data = await client.getIndicator(endpoint, indicator, { signal, ...scope });
    latest = [...years].reverse().find((y) => data.regions.some((r) => data.get(r, y).value !== null)) ?? latest;
  }
  return { years, latest };
}
