/**
 * The table as CSV (what the user sees: reference rows first, then the compared rows in
 * the current order and filter). Each value column is followed by its official symbol;
 * deviation and rank follow as plain numbers. Pure: no DOM, unit-tested in Node.
 */
import { toCsv, type CsvCell, type CsvFlavour } from '../../data/csv.js';
import { numberFormat } from '../../data/format.js';
import { msg, type Lang } from '../../internal/i18n.js';
import { messages } from './messages.js';
import { isMissing, type Column, type Row, type TableModel } from './table-model.js';

export type { CsvFlavour };

export interface CsvLabels {
  regionKey: string;
  region: string;
  status: string;
  /** "untere Grenze" / "obere Grenze" of an interval. */
  low: string;
  high: string;
  /** The full header of a column, e.g. "Geburtenrate (je 1.000 Einwohner) 2024". */
  column: (column: Column) => string;
}

/** CSV headers in the UI language: "Geburtenrate (je 1.000 Einwohner) 2024", "Rang Geburtenrate 2024". */
export function csvLabels(model: TableModel, lang: Lang): CsvLabels {
  const base = model.base?.name ?? '';
  return {
    regionKey: msg(messages, lang, 'csvRegionKey'),
    region: msg(messages, lang, 'region'),
    status: msg(messages, lang, 'csvStatus'),
    low: msg(messages, lang, 'csvLow'),
    high: msg(messages, lang, 'csvHigh'),
    column: (c) => {
      const name = c.indicator.label;
      if (c.kind === 'value') return `${name} (${c.indicator.unit}) ${c.year}`;
      if (c.kind === 'rank') return `${msg(messages, lang, 'rank')} ${name} ${c.year}`;
      if (c.kind === 'interval') return `${name} ${c.year}: ${msg(messages, lang, 'interval')}`;
      const text = msg(messages, lang, c.mode === 'percent' ? 'deviationPercent' : 'deviationAbsolute', { base });
      return `${name}: ${text} ${c.year}`;
    },
  };
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Rows for `toCsv`: header, then one line per region. */
export function tableCsvRows(model: TableModel, rows: readonly Row[], labels: CsvLabels): CsvCell[][] {
  const header: CsvCell[] = [labels.regionKey, labels.region];
  for (const c of model.columns) {
    if (c.kind === 'interval') {
      header.push(`${labels.column(c)} ${labels.low}`, `${labels.column(c)} ${labels.high}`);
      continue;
    }
    header.push(labels.column(c));
    if (c.kind === 'value') header.push(`${labels.status} ${labels.column(c)}`);
  }
  const out: CsvCell[][] = [header];
  for (const row of rows) {
    const line: CsvCell[] = [row.id, row.name];
    for (const c of model.columns) {
      const cell = row.cells[c.key];
      if (c.kind === 'interval') {
        const iv = cell?.interval;
        const d = c.indicator.decimals + 1;
        line.push(iv ? round(iv.low, d) : null, iv ? round(iv.high, d) : null);
        continue;
      }
      if (c.kind === 'rank' && row.reference) {
        line.push(null);
        continue;
      }
      const decimals =
        c.kind === 'rank' ? 0 : c.kind === 'deviation' && c.mode === 'percent' ? 1 : c.indicator.decimals;
      line.push(!cell || isMissing(cell) ? null : round(cell.value as number, decimals));
      if (c.kind === 'value') line.push(cell?.status || (cell && cell.value === null ? '.' : ''));
    }
    out.push(line);
  }
  return out;
}

/** The CSV text in the given flavour, with the source and licence lines as footer. */
export function tableCsv(
  model: TableModel,
  rows: readonly Row[],
  flavour: CsvFlavour,
  labels: CsvLabels,
  footer: readonly string[],
): string {
  return toCsv(tableCsvRows(model, rows, labels), { flavour }, footer);
}

/** The text of a cell as the table shows it: a formatted number with its symbol, or the symbol alone. */
export function cellText(row: Row, column: Column, locale: string): string {
  const cell = row.cells[column.key];
  if (column.kind === 'rank') return row.reference || !cell || isMissing(cell) ? '' : String(cell.value);
  if (column.kind === 'interval')
    return cell?.interval ? intervalText(cell.interval, column.indicator.decimals, locale) : '';
  if (column.kind === 'deviation') {
    if (!cell || isMissing(cell)) return '';
    const decimals = column.mode === 'percent' ? 1 : column.indicator.decimals;
    return `${numberFormat(locale, decimals, true).format(cell.value as number)}${column.mode === 'percent' ? ' %' : ''}`;
  }
  if (!cell || isMissing(cell) || cell.status === '-') return cell?.status || '.';
  const n = numberFormat(locale, column.indicator.decimals).format(cell.value as number);
  return cell.status === '()' ? `(${n})` : cell.status ? `${n} ${cell.status}` : n;
}

/** The rows of the table image: header (full column names), then one line per region. */
export function tableImageRows(
  model: TableModel,
  rows: readonly Row[],
  labels: CsvLabels,
  locale: string,
): { header: string[]; rows: string[][] } {
  return {
    header: [labels.region, ...model.columns.map((c) => labels.column(c))],
    rows: rows.map((r) => [r.name, ...model.columns.map((c) => cellText(r, c, locale))]),
  };
}

/** "8,1–10,9": an interval with one decimal more than the value. */
export function intervalText(iv: { low: number; high: number }, decimals: number, locale: string): string {
  const f = numberFormat(locale, decimals + 1);
  return `${f.format(iv.low)}–${f.format(iv.high)}`;
}
