/**
 * The client's validation without Valibot: a hand-written check of the schema's shape
 * (`isCatalog`, `isIndicatorFile`: plain loops over the big arrays, no copies), the
 * consistency checks a schema cannot express, and the geometry check. When a shape check
 * fails, the client loads validate.ts (Valibot) for the error's detail, so a well-formed
 * response never pays for Valibot (bytes or time) and a bad one still gets every issue
 * named with its JSON path. The shape checks accept exactly what the schemas of schema.ts
 * accept (tests/node/check.test.ts compares them on mutations of real files); a document
 * they refuse goes to Valibot, which decides.
 */
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Catalog, IndicatorFile } from './schema.js';
import {
  CATALOG_FORMATS,
  FORMAT_INDICATOR,
  ID_PATTERN,
  LEVEL_PATTERN,
  MISSING_STATUS,
  OFFICIAL_LEVELS,
  REGION_KEY_PATTERN,
  STATUS_SYMBOLS,
} from './constants.js';
import { FokusDataError } from './errors.js';

/** One problem: a JSON path (`regions[3].id`) and what is wrong with it. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** Valibot's `isoDate()`. */
const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:[12]\d|0[1-9]|3[01])$/u;

// ---- shape ----------------------------------------------------------------------------

type Check = (x: any) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Valibot's `object()` takes any non-null object (unknown keys are ignored). */
const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object';
const str: Check = (x) => typeof x === 'string';
const text: Check = (x) => typeof x === 'string' && x.length > 0;
const match =
  (pattern: RegExp): Check =>
  (x) =>
    typeof x === 'string' && pattern.test(x);
const id = match(ID_PATTERN);
const level = match(LEVEL_PATTERN);
const regionKey: Check = (x) => typeof x === 'string' && x.length <= 40 && REGION_KEY_PATTERN.test(x);
const date = match(ISO_DATE);
const int =
  (min: number, max = Infinity): Check =>
  (x) =>
    Number.isInteger(x) && x >= min && x <= max;
const year = int(1900, 2200);
const opt =
  (check: Check): Check =>
  (x) =>
    x === undefined || check(x);
const oneOf =
  (values: readonly unknown[]): Check =>
  (x) =>
    values.includes(x);
function list(item: Check, min = 0): Check {
  return (x) => {
    if (!Array.isArray(x) || x.length < min) return false;
    for (let i = 0; i < x.length; i++) if (!item(x[i])) return false;
    return true;
  };
}
function object(entries: Record<string, Check>): Check {
  const keys = Object.keys(entries);
  return (x) => {
    if (!isObject(x)) return false;
    for (const key of keys) if (!entries[key](x[key])) return false;
    return true;
  };
}

const localized = object({ de: text, en: opt(str) });
const licence = object({ id: str, name: str, url: opt(str) });
/** A region (the biggest array: one straight function, no table of checks). */
const region: Check = (r) =>
  isObject(r) &&
  regionKey(r.id) &&
  text(r.name) &&
  level(r.level) &&
  (r.parent === null || regionKey(r.parent)) &&
  (r.kind === undefined || typeof r.kind === 'string');
const count = object({ type: str, count: str, published: opt((x) => x === true) });
const ratio = object({
  type: str,
  numerator: str,
  denominator: str,
  factor: (x) => typeof x === 'number' && !Number.isNaN(x),
  window: opt(int(2, 10)),
});
const indicator = object({
  id,
  label: localized,
  shortLabel: opt(localized),
  unit: localized,
  decimals: int(0, 6),
  description: localized,
  source: str,
  licence: opt(licence),
  updated: opt(date),
  topic: id,
  polarity: oneOf(['higher-is-better', 'lower-is-better', 'neutral']),
  years: list(year, 1),
  levels: list(level, 1),
  breaks: opt(list(object({ year, note: localized }))),
  computation: (x) => isObject(x) && (x.type === 'count' ? count(x) : x.type === 'ratio' && ratio(x)),
  file: opt(str),
  minCount: opt(int(0)),
  period: opt(localized),
});
const catalogShape = object({
  format: oneOf(CATALOG_FORMATS),
  version: str,
  title: localized,
  publisher: str,
  licence,
  attribution: str,
  updated: date,
  synthetic: opt((x) => typeof x === 'boolean'),
  notice: opt(localized),
  gebietsstand: opt(date),
  levels: list(object({ id: level, label: localized, plural: opt(localized) }), 1),
  regions: list(region, 1),
  topics: list(object({ id, label: localized })),
  indicators: list(indicator),
  breakdowns: opt(list(object({ id, label: localized, indicators: list(id, 2), categories: list(localized) }))),
  geometry: list(object({ level, parent: opt(regionKey), file: str, attribution: str })),
  partitions: opt(
    object({
      level,
      parents: list(regionKey, 1),
      file: (x) => typeof x === 'string' && x.includes('{parent}') && x.includes('{indicator}'),
    }),
  ),
});

