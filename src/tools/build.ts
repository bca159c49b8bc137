/**
 * Builds a static endpoint folder (format v1, see docs/data-format.md) from
 * definitions and tidy count rows. Node only. Used by `npm run demo:data` and meant
 * for the `fokus-data build` CLI.
 *
 * - Amt / Kreis / Land counts are summed from the parts (`aggregateCounts`), unless a
 *   count row for that region is given (a published total); indicator values are
 *   numerator / denominator x factor of those counts, never averages of rates.
 * - Everything written is validated with the Valibot schemas first.
 * - The folder is written to a temporary sibling and then renamed into place: a
 *   reader never sees half a build.
 * - Reproducible: the catalog `version` is a hash of the content of every file and
 *   `updated` comes from the metadata, so the same input gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import {
  Breakdown,
  Catalog,
  FORMAT_CATALOG,
  FORMAT_CATALOG_1_1,
  FORMAT_CATALOG_1_2,
  GeometryFile,
  Indicator,
  IndicatorFile,
  LevelId,
  OFFICIAL_LEVELS,
  Topic,
  type Partitions,
  type Region,
} from '../data/schema.js';
import { addCountSums, aggregateCounts, type CountRow } from '../data/aggregate.js';
import { computeIndicatorFile, countYears, withPeriod } from '../data/pooling.js';
import { partitionPath, partitionRegions } from '../data/model.js';
import { protectCounts, type DisclosureOptions, type DisclosureReport } from './disclosure.js';

/** The count ids a computation reads (`a+b` is the sum of a and b). */
export function countsOf(c: Indicator['computation']): string[] {
  return c.type === 'count' ? [c.count] : [c.numerator, c.denominator];
}

/** The single counts behind the ids of a computation (`a+b` -> a, b; `a+-b` -> a, b). */
export function partsOf(c: Indicator['computation']): string[] {
  return countsOf(c).flatMap((id) => id.split('+').map((p) => p.replace(/^-/, '')));
}

/** Published rates and shares: counts that are never summed up the hierarchy. */
export function publishedCounts(indicators: readonly Indicator[]): Set<string> {
  return new Set(
    indicators.flatMap((i) =>
      i.computation.type === 'count' && i.computation.published ? partsOf(i.computation) : [],
    ),
  );
}

/**
 * A geometry entry of catalog.yaml: the catalog's `GeometryFile` plus where to read it from
 * and how to convert it (see docs/data-tools.md); only the `GeometryFile` fields reach
 * catalog.json.
 */
export const GeometrySource = v.object({
  ...GeometryFile.entries,
  /** The source file (GeoJSON or TopoJSON), relative to catalog.yaml; default `file`. */
  source: v.optional(v.string()),
  idProperty: v.optional(v.string()),
  object: v.optional(v.string()),
  where: v.optional(v.record(v.string(), v.union([v.string(), v.number()]))),
  quantization: v.optional(v.number()),
});
export type GeometrySource = v.InferOutput<typeof GeometrySource>;

/** Catalog fields that come from the publisher's metadata: the catalog schema's own fields. */
export const CatalogMeta = v.object({
  ...v.pick(Catalog, [
    'title',
    'publisher',
    'licence',
    'attribution',
    'updated',
    'synthetic',
    'notice',
    'gebietsstand',
    'levels',
  ]).entries,
  /**
   * The table of territorial changes (key;name;successor;successor_name;date;change), relative
   * to catalog.yaml: with `gebietsstand`, rows of older keys are converted to that status.
   */
  territorialChanges: v.optional(v.string()),
  /**
   * More region lists (JSON, relative to catalog.yaml) appended to regions.json, e.g. areas
   * below the Gemeinde (format 1.2): `regionFiles: [stadtteile/regions.json]`.
   */
  regionFiles: v.optional(v.array(v.string())),
  /**
   * Indicator files per parent region (format 1.2), e.g. `{ level: kreis }`: one file per
   * indicator and region of that level, at `file` (default `indicators/{parent}/{indicator}.json`).
   */
  partitions: v.optional(v.object({ level: LevelId, file: v.optional(v.string()) })),
  /** Geometry files; `file` is the path in the endpoint (and, by default, below the source folder). */
  geometry: v.optional(v.array(GeometrySource), []),
});
export type CatalogMeta = v.InferOutput<typeof CatalogMeta>;

