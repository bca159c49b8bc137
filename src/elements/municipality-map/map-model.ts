/**
 * The view model of the map: one entry per region (value, symbol, class, colour, texts),
 * the legend, the German (or English) summary and the CSV rows. Pure, no DOM.
 */
import type { LevelId, StatusSymbol } from '../../data/schema.js';
import type { Observation } from '../../data/model.js';
import { isMissing } from '../../data/model.js';
import { formatValue, inPlace, numberFormat, statusLabel } from '../../data/format.js';
import type { CsvCell } from '../../data/csv.js';
import { msg, type Lang } from '../../internal/i18n.js';
import { classify, classIndex, roundTo, type Classification, type Polarity } from './classify.js';
import type { ClassMethod, SchemeName } from './map-options.js';
import { messages } from './messages.js';

/** How a region is filled: a class colour, hatched (a value that exists but is not shown), grey (no data). */
export type FillKind = 'class' | 'suppressed' | 'nodata';

export interface RegionView {
  id: string;
  name: string;
  value: number | null;
  status: StatusSymbol | '';
  /** The value as displayed, with its symbol (`9,4 p`, `.`). */
  text: string;
  /** Class index, -1 for suppressed or missing. */
  classIndex: number;
  fill: FillKind;
  /** The class colour ('' for suppressed or missing). */
  color: string;
  /** Value minus the reference value, rounded; null when either is missing. */
  deviation: number | null;
  /** e.g. "+3,2 gegenüber Kreis Pinneberg (8,4)". */
  deviationText: string;
  /** The signed deviation alone, e.g. "+3,2" ('' when there is none). */
  deviationShort: string;
  /** Accessible name: "Elmshorn: 9,4 je 1.000 Einwohner, vorläufige Zahl". */
  label: string;
  /** The rate rests on fewer than the indicator's `minCount` cases (drawn lighter, dotted). */
  small: boolean;
}

export interface LegendItem {
  key: string;
  fill: FillKind;
  color: string;
  label: string;
  count: number;
  /** The official symbol for suppressed entries. */
  symbol?: string;
  /** The entry of rates on small counts (lighter, dotted; counted in their classes too). */
  small?: boolean;
}

export interface MapModelInput {
  regions: readonly { id: string; name: string }[];
  observe: (id: string) => Observation;
  /** True when a region's rate rests on fewer than `minCount` cases (src/data/uncertainty.ts). */
  small?: (id: string) => boolean;
  /** The indicator's small-count threshold (named in legend and summary). */
  minCount?: number;
  reference?: { id: string; name: string; observation: Observation };
  /** The parent region named in texts ("in Kreis Pinneberg"). */
  parentName?: string;
  indicator: { id: string; label: string; unit: string; decimals: number; polarity: Polarity };
  level: LevelId;
  /** Names of a level the map's texts do not know (one below the Gemeinde, from the catalog). */
  levelNames?: { one: string; many: string };
  year: number;
  /** The year in texts: "2022–2024" for a pooled rate (default: `year`). */
  yearText?: string;
  method: ClassMethod;
  classes: number;
  manual?: readonly number[];
  scheme: SchemeName;
  lang: Lang;
  locale: string;
}

export interface MapModel {
  regions: RegionView[];
  byId: Map<string, RegionView>;
  classification: Classification;
  legend: LegendItem[];
  reference?: { id: string; name: string; value: number | null; status: StatusSymbol | ''; text: string };
  /** "49 Gemeinden in Kreis Pinneberg". */
  where: string;
  summary: string;
  year: number;
  /** The year in texts ("2022–2024" for a pooled rate). */
  yearText: string;
  indicator: MapModelInput['indicator'];
  lang: Lang;
  locale: string;
  /** Note under the legend (method, diverging colours; the symbol when no value can be shown). */
  notes: string[];
  /** The generated title, e.g. "Geburtenrate 2024: Gemeinden im Kreis Pinneberg". */
  title: string;
  /** "1 Gemeinde", "2 Gemeinden" (legend counts for screen readers). */
  noun: (n: number) => string;
}

const signedFormat = (locale: string, decimals: number) => numberFormat(locale, decimals, true);

/** Legend text of class `i` ("7,1 bis unter 8,4", the last "9,5 bis 10,2", open ends "unter 400"). */
export function classLabel(breaks: readonly number[], i: number, decimals: number, lang: Lang, locale: string): string {
  const f = numberFormat(locale, decimals);
  const from = breaks[i];
  const to = breaks[i + 1];
  const last = i === breaks.length - 2;
  if (from === -Infinity && to === Infinity) return msg(messages, lang, 'classSingle', { from: '–' });
  if (from === -Infinity) return msg(messages, lang, 'classBelow', { to: f.format(to) });
  if (to === Infinity) return msg(messages, lang, 'classAbove', { from: f.format(from) });
  if (from === to) return msg(messages, lang, 'classSingle', { from: f.format(from) });
  return msg(messages, lang, last ? 'classFromToLast' : 'classFromTo', { from: f.format(from), to: f.format(to) });
}

