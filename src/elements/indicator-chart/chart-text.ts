/**
 * Pure: the texts derived from a chart model: the screen-reader description, the
 * data-table alternative and the CSV rows.
 */
import type { StatusSymbol } from '../../data/schema.js';
import type { CsvCell } from '../../data/csv.js';
import { numberFormat } from '../../data/format.js';
import { common, msg } from '../../internal/i18n.js';
import { neighboursOverlap } from '../../data/uncertainty.js';
import { joinList, t, type ChartModel, type ChartRow, type Role } from './chart-model.js';

const MAX_NAMED = 5;

function fmt(model: ChartModel, value: number): string {
  return numberFormat(model.locale, model.decimals).format(value);
}

function latest(rows: ChartRow[]): ChartRow | undefined {
  return [...rows].reverse().find((r) => !r.missing);
}

function missingSentence(model: ChartModel, rows: ChartRow[]): string {
  const missing = rows.filter((r) => r.missing);
  if (missing.length === 0) return '';
  const symbols = [...new Set(missing.map((r) => r.status || '.'))].join(' ');
  return missing.length === 1
    ? t(model.lang, 'descMissingOne', { symbols })
    : t(model.lang, 'descMissing', { count: missing.length, symbols });
}

function comparison(model: ChartModel, row: ChartRow, ref: ChartRow): string {
  if (row.value === null || ref.value === null) return '';
  const factor = 10 ** model.decimals;
  const diff = Math.round((row.value - ref.value) * factor) / factor;
  const params = { name: row.name, year: row.year, ref: ref.name, diff: fmt(model, Math.abs(diff)) };
  return t(model.lang, diff > 0 ? 'descAbove' : diff < 0 ? 'descBelow' : 'descEqual', params);
}

function describeLine(model: ChartModel): string[] {
  const { lang } = model;
  const bySeries = (id: string) => model.rows.filter((r) => r.region === id);
  const primary = model.series.filter((s) => s.role === 'primary');
  const refs = model.series.filter((s) => s.role === 'reference');
  const from = model.years[0];
  const to = model.years[model.years.length - 1];
  const regions =
    primary.length && primary.length <= MAX_NAMED
      ? joinList(
          primary.map((s) => s.name),
          lang,
        )
      : model.scope;
  const out = [
    t(lang, from === to ? 'descLineSingleYear' : 'descLine', {
      type: t(lang, 'type.line'),
      indicator: model.indicatorLabel,
      unit: model.unit,
      from,
      to,
      regions,
    }),
  ];
  if (refs.length)
    out.push(
      t(lang, 'descCompare', {
        refs: joinList(
          refs.map((s) => s.name),
          lang,
        ),
      }),
    );
  const named = [...primary.slice(0, MAX_NAMED), ...refs];
  const latestRows = named.map((s) => latest(bySeries(s.id))).filter((r): r is ChartRow => !!r);
  if (latestRows.length) {
    const list = latestRows.map((r) => t(lang, 'descLatestItem', { name: r.name, value: r.label, year: r.year }));
    out.push(t(lang, 'descLatest', { list: list.join('; ') }));
  }
  const comparisons: string[] = [];
  for (const s of primary.slice(0, 3)) {
    const row = latest(bySeries(s.id));
    if (!row) continue;
    for (const ref of refs) {
      const other = model.rows.find((r) => r.region === ref.id && r.year === row.year);
      const sentence = other ? comparison(model, row, other) : '';
      if (sentence) comparisons.push(sentence);
    }
  }
  if (comparisons.length) out.push(`${comparisons.join('; ')}.`);
  const valued = model.rows.filter((r) => !r.missing && r.role !== 'other');
  if (valued.length > 1 && from !== to) {
    const min = valued.reduce((a, b) => (b.value! < a.value! ? b : a));
    const max = valued.reduce((a, b) => (b.value! > a.value! ? b : a));
    out.push(
      t(lang, 'descRange', {
        min: min.label,
        minName: min.name,
        minYear: min.year,
        max: max.label,
        maxName: max.name,
        maxYear: max.year,
      }),
    );
  }
  for (const b of model.breaks)
    out.push(t(lang, 'descBreak', { year: b.year, note: b.note.replace(/([^.!?])$/, '$1.') }));
  return out;
}

function describeBar(model: ChartModel): string[] {
  const { lang } = model;
  const bars = model.rows;
  const out = [
    t(lang, 'descBar', {
      type: t(lang, 'type.bar'),
      indicator: model.indicatorLabel,
      unit: model.unit,
      year: model.year ?? '',
      regions:
        bars.length <= MAX_NAMED && !bars.some((r) => r.role === 'other')
          ? joinList(
              bars.map((r) => r.name),
              lang,
            )
          : model.scope,
    }),
  ];
  const valued = bars.filter((r) => !r.missing);
  if (valued.length > 1) {
    const max = valued[0];
    const min = valued[valued.length - 1];
    out.push(t(lang, 'descBarExtremes', { maxName: max.name, max: max.label, minName: min.name, min: min.label }));
  }
  if (bars.some((r) => r.role === 'other')) {
    const overlaps = neighboursOverlap(
      valued.map((r) => (r.low !== null && r.high !== null ? { low: r.low, high: r.high } : undefined)),
    );
    for (const row of bars.filter((r) => r.role === 'primary' && !r.missing)) {
      const rank = valued.indexOf(row);
      out.push(
        t(lang, 'descBarRank', {
          name: row.name,
          value: row.label,
          rank: rank + 1,
          count: valued.length,
        }) + (overlaps[rank] ? ` ${t(lang, 'descOverlap')}` : ''),
      );
    }
  }
  if (model.refs.length) {
    out.push(
      t(lang, 'descRefs', { list: model.refs.map((r) => `${r.name} ${r.missing ? r.label : r.label}`).join('; ') }),
    );
    const focus = bars.filter((r) => r.role === 'primary' && !r.missing).slice(0, 3);
    const comparisons =
      focus.length <= 3
        ? focus.flatMap((row) => model.refs.map((ref) => comparison(model, row, ref)).filter(Boolean))
        : [];
    if (comparisons.length && focus.length < bars.length) out.push(`${comparisons.join('; ')}.`);
  }
  return out;
}