export interface Definitions {
  topics: Topic[];
  indicators: Indicator[];
  breakdowns: Breakdown[];
}

export interface GeometryInput {
  /** Entry of the catalog's `geometry` list. */
  entry: GeometryFile;
  /** Path of the TopoJSON file to copy. */
  source: string;
  /** The TopoJSON text, when it was converted (then `source` is only named in errors). */
  text?: string;
}

export interface BuildInput {
  meta: CatalogMeta;
  definitions: Definitions;
  regions: Region[];
  /** Tidy rows; Gemeinde rows at least, rows of higher regions are published totals. */
  counts: readonly CountRow[];
  geometry: GeometryInput[];
  outDir: string;
  /** Disclosure control (src/tools/disclosure.ts); off when not given. */
  disclosure?: DisclosureOptions;
}

export interface BuildResult {
  catalog: Catalog;
  /** Relative path -> size in bytes. */
  files: Record<string, number>;
  /** What disclosure control suppressed, when it was on. */
  disclosure?: DisclosureReport;
}

const DefinitionsFile = v.object({
  defaults: v.optional(v.record(v.string(), v.unknown()), {}),
  topics: v.array(Topic),
  indicators: v.array(v.record(v.string(), v.unknown())),
  breakdowns: v.optional(v.array(Breakdown), []),
});

/**
 * The computation as written in indicators.yaml -> the catalog's form: a list of counts
 * (`numerator: [a, b]`) is their sum `a+b`; `type: published` is `{ type: count, published: true }`.
 */
function normalizeComputation(c: unknown): unknown {
  if (!c || typeof c !== 'object') return c;
  const out: Record<string, unknown> = { ...(c as Record<string, unknown>) };
  for (const key of ['count', 'numerator', 'denominator'])
    if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(String).join('+');
  if (out.type === 'published') {
    out.type = 'count';
    out.published = true;
  }
  return out;
}

/** `years: { from, to }` -> the list of years; arrays stay as they are. */
function expandYears(years: unknown): unknown {
  if (years && typeof years === 'object' && !Array.isArray(years)) {
    const { from, to } = years as { from: number; to: number };
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  return years;
}

/**
 * Parses indicator definitions (YAML): `topics`, `indicators`, `breakdowns`, and
 * `defaults` that apply to every indicator not setting the field. `years` may be
 * `{ from, to }`. Other top-level keys (e.g. YAML anchors) are ignored.
 */
export function parseDefinitions(yamlText: string): Definitions {
  const raw = v.parse(DefinitionsFile, parseYaml(yamlText));
  const indicators = raw.indicators.map((ind) => {
    const merged = { ...raw.defaults, ...ind };
    merged.years = expandYears(merged.years);
    merged.computation = normalizeComputation(merged.computation);
    try {
      return v.parse(Indicator, merged);
    } catch (e) {
      throw new Error(`indicator ${String(ind.id)}: ${(e as Error).message}`);
    }
  });
  return { topics: raw.topics, indicators, breakdowns: raw.breakdowns };
}

/** Parses catalog metadata (YAML or JSON text). */
export function parseMeta(text: string): CatalogMeta {
  return v.parse(CatalogMeta, parseYaml(text));
}

/** Checks what the schema cannot say; throws with all problems listed. */
export function checkCatalog(catalog: Catalog): void {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const r of catalog.regions) {
    if (ids.has(r.id)) problems.push(`duplicate region ${r.id}`);
    ids.add(r.id);
  }
  for (const r of catalog.regions)
    if (r.parent != null && !ids.has(r.parent)) problems.push(`region ${r.id}: unknown parent ${r.parent}`);
  const levels = new Set(catalog.levels.map((l) => l.id));
  for (const r of catalog.regions)
    if (!levels.has(r.level)) problems.push(`region ${r.id}: level ${r.level} not in levels`);
  const topics = new Set(catalog.topics.map((t) => t.id));
  const indicators = new Set<string>();
  for (const i of catalog.indicators) {
    if (indicators.has(i.id)) problems.push(`duplicate indicator ${i.id}`);
    indicators.add(i.id);
    if (!topics.has(i.topic)) problems.push(`indicator ${i.id}: unknown topic ${i.topic}`);
  }
  for (const b of catalog.breakdowns ?? []) {
    for (const m of b.indicators) if (!indicators.has(m)) problems.push(`breakdown ${b.id}: unknown indicator ${m}`);
    if (b.categories.length !== b.indicators.length)
      problems.push(`breakdown ${b.id}: ${b.categories.length} categories for ${b.indicators.length} indicators`);
  }
  if (problems.length) throw new Error(`invalid catalog:\n  ${problems.join('\n  ')}`);
}

