/**
 * `fokus-data import`: reads the tables a mapping names (GENESIS "Tabelle als CSV", GENESIS
 * ffcsv, tidy CSV) and turns the selected columns into count rows
 * `{ count, region, year, value, status }`, the input of `fokus-data build`.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { StatusSymbol } from '../data/schema.js';
import { looksLikeGenesisTable, parseGenesisTable, selectColumns, type ColumnSelector } from './import-genesis.js';
import { looksLikeFfcsv, matchesFfcsv, parseFfcsv, type FfcsvSelector } from './import-ffcsv.js';
import { looksLikeTidy, parseTidy, type CountRow } from './import-tidy.js';
import { levelOfKey, type Mapping, type Source } from './mapping.js';
import { decodeText, InputError, parseCell, periodYear } from './text.js';
import { sumCells, type Cell } from '../data/aggregate.js';

export type { CountRow } from './import-tidy.js';

export interface SourceReport {
  file: string;
  format: 'genesis' | 'ffcsv' | 'tidy';
  encoding: 'utf-8' | 'latin1';
  bytes: number;
  /** Rows read (region rows of a table, value rows of ffcsv / tidy). */
  rowsRead: number;
  /** Values written, per count. */
  values: Record<string, number>;
  /** Values by status symbol ('' = plain number). */
  symbols: Record<string, number>;
  /** Region rows left out by the `regions` / `levels` filter (and `DG`). */
  skipped: number;
  years: number[];
  regions: number;
  /** GENESIS: table code, title lines and footer (notes, licence). */
  code?: string;
  title?: string[];
  footer?: string[];
  ms: number;
}

export interface ImportResult {
  rows: CountRow[];
  sources: SourceReport[];
  /** File and line of every row (for error messages of later steps). */
  origins: WeakMap<CountRow, { file: string; line: number }>;
}

export interface ImportOptions {
  /** Called with progress lines (start and end of each source, every 10,000 rows). */
  onProgress?: (message: string) => void;
}

type Kept = (key: string) => boolean;

function regionFilter(mapping: Mapping, source: Source): Kept {
  const prefixes = source.regions ?? mapping.regions;
  const levels = source.levels ?? mapping.levels;
  return (key) => {
    if (!/^\d+$/.test(key)) return false; // DG (Germany) and other non-AGS rows
    if (prefixes && !prefixes.some((p) => key.startsWith(p))) return false;
    if (levels) {
      const level = levelOfKey(key);
      if (!level || !levels.includes(level)) return false;
    }
    return true;
  };
}

export function detectFormat(text: string, file: string): 'genesis' | 'ffcsv' | 'tidy' {
  if (looksLikeFfcsv(text)) return 'ffcsv';
  if (looksLikeTidy(text)) return 'tidy';
  if (looksLikeGenesisTable(text)) return 'genesis';
  throw new InputError(
    file,
    undefined,
    'unknown format: neither a GENESIS "Tabelle als CSV" export, an ffcsv file nor a tidy CSV (indicator;region;year;value;status)',
  );
}

