/**
 * The data-endpoint format v1, written once as Valibot schemas.
 *
 * - The TypeScript types below are inferred from these schemas.
 * - `schema/*.schema.json` is generated from them (`npm run schema`), and a test
 *   checks that the committed files are current.
 * - `fokus-data validate` and `parseCatalog`/`parseIndicatorFile` validate with them (no `eval`,
 *   so this is CSP safe); the client checks the same shape by hand (check.ts) and loads these
 *   schemas only to name the problems of a response that fails.
 *
 * See docs/data-format.md for the prose description.
 */
import * as v from 'valibot';

import {
  CATALOG_FORMATS,
  ID_PATTERN,
  LEVEL_PATTERN,
  REGION_KEY_PATTERN,
  STATUS_SYMBOLS,
  FORMAT_INDICATOR,
  OFFICIAL_LEVELS,
} from './constants.js';

export * from './constants.js';

/** German text, English optional. */
export const LocalizedText = v.object({
  de: v.pipe(v.string(), v.minLength(1)),
  en: v.optional(v.string()),
});

export const Status = v.picklist(STATUS_SYMBOLS);
const Id = v.pipe(v.string(), v.regex(ID_PATTERN, 'a lowercase id (a-z, 0-9, -)'));
/**
 * A region level: land, kreis, amt, gemeinde, or (1.2) any lowercase id declared in the
 * catalog's `levels`, e.g. `stadtteil`.
 */
export const LevelId = v.pipe(v.string(), v.regex(LEVEL_PATTERN, 'a level id (a-z, 0-9, -)'));
/**
 * Region key: an official key, AGS (2, 5 or 8 digits) or a 9-digit Gemeindeverband key (ARS
 * prefix); below the Gemeinde (1.2) a key of letters and digits in parts joined by `-`, `.` or
 * `_` (e.g. `01056015-03`), so that a mistyped official key (`0105x`) is still an error.
 */
const RegionKey = v.pipe(
  v.string(),
  v.maxLength(40),
  v.regex(REGION_KEY_PATTERN, 'an official region key (digits) or a key like 01056015-03'),
);
const Year = v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2200));

export const Licence = v.object({
  id: v.string(),
  name: v.string(),
  url: v.optional(v.string()),
});

export const Level = v.object({
  id: LevelId,
  label: LocalizedText,
  /** The plural for counts ("8 Stadtteile"), 1.2; default the built-in one of an official level, else `label`. */
  plural: v.optional(LocalizedText),
});

export const Region = v.object({
  /** Official key (AGS / ARS prefix). */
  id: RegionKey,
  name: v.pipe(v.string(), v.minLength(1)),
  level: LevelId,
  /** The next higher region (Gemeinde -> Amt or Kreis, Amt -> Kreis, Kreis -> Land); null for the top. */
  parent: v.nullable(RegionKey),
  /** Official designation, e.g. "Stadt", "Gemeinde", "Kreis", "Amt". */
  kind: v.optional(v.string()),
});

export const Topic = v.object({
  id: Id,
  label: LocalizedText,
});

export const SeriesBreak = v.object({
  /** First year after the break: values from this year on are only partly comparable with earlier ones. */
  year: Year,
  note: LocalizedText,
});

export const Computation = v.variant('type', [
  v.object({
    type: v.literal('count'),
    /** The count this indicator shows; `a+b` names the sum of the counts a and b. */
    count: v.string(),
    /**
     * A published value (a rate or share of the Regionalatlas), 1.1: shown as published, never
     * summed or averaged; a region without a published value has none. (`type: published` in
     * indicators.yaml.)
     */
    published: v.optional(v.literal(true)),
  }),
  v.object({
    type: v.literal('ratio'),
    /** Count ids; `a+b` names the sum of the counts a and b. */
    numerator: v.string(),
    denominator: v.string(),
    /** numerator / denominator x factor, e.g. 1000 for "per 1,000 inhabitants", 100 for a percentage. */
    factor: v.number(),
    /**
     * Pooled over a moving window of this many years ending in the year shown (e.g. 3:
     * the sums of 2022-2024 for 2024), so that small areas get rates that mean something.
     */
    window: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(10))),
  }),
]);

export const Indicator = v.object({
  id: Id,
  label: LocalizedText,
  /** Short label for axes and tight spaces. */
  shortLabel: v.optional(LocalizedText),
  unit: LocalizedText,
  decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)),
  description: LocalizedText,
  source: v.string(),
  licence: v.optional(Licence),
  /** ISO date of the source's data ("Datenstand") when it differs from the catalog's `updated` (1.1). */
  updated: v.optional(v.pipe(v.string(), v.isoDate())),
  topic: Id,
  polarity: v.picklist(['higher-is-better', 'lower-is-better', 'neutral']),
  years: v.pipe(v.array(Year), v.minLength(1)),
  levels: v.pipe(v.array(LevelId), v.minLength(1)),
  breaks: v.optional(v.array(SeriesBreak)),
  computation: Computation,
  /** Path of the data file relative to the endpoint; default `indicators/<id>.json`. */
  file: v.optional(v.string()),
  /**
   * Below this many cases (the numerator of a rate) the value counts as resting on a small
   * count: shown with its interval and a caution, never ranked or judged as solid. Default 20.
   */
  minCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** What a value stands for when it is pooled, e.g. "3-Jahres-Mittel" (views show it next to the year). */
  period: v.optional(LocalizedText),
});

