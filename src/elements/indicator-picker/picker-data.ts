/** Loading of `<indicator-picker>`: the catalog's indicators, grouped by topic. No Lit, no DOM. */
import type { Catalog } from '../../data/schema.js';
import type { LoadContext } from '../../internal/data-task.js';
import type { Lang } from '../../internal/i18n.js';
import { indicatorGroups, type IndicatorGroup } from './indicator-options.js';

export interface PickerArgs {
  endpoint: string;
  topics: string;
  indicators: string;
  lang: Lang;
}

export interface PickerView {
  catalog: Catalog;
  groups: IndicatorGroup[];
}

/** The indicators offered, grouped by topic (`topics` and `indicators` narrow them). */
export async function loadIndicatorOptions(args: PickerArgs, { client, signal }: LoadContext): Promise<PickerView> {
  const catalog = await client.getCatalog(args.endpoint, { signal });
  return { catalog, groups: indicatorGroups(catalog, args.lang, { topics: args.topics, only: args.indicators }) };
}