/** Reads all sources of a mapping. Throws `InputError` (file and line) on bad input. */
export async function importSources(
  mapping: Mapping & { dir?: string },
  options: ImportOptions = {},
): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => {});
  const rows: CountRow[] = [];
  const origin = new Map<string, { where: string; row: CountRow }>();
  const origins = new WeakMap<CountRow, { file: string; line: number }>();
  const reports: SourceReport[] = [];

  for (const source of mapping.sources) {
    const started = Date.now();
    const file = path.resolve(mapping.dir ?? '.', source.file);
    const shown = path.relative(process.cwd(), file) || file;
    const size = await stat(file).then(
      (s) => s.size,
      () => {
        throw new InputError(shown, undefined, 'file not found');
      },
    );
    progress(`reading ${shown} (${(size / 1024).toFixed(0)} KiB)`);
    const { text, encoding } = decodeText(await readFile(file), source.encoding);
    const damaged = replacementHint(text, encoding, source.encoding);
    if (damaged) progress(`warning: ${shown}:${damaged.line}: ${damaged.hint}`);
    const format = source.format ?? detectFormat(text, shown);
    const keep = regionFilter(mapping, source);
    const report: SourceReport = {
      file: shown,
      format,
      encoding,
      bytes: size,
      rowsRead: 0,
      values: {},
      symbols: {},
      skipped: 0,
      years: [],
      regions: 0,
      ms: 0,
    };
    const years = new Set<number>();
    const regions = new Set<string>();
    const shift = source.yearOffset ?? 0;
    const aliases = { ...(mapping.aliases ?? {}), ...(source.aliases ?? {}) };

    const add = (
      count: string,
      region: string,
      year: number,
      value: number | null,
      status: CountRow['status'],
      line: number,
    ) => {
      if (status === '' && source.status && value !== null) status = source.status as StatusSymbol;
      region = aliases[region] ?? region;
      const id = `${count}\u0000${region}\u0000${year}`;
      const before = origin.get(id);
      const here = `${shown}:${line}`;
      if (before) {
        // The same published value twice (a Kreis row in two tables) is no conflict.
        if (before.row.value === value && before.row.status === status) return;
        throw new InputError(
          shown,
          line,
          `a second value for ${count}, region ${region}, ${year}: ${value ?? status} here, ` +
            `${before.row.value ?? before.row.status} in ${before.where}`,
        );
      }
      const row: CountRow = { count, region, year, value, status };
      origin.set(id, { where: here, row });
      origins.set(row, { file: shown, line });
      rows.push(row);
      report.values[count] = (report.values[count] ?? 0) + 1;
      report.symbols[status] = (report.symbols[status] ?? 0) + 1;
      years.add(year);
      regions.add(region);
    };
    const tick = () => {
      if (++report.rowsRead % 10_000 === 0) progress(`  ${shown}: ${report.rowsRead.toLocaleString('en')} rows`);
    };

    if (format === 'genesis') {
      const table = parseGenesisTable(text, shown);
      if (!source.counts || Object.keys(source.counts).length === 0) {
        throw new InputError(
          shown,
          undefined,
          `the mapping names no counts for this table; its columns are ${describeAll(table)}`,
        );
      }
      const picks = Object.entries(source.counts).map(([count, selector]) => {
        const parts = isSum(selector) ? selector.sum : [selector];
        const columns = parts.map((part) => {
          if (typeof part === 'object' && !Array.isArray(part) && !('column' in part)) {
            throw new InputError(
              shown,
              undefined,
              `count "${count}": a GENESIS table needs a column label, { column: n } or { sum: [...] }, not variables`,
            );
          }
          return selectColumns(table, part as ColumnSelector, shown);
        });
        return { count, columns: columns[0], parts: columns };
      });
      for (const row of table.rows) {
        tick();
        if (!keep(row.key)) {
          report.skipped++;
          continue;
        }
        for (const { count, columns, parts } of picks) {
          for (const col of columns) {
            const year = source.year ?? row.year ?? col.year ?? table.year;
            if (year === undefined) {
              throw new InputError(
                shown,
                row.line,
                'the table names no period (no year column, header or title line): set "year" in the mapping',
              );
            }
            // A sum of columns: the column of each part with this column's period.
            const cells = parts.map((cols) => {
              const c = cols.find((x) => x.year === col.year) ?? cols[0];
              const cell = parseCell(row.cells[c.index] ?? '');
              if (typeof cell === 'string') throw new InputError(shown, row.line, `column ${c.index + 1}: ${cell}`);
              return cell;
            });
            if (cells.some((c) => c === null)) continue; // an empty cell: no value
            const cell = cells.length === 1 ? cells[0]! : sumCells(cells as Cell[]);
            add(count, row.key, year + shift, cell.value, cell.status, row.line);
          }
        }
      }
      report.code = table.code;
      report.title = table.title;
      report.footer = table.footer;
    } else if (format === 'ffcsv') {
      const flat = parseFfcsv(text, shown);
      const selectors = Object.entries(source.counts ?? {}).map(([count, selector]) => {
        if (typeof selector !== 'object' || Array.isArray(selector) || 'column' in selector) {
          throw new InputError(
            shown,
            undefined,
            `count "${count}": an ffcsv file needs a selector like { value: BEVSTD, GES: weiblich }`,
          );
        }
        return { count, selector: selector as FfcsvSelector };
      });
      if (selectors.length === 0) {
        const kinds = [...new Set(flat.map((r) => `${r.valueCode} (${r.valueLabel})`))].slice(0, 10).join(', ');
        throw new InputError(
          shown,
          undefined,
          `the mapping names no counts for this file; its value variables are ${kinds}`,
        );
      }
      const used = new Set<number>();
      for (const row of flat) {
        tick();
        if (!keep(row.region)) {
          report.skipped++;
          continue;
        }
        for (const { count, selector } of selectors) {
          if (!matchesFfcsv(row, selector)) continue;
          used.add(selectors.findIndex((s) => s.count === count));
          const y = source.year ?? periodYear(row.time);
          if (y === null) throw new InputError(shown, row.line, `"${row.time}" is not a period (year or date)`);
          const cell = parseCell(row.value);
          if (typeof cell === 'string') throw new InputError(shown, row.line, `value: ${cell}`);
          if (cell === null) continue;
          try {
            add(count, row.region, y + shift, cell.value, cell.status, row.line);
          } catch (e) {
            const other = row.variables.map((v) => v.code).filter((c) => !(c in selector));
            if (other.length && e instanceof InputError) {
              throw new InputError(
                shown,
                row.line,
                `${e.reason}; select one attribute of ${other.join(', ')} in the mapping`,
              );
            }
            throw e;
          }
        }
      }
      selectors.forEach((s, i) => {
        if (!used.has(i) && report.rowsRead > 0) {
          throw new InputError(
            shown,
            undefined,
            `count "${s.count}": no row matches ${JSON.stringify(s.selector)}; ${availableCodes(flat)}`,
          );
        }
      });
    } else {
      const tidy = parseTidy(text, shown, source.decimal);
      const rename = source.counts
        ? new Map(
            Object.entries(source.counts).map(([count, from]) => {
              if (typeof from !== 'string')
                throw new InputError(
                  shown,
                  undefined,
                  `count "${count}": in a tidy CSV, name the source id as a string`,
                );
              return [from, count] as const;
            }),
          )
        : null;
      for (const row of tidy) {
        tick();
        if (!keep(row.region)) {
          report.skipped++;
          continue;
        }
        const count = rename ? rename.get(row.count) : row.count;
        if (count === undefined) continue;
        const year = (source.year ?? row.year) + shift;
        add(count, row.region, year, row.value, row.status, row.line);
      }
    }
    report.years = [...years].sort((a, b) => a - b);
    report.regions = regions.size;
    report.ms = Date.now() - started;
    const total = Object.values(report.values).reduce((a, b) => a + b, 0);
    progress(
      `  ${shown}: ${format}, ${encoding}, ${total.toLocaleString('en')} values of ${report.regions} regions, ` +
        `${report.years.length ? `${report.years[0]}-${report.years.at(-1)}` : 'no years'}` +
        `${report.skipped ? `, ${report.skipped} rows outside the region filter` : ''} (${report.ms} ms)`,
    );
    reports.push(report);
  }
  return { rows, sources: reports, origins };
}