function checkIndicatorFile(file: IndicatorFile): void {
  const shape = (name: string, m: (number | null)[][] | undefined) => {
    if (!m) return;
    if (m.length !== file.regions.length || m.some((row) => row.length !== file.years.length)) {
      throw new Error(`indicator ${file.indicator}: ${name} is not ${file.regions.length} x ${file.years.length}`);
    }
  };
  shape('values', file.values);
  shape('numerator', file.numerator);
  shape('denominator', file.denominator);
  for (const [id, s] of Object.entries(file.status ?? {})) {
    if (s.length !== file.years.length)
      throw new Error(`indicator ${file.indicator}: status of ${id} has ${s.length} entries`);
  }
}

interface TopoLike {
  type: string;
  objects?: { regions?: { type: string; geometries?: { id?: string | number; properties?: { name?: string } }[] } };
}

/** Checks a TopoJSON file: object `regions`, geometry ids = region ids of the entry's level (and parent). */
export function checkGeometry(entry: GeometryFile, text: string, regions: readonly Region[]): void {
  const topo = JSON.parse(text) as TopoLike;
  const geoms = topo.objects?.regions?.geometries;
  if (topo.type !== 'Topology' || !geoms) throw new Error(`${entry.file}: not a topology with object "regions"`);
  const byId = new Map(regions.map((r) => [r.id, r]));
  const below = (r: Region): boolean => {
    for (let p = r.parent; p != null; p = byId.get(p)?.parent ?? null) if (p === entry.parent) return true;
    return false;
  };
  const seen = new Set<string>();
  for (const g of geoms) {
    const id = String(g.id);
    const r = byId.get(id);
    if (!r) throw new Error(`${entry.file}: geometry ${id} is no region`);
    if (r.level !== entry.level) throw new Error(`${entry.file}: region ${id} is level ${r.level}, not ${entry.level}`);
    if (entry.parent && !below(r)) throw new Error(`${entry.file}: region ${id} is not below ${entry.parent}`);
    if (seen.has(id)) throw new Error(`${entry.file}: duplicate geometry ${id}`);
    seen.add(id);
  }
}

const json = (data: unknown) => JSON.stringify(data) + '\n';

/** The rows of `file` for the regions `keep` (in file order), same shape otherwise. */
export function sliceIndicatorFile(file: IndicatorFile, keep: ReadonlySet<string>): IndicatorFile {
  const rows = file.regions.flatMap((id, i) => (keep.has(id) ? [i] : []));
  const pick = (m: (number | null)[][] | undefined) => m && rows.map((i) => m[i]);
  const status = file.status && Object.entries(file.status).filter(([id]) => keep.has(id));
  return {
    format: file.format,
    indicator: file.indicator,
    years: file.years,
    regions: rows.map((i) => file.regions[i]),
    values: pick(file.values)!,
    ...(status?.length ? { status: Object.fromEntries(status) } : {}),
    ...(file.numerator ? { numerator: pick(file.numerator) } : {}),
    ...(file.denominator ? { denominator: pick(file.denominator) } : {}),
  };
}

