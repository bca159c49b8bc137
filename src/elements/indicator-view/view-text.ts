/**
 * Pure texts of `<indicator-view>`: the generated title of the open tab (indicator, regions
 * and period, as the children's own titles say them) and the notes shared by the tabs.
 */
import type { Catalog, Indicator } from '../../data/schema.js';
import { childrenOf, levelNoun, parseLevel, regionById, type IndicatorData } from '../../data/model.js';
import { inPlace, localText } from '../../data/format.js';
import { windowLength } from '../../data/period.js';
import { msg, type Lang } from '../../internal/i18n.js';
import { messages } from './messages.js';
import type { ViewName } from './view-tabs.js';

/** What the open tab shows, as given by the view's attributes. */
export interface TitleInput {
  catalog: Catalog;
  indicator: Indicator;
  lang: Lang;
  tab: ViewName;
  /** The chart's type: `bar` (regions of `level` in `parent`) or `line` (series of `region`). */
  type: string;
  level: string;
  parent: string;
  region: string;
  year?: number;
  from?: number;
  to?: number;
  /** The latest year with a value among the regions shown (the year the tabs show without `year`). */
  latestYear?: number;
}

/** "Gemeinden im Kreis Pinneberg", "Stadtteile (erfunden) in Elmshorn", "Kreise". */
export function regionsPhrase(catalog: Catalog, level: string, parent: string, lang: Lang): string {
  const plural = levelNoun(catalog, parseLevel(level || 'gemeinde', catalog), lang, 2);
  const place = parent.trim() ? regionById(catalog, parent.trim())?.name : undefined;
  if (!place) return plural;
  return `${plural} ${inPlace(place, lang)}`;
}

/** Names joined as a list ("Elmshorn und Pinneberg"). */
function joinNames(names: string[], lang: Lang): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(names);
}

/**
 * The years a value stands for: "2024", or "2022–2024" for a pooled indicator, with its
 * period ("3-Jahres-Mittel") when the indicator's label does not say it already.
 */
function periodOf(indicator: Indicator, label: string, first: number, last: number, lang: Lang): string {
  const w = windowLength(indicator);
  const start = w > 1 ? first - w + 1 : first;
  const years = start === last ? String(last) : `${start}–${last}`;
  const period = indicator.period ? localText(indicator.period, lang) : '';
  return period && w > 1 && !label.includes(period) ? `${years} (${period})` : years;
}

/**
 * The title of the open tab, as the children generate theirs: "Geburtenrate in Elmshorn,
 * 2010–2024" (line chart), "Geburtenrate 2024: Gemeinden im Kreis Pinneberg" (bar chart,
 * map and table). Only the indicator's label when the year is not known.
 */
export function viewTitle(i: TitleInput): string {
  const { catalog, indicator, lang } = i;
  const label = localText(indicator.label, lang);
  if (i.tab === 'chart' && i.type === 'line') {
    const years = indicator.years.filter(
      (y) => (i.from === undefined || y >= i.from) && (i.to === undefined || y <= i.to),
    );
    const names = i.region
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((id) => regionById(catalog, id)?.name ?? id);
    if (!names.length || !years.length) return label;
    const period = periodOf(indicator, label, years[0], years[years.length - 1], lang);
    const key = names.length <= 3 ? 'titleLine' : 'titleLineScope';
    return msg(messages, lang, key, { indicator: label, where: joinNames(names, lang), period });
  }
  const year = i.year ?? i.latestYear;
  if (year === undefined) return label;
  return msg(messages, lang, 'titleYear', {
    indicator: label,
    year: periodOf(indicator, label, year, year, lang),
    where: regionsPhrase(catalog, i.level, i.parent, lang),
  });
}

/** The latest year in which one of `regions` (all of the file when empty) has a value. */
export function latestShownYear(data: IndicatorData, regions: readonly string[]): number | undefined {
  if (!regions.length) return data.latestYear();
  for (let k = data.years.length - 1; k >= 0; k--) {
    if (regions.some((id) => data.get(id, data.years[k]).value !== null)) return data.years[k];
  }
  return undefined;
}

/** The regions the bar chart, map and table show: those of `level` below `parent`, else `region`'s. */
export function shownRegions(catalog: Catalog, level: string, parent: string, region: string): string[] {
  if (parent.trim())
    return childrenOf(catalog, parent.trim(), parseLevel(level || 'gemeinde', catalog)).map((r) => r.id);
  return region.split(/[\s,;]+/).filter((id) => regionById(catalog, id));
}

/**
 * The notes every tab shares: the breaks in the series (left out under a line chart, which
 * names the breaks of its period itself) and the period of pooled values.
 */
export function viewNotes(indicator: Indicator, tab: ViewName, type: string, lang: Lang): string[] {
  const notes: string[] = [];
  if (!(tab === 'chart' && type === 'line')) {
    for (const b of indicator.breaks ?? [])
      notes.push(`${msg(messages, lang, 'seriesBreak')} ${b.year}: ${localText(b.note, lang)}`);
  }
  const period = indicator.period ? localText(indicator.period, lang) : '';
  if (period) notes.push(`${msg(messages, lang, 'period')} ${period}`);
  return notes;
}