type Selector = NonNullable<Source['counts']>[string];

function isSum(selector: Selector): selector is Extract<Selector, { sum: unknown }> {
  return typeof selector === 'object' && !Array.isArray(selector) && 'sum' in selector && Array.isArray(selector.sum);
}

/** The value variables and the attributes of every other variable of an ffcsv file. */
function availableCodes(rows: ReturnType<typeof parseFfcsv>): string {
  const values = new Map<string, string>();
  const vars = new Map<string, Map<string, string>>();
  for (const r of rows) {
    values.set(r.valueCode, r.valueLabel);
    for (const v of r.variables) {
      const m = vars.get(v.code) ?? new Map<string, string>();
      m.set(v.attributeCode || '(total)', v.attributeLabel);
      vars.set(v.code, m);
    }
  }
  const list = (m: Map<string, string>) =>
    [...m]
      .slice(0, 12)
      .map(([code, label]) => (label && label !== code ? `${code} (${label})` : code))
      .join(', ') + (m.size > 12 ? `, ... (${m.size} in all)` : '');
  const parts = [`the value variables are ${list(values)}`];
  for (const [code, m] of vars) parts.push(`${code}: ${list(m)}`);
  return parts.join('; ');
}

/**
 * A hint when the decoded text holds U+FFFD (the replacement character, "Ausl\uFFFDnder"):
 * the bytes were read in the wrong encoding, or were damaged before by a wrong conversion.
 */
export function replacementHint(
  text: string,
  encoding: 'utf-8' | 'latin1',
  asked: Source['encoding'],
): { line: number; hint: string } | undefined {
  const at = text.indexOf('\uFFFD');
  if (at < 0) return undefined;
  const line = text.slice(0, at).split('\n').length;
  const sample = text.slice(Math.max(0, at - 12), at + 12).replace(/\s+/g, ' ');
  const hint =
    encoding === 'utf-8' && asked === 'utf-8'
      ? `the text contains U+FFFD ("${sample}"): the file is not UTF-8; try encoding: latin1 (or auto) in the mapping`
      : `the text contains U+FFFD ("${sample}"): the characters were lost by a wrong conversion before this file was saved; download the table again (UTF-8 or Latin-1) instead of converting it`;
  return { line, hint };
}

function describeAll(table: ReturnType<typeof parseGenesisTable>): string {
  return [...new Set(table.columns.map((c) => `"${c.labels.join(' / ')}"`))].slice(0, 12).join(', ');
}