function names(list: string[], lang: Lang, max = 3): string {
  if (list.length <= max) return list.join(', ');
  return `${list.slice(0, max).join(', ')} ${msg(messages, lang, 'more', { count: list.length - max })}`;
}

/** Builds the view model (see `MapModel`). */
export function buildMapModel(input: MapModelInput): MapModel {
  const { indicator, lang, locale, year } = input;
  const yearText = input.yearText ?? String(year);
  const { decimals, unit } = indicator;
  const levelNames = input.levelNames;
  const plural = levelNames ? levelNames.many : msg(messages, lang, `plural.${input.level}`);
  // "1 Gemeinde", "2 Gemeinden".
  const noun = (n: number) =>
    n !== 1 ? plural : levelNames ? levelNames.one : msg(messages, lang, `singular.${input.level}`);
  const fmt = (o: Observation) => formatValue(o.value, o.status, decimals, locale);

  const refObs = input.reference?.observation;
  const refValue = refObs && refObs.value !== null ? roundTo(refObs.value, decimals) : null;
  const reference = input.reference
    ? {
        id: input.reference.id,
        name: input.reference.name,
        value: refValue,
        status: input.reference.observation.status,
        text: fmt(input.reference.observation),
      }
    : undefined;

  const observed = input.regions.map((r) => {
    const o = input.observe(r.id);
    const value =
      o.value === null || !Number.isFinite(o.value) || isMissing(o.status) ? null : roundTo(o.value, decimals);
    return { region: r, o, value };
  });
  const values = observed.filter((x) => x.value !== null).map((x) => x.value as number);
  const classification = classify({
    values,
    method: input.method,
    classes: input.classes,
    manual: input.manual,
    decimals,
    scheme: input.scheme,
    polarity: indicator.polarity,
    reference: refValue,
  });

  const regions: RegionView[] = observed.map(({ region, o, value }) => {
    const text = fmt(o);
    const ci = value === null ? -1 : classIndex(value, classification.breaks);
    const fill: FillKind = value !== null ? 'class' : o.status ? 'suppressed' : 'nodata';
    const deviation = value !== null && refValue !== null ? roundTo(value - refValue, decimals) : null;
    const deviationText =
      deviation === null || !reference
        ? ''
        : deviation === 0
          ? msg(messages, lang, 'deviationEqual', { name: reference.name, value: reference.text })
          : msg(messages, lang, 'deviation', {
              diff: signedFormat(locale, decimals).format(deviation),
              name: reference.name,
              value: reference.text,
            });
    const deviationShort = deviation === null ? '' : signedFormat(locale, decimals).format(deviation);
    const valueText =
      fill === 'nodata' ? msg(messages, lang, 'noData') : value === null ? text : `${text} ${unit}`.trim();
    const status = statusLabel(o.status, lang);
    const small = value !== null && !!input.small?.(region.id);
    const extra = [status, small ? msg(messages, lang, 'smallCount', { min: input.minCount ?? 20 }) : '']
      .filter(Boolean)
      .join(', ');
    const label = msg(messages, lang, 'regionLabel', {
      name: region.name,
      value: extra ? `${valueText}, ${extra}` : valueText,
    });
    return {
      id: region.id,
      name: region.name,
      value,
      status: o.status,
      text,
      classIndex: ci,
      fill,
      color: ci >= 0 ? classification.colors[ci] : '',
      deviation,
      deviationText,
      deviationShort,
      label,
      small,
    };
  });

  const legend: LegendItem[] = classification.colors.map((color, i) => ({
    key: `class-${i}`,
    fill: 'class',
    color,
    label: classLabel(classification.breaks, i, decimals, lang, locale),
    count: classification.counts[i],
  }));
  const bySymbol = new Map<string, number>();
  let nodata = 0;
  for (const r of regions) {
    if (r.fill === 'suppressed') bySymbol.set(r.status, (bySymbol.get(r.status) ?? 0) + 1);
    else if (r.fill === 'nodata') nodata++;
  }
  for (const [symbol, count] of bySymbol) {
    legend.push({
      key: `status-${symbol}`,
      fill: 'suppressed',
      color: '',
      symbol,
      label: `${symbol} ${statusLabel(symbol as StatusSymbol, lang)}`,
      count,
    });
  }
  const smallOnes = regions.filter((r) => r.small);
  if (smallOnes.length)
    legend.push({
      key: 'small',
      fill: 'class',
      color: '',
      small: true,
      label: msg(messages, lang, 'smallCount', { min: input.minCount ?? 20 }),
      count: smallOnes.length,
    });
  if (nodata)
    legend.push({ key: 'nodata', fill: 'nodata', color: '', label: msg(messages, lang, 'noData'), count: nodata });

  const count = numberFormat(locale, 0).format(regions.length);
  const where = input.parentName
    ? msg(messages, lang, 'whereIn', { count, regions: noun(regions.length), parent: input.parentName })
    : msg(messages, lang, 'whereAll', { count, regions: noun(regions.length) });

  const withValue = regions.filter((r) => r.value !== null);
  const parts: string[] = [];
  const head = { indicator: indicator.label, unit, year: yearText, where };
  if (withValue.length) {
    const max = Math.max(...withValue.map((r) => r.value as number));
    const min = Math.min(...withValue.map((r) => r.value as number));
    const f = numberFormat(locale, decimals);
    parts.push(
      msg(messages, lang, 'summaryExtremes', {
        ...head,
        maxNames: names(
          withValue.filter((r) => r.value === max).map((r) => r.name),
          lang,
        ),
        max: f.format(max),
        minNames: names(
          withValue.filter((r) => r.value === min).map((r) => r.name),
          lang,
        ),
        min: f.format(min),
      }),
    );
  } else {
    parts.push(msg(messages, lang, 'summaryNone', head));
  }
  // No second full stop after a value that ends in one ("...", "…").
  if (reference)
    parts.push(
      msg(messages, lang, 'summaryReference', { name: reference.name, value: reference.text }).replace(
        /([.…])\.$/,
        '$1',
      ),
    );
  const missing = regions.filter((r) => r.value === null);
  if (missing.length === 0) parts.push(msg(messages, lang, 'summaryAllValues', { regions: plural }));
  else if (missing.length <= 5)
    parts.push(
      msg(messages, lang, 'summaryMissing', {
        count: missing.length,
        regions: noun(missing.length),
        names: missing.map((r) => (r.fill === 'suppressed' ? `${r.name} (${r.status})` : r.name)).join(', '),
      }),
    );
  else parts.push(msg(messages, lang, 'summaryMissingMany', { count: missing.length, regions: plural }));

  if (smallOnes.length)
    parts.push(
      msg(messages, lang, 'summarySmall', {
        min: input.minCount ?? 20,
        count: smallOnes.length,
        regions: noun(smallOnes.length),
        names: smallOnes.length <= 5 ? ` (${smallOnes.map((r) => r.name).join(', ')})` : '',
      }),
    );
  const notes = withValue.length ? [msg(messages, lang, `method.${classification.method}`)] : [];
  if (!withValue.length && bySymbol.size) {
    // Every value withheld: name the symbol(s) instead of empty classes.
    for (const [symbol] of bySymbol)
      notes.push(
        msg(messages, lang, 'allSuppressed', {
          regions: plural,
          symbol,
          meaning: statusLabel(symbol as StatusSymbol, lang),
        }),
      );
  }
  if (smallOnes.length) notes.push(msg(messages, lang, 'smallCountNote', { min: input.minCount ?? 20 }));
  if (classification.diverging && reference) notes.push(msg(messages, lang, 'divergingNote', { name: reference.name }));

  return {
    regions,
    byId: new Map(regions.map((r) => [r.id, r])),
    classification,
    legend,
    reference,
    where,
    summary: parts.join(' '),
    year,
    yearText,
    indicator,
    lang,
    locale,
    notes,
    title: input.parentName
      ? msg(messages, lang, 'titleIn', {
          indicator: indicator.label,
          year: yearText,
          regions: plural,
          place: inPlace(input.parentName, lang),
        })
      : msg(messages, lang, 'titleAll', { indicator: indicator.label, year: yearText, regions: plural }),
    noun,
  };
}

/** The CSV rows of the values shown: key, name, year, value (unit), symbol, class. */
export function mapCsvRows(model: MapModel): CsvCell[][] {
  const en = model.lang === 'en';
  const unit = model.indicator.unit;
  const header = [
    en ? 'Region key' : 'Regionalschlüssel',
    en ? 'Region' : 'Gebiet',
    en ? 'Year' : 'Jahr',
    `${model.indicator.label}${unit ? ` (${unit})` : ''}`,
    en ? 'Symbol' : 'Zeichen',
    msg(messages, model.lang, 'csvClass'),
  ];
  const labels = model.legend.filter((l) => l.fill === 'class' && !l.small).map((l) => l.label);
  const rows: CsvCell[][] = [header];
  if (model.reference) {
    rows.push([
      model.reference.id,
      model.reference.name,
      model.year,
      model.reference.value,
      model.reference.status,
      '',
    ]);
  }
  for (const r of model.regions) {
    rows.push([
      r.id,
      r.name,
      model.year,
      r.value,
      r.status,
      r.classIndex >= 0 ? labels[r.classIndex] : r.fill === 'nodata' ? msg(messages, model.lang, 'noData') : '',
    ]);
  }
  return rows;
}
