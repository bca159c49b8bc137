/** The loader of `<scatter-chart>`: two indicators for all regions of a level, and the texts about them. */
import type { Catalog, Indicator, LevelId } from '../../data/schema.js';
import { childrenOf, levelLabel, parseLevel, regionById, type IndicatorData } from '../../data/model.js';
import { formatValue, localText, numberFormat } from '../../data/format.js';
import { FokusDataError } from '../../data/errors.js';
import { isSmallCount, minCountOf } from '../../data/uncertainty.js';
import { toCsv, type CsvFlavour } from '../../data/csv.js';
import { FokusUsageError } from '../../internal/errors.js';
import type { LoadContext } from '../../internal/data-task.js';
import { msg, type Lang } from '../../internal/i18n.js';
import { captionLines } from '../../internal/caption.js';
import { fileBase } from '../../internal/downloads.js';
import { association, type Association, type ScatterPoint } from './scatter-model.js';
import { messages } from './messages.js';

export interface ScatterArgs {
  endpoint: string;
  x: string;
  y: string;
  level: string;
  parent: string;
  year?: number;
  label: string;
  lang: Lang;
  locale: string;
}

/** One axis: the indicator, its data and its label with unit. */
export interface Axis {
  indicator: Indicator;
  data: IndicatorData;
  /** "Geburtenrate (Geburten je 1.000 Einw.)". */
  title: string;
  format: (v: number) => string;
}

export interface ScatterData {
  catalog: Catalog;
  x: Axis;
  y: Axis;
  year: number;
  level: LevelId;
  points: ScatterPoint[];
  /** Regions of the level without both values. */
  excluded: number;
  association: Association;
  title: string;
  scope: string;
  /** The sentence on the association, and the notes (causes, small counts, left out). */
  sentence: string;
  notes: string[];
  smallCount: number;
  lang: Lang;
  locale: string;
}

function axis(data: IndicatorData, lang: Lang, locale: string): Axis {
  const indicator = data.indicator;
  const unit = localText(indicator.unit, lang);
  const label = localText(indicator.label, lang);
  const nf = numberFormat(locale, indicator.decimals);
  return { indicator, data, title: unit ? `${label} (${unit})` : label, format: (v) => nf.format(v) };
}

/** The latest year in which both indicators have a value for at least one of the regions. */
function commonYear(x: IndicatorData, y: IndicatorData, regions: string[]): number | undefined {
  const years = x.years.filter((year) => y.years.includes(year)).sort((a, b) => b - a);
  return years.find((year) => regions.some((id) => x.get(id, year).value !== null && y.get(id, year).value !== null));
}

