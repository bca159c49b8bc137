/**
 * Reader for the GENESIS / Regionalstatistik "Tabelle als CSV" download: a title block,
 * one or more header rows naming the period and the variables, one row per region (or per
 * period and region: the period in column 1, the region key in column 2), names indented
 * by level, official symbols, and a footer (after `__________`) with notes, licence and
 * export date.
 */
import { InputError, parseDelimited, periodYear, type CsvRecord } from './text.js';

/** A region key in a table: `DG` (Germany) or an AGS / ARS prefix of 2 to 12 digits. */
export const REGION_KEY = /^(DG|\d{2,12})$/;

export interface GenesisColumn {
  /** 0-based index of the cell in the record. */
  index: number;
  /** The header labels above this column, top to bottom, without the period labels. */
  labels: string[];
  /** The period of this column when the header names one. */
  year?: number;
}

export interface GenesisRow {
  line: number;
  /** The period in column 1 (layout "period; key; name; values"). */
  year?: number;
  key: string;
  name: string;
  /** Leading spaces of the name (the level of the region in the export). */
  indent: number;
  cells: string[];
}

export interface GenesisTable {
  /** The table code from `GENESIS-Tabelle: <code>`, if present. */
  code?: string;
  /** Title lines (first cells of the rows before the header). */
  title: string[];
  /** A period named in the title block (`Jahr: 2016`, `31.12.2015`), if any. */
  year?: number;
  /** Index of the region key cell: 0, or 1 when the period is in the first column. */
  keyColumn: 0 | 1;
  columns: GenesisColumn[];
  rows: GenesisRow[];
  /** Footer text (notes, licence, export date). */
  footer: string[];
}

const isEmpty = (cells: string[], from = 0) => cells.slice(from).every((c) => c.trim() === '');
const hasLetter = (s: string) => /\p{L}/u.test(s);

function dataLayout(cells: string[]): 0 | 1 | null {
  const [a = '', b = '', c = ''] = cells.map((x) => x.trim());
  // The period first: "1996;DG;Deutschland" is period, key, name (not key "1996", name "DG").
  if (periodYear(a) !== null && REGION_KEY.test(b) && hasLetter(c)) return 1;
  if (REGION_KEY.test(a) && hasLetter(b) && !REGION_KEY.test(b)) return 0;
  return null;
}

/** Detects the "Tabelle als CSV" layout: a region row appears within the first 60 records. */
export function looksLikeGenesisTable(text: string): boolean {
  const records = parseDelimited(text.slice(0, 200_000), ';').slice(0, 60);
  return records.some((r) => r.cells.length >= 3 && dataLayout(r.cells) !== null);
}

