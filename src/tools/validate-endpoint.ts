/**
 * `fokus-data validate`: checks an endpoint folder or URL against the format v1 schema
 * (src/data/schema.ts) and the consistency rules: every key known, geometry ids match the
 * regions, years in range, rates consistent with their counts, sums of parts. The result
 * is a list of issues, each with file, JSON path and reason.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import {
  Catalog as CatalogSchema,
  IndicatorFile as IndicatorFileSchema,
  type Catalog,
  type Indicator,
  type IndicatorFile,
  type LevelId,
} from '../data/schema.js';
import { catalogIssues, formatPath, fromValibot, indicatorFileIssues, parseTopology } from '../data/validate.js';
import { FokusDataError } from '../data/errors.js';
import { partitionPath, partitionRegions } from '../data/model.js';
import { DEFAULT_THRESHOLD, smallPublishedCounts } from './disclosure.js';

export interface EndpointIssue {
  severity: 'error' | 'warning';
  /** Path of the file relative to the endpoint. */
  file: string;
  /** JSON path inside the file (`regions[3].parent`), `(file)` for the file as a whole. */
  path: string;
  message: string;
}

export interface EndpointReport {
  location: string;
  issues: EndpointIssue[];
  /** Files read. */
  files: number;
  indicators: number;
  regions: number;
  ms: number;
}

export interface ValidateOptions {
  /** Most issues listed per file and check (default 20); the rest are counted. */
  limit?: number;
  /** For URLs (a test seam). */
  fetch?: typeof fetch;
  /** The latest plausible year (default: this year + 1). */
  maxYear?: number;
}

type Reader = (file: string) => Promise<{ ok: true; json: unknown } | { ok: false; reason: string }>;

function makeReader(location: string, fetchImpl: typeof fetch): Reader {
  if (/^https?:\/\//i.test(location)) {
    const base = location.endsWith('/') ? location : location + '/';
    return async (file) => {
      const url = new URL(file, base).href;
      let res: Response;
      try {
        res = await fetchImpl(url);
      } catch (error) {
        return { ok: false, reason: `cannot fetch ${url}: ${(error as Error).message}` };
      }
      if (!res.ok) return { ok: false, reason: `HTTP ${res.status} for ${url}` };
      const text = await res.text();
      try {
        return { ok: true, json: JSON.parse(text) };
      } catch (error) {
        return { ok: false, reason: `not valid JSON: ${(error as Error).message}` };
      }
    };
  }
  return async (file) => {
    let text: string;
    try {
      text = await readFile(path.join(location, file), 'utf8');
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      return { ok: false, reason: e.code === 'ENOENT' ? 'file not found' : e.message };
    }
    try {
      return { ok: true, json: JSON.parse(text) };
    } catch (error) {
      return { ok: false, reason: `not valid JSON: ${(error as Error).message}` };
    }
  };
}

/** A data path must stay inside the endpoint: relative, no `..`, no scheme. */
function unsafePath(file: string): boolean {
  return /^[a-z]+:|^\/|\\/i.test(file) || file.split('/').includes('..');
}

type Add = (severity: EndpointIssue['severity'], where: string, message: string, check: string) => void;
type RegionIndex = Map<string, Catalog['regions'][number]>;

/** What every check of one validation run shares. */
interface Run {
  read: Reader;
  issues: EndpointIssue[];
  report: EndpointReport;
  limit: number;
  maxYear: number;
  /** Files catalog.json points to (the rest of a folder is reported as left over). */
  referenced: Set<string>;
}

/**
 * The issue adder of one file: at most `limit` issues per severity and check (a fixed
 * name, e.g. `schema`, `rate`), then one line saying that more are not listed.
 */
