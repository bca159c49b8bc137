/**
 * Pure helpers over a catalog and an indicator file, used by every element.
 */
import {
  MISSING_STATUS,
  OFFICIAL_LEVELS,
  type Breakdown,
  type Catalog,
  type GeometryFile,
  type Indicator,
  type IndicatorFile,
  type LevelId,
  type Region,
  type StatusSymbol,
} from './schema.js';
import { FokusDataError } from './errors.js';

/** One value with its official symbol ('' for a plain number). */
export interface Observation {
  /** The number to show and draw; null when there is none (missing symbol or no data). `-` gives 0. */
  value: number | null;
  status: StatusSymbol | '';
}

export interface SeriesPoint extends Observation {
  year: number;
}

/** The counts a ratio was computed from (null where unknown). */
export interface Counts {
  numerator: number | null;
  denominator: number | null;
}

const MISSING = new Set<string>(MISSING_STATUS);

/**
 * True for the symbols whose value is absent (`.`, `/`, `x`, `...`): never drawn,
 * never zero, never the lowest class. `-` is not missing: it means exactly 0.
 */
export function isMissing(status: string | null | undefined): boolean {
  return status != null && MISSING.has(status);
}

/**
 * An indicator file with its catalog entry: lookups by region id and year.
 * Values follow the symbols: a missing symbol gives `value: null` even if the file holds
 * a number, `-` gives 0.
 */
export class IndicatorData {
  /** The years of the file, ascending. */
  readonly years: readonly number[];
  /** The region ids of the file, in file order. */
  readonly regions: readonly string[];
  private readonly rowOf: Map<string, number>;
  private readonly colOf: Map<number, number>;

  constructor(
    readonly file: IndicatorFile,
    readonly indicator: Indicator,
    readonly catalog?: Catalog,
  ) {
    this.years = [...file.years].sort((a, b) => a - b);
    this.regions = file.regions;
    this.rowOf = new Map(file.regions.map((id, i) => [id, i]));
    this.colOf = new Map(file.years.map((year, i) => [year, i]));
  }

  /** The indicator id. */
  get id(): string {
    return this.indicator.id;
  }

  /** True when the file has a row for the region. */
  has(regionId: string): boolean {
    return this.rowOf.has(regionId);
  }

  /** The value and symbol; `{ value: null, status: '' }` for a region or year not in the file. */
  get(regionId: string, year: number): Observation {
    const r = this.rowOf.get(regionId);
    const y = this.colOf.get(year);
    if (r === undefined || y === undefined) return { value: null, status: '' };
    const status = this.file.status?.[regionId]?.[y] ?? '';
    if (isMissing(status)) return { value: null, status };
    if (status === '-') return { value: 0, status };
    const value = this.file.values[r]?.[y];
    return { value: typeof value === 'number' ? value : null, status };
  }

  /** All years of a region, ascending (empty when the region is not in the file). */
  series(regionId: string): SeriesPoint[] {
    if (!this.has(regionId)) return [];
    return this.years.map((year) => ({ year, ...this.get(regionId, year) }));
  }

  /**
   * The latest year with a value for the region, or for any region when none is given;
   * undefined when there is none.
   */
  latestYear(regionId?: string): number | undefined {
    const ids = regionId === undefined ? this.regions : this.has(regionId) ? [regionId] : [];
    for (let i = this.years.length - 1; i >= 0; i--) {
      const year = this.years[i];
      if (ids.some((id) => this.get(id, year).value !== null)) return year;
    }
    return undefined;
  }

  /** The numerator and denominator of a ratio; undefined when the file has no counts or no such cell. */
  counts(regionId: string, year: number): Counts | undefined {
    const { numerator, denominator } = this.file;
    if (!numerator && !denominator) return undefined;
    const r = this.rowOf.get(regionId);
    const y = this.colOf.get(year);
    if (r === undefined || y === undefined) return undefined;
    return { numerator: numerator?.[r]?.[y] ?? null, denominator: denominator?.[r]?.[y] ?? null };
  }
}

// --- regions -------------------------------------------------------------------------

const regionIndexes = new WeakMap<Catalog, Map<string, Region>>();

function regionIndex(catalog: Catalog): Map<string, Region> {
  let index = regionIndexes.get(catalog);
  if (!index) {
    index = new Map(catalog.regions.map((r) => [r.id, r]));
    regionIndexes.set(catalog, index);
  }
  return index;
}

