/**
 * Validation of endpoint responses: the Valibot schemas of schema.ts plus the
 * consistency checks a schema cannot express (matrix shapes, unique ids, known
 * parents, topics and breakdown members, status symbols that must not carry a value).
 * Every failure is a `FokusDataError('malformed')` with the URL and a readable `detail`.
 */
import * as v from 'valibot';
import {
  Catalog as CatalogSchema,
  IndicatorFile as IndicatorFileSchema,
  MISSING_STATUS,
  OFFICIAL_LEVELS,
  type Catalog,
  type IndicatorFile,
} from './schema.js';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { FokusDataError } from './errors.js';

/** One problem: a JSON path (`regions[3].id`) and what is wrong with it. */
export interface ValidationIssue {
  path: string;
  message: string;
}

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

/**
 * One Valibot issue as a path and a readable reason: the one formatter of schema problems
 * (client errors, `fokus-data validate`, mapping and metadata files of the tools).
 */
export function fromValibot(issue: v.BaseIssue<unknown>): ValidationIssue {
  const keys = (issue.path ?? []).map((item) => item.key as PathKey);
  let message: string;
  if (!/^Invalid \w+:/.test(issue.message)) {
    // A custom message from schema.ts, e.g. "an official region key (digits)".
    message = `expected ${issue.message}, received ${issue.received}`;
  } else if (issue.input === undefined && keys.length > 0) {
    message = 'required, but missing';
  } else if (issue.type === 'iso_date') {
    message = `expected an ISO date (YYYY-MM-DD), received ${issue.received}`;
  } else {
    // "Invalid type: Expected number but received "x"" -> "expected number but received "x"";
    // "Invalid length: Expected >=1 but received 0" -> "expected length >=1 but received 0";
    // "Invalid integer: Received 1.5" -> "invalid integer, received 1.5".
    const m = /^Invalid (\w+): (.*)$/s.exec(issue.message)!;
    const [, kind, text] = m;
    const rest = text.charAt(0).toLowerCase() + text.slice(1);
    if (!rest.startsWith('expected ')) message = `invalid ${kind}, ${rest}`;
    else message = kind === 'type' || kind === 'key' ? rest : `expected ${kind} ${rest.slice(9)}`;
  }
  return { path: formatPath(keys), message };
}

/** The `detail` text of a malformed error: the first three issues, and how many more. */
export function issuesDetail(issues: readonly ValidationIssue[]): string {
  const listed = issues.slice(0, MAX_LISTED).map((i) => `${i.path}: ${i.message}`);
  const more = issues.length - MAX_LISTED;
  return listed.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

function fail(url: string, issues: readonly ValidationIssue[]): never {
  throw new FokusDataError('malformed', { url, detail: issuesDetail(issues) });
}

function schemaCheck<T>(schema: v.GenericSchema<unknown, T>, json: unknown, url: string): T {
  const result = v.safeParse(schema, json);
  if (!result.success) fail(url, result.issues.map(fromValibot));
  return result.output;
}

/** Reports each repeated value of `ids` (by index) through `report`. */
function duplicates(ids: readonly (string | number)[], report: (index: number, first: number) => void): void {
  const seen = new Map<string | number, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else report(i, first);
  });
}

/** Consistency checks of a schema-valid catalog; returns the issues (empty when consistent). */
export function catalogIssues(catalog: Catalog): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: PathKey[], message: string) => issues.push({ path: formatPath(path), message });

  const regions = new Map<string, string | null>();
  duplicates(
    catalog.regions.map((r) => r.id),
    (i, first) => add(['regions', i, 'id'], `duplicate region id "${catalog.regions[i].id}" (also regions[${first}])`),
  );
  for (const r of catalog.regions) if (!regions.has(r.id)) regions.set(r.id, r.parent);
  catalog.regions.forEach((r, i) => {
    if (r.parent === null) return;
    if (r.parent === r.id) add(['regions', i, 'parent'], `region "${r.id}" is its own parent`);
    else if (!regions.has(r.parent)) add(['regions', i, 'parent'], `unknown region "${r.parent}"`);
    else {
      // The parent chain must end (no cycles), otherwise ancestors() could not terminate.
      const visited = new Set([r.id]);
      for (let p: string | null | undefined = r.parent; p; p = regions.get(p)) {
        if (visited.has(p)) {
          add(['regions', i, 'parent'], `the parent chain of "${r.id}" is a cycle`);
          break;
        }
        visited.add(p);
      }
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
    if (g.parent !== undefined && !regions.has(g.parent))
      add(['geometry', i, 'parent'], `unknown region "${g.parent}"`);
  });

  // Levels: every level used is declared; a parent is on a higher level (earlier in `levels`).
  // The four official levels are known without being declared (as in format 1.0).
  const rank = new Map(catalog.levels.map((l, i) => [l.id, i]));
  const known = { has: (l: string) => rank.has(l) || (OFFICIAL_LEVELS as readonly string[]).includes(l) };
  const levelOf = new Map(catalog.regions.map((r) => [r.id, r.level]));
  catalog.regions.forEach((r, i) => {
    const own = rank.get(r.level);
    if (own === undefined) {
      if (!known.has(r.level)) add(['regions', i, 'level'], `level "${r.level}" is not in levels`);
      return;
    }
    const above = r.parent === null ? undefined : rank.get(levelOf.get(r.parent) ?? '');
    if (above !== undefined && above >= own)
      add(['regions', i, 'parent'], `parent "${r.parent}" is not on a higher level than "${r.level}"`);
  });
  catalog.indicators.forEach((ind, i) => {
    ind.levels.forEach((l, k) => {
      if (!known.has(l)) add(['indicators', i, 'levels', k], `level "${l}" is not in levels`);
    });
  });
  catalog.geometry.forEach((g, i) => {
    if (!known.has(g.level)) add(['geometry', i, 'level'], `level "${g.level}" is not in levels`);
  });
  const parts = catalog.partitions;
  if (parts) {
    if (!rank.has(parts.level)) add(['partitions', 'level'], `level "${parts.level}" is not in levels`);
    parts.parents.forEach((id, k) => {
      if (levelOf.get(id) !== parts.level)
        add(['partitions', 'parents', k], `"${id}" is no region of level "${parts.level}"`);
    });
  }
  return issues;
}

/**
 * Validates a catalog.json: schema, then consistency. Throws `FokusDataError('malformed')`
 * with `url` and a `detail` naming the first three problems with their JSON paths.
 */
export function parseCatalog(json: unknown, url: string): Catalog {
  const catalog = schemaCheck(CatalogSchema, json, url);
  const issues = catalogIssues(catalog);
  if (issues.length) fail(url, issues);
  return catalog;
}

const MISSING = new Set<string>(MISSING_STATUS);

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
    const known = new Set(catalog.regions.map((r) => r.id));
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

  const index = new Map(file.regions.map((id, i) => [id, i]));
  for (const [id, symbols] of Object.entries(file.status ?? {})) {
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
  return issues;
}

/**
 * Validates an indicators/<id>.json: schema, then consistency (see `indicatorFileIssues`).
 * Throws `FokusDataError('malformed')` with `url` and `detail`.
 */
export function parseIndicatorFile(json: unknown, url: string, catalog?: Catalog, expectedId?: string): IndicatorFile {
  const file = schemaCheck(IndicatorFileSchema, json, url);
  const issues = indicatorFileIssues(file, catalog, expectedId);
  if (issues.length) fail(url, issues);
  return file;
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