function describeColumn(model: ChartModel): string[] {
  const { lang } = model;
  const out = [
    t(lang, 'descColumn', {
      type: t(lang, 'type.column'),
      indicator: model.indicatorLabel,
      unit: model.unit,
      year: model.year ?? '',
      categories: joinList(model.categories, lang),
      regions: joinList(
        model.series.map((s) => s.name),
        lang,
      ),
    }),
  ];
  for (const s of model.series.slice(0, MAX_NAMED + 2)) {
    const list = model.rows.filter((r) => r.region === s.id).map((r) => `${r.category} ${r.label}`);
    out.push(t(lang, 'descColumnRegion', { name: s.name, list: list.join('; ') }));
  }
  return out;
}

/** The German (or English) description of what the chart shows. */
export function describeChart(model: ChartModel): string {
  const parts =
    model.type === 'line' ? describeLine(model) : model.type === 'bar' ? describeBar(model) : describeColumn(model);
  const missing = missingSentence(model, [...model.rows, ...model.refs]);
  return [...parts, ...uncertaintySentences(model), missing].filter(Boolean).join(' ');
}

/** That intervals are drawn, and which values rest on fewer cases than the indicator's `minCount`. */
function uncertaintySentences(model: ChartModel): string[] {
  if (!model.intervals) return [];
  const { lang } = model;
  const small = [...model.rows, ...model.refs].filter((r) => r.small);
  const names = small.map((r) => (model.type === 'line' ? `${r.name} ${r.year}` : r.name));
  const list = names.length > 8 ? `${names.slice(0, 8).join(', ')} …` : joinList(names, lang);
  return [
    t(lang, 'descIntervals'),
    small.length ? t(lang, 'descSmall', { min: model.minCount, list: `${list} (${small.length})` }) : '',
  ];
}

export interface ChartTableRow {
  header: string;
  role: Role;
  cells: string[];
}

export interface ChartTable {
  caption: string;
  /** Column headers after the region column. */
  columns: string[];
  rows: ChartTableRow[];
}

/** The data-table alternative: regions as rows; years (line), the year (bar) or categories (column) as columns. */
export function chartTable(model: ChartModel): ChartTable {
  const scopeText =
    model.type === 'line' ? `${model.years[0]}–${model.years[model.years.length - 1]}` : String(model.year);
  const caption = t(model.lang, 'tableCaption', {
    indicator: model.indicatorLabel,
    unit: model.unit,
    scope: `${model.scope}, ${scopeText}`,
  });
  if (model.type === 'bar') {
    return {
      caption,
      columns: [String(model.year)],
      rows: [...model.rows, ...model.refs].map((r) => ({ header: r.name, role: r.role, cells: [r.label] })),
    };
  }
  const columns = model.type === 'line' ? model.years.map(String) : model.categories;
  const pos = (r: ChartRow) => (model.type === 'line' ? String(r.year) : r.category);
  return {
    caption,
    columns,
    rows: model.series.map((s) => {
      const own = model.rows.filter((r) => r.region === s.id);
      return { header: s.name, role: s.role, cells: columns.map((c) => own.find((r) => pos(r) === c)?.label ?? '') };
    }),
  };
}

/**
 * Long-format CSV rows: key, region, year, (category,) "label (unit)", symbol; values
 * rounded to the indicator's decimals, empty where missing.
 */
export function chartCsvRows(model: ChartModel): CsvCell[][] {
  const { lang } = model;
  const en = lang === 'en';
  const header: CsvCell[] = [
    en ? 'Region key' : 'Regionalschlüssel',
    msg(common, lang, 'region'),
    msg(common, lang, 'year'),
    ...(model.type === 'column' ? [t(lang, 'category')] : []),
    `${model.indicatorLabel}${model.unit ? ` (${model.unit})` : ''}`,
    en ? 'Symbol' : 'Zeichen',
  ];
  const factor = 10 ** model.decimals;
  const rows: CsvCell[][] = [header];
  for (const r of [...model.rows, ...model.refs]) {
    const value = r.value === null ? null : Math.round(r.value * factor) / factor;
    rows.push([
      r.region,
      r.name,
      r.year,
      ...(model.type === 'column' ? [r.category] : []),
      value,
      r.status as StatusSymbol | '',
    ]);
  }
  return rows;
}
