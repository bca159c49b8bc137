/** Loading of `<region-picker>`: the regions offered, grouped by level. No Lit, no DOM. */
import type { Catalog, LevelId } from '../../data/schema.js';
import { parseLevel, parseRegionList } from '../../data/model.js';
import type { LoadContext } from '../../internal/data-task.js';
import { msg, type Lang } from '../../internal/i18n.js';
import { regionGroups, type RegionGroup } from './region-search.js';
import { messages } from './messages.js';

export interface PickerArgs {
  endpoint: string;
  level: string;
  parent: string;
  include: string;
  lang: Lang;
  locale: string;
}

export interface PickerView {
  catalog: Catalog;
  groups: RegionGroup[];
}

/** The regions of `level` (below `parent`), plus the `include`d ones; unknown keys are errors. */
export async function loadRegionOptions(args: PickerArgs, { client, signal }: LoadContext): Promise<PickerView> {
  const { endpoint, level, parent, include, lang, locale } = args;
  const catalog = await client.getCatalog(endpoint, { signal });
  const levelId: LevelId = parseLevel(level || 'gemeinde', catalog);
  if (parent) parseRegionList(catalog, parent);
  const extra = include ? parseRegionList(catalog, include) : [];
  const labels = { top: msg(messages, lang, 'top'), free: msg(messages, lang, 'free') };
  return { catalog, groups: regionGroups(catalog, { level: levelId, parent, include: extra }, labels, locale) };
}
