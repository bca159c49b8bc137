/** Loading of `<year-slider>`: the years offered. No Lit, no DOM. */
import { indicatorById } from '../../data/model.js';
import { FokusDataError } from '../../data/errors.js';
import type { LoadContext } from '../../internal/data-task.js';
import { yearsOf } from './years.js';

export interface SliderArgs {
  endpoint: string;
  indicator: string;
  from: number | undefined;
  to: number | undefined;
}

/** The years of `indicator` (or of the catalog) between `from` and `to`. */
export async function loadYears(args: SliderArgs, { client, signal }: LoadContext): Promise<number[]> {
  const { endpoint, indicator, from, to } = args;
  const catalog = await client.getCatalog(endpoint, { signal });
  if (indicator && !indicatorById(catalog, indicator))
    throw new FokusDataError('unknown-indicator', { subject: indicator });
  return yearsOf(catalog, indicator, from, to);
}