/** The region with this official key, or undefined. */
export function regionById(catalog: Catalog, id: string): Region | undefined {
  return regionIndex(catalog).get(id);
}

/** The ancestors of a region, nearest first (e.g. Amt, Kreis, Land); empty for the top or an unknown id. */
export function ancestors(catalog: Catalog, id: string): Region[] {
  const index = regionIndex(catalog);
  const out: Region[] = [];
  const seen = new Set([id]);
  for (let p = index.get(id)?.parent; p && !seen.has(p); p = index.get(p)?.parent) {
    seen.add(p);
    const region = index.get(p);
    if (!region) break;
    out.push(region);
  }
  return out;
}

/**
 * The region whose parts a region is compared with (its peers are the regions of its level
 * below it): its Kreis; below the Gemeinde (Stadtteile) its parent; undefined for a Kreis
 * and the Land (compared with all regions of their level).
 */
export function peerParent(catalog: Catalog, region: Region): Region | undefined {
  const up = ancestors(catalog, region.id);
  if (!(OFFICIAL_LEVELS as readonly string[]).includes(region.level)) return up[0];
  return up.find((r) => r.level === 'kreis');
}

/**
 * All regions of `level` whose parent chain reaches `parentId`, in catalog order
 * (e.g. all Gemeinden of Kreis 01056, also those whose direct parent is an Amt).
 */
export function childrenOf(catalog: Catalog, parentId: string, level: LevelId): Region[] {
  return catalog.regions.filter(
    (r) => r.level === level && r.id !== parentId && ancestors(catalog, r.id).some((a) => a.id === parentId),
  );
}

const LEVEL_NAMES: Record<(typeof OFFICIAL_LEVELS)[number], { de: string; en: string }> = {
  land: { de: 'Land', en: 'State' },
  kreis: { de: 'Kreis', en: 'District' },
  amt: { de: 'Amt', en: 'Amt (municipal association)' },
  gemeinde: { de: 'Gemeinde', en: 'Municipality' },
};

/** The label of a region level from the catalog, else a built-in name. */
export function levelLabel(catalog: Catalog | undefined, level: LevelId, lang: string = 'de'): string {
  const en = lang.toLowerCase().startsWith('en');
  const label = catalog?.levels.find((l) => l.id === level)?.label;
  if (label) return (en && label.en) || label.de;
  const names = (LEVEL_NAMES as Record<string, { de: string; en: string } | undefined>)[level];
  return names ? (en ? names.en : names.de) : level;
}

const LEVEL_NOUNS: Record<string, { de: [string, string]; en: [string, string] }> = {
  land: { de: ['Land', 'Länder'], en: ['state', 'states'] },
  kreis: { de: ['Kreis', 'Kreise'], en: ['district', 'districts'] },
  amt: { de: ['Amt', 'Ämter'], en: ['Amt', 'Ämter'] },
  gemeinde: { de: ['Gemeinde', 'Gemeinden'], en: ['municipality', 'municipalities'] },
};

/**
 * The noun for `count` regions of a level ("1 Gemeinde", "8 Stadtteile"): built in for the
 * official levels, else the catalog's `label` (one) and `plural` (1.2; default the label).
 */
export function levelNoun(catalog: Catalog | undefined, level: LevelId, lang: string = 'de', count = 2): string {
  const en = lang.toLowerCase().startsWith('en');
  const builtIn = LEVEL_NOUNS[level];
  if (builtIn) return (en ? builtIn.en : builtIn.de)[count === 1 ? 0 : 1];
  const entry = catalog?.levels.find((l) => l.id === level);
  if (!entry) return level;
  const text = count === 1 ? entry.label : (entry.plural ?? entry.label);
  return (en && text.en) || text.de;
}

/**
 * Checks a level attribute (case and spaces ignored): with `catalog`, one of the catalog's
 * `levels` (also levels below the Gemeinde, format 1.2); without, one of land, kreis, amt,
 * gemeinde. Else `FokusDataError('unknown-level', { subject })`.
 */
export function parseLevel(text: string, catalog?: Catalog): LevelId {
  const level = text.trim().toLowerCase();
  const known = catalog
    ? catalog.levels.some((l) => l.id === level)
    : (OFFICIAL_LEVELS as readonly string[]).includes(level);
  if (known) return level;
  throw new FokusDataError('unknown-level', { subject: text.trim() });
}

