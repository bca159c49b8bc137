/**
 * CSV export in two flavours:
 * - `excel-de`: what German Excel opens with a double click: UTF-8 BOM, `;`, decimal
 *   comma, CRLF;
 * - `machine`: RFC 4180 for scripts: no BOM, `,`, decimal point, LF.
 * Numbers never get thousands separators; `null` is an empty cell.
 */
import type { StatusSymbol } from './schema.js';
import type { IndicatorData } from './model.js';
import { localText } from './format.js';

export type CsvFlavour = 'excel-de' | 'machine';
export type CsvCell = string | number | null | undefined;

export interface CsvOptions {
  flavour: CsvFlavour;
}

const FLAVOURS: Record<CsvFlavour, { bom: string; separator: string; decimal: string; eol: string }> = {
  'excel-de': { bom: '\uFEFF', separator: ';', decimal: ',', eol: '\r\n' },
  machine: { bom: '', separator: ',', decimal: '.', eol: '\n' },
};

/** A number without exponent and without grouping, with `.` as decimal separator. */
function plainNumber(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

function cell(value: CsvCell, flavour: CsvFlavour): string {
  const f = FLAVOURS[flavour];
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const s = plainNumber(value);
    return f.decimal === '.' ? s : s.replace('.', f.decimal);
  }
  let s = value;
  // Excel would run a cell that starts like a formula: keep it text. A lone "-" (the
  // official symbol) and negative numbers are left alone.
  if (flavour === 'excel-de' && /^(?:[=+@\t\r]|-(?=[^\d.,]))/.test(s)) s = `'${s}`;
  const needsQuotes = s.includes(f.separator) || /["\r\n]/.test(s) || s !== s.trim();
  return needsQuotes ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Rows to CSV text. `footerLines` (source, licence, notes) follow the rows after one empty
 * line, one line each. Every line, the last included, ends with the flavour's line break.
 */
export function toCsv(
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions,
  footerLines: readonly string[] = [],
): string {
  const f = FLAVOURS[options.flavour];
  const lines = rows.map((row) => row.map((value) => cell(value, options.flavour)).join(f.separator));
  if (footerLines.length) lines.push('', ...footerLines.map((line) => cell(line, options.flavour)));
  return f.bom + lines.map((line) => line + f.eol).join('');
}

const HEADERS = {
  de: { key: 'Regionalschlüssel', region: 'Gebiet', year: 'Jahr', status: 'Zeichen' },
  en: { key: 'Region key', region: 'Region', year: 'Year', status: 'Symbol' },
};

/**
 * Long-format rows of an indicator for `toCsv`: a header (key, region, year, "label (unit)",
 * symbol), then one row per region and year, values rounded to the indicator's decimals,
 * empty where missing, the official symbol in its own column.
 */
export function indicatorCsvRows(
  data: IndicatorData,
  regionIds: readonly string[] = data.regions,
  lang: string = 'de',
  years: readonly number[] = data.years,
): CsvCell[][] {
  const h = HEADERS[lang.toLowerCase().startsWith('en') ? 'en' : 'de'];
  const names = new Map(data.catalog?.regions.map((r) => [r.id, r.name]) ?? []);
  const unit = localText(data.indicator.unit, lang);
  const label = localText(data.indicator.label, lang) + (unit ? ` (${unit})` : '');
  const rows: CsvCell[][] = [[h.key, h.region, h.year, label, h.status]];
  const factor = 10 ** data.indicator.decimals;
  for (const id of regionIds) {
    for (const year of years) {
      const { value, status } = data.get(id, year);
      const rounded = value === null ? null : Math.round(value * factor) / factor;
      rows.push([id, names.get(id) ?? id, year, rounded, status as StatusSymbol | '']);
    }
  }
  return rows;
}