/** True when `json` has the shape of a catalog (schema.ts `Catalog`); consistency is not checked. */
export function isCatalog(json: unknown): json is Catalog {
  return catalogShape(json);
}

/** A regions x years matrix of numbers and nulls (the row lengths are checked for consistency). */
function isMatrix(x: unknown): boolean {
  if (!Array.isArray(x)) return false;
  for (let r = 0; r < x.length; r++) {
    const row: unknown = x[r];
    if (!Array.isArray(row)) return false;
    for (let y = 0; y < row.length; y++) {
      const cell: unknown = row[y];
      if (cell !== null && (typeof cell !== 'number' || Number.isNaN(cell))) return false;
    }
  }
  return true;
}

const statusSymbol = oneOf([...STATUS_SYMBOLS, '']);
const symbols = list(statusSymbol);
const UNSAFE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

function isStatus(x: unknown): boolean {
  if (!isObject(x)) return false;
  // Stricter than Valibot's record(), which skips these keys: such a file goes to Valibot.
  for (const key in x) if (UNSAFE_KEYS.has(key) || !symbols(x[key])) return false;
  return true;
}

const indicatorFileShape = object({
  format: (x) => x === FORMAT_INDICATOR,
  indicator: id,
  years: list(year, 1),
  regions: list(regionKey, 1),
  values: isMatrix,
  status: opt(isStatus),
  numerator: opt(isMatrix),
  denominator: opt(isMatrix),
});

/** True when `json` has the shape of an indicator file (schema.ts `IndicatorFile`). */
export function isIndicatorFile(json: unknown): json is IndicatorFile {
  return indicatorFileShape(json);
}

// ---- issues -----------------------------------------------------------------------------

/** How many issues `detail` lists. */
const MAX_LISTED = 3;

type PathKey = string | number;

