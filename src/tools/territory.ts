/**
 * Territorial status (Gebietsstand): a table of territorial changes (which Gemeinde went
 * into which, and when) and the conversion of count rows of older keys to the status of
 * the endpoint's regions, so that every total includes all its parts and the numerator and
 * denominator of a rate always cover the same territory. Also the built-in rule for
 * kreisfreie Städte, which are Kreis and Gemeinde at once (`01001` = `01001000`).
 *
 * The table (CSV, `;`, UTF-8): `key;name;successor;successor_name;date;change;note`, one row
 * per dissolved key; `change` is `Eingliederung` (into an existing Gemeinde) or `Neubildung`
 * (the successor is a new key from `date` on). See demo/source/official/gebietsaenderungen-sh.csv.
 *
 * Years: the tables give stocks on 31.12. and totals of a calendar year; the offices show a
 * change that takes effect during year Y from Y on (the old key is `-` from Y on, a new key
 * is `-` before Y). So a key dissolved on `date` exists in the years before date's year, a
 * new key from date's year on.
 */
import { sumCells, type Cell, type CountRow } from '../data/aggregate.js';
import type { Region } from '../data/schema.js';
import { InputError, parseDelimited } from './text.js';

export interface TerritorialChange {
  key: string;
  name: string;
  successor: string;
  successorName: string;
  /** ISO date the change took effect. */
  date: string;
  change: 'Eingliederung' | 'Neubildung';
  line: number;
}

/** A count row with where it came from. */
export type SourcedRow = CountRow & { file?: string; line?: number };