export async function loadScatter(a: ScatterArgs, { client, signal }: LoadContext): Promise<ScatterData> {
  if (!a.x.trim()) throw new FokusUsageError('missing-attribute', 'x');
  if (!a.y.trim()) throw new FokusUsageError('missing-attribute', 'y');
  const level = parseLevel(a.level || 'gemeinde');
  const [catalog, dx, dy] = await Promise.all([
    client.getCatalog(a.endpoint, { signal }),
    client.getIndicator(a.endpoint, a.x.trim(), { signal }),
    client.getIndicator(a.endpoint, a.y.trim(), { signal }),
  ]);
  const parent = a.parent.trim();
  if (parent && !regionById(catalog, parent)) throw new FokusDataError('unknown-region', { subject: parent });
  const regions = parent ? childrenOf(catalog, parent, level) : catalog.regions.filter((r) => r.level === level);
  const ids = regions.map((r) => r.id);
  const year = a.year ?? commonYear(dx, dy, ids) ?? dx.years[dx.years.length - 1];
  const minX = minCountOf(dx.indicator);
  const minY = minCountOf(dy.indicator);
  const points: ScatterPoint[] = [];
  for (const r of regions) {
    const vx = dx.get(r.id, year).value;
    const vy = dy.get(r.id, year).value;
    if (vx === null || vy === null) continue;
    points.push({
      region: r.id,
      name: r.name,
      x: vx,
      y: vy,
      smallX: dx.indicator.computation.type !== 'count' && isSmallCount(dx.counts(r.id, year), minX),
      smallY: dy.indicator.computation.type !== 'count' && isSmallCount(dy.counts(r.id, year), minY),
    });
  }
  const lang = a.lang;
  const x = axis(dx, lang, a.locale);
  const y = axis(dy, lang, a.locale);
  const assoc = association(points);
  const xName = localText(dx.indicator.label, lang);
  const yName = localText(dy.indicator.label, lang);
  const levelName = levelLabel(catalog, level, lang);
  const parentName = parent ? (regionById(catalog, parent)?.name ?? parent) : '';
  const smallCount = points.filter((p) => p.smallX || p.smallY).length;
  const excluded = regions.length - points.length;
  return {
    catalog,
    x,
    y,
    year,
    level,
    points,
    excluded,
    association: assoc,
    title: a.label || msg(messages, lang, 'of', { x: xName, y: yName }),
    scope: msg(messages, lang, parent ? 'scope' : 'scopeAll', { level: levelName, parent: parentName, year }),
    sentence: associationSentence(assoc, xName, yName, lang, a.locale),
    notes: [
      msg(messages, lang, 'causes'),
      ...(smallCount ? [msg(messages, lang, 'small', { k: smallCount, min: Math.min(minX, minY) })] : []),
      ...(excluded ? [msg(messages, lang, 'excluded', { k: excluded })] : []),
    ],
    smallCount,
    lang,
    locale: a.locale,
  };
}

/** The careful sentence on the association: coefficients with n, no causal wording. */
export function associationSentence(s: Association, x: string, y: string, lang: Lang, locale: string): string {
  const nf = numberFormat(locale, 2, true);
  const params = { n: s.n, x, y, r: nf.format(s.pearson), rho: nf.format(s.spearman) };
  if (s.strength === 'too-few') return msg(messages, lang, 'tooFew', params);
  if (s.strength === 'none') return msg(messages, lang, 'none', params);
  return msg(messages, lang, 'clear', {
    ...params,
    strength: msg(messages, lang, s.strength),
    direction: msg(messages, lang, s.direction > 0 ? 'positive' : 'negative'),
    trend: msg(messages, lang, s.direction > 0 ? 'higher' : 'lower'),
  });
}

/** The text of a point's tooltip (also read out for the keyboard's active point). */
export function pointText(v: ScatterData, p: ScatterPoint): string {
  const mark = (small: boolean) => (small ? ` (${msg(messages, v.lang, 'smallMark')})` : '');
  const fx = formatValue(p.x, '', v.x.indicator.decimals, v.locale);
  const fy = formatValue(p.y, '', v.y.indicator.decimals, v.locale);
  return `${p.name}: ${v.x.title} ${fx}${mark(p.smallX)}; ${v.y.title} ${fy}${mark(p.smallY)}`;
}

/** Base of the download file names, e.g. `geburtenrate-anteil-65plus-01056-2023`. */
export function scatterFileBase(v: ScatterData, parent: string): string {
  return fileBase([v.x.indicator.id, v.y.indicator.id, parent, v.year]);
}

/** The regions as CSV: key, name, both values, small-count flags; source lines below. */
export function scatterCsv(v: ScatterData, flavour: CsvFlavour): string {
  const lang = v.lang;
  const de = lang === 'de';
  const header = [
    de ? 'Regionalschlüssel' : 'Region key',
    de ? 'Gebiet' : 'Region',
    de ? 'Jahr' : 'Year',
    v.x.title,
    v.y.title,
    `${msg(messages, lang, 'smallMark')} x`,
    `${msg(messages, lang, 'smallMark')} y`,
  ];
  const yes = de ? 'ja' : 'yes';
  const rows = v.points.map((p) => [p.region, p.name, v.year, p.x, p.y, p.smallX ? yes : '', p.smallY ? yes : '']);
  const footer = [v.sentence, ...captionLines(v.catalog, [v.x.indicator, v.y.indicator], lang)].filter(Boolean);
  return toCsv([header, ...rows], { flavour }, footer);
}