/** The position of a level in the catalog's `levels` (0 = top), or -1 for an unknown level. */
export function levelRank(catalog: Catalog, level: LevelId): number {
  return catalog.levels.findIndex((l) => l.id === level);
}

/**
 * Parses a list of region keys as an editor writes it ("01056015, 01056", also `;` or
 * spaces); duplicates are dropped. Throws `FokusDataError('unknown-region', subject)` for
 * the first key the catalog does not know.
 */
export function parseRegionList(catalog: Catalog, text: string): string[] {
  const ids = [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
  for (const id of ids) {
    if (!regionById(catalog, id)) throw new FokusDataError('unknown-region', { subject: id });
  }
  return ids;
}

// --- indicators and geometry ------------------------------------------------------------

/** The catalog entry of an indicator, or undefined. */
export function indicatorById(catalog: Catalog, id: string): Indicator | undefined {
  return catalog.indicators.find((i) => i.id === id);
}

/** A breakdown (indicators that are parts of one whole), or undefined. */
export function breakdownById(catalog: Catalog, id: string): Breakdown | undefined {
  return catalog.breakdowns?.find((b) => b.id === id);
}

/**
 * The most specific geometry file for a level: one for exactly `parent`, else one for the
 * nearest ancestor of `parent`, else one without parent; undefined when there is none.
 */
export function geometryFor(catalog: Catalog, level: LevelId, parent?: string | null): GeometryFile | undefined {
  const files = catalog.geometry.filter((g) => g.level === level);
  if (parent) {
    const chain = [parent, ...ancestors(catalog, parent).map((r) => r.id)];
    for (const id of chain) {
      const file = files.find((g) => g.parent === id);
      if (file) return file;
    }
  }
  return files.find((g) => g.parent === undefined);
}

// --- partitions (format 1.2) -------------------------------------------------------------

/**
 * The regions of the partition of `parentId` (see `Partitions` in schema.ts): the regions below
 * it, the parent itself and every region of the parent's level or a higher one.
 */
export function partitionRegions(catalog: Catalog, parentId: string): Region[] {
  const parent = regionById(catalog, parentId);
  if (!parent) return [];
  const top = levelRank(catalog, parent.level);
  return catalog.regions.filter((r) => {
    const rank = levelRank(catalog, r.level);
    if (rank >= 0 && rank <= top) return true;
    return ancestors(catalog, r.id).some((a) => a.id === parentId);
  });
}

/** The path of the partition file of an indicator for one parent. */
export function partitionPath(template: string, parentId: string, indicatorId: string): string {
  return template.replaceAll('{parent}', parentId).replaceAll('{indicator}', indicatorId);
}

/**
 * The parent whose partition holds every region of `ids`, or undefined when no single
 * partition does (or the catalog has none). Among several (all ids on the partition level or
 * above), `prefer` decides (e.g. a partition already loaded), else the one with the fewest regions.
 */
export function partitionFor(
  catalog: Catalog,
  ids: Iterable<string>,
  prefer: (parentId: string) => boolean = () => false,
): string | undefined {
  const parts = catalog.partitions;
  if (!parts) return undefined;
  const top = levelRank(catalog, parts.level);
  const parents = new Set(parts.parents);
  let needed: string | undefined;
  for (const id of ids) {
    const region = regionById(catalog, id);
    if (!region) return undefined;
    const rank = levelRank(catalog, region.level);
    if (rank >= 0 && rank <= top) continue; // in every partition
    const owner = ancestors(catalog, id).find((a) => a.level === parts.level);
    if (!owner || !parents.has(owner.id) || (needed !== undefined && needed !== owner.id)) return undefined;
    needed = owner.id;
  }
  if (needed !== undefined) return needed;
  const preferred = parts.parents.find(prefer);
  if (preferred) return preferred;
  let best: string | undefined;
  let size = Infinity;
  for (const p of parts.parents) {
    const n = partitionSize(catalog, p);
    if (n < size) [best, size] = [p, n];
  }
  return best;
}

const partitionSizes = new WeakMap<Catalog, Map<string, number>>();

function partitionSize(catalog: Catalog, parentId: string): number {
  let sizes = partitionSizes.get(catalog);
  if (!sizes) {
    sizes = new Map();
    for (const r of catalog.regions)
      for (const a of ancestors(catalog, r.id)) sizes.set(a.id, (sizes.get(a.id) ?? 0) + 1);
    partitionSizes.set(catalog, sizes);
  }
  return sizes.get(parentId) ?? 0;
}