/** Parses the table of territorial changes; `file` names it in errors. */
export function parseTerritorialChanges(text: string, file: string): TerritorialChange[] {
  const records = parseDelimited(text.replace(/^\uFEFF/, ''), ';');
  const header = (records[0]?.cells ?? []).map((c) => c.trim().toLowerCase());
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0)
      throw new InputError(file, 1, `missing column "${name}" (key;name;successor;successor_name;date;change)`);
    return i;
  };
  const [cKey, cName, cSucc, cSuccName, cDate, cChange] = [
    'key',
    'name',
    'successor',
    'successor_name',
    'date',
    'change',
  ].map(col);
  const out: TerritorialChange[] = [];
  for (const { line, cells } of records.slice(1)) {
    if (cells.every((c) => c.trim() === '')) continue;
    const get = (i: number) => (cells[i] ?? '').trim();
    const key = get(cKey);
    const successor = get(cSucc);
    const date = get(cDate);
    const change = get(cChange);
    if (!/^\d{8}$/.test(key)) throw new InputError(file, line, `"${key}" is not a Gemeinde key (8 digits)`);
    if (!/^\d{8}$/.test(successor)) throw new InputError(file, line, `"${successor}" is not a Gemeinde key (8 digits)`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new InputError(file, line, `"${date}" is not an ISO date`);
    if (change !== 'Eingliederung' && change !== 'Neubildung')
      throw new InputError(file, line, `change "${change}": expected Eingliederung or Neubildung`);
    if (out.some((c) => c.key === key)) throw new InputError(file, line, `key ${key} is listed twice`);
    out.push({ key, name: get(cName), successor, successorName: get(cSuccName), date, change, line });
  }
  return out;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

export interface ConversionResult {
  rows: SourcedRow[];
  /** Rows of old keys added to their successor. */
  converted: number;
  /** `-` rows of a key in a year it did not exist (not applicable, not 0). */
  notApplicable: number;
  /** Rows that cannot be converted: keys formed after the Gebietsstand, published values of old keys. */
  dropped: { key: string; name: string; reason: string; rows: number }[];
}

/**
 * Converts rows to the territorial status `gebietsstand` (ISO date): a row of a key that was
 * dissolved by then is added to its successor (summed, with the status rules of sums); a `-`
 * of a key in a year when it did not exist is left out (no value instead of 0). Rows of
 * `published` counts (rates, shares) of old keys cannot be summed and are left out; so are
 * rows of keys formed after the Gebietsstand (they cannot be split back).
 */
export function convertToGebietsstand(
  rows: readonly SourcedRow[],
  changes: readonly TerritorialChange[],
  gebietsstand: string,
  published: ReadonlySet<string> = new Set(),
): ConversionResult {
  const applied = changes.filter((c) => c.date <= gebietsstand);
  const later = changes.filter((c) => c.date > gebietsstand);
  const dissolved = new Map(applied.map((c) => [c.key, c]));
  /** The key in the Gebietsstand: follow successors of applied changes. */
  const target = (key: string): string => {
    let k = key;
    for (let guard = 0; dissolved.has(k) && guard < 50; guard++) k = dissolved.get(k)!.successor;
    return k;
  };
  /** First year a key exists (new keys) and first year it no longer exists (dissolved keys). */
  const from = new Map<string, number>();
  const until = new Map<string, number>();
  for (const c of changes) {
    until.set(c.key, Math.min(until.get(c.key) ?? Infinity, yearOf(c.date)));
    if (c.change === 'Neubildung') from.set(c.successor, Math.max(from.get(c.successor) ?? -Infinity, yearOf(c.date)));
  }
  const formedLater = new Map(later.filter((c) => c.change === 'Neubildung').map((c) => [c.successor, c]));

  const result: ConversionResult = { rows: [], converted: 0, notApplicable: 0, dropped: [] };
  const drop = (key: string, name: string, reason: string) => {
    const d = result.dropped.find((x) => x.key === key && x.reason === reason);
    if (d) d.rows++;
    else result.dropped.push({ key, name, reason, rows: 1 });
  };
  const merged = new Map<string, { row: SourcedRow; cells: Cell[] }>();
  for (const row of rows) {
    const existed = row.year < (until.get(row.region) ?? Infinity) && row.year >= (from.get(row.region) ?? -Infinity);
    if (!existed) {
      if (row.value === null || row.value === 0) {
        result.notApplicable++;
        continue;
      }
      // A number for a key that did not exist: keep it (the table knows better), convert below.
    }
    const later = formedLater.get(row.region);
    if (later) {
      drop(row.region, later.successorName, `formed on ${later.date}, after the Gebietsstand ${gebietsstand}`);
      continue;
    }
    const to = target(row.region);
    if (to !== row.region && published.has(row.count)) {
      drop(row.region, dissolved.get(row.region)!.name, 'a published value of a former Gemeinde cannot be summed');
      continue;
    }
    if (to !== row.region) result.converted++;
    const id = `${row.count}\u0000${to}\u0000${row.year}`;
    const cell: Cell = { value: row.value, status: row.status ?? '' };
    const entry = merged.get(id);
    if (entry) entry.cells.push(cell);
    else merged.set(id, { row: { ...row, region: to }, cells: [cell] });
  }
  for (const { row, cells } of merged.values()) {
    if (cells.length === 1) result.rows.push(row);
    else {
      const sum = sumCells(cells);
      result.rows.push({ ...row, value: sum.value, status: sum.status });
    }
  }
  return result;
}

export interface CityCopy {
  kreis: string;
  gemeinde: string;
  name: string;
  counts: string[];
}

/**
 * Kreisfreie Städte are Kreis and Gemeinde at once: a Kreis whose only Gemeinde has the key
 * `<kreis>000` (Flensburg `01001` and `01001000`). Tables key them either way; where a count
 * has rows for one of the two keys and none for the other, the rows are copied, so that the
 * city has its values on both levels. Returns the rows with the copies and what was copied.
 */
export function applyCityRule(
  rows: readonly SourcedRow[],
  regions: readonly Region[],
): { rows: SourcedRow[]; copies: CityCopy[] } {
  const children = new Map<string, Region[]>();
  for (const r of regions) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const pairs = regions
    .filter((r) => r.level === 'kreis')
    .flatMap((k) => {
      const kids = children.get(k.id) ?? [];
      return kids.length === 1 && kids[0].id === `${k.id}000`
        ? [{ kreis: k.id, gemeinde: kids[0].id, name: k.name }]
        : [];
    });
  if (!pairs.length) return { rows: [...rows], copies: [] };
  const has = new Set(rows.map((r) => `${r.count}\u0000${r.region}`));
  const out = [...rows];
  const copies = new Map<string, CityCopy>();
  for (const row of rows) {
    for (const p of pairs) {
      const other = row.region === p.kreis ? p.gemeinde : row.region === p.gemeinde ? p.kreis : undefined;
      if (!other || has.has(`${row.count}\u0000${other}`)) continue;
      out.push({ ...row, region: other });
      const c = copies.get(p.kreis) ?? { ...p, counts: [] };
      if (!c.counts.includes(row.count)) c.counts.push(row.count);
      copies.set(p.kreis, c);
    }
  }
  return { rows: out, copies: [...copies.values()] };
}