/** Builds the endpoint into `outDir` (replaced as a whole). */
export function buildEndpoint(input: BuildInput): BuildResult {
  const { meta, definitions, regions, counts } = input;
  const texts = new Map<string, string>(); // relative path -> content (catalog last)

  const years = [...new Set(definitions.indicators.flatMap((i) => countYears(i)))].sort((a, b) => a - b);
  const safe =
    input.disclosure &&
    protectCounts(regions, counts, definitions.indicators, input.disclosure, definitions.breakdowns);
  const table = aggregateCounts(regions, safe ? safe.rows : counts, years, publishedCounts(definitions.indicators));
  addCountSums(
    table,
    definitions.indicators.flatMap((i) => countsOf(i.computation)),
  );
  const indicators: Indicator[] = [];
  const computed: IndicatorFile[] = [];
  for (const def of definitions.indicators) {
    const file = v.parse(IndicatorFile, computeIndicatorFile(regions, table, def));
    checkIndicatorFile(file);
    const rel = def.file ?? `indicators/${def.id}.json`;
    texts.set(rel, json(file));
    computed.push(file);
    indicators.push(withPeriod(def));
  }

  // Partitions (1.2): the rows of one parent's regions and of the levels above, per indicator.
  let partitions: Partitions | undefined;
  if (meta.partitions) {
    const { level } = meta.partitions;
    const template = meta.partitions.file ?? 'indicators/{parent}/{indicator}.json';
    if (!meta.levels.some((l) => l.id === level)) throw new Error(`partitions: level "${level}" is not in levels`);
    if (!template.includes('{parent}') || !template.includes('{indicator}'))
      throw new Error(`partitions: the file "${template}" needs {parent} and {indicator}`);
    const parents = regions.filter((r) => r.level === level).map((r) => r.id);
    if (parents.length) {
      partitions = { level, parents, file: template };
      const shape = { levels: meta.levels, regions } as unknown as Catalog;
      for (const parent of parents) {
        const keep = new Set(partitionRegions(shape, parent).map((r) => r.id));
        for (const file of computed)
          texts.set(partitionPath(template, parent, file.indicator), json(sliceIndicatorFile(file, keep)));
      }
    }
  }

  const geometry: GeometryFile[] = [];
  for (const g of input.geometry) {
    const text = g.text ?? readFileSync(g.source, 'utf8');
    checkGeometry(g.entry, text, regions);
    texts.set(g.entry.file, text);
    geometry.push(v.parse(GeometryFile, g.entry)); // without the source and conversion fields
  }

  // The version hashes every other file and the catalog without its version.
  // Format 1.1 only when its additions are used: a version 1 endpoint stays byte-identical.
  const uses11 =
    meta.gebietsstand !== undefined ||
    indicators.some((i) => i.computation.type === 'count' && i.computation.published);
  // Format 1.2 only with partitions or with levels / keys beyond the official ones.
  const official = new Set<string>(OFFICIAL_LEVELS);
  const uses12 =
    partitions !== undefined ||
    meta.levels.some((l) => !official.has(l.id)) ||
    regions.some((r) => !/^\d+$/.test(r.id));
  const catalog: Catalog = {
    format: uses12 ? FORMAT_CATALOG_1_2 : uses11 ? FORMAT_CATALOG_1_1 : FORMAT_CATALOG,
    version: '',
    title: meta.title,
    publisher: meta.publisher,
    licence: meta.licence,
    attribution: meta.attribution,
    updated: meta.updated,
    ...(meta.synthetic !== undefined ? { synthetic: meta.synthetic } : {}),
    ...(meta.notice ? { notice: meta.notice } : {}),
    ...(meta.gebietsstand ? { gebietsstand: meta.gebietsstand } : {}),
    levels: meta.levels,
    regions,
    topics: definitions.topics,
    indicators,
    ...(definitions.breakdowns.length ? { breakdowns: definitions.breakdowns } : {}),
    geometry,
    ...(partitions ? { partitions } : {}),
  };
  const hash = createHash('sha256');
  for (const rel of [...texts.keys()].sort()) hash.update(`${rel}\0${texts.get(rel)}\0`);
  hash.update(json(catalog));
  catalog.version = hash.digest('hex').slice(0, 16);
  v.parse(Catalog, catalog);
  checkCatalog(catalog);
  texts.set('catalog.json', json(catalog));

  // Write to a temporary sibling, then swap it in.
  const outDir = path.resolve(input.outDir);
  mkdirSync(path.dirname(outDir), { recursive: true });
  const tmp = mkdtempSync(path.join(path.dirname(outDir), `.${path.basename(outDir)}.tmp-`));
  const files: Record<string, number> = {};
  try {
    for (const [rel, text] of texts) {
      const full = path.join(tmp, rel);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
      files[rel] = Buffer.byteLength(text);
    }
    if (existsSync(outDir)) {
      const old = `${tmp}-old`;
      renameSync(outDir, old);
      renameSync(tmp, outDir);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, outDir);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return { catalog, files, ...(safe ? { disclosure: safe.report } : {}) };
}
