/**
 * Tidy CSV: one value per row, `indicator;region;year;value;status` (the first column may
 * also be called `count`; other columns such as a region name are ignored). `;` with a
 * decimal comma (German Excel) or `,` / tab with a decimal point. The value cell may hold an
 * official symbol instead of a number; `status` adds one to a number (`p`, `r`, `s`, `()`).
 *
 * This is also the format `fokus-data import` writes (see `formatCounts`).
 */
import { STATUS_SYMBOLS, type StatusSymbol } from '../data/schema.js';
import type { CountRow as AggregateRow } from '../data/aggregate.js';
import { InputError, parseCell, parseDelimited, sniffDelimiter } from './text.js';

/**
 * One count value of one region and year: what the importers produce and the builder
 * (`aggregateCounts` in src/data/aggregate.ts) reads; here the status is always set.
 */
export interface CountRow extends AggregateRow {
  status: StatusSymbol | '';
}

/** Where a row came from, for error messages. */
export interface RowOrigin {
  file: string;
  line: number;
}

export interface TidyRow extends CountRow, RowOrigin {}

const SYMBOLS = new Set<string>(STATUS_SYMBOLS);

export function looksLikeTidy(text: string): boolean {
  const head = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]
    .toLowerCase();
  const cols = head.split(sniffDelimiter(head)).map((c) => c.trim().replace(/^"|"$/g, ''));
  return (cols.includes('indicator') || cols.includes('count')) && cols.includes('region') && cols.includes('value');
}

/** Parses a tidy CSV. `decimal` defaults to `,` for `;`-separated files and `.` otherwise. */
export function parseTidy(text: string, file: string, decimal?: ',' | '.'): TidyRow[] {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = sniffDelimiter(body.split(/\r?\n/, 1)[0]);
  const dec = decimal ?? (delimiter === ';' ? ',' : '.');
  const records = parseDelimited(body, delimiter);
  if (records.length === 0) throw new InputError(file, undefined, 'the file is empty');
  const header = records[0].cells.map((c) => c.trim().toLowerCase());
  const find = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const cCount = find('indicator', 'count');
  const cRegion = find('region');
  const cYear = find('year');
  const cValue = find('value');
  const cStatus = find('status');
  const missing = [
    cCount < 0 ? 'indicator' : '',
    cRegion < 0 ? 'region' : '',
    cYear < 0 ? 'year' : '',
    cValue < 0 ? 'value' : '',
  ].filter(Boolean);
  if (missing.length) {
    throw new InputError(
      file,
      1,
      `missing column(s) ${missing.join(', ')}; expected the header "indicator;region;year;value;status"`,
    );
  }
  const rows: TidyRow[] = [];
  for (const { line, cells } of records.slice(1)) {
    if (cells.every((c) => c.trim() === '')) continue;
    const count = (cells[cCount] ?? '').trim();
    const region = (cells[cRegion] ?? '').trim();
    const yearText = (cells[cYear] ?? '').trim();
    if (!/^[a-z0-9][a-z0-9-]*$/.test(count)) throw new InputError(file, line, `"${count}" is not an id (a-z, 0-9, -)`);
    if (!/^\d{2,12}$/.test(region))
      throw new InputError(file, line, `"${region}" is not an official region key (digits)`);
    if (!/^\d{4}$/.test(yearText)) throw new InputError(file, line, `"${yearText}" is not a year`);
    const cell = parseCell(cells[cValue] ?? '', dec);
    if (typeof cell === 'string') throw new InputError(file, line, cell);
    let status: CountRow['status'] = cell?.status ?? '';
    const extra = cStatus >= 0 ? (cells[cStatus] ?? '').trim() : '';
    if (extra) {
      if (!SYMBOLS.has(extra))
        throw new InputError(file, line, `"${extra}" is not an official symbol (${STATUS_SYMBOLS.join(' ')})`);
      if (status && status !== extra)
        throw new InputError(file, line, `the value says "${status}" but status says "${extra}"`);
      status = extra as StatusSymbol;
    }
    let value = cell?.value ?? null;
    if (status === '-') value = 0;
    if (['.', '/', 'x', '...'].includes(status)) value = null;
    if (cell === null && !extra) throw new InputError(file, line, 'empty value without a status symbol');
    rows.push({ count, region, year: Number(yearText), value, status, file, line });
  }
  return rows;
}

/** Writes counts as tidy CSV (`;`, decimal comma, UTF-8 with BOM: opens in German Excel). */
export function formatCounts(rows: readonly CountRow[]): string {
  const lines = ['indicator;region;year;value;status'];
  for (const r of rows) {
    const value = r.value === null ? '' : String(r.value).replace('.', ',');
    lines.push(`${r.count};${r.region};${r.year};${value};${r.status ?? ''}`);
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