/** Indicators that are the categories of one whole (e.g. age groups), for column charts. */
export const Breakdown = v.object({
  id: Id,
  label: LocalizedText,
  indicators: v.pipe(v.array(Id), v.minLength(2)),
  /** Category labels, in the order of `indicators`. */
  categories: v.array(LocalizedText),
});

/**
 * Indicator files per parent region (1.2): for every id of `parents`, `file` with `{parent}`
 * and `{indicator}` replaced holds the rows of the regions below that parent, the parent
 * itself and every region of the parent's level or a level above it (in the order of
 * `levels`); same shape as the whole file. The whole file stays where it was.
 */
export const Partitions = v.object({
  /** The level of the parents, e.g. `kreis`. */
  level: LevelId,
  parents: v.pipe(v.array(RegionKey), v.minLength(1)),
  /** Path template relative to the endpoint, e.g. `indicators/{parent}/{indicator}.json`. */
  file: v.pipe(v.string(), v.includes('{parent}'), v.includes('{indicator}')),
});

export const GeometryFile = v.object({
  level: LevelId,
  /** When set, the file only holds the regions of this level below that parent. */
  parent: v.optional(RegionKey),
  /** Path relative to the endpoint, a TopoJSON topology whose object `regions` has one geometry per region id. */
  file: v.string(),
  attribution: v.string(),
});

export const Catalog = v.object({
  format: v.picklist(CATALOG_FORMATS),
  /** Content hash of the whole endpoint, for cache busting. */
  version: v.string(),
  title: LocalizedText,
  publisher: v.string(),
  licence: Licence,
  attribution: v.string(),
  /** ISO date of the last update. */
  updated: v.pipe(v.string(), v.isoDate()),
  /** True when the values are generated sample data, not official figures. */
  synthetic: v.optional(v.boolean()),
  notice: v.optional(LocalizedText),
  /**
   * Territorial status (Gebietsstand) of the regions, an ISO date (1.1): every value, also of
   * earlier years, is given for the regions as they were on that date.
   */
  gebietsstand: v.optional(v.pipe(v.string(), v.isoDate())),
  levels: v.pipe(v.array(Level), v.minLength(1)),
  regions: v.pipe(v.array(Region), v.minLength(1)),
  topics: v.array(Topic),
  indicators: v.array(Indicator),
  breakdowns: v.optional(v.array(Breakdown)),
  geometry: v.array(GeometryFile),
  /** Indicator files per parent region (1.2), so that a page for one Kreis loads only its rows. */
  partitions: v.optional(Partitions),
});

const Cell = v.nullable(v.number());

/**
 * One indicator: a regions x years matrix of values. `values[r][y]` belongs to
 * `regions[r]` and `years[y]`; null where there is no number.
 */
export const IndicatorFile = v.object({
  format: v.literal(FORMAT_INDICATOR),
  indicator: Id,
  years: v.pipe(v.array(Year), v.minLength(1)),
  regions: v.pipe(v.array(RegionKey), v.minLength(1)),
  values: v.array(v.array(Cell)),
  /** Sparse: region id -> one status per year ("" for a plain number). */
  status: v.optional(v.record(v.string(), v.array(v.union([Status, v.literal('')])))),
  /** For ratios: the counts the value was computed from, same shape as `values`. */
  numerator: v.optional(v.array(v.array(Cell))),
  denominator: v.optional(v.array(v.array(Cell))),
});

export type LocalizedText = v.InferOutput<typeof LocalizedText>;
export type StatusSymbol = (typeof STATUS_SYMBOLS)[number];
/** One of land, kreis, amt, gemeinde. */
export type OfficialLevelId = (typeof OFFICIAL_LEVELS)[number];
/** A level id: one of `OFFICIAL_LEVELS` or (1.2) another id declared in the catalog's `levels`. */
export type LevelId = string;
export type Licence = v.InferOutput<typeof Licence>;
export type Level = v.InferOutput<typeof Level>;
export type Region = v.InferOutput<typeof Region>;
export type Topic = v.InferOutput<typeof Topic>;
export type SeriesBreak = v.InferOutput<typeof SeriesBreak>;
export type Computation = v.InferOutput<typeof Computation>;
export type Indicator = v.InferOutput<typeof Indicator>;
export type Breakdown = v.InferOutput<typeof Breakdown>;
export type GeometryFile = v.InferOutput<typeof GeometryFile>;
export type Partitions = v.InferOutput<typeof Partitions>;
export type Catalog = v.InferOutput<typeof Catalog>;
export type IndicatorFile = v.InferOutput<typeof IndicatorFile>;