function collector(run: Run, file: string): Add {
  const counts = new Map<string, number>();
  return (severity, where, message, check) => {
    const key = `${severity}:${check}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n <= run.limit) run.issues.push({ severity, file, path: where, message });
    else if (n === run.limit + 1)
      run.issues.push({ severity, file, path: '(file)', message: `more issues like the above are not listed` });
  };
}

/** Validates the endpoint at `location` (a folder or an http(s) URL). */
export async function validateEndpoint(location: string, options: ValidateOptions = {}): Promise<EndpointReport> {
  const started = Date.now();
  const issues: EndpointIssue[] = [];
  const run: Run = {
    read: makeReader(location, options.fetch ?? fetch),
    issues,
    report: { location, issues, files: 0, indicators: 0, regions: 0, ms: 0 },
    limit: options.limit ?? 20,
    maxYear: options.maxYear ?? new Date().getFullYear() + 1,
    referenced: new Set(['catalog.json']),
  };
  const catalog = await readCatalog(run);
  if (catalog) {
    checkCatalogEntries(run, catalog);
    const regionById: RegionIndex = new Map(catalog.regions.map((r) => [r.id, r]));
    for (const ind of catalog.indicators) await checkIndicator(run, catalog, ind, regionById);
    for (const ind of catalog.indicators) await checkPartitions(run, catalog, ind);
    for (const g of catalog.geometry) await checkGeometryFile(run, catalog, g, regionById);
    if (!/^https?:\/\//i.test(location)) await checkLeftovers(run, location);
  }
  run.report.ms = Date.now() - started;
  return run.report;
}

/** catalog.json: read, schema and consistency; undefined when it cannot be used further. */
async function readCatalog(run: Run): Promise<Catalog | undefined> {
  const add = collector(run, 'catalog.json');
  const raw = await run.read('catalog.json');
  run.report.files++;
  if (!raw.ok) {
    add('error', '(file)', raw.reason, 'read');
    return undefined;
  }
  const parsed = v.safeParse(CatalogSchema, raw.json);
  if (!parsed.success) {
    for (const i of parsed.issues.map(fromValibot)) add('error', i.path, i.message, 'schema');
    return undefined;
  }
  const catalog: Catalog = parsed.output;
  run.report.regions = catalog.regions.length;
  run.report.indicators = catalog.indicators.length;
  for (const i of catalogIssues(catalog)) add('error', i.path, i.message, 'consistency');
  return catalog;
}

/** Levels, parents, years, breaks and paths of the catalog's entries. */
function checkCatalogEntries(run: Run, catalog: Catalog): void {
  const add = collector(run, 'catalog.json');
  const regionById = new Map(catalog.regions.map((r) => [r.id, r]));
  const levels = new Set(catalog.levels.map((l) => l.id));
  catalog.regions.forEach((r, i) => {
    if (!levels.has(r.level))
      add('error', formatPath(['regions', i, 'level']), `level "${r.level}" is not in levels`, 'level');
    const parent = r.parent === null ? undefined : regionById.get(r.parent);
    const rank = (level: LevelId) => catalog.levels.findIndex((l) => l.id === level);
    if (parent && rank(parent.level) >= rank(r.level)) {
      add(
        'error',
        formatPath(['regions', i, 'parent']),
        `a ${r.level} cannot lie in the ${parent.level} "${parent.id}"`,
        'parent',
      );
    }
  });
  for (const level of levels) {
    if (!catalog.regions.some((r) => r.level === level))
      add('warning', 'levels', `no region has the level "${level}"`, 'level');
  }
  if (!catalog.version.trim()) add('error', 'version', 'empty: the version (content hash) busts caches', 'version');
  catalog.indicators.forEach((ind, i) => {
    ind.years.forEach((y, k) => {
      if (y > run.maxYear)
        add('error', formatPath(['indicators', i, 'years', k]), `year ${y} lies in the future`, 'year');
      if (k > 0 && y <= ind.years[k - 1])
        add('error', formatPath(['indicators', i, 'years', k]), 'years must ascend', 'year');
    });
    ind.levels.forEach((l, k) => {
      if (!levels.has(l))
        add('error', formatPath(['indicators', i, 'levels', k]), `level "${l}" is not in levels`, 'level');
    });
    (ind.breaks ?? []).forEach((b, k) => {
      if (b.year <= ind.years[0] || b.year > ind.years.at(-1)!) {
        add(
          'warning',
          formatPath(['indicators', i, 'breaks', k, 'year']),
          `the break ${b.year} is not inside the years ${ind.years[0]}-${ind.years.at(-1)}`,
          'break',
        );
      }
    });
    const file = ind.file ?? `indicators/${ind.id}.json`;
    if (unsafePath(file))
      add(
        'error',
        formatPath(['indicators', i, 'file']),
        `"${file}" must be a relative path inside the endpoint`,
        'path',
      );
  });
  catalog.geometry.forEach((g, i) => {
    if (unsafePath(g.file))
      add(
        'error',
        formatPath(['geometry', i, 'file']),
        `"${g.file}" must be a relative path inside the endpoint`,
        'path',
      );
  });
}

/** True when every matrix of the file has one row per region and one cell per year. */
function shapeOk(file: IndicatorFile): boolean {
  const fits = (m: (number | null)[][] | undefined) =>
    !m || (m.length === file.regions.length && m.every((row) => row.length === file.years.length));
  return fits(file.values) && fits(file.numerator) && fits(file.denominator);
}

/** indicators/<id>.json: read, schema, consistency and (when the shapes fit) the cells. */
async function checkIndicator(run: Run, catalog: Catalog, ind: Indicator, regionById: RegionIndex): Promise<void> {
  const file = ind.file ?? `indicators/${ind.id}.json`;
  if (unsafePath(file)) return;
  run.referenced.add(file);
  const add = collector(run, file);
  const got = await run.read(file);
  run.report.files++;
  if (!got.ok) return add('error', '(file)', got.reason, 'read');
  const p = v.safeParse(IndicatorFileSchema, got.json);
  if (!p.success) {
    for (const i of p.issues.map(fromValibot)) add('error', i.path, i.message, 'schema');
    return;
  }
  for (const i of indicatorFileIssues(p.output, catalog, ind.id)) add('error', i.path, i.message, 'consistency');
  if (!shapeOk(p.output)) return;
  checkIndicatorFile(p.output, ind, regionById, add);
  const small = smallPublishedCounts(p.output, ind);
  if (small.length)
    add(
      'warning',
      'numerator',
      `${small.length} published value(s) rest on fewer than ${DEFAULT_THRESHOLD} cases (e.g. ${small[0].region} ${small[0].year}); ` +
        'turn on disclosure control ("disclosure:" in catalog.yaml) unless these counts may be published',
      'disclosure',
    );
}

/**
 * Partition files (format 1.2): each holds exactly the regions of its partition
 * (`partitionRegions`) with the rows of the whole file.
 */
async function checkPartitions(run: Run, catalog: Catalog, ind: Indicator): Promise<void> {
  const parts = catalog.partitions;
  if (!parts) return;
  const wholeFile = ind.file ?? `indicators/${ind.id}.json`;
  const whole = await run.read(wholeFile);
  const full = whole.ok ? v.safeParse(IndicatorFileSchema, whole.json) : undefined;
  for (const parent of parts.parents) {
    const file = partitionPath(parts.file, parent, ind.id);
    if (unsafePath(file)) {
      collector(run, 'catalog.json')(
        'error',
        'partitions.file',
        `"${file}" must be a relative path inside the endpoint`,
        'path',
      );
      return;
    }
    run.referenced.add(file);
    const add = collector(run, file);
    const got = await run.read(file);
    run.report.files++;
    if (!got.ok) {
      add('error', '(file)', got.reason, 'read');
      continue;
    }
    const p = v.safeParse(IndicatorFileSchema, got.json);
    if (!p.success) {
      for (const i of p.issues.map(fromValibot)) add('error', i.path, i.message, 'schema');
      continue;
    }
    for (const i of indicatorFileIssues(p.output, catalog, ind.id)) add('error', i.path, i.message, 'consistency');
    const expected = partitionRegions(catalog, parent).map((r) => r.id);
    if (p.output.regions.join() !== expected.join()) {
      const missing = expected.filter((id) => !p.output.regions.includes(id));
      add(
        'error',
        'regions',
        `not the regions of the partition ${parent} (${missing.length} missing, e.g. ${missing[0] ?? '-'}; ${p.output.regions.length} for ${expected.length})`,
        'partition',
      );
      continue;
    }
    if (full?.success) {
      const row = new Map(full.output.regions.map((id, i) => [id, i]));
      const differs = p.output.regions.find(
        (id, i) => JSON.stringify(p.output.values[i]) !== JSON.stringify(full.output.values[row.get(id) ?? -1]),
      );
      if (differs) add('error', 'values', `the values of ${differs} differ from ${wholeFile}`, 'partition');
    }
  }
}

/** geo/*.topo.json: a topology whose geometry ids are the regions of the entry's level and parent. */
async function checkGeometryFile(
  run: Run,
  catalog: Catalog,
  g: Catalog['geometry'][number],
  regionById: RegionIndex,
): Promise<void> {
  if (unsafePath(g.file)) return;
  run.referenced.add(g.file);
  const add = collector(run, g.file);
  const got = await run.read(g.file);
  run.report.files++;
  if (!got.ok) return add('error', '(file)', got.reason, 'read');
  let topo;
  try {
    topo = parseTopology(got.json, g.file);
  } catch (error) {
    const reason = error instanceof FokusDataError ? (error.detail ?? error.message) : String(error);
    return add('error', '(file)', reason, 'topology');
  }
  const under = (id: string) => {
    if (g.parent === undefined) return true;
    for (let p = regionById.get(id)?.parent; p; p = regionById.get(p)?.parent ?? null) if (p === g.parent) return true;
    return false;
  };
  const seen = new Set<string>();
  topo.objects.regions.geometries.forEach((geom, k) => {
    const where = formatPath(['objects', 'regions', 'geometries', k, 'id']);
    const id = geom.id === undefined ? undefined : String(geom.id);
    if (id === undefined) return add('error', where, 'missing: every geometry needs the region id', 'id');
    if (seen.has(id)) add('error', where, `duplicate geometry id "${id}"`, 'duplicate');
    seen.add(id);
    const region = regionById.get(id);
    if (!region) add('error', where, `unknown region "${id}" (not in catalog.json)`, 'unknown');
    else if (region.level !== g.level)
      add('error', where, `"${id}" is a ${region.level}, the file holds ${g.level} regions`, 'level');
    else if (!under(id)) add('error', where, `"${id}" does not lie in ${g.parent}`, 'parent');
  });
  for (const r of catalog.regions) {
    if (r.level === g.level && under(r.id) && !seen.has(r.id))
      add('warning', 'objects.regions', `no geometry for region "${r.id}" (${r.name})`, 'missing');
  }
}

/** JSON files of a folder that catalog.json does not reference (an old indicator?). */
async function checkLeftovers(run: Run, location: string): Promise<void> {
  const add = collector(run, '(folder)');
  const entries = await readdir(location, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith('.json')) continue;
    const rel = path
      .relative(location, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
      .split(path.sep)
      .join('/');
    if (!run.referenced.has(rel)) add('warning', rel, 'not referenced by catalog.json (left over?)', 'leftover');
  }
}

/** Cell checks of a shape-valid indicator file: years, levels, rates against counts, sums. */
function checkIndicatorFile(file: IndicatorFile, ind: Indicator, regionById: RegionIndex, add: Add): void {
  if (file.years.join() !== ind.years.join()) {
    add(
      'error',
      'years',
      `[${file.years.join(', ')}] differ from the catalog's years [${ind.years.join(', ')}]`,
      'years',
    );
  }
  const levels = new Set(ind.levels);
  const present = new Set<string>();
  file.regions.forEach((id, r) => {
    const region = regionById.get(id);
    if (!region) return; // reported as unknown already
    present.add(region.level);
    if (!levels.has(region.level))
      add(
        'error',
        formatPath(['regions', r]),
        `"${id}" is a ${region.level}; the indicator has the levels ${ind.levels.join(', ')}`,
        'level',
      );
  });
  for (const l of ind.levels) if (!present.has(l)) add('warning', 'regions', `no region of the level "${l}"`, 'level');

  const tolerance = 0.5 * 10 ** -ind.decimals + 1e-9;
  file.values.forEach((row, r) =>
    row.forEach((value, y) => {
      if (value !== null && Math.abs(value * 10 ** ind.decimals - Math.round(value * 10 ** ind.decimals)) > 1e-6) {
        add('warning', formatPath(['values', r, y]), `${value} has more than ${ind.decimals} decimals`, 'decimals');
      }
    }),
  );

  const c = ind.computation;
  if (c.type === 'ratio') {
    if (!file.numerator || !file.denominator) {
      add(
        'warning',
        '(file)',
        'a ratio without numerator and denominator: the rates cannot be checked against their counts',
        'counts',
      );
    } else {
      const num = file.numerator;
      const den = file.denominator;
      file.values.forEach((row, r) =>
        row.forEach((value, y) => {
          const n = num[r][y];
          const d = den[r][y];
          if (value === null || n === null || d === null) return;
          if (d === 0) {
            add(
              'error',
              formatPath(['values', r, y]),
              `${value} with denominator 0 (region ${file.regions[r]}, ${file.years[y]})`,
              'rate',
            );
            return;
          }
          const expected = (n / d) * c.factor;
          if (Math.abs(value - expected) > tolerance) {
            add(
              'error',
              formatPath(['values', r, y]),
              `rate ${value} does not match ${n} / ${d} x ${c.factor} = ${+expected.toFixed(ind.decimals + 2)} (region ${file.regions[r]}, ${file.years[y]})`,
              'rate',
            );
          }
        }),
      );
      checkSums(file, num, 'numerator', regionById, add);
      checkSums(file, den, 'denominator', regionById, add);
      checkTerritory(file, num, den, regionById, add);
    }
  } else {
    // A published rate or share is never the sum of its parts.
    if (!c.published) checkSums(file, file.values, 'values', regionById, add);
  }
}