/** `['regions', 3, 'id']` -> `regions[3].id`; keys that are not identifiers in brackets. */
export function formatPath(keys: readonly PathKey[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out || '(root)';
}

/** The `detail` text of a malformed error: the first three issues, and how many more. */
export function issuesDetail(issues: readonly ValidationIssue[]): string {
  const listed = issues.slice(0, MAX_LISTED).map((i) => `${i.path}: ${i.message}`);
  const more = issues.length - MAX_LISTED;
  return listed.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

/** Throws `FokusDataError('malformed')` for `url` with the issues as `detail`. */
export function fail(url: string, issues: readonly ValidationIssue[]): never {
  throw new FokusDataError('malformed', { url, detail: issuesDetail(issues) });
}

/** Reports each repeated value of `ids` (by index) through `report`. */
function duplicates(ids: readonly (string | number)[], report: (index: number, first: number) => void): void {
  const seen = new Map<string | number, number>();
  for (let i = 0; i < ids.length; i++) {
    const first = seen.get(ids[i]);
    if (first === undefined) seen.set(ids[i], i);
    else report(i, first);
  }
}

const OFFICIAL = new Set<string>(OFFICIAL_LEVELS);

/** Consistency checks of a schema-valid catalog; returns the issues (empty when consistent). */
export function catalogIssues(catalog: Catalog): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: PathKey[], message: string) => issues.push({ path: formatPath(path), message });
  const all = catalog.regions;

  // One pass for the ids (index of the first region of each id), one for the parent chains.
  const at = new Map<string, number>();
  all.forEach((r, i) => {
    const first = at.get(r.id);
    if (first === undefined) at.set(r.id, i);
    else add(['regions', i, 'id'], `duplicate region id "${r.id}" (also regions[${first}])`);
  });
  const region = (id: string) => {
    const i = at.get(id);
    return i === undefined ? undefined : all[i];
  };
  // Regions whose parent chain is known to end (no cycle): each chain is walked once.
  const ends = new Set<string>();
  all.forEach((r, i) => {
    const own = at.get(r.id) === i; // a duplicate id is an issue of its own and stands for nothing
    if (r.parent === null) {
      if (own) ends.add(r.id);
    } else if (r.parent === r.id) add(['regions', i, 'parent'], `region "${r.id}" is its own parent`);
    else if (!at.has(r.parent)) add(['regions', i, 'parent'], `unknown region "${r.parent}"`);
    else if (ends.has(r.parent)) {
      if (own) ends.add(r.id);
    } else {
      // The parent chain must end (no cycles), otherwise ancestors() could not terminate.
      const visited = new Set([r.id]);
      for (let p: string | null | undefined = r.parent; p && !ends.has(p); p = region(p)?.parent) {
        if (visited.has(p)) {
          add(['regions', i, 'parent'], `the parent chain of "${r.id}" is a cycle`);
          return;
        }
        visited.add(p);
      }
      if (!own) visited.delete(r.id);
      for (const v of visited) ends.add(v);
    }
  });

  duplicates(
    catalog.levels.map((l) => l.id),
    (i) => add(['levels', i, 'id'], `duplicate level "${catalog.levels[i].id}"`),
  );
  duplicates(
    catalog.topics.map((t) => t.id),
    (i) => add(['topics', i, 'id'], `duplicate topic id "${catalog.topics[i].id}"`),
  );
  const topics = new Set(catalog.topics.map((t) => t.id));
  duplicates(
    catalog.indicators.map((x) => x.id),
    (i) => add(['indicators', i, 'id'], `duplicate indicator id "${catalog.indicators[i].id}"`),
  );
  const indicators = new Set(catalog.indicators.map((x) => x.id));
  catalog.indicators.forEach((ind, i) => {
    if (!topics.has(ind.topic)) add(['indicators', i, 'topic'], `unknown topic "${ind.topic}"`);
    duplicates(ind.years, (y) => add(['indicators', i, 'years', y], `duplicate year ${ind.years[y]}`));
  });

  const breakdowns = catalog.breakdowns ?? [];
  duplicates(
    breakdowns.map((b) => b.id),
    (i) => add(['breakdowns', i, 'id'], `duplicate breakdown id "${breakdowns[i].id}"`),
  );
  breakdowns.forEach((b, i) => {
    b.indicators.forEach((id, k) => {
      if (!indicators.has(id)) add(['breakdowns', i, 'indicators', k], `unknown indicator "${id}"`);
    });
    if (b.categories.length !== b.indicators.length) {
      add(
        ['breakdowns', i, 'categories'],
        `${b.categories.length} categories for ${b.indicators.length} indicators (must be equal)`,
      );
    }
  });

  catalog.geometry.forEach((g, i) => {
    if (g.parent !== undefined && !at.has(g.parent)) add(['geometry', i, 'parent'], `unknown region "${g.parent}"`);
  });

  // Levels: every level used is declared; a parent is on a higher level (earlier in `levels`).
  // The four official levels are known without being declared (as in format 1.0).
  const rank = new Map(catalog.levels.map((l, i) => [l.id, i]));
  const known = (l: string) => rank.has(l) || OFFICIAL.has(l);
  const notDeclared = (l: string) => `level "${l}" is not in levels`;
  all.forEach((r, i) => {
    const own = rank.get(r.level);
    if (own === undefined) {
      if (!known(r.level)) add(['regions', i, 'level'], notDeclared(r.level));
      return;
    }
    const above = r.parent === null ? undefined : rank.get(region(r.parent)?.level ?? '');
    if (above !== undefined && above >= own)
      add(['regions', i, 'parent'], `parent "${r.parent}" is not on a higher level than "${r.level}"`);
  });
  catalog.indicators.forEach((ind, i) => {
    ind.levels.forEach((l, k) => {
      if (!known(l)) add(['indicators', i, 'levels', k], notDeclared(l));
    });
  });
  catalog.geometry.forEach((g, i) => {
    if (!known(g.level)) add(['geometry', i, 'level'], notDeclared(g.level));
  });
  const parts = catalog.partitions;
  if (parts) {
    if (!rank.has(parts.level)) add(['partitions', 'level'], notDeclared(parts.level));
    parts.parents.forEach((id, k) => {
      if (region(id)?.level !== parts.level)
        add(['partitions', 'parents', k], `"${id}" is no region of level "${parts.level}"`);
    });
  }
  return issues;
}

