/**
 * Pure logic of <indicator-picker>: the indicators of a catalog grouped by topic (in the
 * catalog's topic order), optionally restricted to topics or ids.
 */
import type { Catalog, Indicator } from '../../data/schema.js';
import { localText } from '../../data/format.js';

export interface IndicatorGroup {
  id: string;
  label: string;
  indicators: Indicator[];
}

function list(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

/**
 * Topics with their indicators, catalog order. `topics` (ids) keeps only those topics,
 * `only` (ids) only those indicators. Indicators of a topic the catalog does not list
 * come last under their topic id.
 */
export function indicatorGroups(catalog: Catalog, lang: string, { topics = '', only = '' } = {}): IndicatorGroup[] {
  const wantTopics = new Set(list(topics));
  const wantIds = new Set(list(only));
  const groups = new Map<string, IndicatorGroup>();
  for (const t of catalog.topics) groups.set(t.id, { id: t.id, label: localText(t.label, lang), indicators: [] });
  for (const ind of catalog.indicators) {
    if (wantIds.size && !wantIds.has(ind.id)) continue;
    if (wantTopics.size && !wantTopics.has(ind.topic)) continue;
    if (!groups.has(ind.topic)) groups.set(ind.topic, { id: ind.topic, label: ind.topic, indicators: [] });
    groups.get(ind.topic)!.indicators.push(ind);
  }
  return [...groups.values()].filter((g) => g.indicators.length);
}
