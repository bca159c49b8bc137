/**
 * Reading the text tables that statistics offices and spreadsheets export: encoding
 * detection (UTF-8 with or without BOM, Latin-1 / Windows-1252), a CSV parser that keeps
 * line numbers (quoted cells may span lines, as in the GENESIS footers), German numbers and
 * the official symbols.
 */
import iconv from 'iconv-lite';
import type { StatusSymbol } from '../data/schema.js';

export type Encoding = 'auto' | 'utf-8' | 'latin1';

/** An error in an input file, with the file and the 1-based line (when known). */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
    this.name = 'InputError';
  }
}

/**
 * Decodes a file: a UTF-8 BOM is dropped; without a BOM the bytes are UTF-8 when they are
 * valid UTF-8, else Windows-1252 (the superset of Latin-1 that German Excel and the GENESIS
 * "Tabelle als CSV" download use).
 */
export function decodeText(
  bytes: Uint8Array,
  encoding: Encoding = 'auto',
): { text: string; encoding: 'utf-8' | 'latin1' } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  if (encoding === 'latin1') return { text: iconv.decode(buf, 'win1252'), encoding: 'latin1' };
  if (encoding === 'utf-8' || bom)
    return { text: new TextDecoder('utf-8').decode(bom ? buf.subarray(3) : buf), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'win1252'), encoding: 'latin1' };
  }
}

/** One parsed CSV record and the line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Parses delimited text (RFC 4180 quoting, `""` escapes, quoted cells may contain line
 * breaks). Each record keeps the 1-based line it starts on, for error messages.
 */
export function parseDelimited(text: string, delimiter = ';'): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        if (c !== '\r' || text[i + 1] !== '\n') cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      start = line;
    } else cell += c;
    i++;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/** Guesses the delimiter of a header line: `;`, tab or `,`, whichever occurs most. */
export function sniffDelimiter(firstLine: string): string {
  const counts = [';', '\t', ','].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ';';
}

/** A value with its official symbol ('' for a plain number). */
export interface Cell {
  value: number | null;
  status: StatusSymbol | '';
}

const MISSING_SYMBOLS: Record<string, StatusSymbol> = { '.': '.', '/': '/', x: 'x', X: 'x', '...': '...', '…': '...' };

/**
 * Parses one cell of an official table: a number (decimal comma by default, no or `.`
 * grouping), `-` (nothing: 0), `.`, `/`, `x`, `...` (no value), `(123)` (limited validity),
 * a number followed by `p`, `r` or `s` (provisional, revised, estimated). Returns null for
 * an empty cell and a string (the reason) for anything else.
 */
export function parseCell(raw: string, decimal: ',' | '.' = ','): Cell | null | string {
  const s = raw.trim();
  if (s === '') return null;
  if (s === '-' || s === '–') return { value: 0, status: '-' };
  const missing = MISSING_SYMBOLS[s];
  if (missing) return { value: null, status: missing };
  let body = s;
  let status: Cell['status'] = '';
  const paren = /^\((.*)\)$/.exec(body);
  if (paren) {
    body = paren[1].trim();
    status = '()';
  } else {
    const flag = /^(.*?)\s*([prs])$/.exec(body);
    if (flag && flag[1] !== '') {
      body = flag[1];
      status = flag[2] as 'p' | 'r' | 's';
    }
  }
  const value = parseNumber(body, decimal);
  if (value === null) return `"${s}" is neither a number nor an official symbol (-, ., /, x, ...)`;
  return { value, status };
}

/** `1234,5` / `1.234,5` (decimal comma) or `1234.5` / `1,234.5` (decimal point); null if not a number. */
export function parseNumber(s: string, decimal: ',' | '.' = ','): number | null {
  const group = decimal === ',' ? '\\.' : ',';
  const dec = decimal === ',' ? ',' : '\\.';
  const re = new RegExp(`^[-+−]?(\\d+|\\d{1,3}(${group}\\d{3})+)(${dec}\\d+)?$`);
  const t = s.replace(/\s/g, '');
  if (!re.test(t)) return null;
  const plain = t
    .replace(/^[−]/, '-')
    .split(decimal === ',' ? '.' : ',')
    .join('')
    .replace(',', '.');
  const n = Number(plain);
  return Number.isFinite(n) ? n : null;
}

/**
 * The year of a period label: `2015`, `31.12.2015`, `2015-12-31`, `Jahr: 2016`,
 * `Stichtag 31.12.2015`; null when the label is not a period.
 */
export function periodYear(label: string): number | null {
  const s = label.trim().replace(/^(Jahr|Stichtag|Berichtsjahr|Zeit|Zeitraum|Jahresdurchschnitt)\s*:?\s*/i, '');
  const m = /^(\d{4})$/.exec(s) ?? /^\d{1,2}\.\d{1,2}\.(\d{4})$/.exec(s) ?? /^(\d{4})-\d{2}-\d{2}$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 1900 && y <= 2200 ? y : null;
}