const MISSING = new Set<string>(MISSING_STATUS);
/** The region ids of a catalog, built once per catalog (every indicator file is checked against them). */
const regionIds = new WeakMap<Catalog, Set<string>>();

/**
 * Consistency checks of a schema-valid indicator file. With `catalog`, the regions and
 * the indicator must be known; with `expectedId`, the file must be that indicator's.
 */
export function indicatorFileIssues(file: IndicatorFile, catalog?: Catalog, expectedId?: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: PathKey[], message: string) => issues.push({ path: formatPath(path), message });
  const rows = file.regions.length;
  const cols = file.years.length;

  if (expectedId !== undefined && file.indicator !== expectedId) {
    add(['indicator'], `expected "${expectedId}", found "${file.indicator}"`);
  } else if (catalog && !catalog.indicators.some((i) => i.id === file.indicator)) {
    add(['indicator'], `unknown indicator "${file.indicator}"`);
  }
  duplicates(file.regions, (i, first) =>
    add(['regions', i], `duplicate region "${file.regions[i]}" (also regions[${first}])`),
  );
  duplicates(file.years, (i) => add(['years', i], `duplicate year ${file.years[i]}`));
  if (catalog) {
    let known = regionIds.get(catalog);
    if (!known) regionIds.set(catalog, (known = new Set(catalog.regions.map((r) => r.id))));
    file.regions.forEach((id, i) => {
      if (!known.has(id)) add(['regions', i], `unknown region "${id}" (not in the catalog)`);
    });
  }

  const matrixIssues = (name: 'values' | 'numerator' | 'denominator', matrix: (number | null)[][] | undefined) => {
    if (!matrix) return;
    if (matrix.length !== rows) add([name], `${matrix.length} rows for ${rows} regions (must be equal)`);
    matrix.forEach((row, r) => {
      if (row.length !== cols) add([name, r], `${row.length} values for ${cols} years (must be equal)`);
    });
  };
  matrixIssues('values', file.values);
  matrixIssues('numerator', file.numerator);
  matrixIssues('denominator', file.denominator);

  const status = file.status;
  if (status) {
    const index = new Map(file.regions.map((id, i) => [id, i]));
    for (const id of Object.keys(status)) {
      const symbols = status[id];
      const r = index.get(id);
      if (r === undefined) {
        add(['status', id], `region "${id}" is not in regions`);
        continue;
      }
      if (symbols.length !== cols) add(['status', id], `${symbols.length} symbols for ${cols} years (must be equal)`);
      symbols.forEach((symbol, y) => {
        const value = file.values[r]?.[y];
        if (value === undefined || value === null) return;
        // A suppressed value must not travel to the browser at all.
        if (MISSING.has(symbol)) add(['values', r, y], `status "${symbol}" requires null, found ${value}`);
        else if (symbol === '-' && value !== 0)
          add(['values', r, y], `status "-" (nothing) requires 0 or null, found ${value}`);
      });
    }
  }
  return issues;
}

/** A geometry file: a TopoJSON topology whose object `regions` has one geometry per region id. */
export type FokusTopology = Topology<{ regions: GeometryCollection<{ name?: string } & Record<string, unknown>> }>;

/**
 * Minimal check of a geometry file (`type: "Topology"`, `arcs`, and an object `regions`
 * that is a GeometryCollection); the geometries themselves are not inspected.
 */
export function parseTopology(json: unknown, url: string): FokusTopology {
  const issues: ValidationIssue[] = [];
  const t = json as {
    type?: unknown;
    arcs?: unknown;
    objects?: { regions?: { type?: unknown; geometries?: unknown } };
  } | null;
  if (typeof t !== 'object' || t === null || Array.isArray(t)) {
    issues.push({ path: '(root)', message: 'expected a TopoJSON object' });
  } else {
    if (t.type !== 'Topology')
      issues.push({ path: 'type', message: `expected "Topology", received ${JSON.stringify(t.type)}` });
    if (!Array.isArray(t.arcs)) issues.push({ path: 'arcs', message: 'expected an array' });
    const regions = t.objects?.regions;
    if (typeof regions !== 'object' || regions === null) {
      issues.push({ path: 'objects.regions', message: 'required, but missing' });
    } else if (regions.type !== 'GeometryCollection' || !Array.isArray(regions.geometries)) {
      issues.push({ path: 'objects.regions', message: 'expected a GeometryCollection with geometries' });
    }
  }
  if (issues.length) fail(url, issues);
  return json as FokusTopology;
}