/** The rows of the parts of every region whose parts are all in the file (every child of the catalog). */
function completeParents(file: IndicatorFile, regionById: RegionIndex): Map<number, number[]> {
  const row = new Map(file.regions.map((id, r) => [id, r]));
  const kids = new Map<string, number[]>();
  for (const id of file.regions) {
    const parent = regionById.get(id)?.parent;
    if (parent && row.has(parent)) kids.set(parent, [...(kids.get(parent) ?? []), row.get(id)!]);
  }
  const all = new Map<string, number>();
  for (const r of regionById.values()) if (r.parent) all.set(r.parent, (all.get(r.parent) ?? 0) + 1);
  const out = new Map<number, number[]>();
  for (const [parent, list] of kids) if (list.length === all.get(parent)) out.set(row.get(parent)!, list);
  return out;
}

/** Relative difference above which a total is taken to cover other territory than its parts. */
const TERRITORY_TOLERANCE = 0.005;

/**
 * A rate's numerator and denominator must cover the same territory: an error where one of
 * them is the sum of the region's parts and the other clearly is not (more than 0.5 %), e.g.
 * births summed over today's Gemeinden but a published Kreis population that still includes
 * dissolved ones.
 */
function checkTerritory(
  file: IndicatorFile,
  num: (number | null)[][],
  den: (number | null)[][],
  regionById: RegionIndex,
  add: Add,
): void {
  const sumOf = (m: (number | null)[][], kids: number[], y: number) => {
    let sum = 0;
    for (const k of kids) {
      const x = m[k][y];
      if (x === null) return null;
      sum += x;
    }
    return sum;
  };
  const gap = (total: number | null, sum: number | null) =>
    total === null || sum === null ? null : Math.abs(total - sum) / Math.max(1, Math.abs(total));
  for (const [p, kids] of completeParents(file, regionById)) {
    file.years.forEach((year, y) => {
      const n = gap(num[p][y], sumOf(num, kids, y));
      const d = gap(den[p][y], sumOf(den, kids, y));
      if (n === null || d === null) return;
      const [summed, other, otherGap] = n < 1e-9 ? ['numerator', 'denominator', d] : ['denominator', 'numerator', n];
      if (Math.min(n, d) < 1e-9 && otherGap > TERRITORY_TOLERANCE) {
        add(
          'error',
          formatPath(['values', p, y]),
          `numerator and denominator of ${file.regions[p]} in ${year} cover different territory: the ${summed} is ` +
            `the sum of its ${kids.length} parts, the ${other} differs from the sum of its parts by ` +
            `${(otherGap * 100).toFixed(1)} % (parts missing? convert old keys with a table of territorial changes)`,
          'territory',
        );
      }
    });
  }
}