/** Parses the text of a "Tabelle als CSV" export. `file` names the file in errors. */
export function parseGenesisTable(text: string, file: string): GenesisTable {
  const records = parseDelimited(text, ';');
  const first = records.findIndex((r) => r.cells.length >= 3 && dataLayout(r.cells) !== null);
  if (first < 0) {
    throw new InputError(
      file,
      undefined,
      'no region rows found (expected rows "key;name;values..." or "period;key;name;values...", separated by ";")',
    );
  }
  const keyColumn = dataLayout(records[first].cells)!;
  const labelColumns = keyColumn + 2; // [period;] key; name

  // Title block and header rows: everything before the first region row.
  const title: string[] = [];
  let year: number | undefined;
  const headers: CsvRecord[] = [];
  for (const r of records.slice(0, first)) {
    if (isEmpty(r.cells)) continue;
    if (!isEmpty(r.cells, labelColumns)) headers.push(r);
    else {
      const text = r.cells
        .filter((c) => c.trim() !== '')
        .join(' ')
        .trim();
      title.push(text);
      const y = periodYear(text);
      if (y !== null) year = y;
    }
  }
  const code = /^GENESIS-Tabelle:\s*(\S+)/.exec(title[0] ?? '')?.[1];

  const width = Math.max(...records.slice(first).map((r) => r.cells.length), ...headers.map((r) => r.cells.length));
  const columns: GenesisColumn[] = [];
  for (let index = labelColumns; index < width; index++) {
    const labels: string[] = [];
    let colYear: number | undefined;
    for (const h of headers) {
      const label = (h.cells[index] ?? '').trim();
      if (!label) continue;
      const y = periodYear(label);
      if (y !== null) colYear = y;
      else labels.push(label);
    }
    // Trailing empty columns (`;;;` padding) carry no data.
    const used =
      labels.length > 0 || colYear !== undefined || records.slice(first).some((r) => (r.cells[index] ?? '').trim());
    if (used) columns.push({ index, labels, ...(colYear !== undefined ? { year: colYear } : {}) });
  }

  const rows: GenesisRow[] = [];
  const footer: string[] = [];
  let inFooter = false;
  for (const r of records.slice(first)) {
    if (inFooter) {
      footer.push(...r.cells.filter((c) => c.trim()));
      continue;
    }
    const head = (r.cells[0] ?? '').trim();
    if (/^_{3,}/.test(head)) {
      inFooter = true;
      continue;
    }
    if (isEmpty(r.cells)) continue;
    const layout = dataLayout(r.cells);
    if (layout === null) {
      // A block heading with only a period (some exports repeat the table per period).
      const y = isEmpty(r.cells, 1) ? periodYear(head) : null;
      if (y !== null) {
        year = y;
        continue;
      }
      // Without the `__________` line, a non-table row after the last region row starts the footer.
      const later = records
        .slice(records.indexOf(r) + 1)
        .some((x) => x.cells.length >= 3 && dataLayout(x.cells) !== null);
      if (!later) {
        inFooter = true;
        footer.push(...r.cells.filter((c) => c.trim()));
        continue;
      }
      throw new InputError(
        file,
        r.line,
        `expected a region row ("key;name;values..."), found "${r.cells.slice(0, 3).join(';')}"`,
      );
    }
    if (layout !== keyColumn) {
      throw new InputError(
        file,
        r.line,
        `the region key is in column ${layout + 1} here but in column ${keyColumn + 1} above`,
      );
    }
    const rawName = r.cells[keyColumn + 1];
    rows.push({
      line: r.line,
      ...(keyColumn === 1 ? { year: periodYear(r.cells[0])! } : {}),
      key: r.cells[keyColumn].trim(),
      name: rawName.trim(),
      indent: rawName.length - rawName.trimStart().length,
      cells: r.cells,
    });
  }
  return {
    ...(code ? { code } : {}),
    title,
    ...(year !== undefined ? { year } : {}),
    keyColumn,
    columns,
    rows,
    footer,
  };
}

/** A column selector of a mapping: header labels (all must be above the column), or a 1-based column number. */
export type ColumnSelector = string | string[] | { column: number };

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** A readable description of a column: its labels (and period). */
export function describeColumn(c: GenesisColumn): string {
  const text = c.labels.length ? c.labels.join(' / ') : '(no label)';
  return `column ${c.index + 1} "${text}"${c.year !== undefined ? ` (${c.year})` : ''}`;
}

/**
 * The columns a selector picks: with labels, those whose header holds every label (case and
 * spacing ignored). More than one column of the same period is ambiguous and an error.
 */
export function selectColumns(table: GenesisTable, selector: ColumnSelector, file: string): GenesisColumn[] {
  let picked: GenesisColumn[];
  let what: string;
  if (typeof selector === 'object' && !Array.isArray(selector)) {
    what = `column ${selector.column}`;
    picked = table.columns.filter((c) => c.index === selector.column - 1);
  } else {
    const wanted = (Array.isArray(selector) ? selector : [selector]).map(norm);
    what = `"${(Array.isArray(selector) ? selector : [selector]).join(' / ')}"`;
    // Every wanted label must be a label of its own: [Insgesamt, Insgesamt] needs two.
    picked = table.columns.filter((c) => {
      const labels = c.labels.map(norm);
      return wanted.every((w) => {
        const i = labels.indexOf(w);
        if (i < 0) return false;
        labels.splice(i, 1);
        return true;
      });
    });
  }
  const available = () =>
    [...new Map(table.columns.map((c) => [c.labels.join(' / '), c])).values()]
      .slice(0, 12)
      .map((c) => `"${c.labels.join(' / ')}"`)
      .join(', ');
  if (picked.length === 0) {
    const damaged = table.columns.some((c) => c.labels.some((l) => l.includes('\uFFFD')))
      ? ' (the labels contain U+FFFD: the file was read or saved in the wrong encoding)'
      : '';
    throw new InputError(file, undefined, `no column matches ${what}; the columns are ${available()}${damaged}`);
  }
  const byYear = new Map<number | undefined, GenesisColumn[]>();
  for (const c of picked) byYear.set(c.year, [...(byYear.get(c.year) ?? []), c]);
  for (const cols of byYear.values()) {
    if (cols.length > 1) {
      throw new InputError(
        file,
        undefined,
        `${what} matches ${cols.length} columns: ${cols.map(describeColumn).join(', ')}; name more header labels, e.g. ${JSON.stringify(cols[0].labels)}`,
      );
    }
  }
  return picked;
}