/**
 * Warns where a region's count is not the sum of its parts although every part has a number
 * (a published total may differ slightly, e.g. by later corrections, hence a warning).
 */
function checkSums(
  file: IndicatorFile,
  matrix: (number | null)[][],
  name: string,
  regionById: RegionIndex,
  add: Add,
): void {
  const row = new Map(file.regions.map((id, r) => [id, r]));
  const children = new Map<string, number[]>();
  for (const id of file.regions) {
    const parent = regionById.get(id)?.parent;
    if (parent && row.has(parent)) children.set(parent, [...(children.get(parent) ?? []), row.get(id)!]);
  }
  // Only parents whose parts are all in the file (every child region of the catalog).
  const catalogChildren = new Map<string, number>();
  for (const r of regionById.values())
    if (r.parent) catalogChildren.set(r.parent, (catalogChildren.get(r.parent) ?? 0) + 1);
  for (const [parent, kids] of children) {
    if (kids.length !== catalogChildren.get(parent)) continue;
    const p = row.get(parent)!;
    file.years.forEach((year, y) => {
      const total = matrix[p][y];
      const parts = kids.map((k) => matrix[k][y]);
      if (total === null || parts.some((x) => x === null)) return;
      const sum = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
      if (Math.abs(sum - total) > 1e-6 * Math.max(1, Math.abs(total))) {
        add(
          'warning',
          formatPath([name, p, y]),
          `${total} for ${parent} in ${year}, but its ${kids.length} parts sum to ${+sum.toFixed(6)}`,
          'sum',
        );
      }
    });
  }
}

/** The report as text: issues grouped by file, then a summary line. */
export function formatReport(report: EndpointReport): string {
  const lines: string[] = [];
  const byFile = new Map<string, EndpointIssue[]>();
  for (const i of report.issues) byFile.set(i.file, [...(byFile.get(i.file) ?? []), i]);
  for (const [file, list] of byFile) {
    lines.push(file);
    for (const i of list) lines.push(`  ${i.severity === 'error' ? 'error  ' : 'warning'}  ${i.path}: ${i.message}`);
  }
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const warnings = report.issues.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${errors ? 'FAILED' : 'OK'}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(report.files, 'file')} ` +
      `(${plural(report.indicators, 'indicator')}, ${plural(report.regions, 'region')}) of ${report.location} (${report.ms} ms)`,
  );
  return lines.join('\n');
}

export function errorCount(report: EndpointReport): number {
  return report.issues.filter((i) => i.severity === 'error').length;
}
