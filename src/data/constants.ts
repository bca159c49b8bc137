/**
 * The constants of the endpoint format, without Valibot (the client's own check, check.ts,
 * and the model need them; schema.ts re-exports them with the schemas).
 */
export const FORMAT_CATALOG = 'fokus-catalog/1';
/**
 * Format 1.1: version 1 plus the optional catalog field `gebietsstand` and the computation
 * flag `published`. A build writes 1.1 only when it uses them; clients read both (every
 * version 1 endpoint still loads), a 1.0 client refuses a 1.1 catalog instead of misreading it.
 */
export const FORMAT_CATALOG_1_1 = 'fokus-catalog/1.1';
/**
 * Format 1.2: 1.1 plus `partitions` (indicator files per parent region, e.g. per Kreis) and
 * levels beyond land/kreis/amt/gemeinde (any lowercase level id declared in `levels`, region
 * keys that are not AGS). Additive: a build writes 1.2 only when it uses them.
 */
export const FORMAT_CATALOG_1_2 = 'fokus-catalog/1.2';
/** The catalog formats this version of the library reads. */
export const CATALOG_FORMATS = [FORMAT_CATALOG, FORMAT_CATALOG_1_1, FORMAT_CATALOG_1_2] as const;
export const FORMAT_INDICATOR = 'fokus-indicator/1';

/** German official symbols for a value that is not a plain number. */
export const STATUS_SYMBOLS = ['-', '.', '/', 'x', '...', '()', 'p', 'r', 's'] as const;
/** Symbols whose value is absent (never drawn, never zero, never the lowest class). */
export const MISSING_STATUS = ['.', '/', 'x', '...'] as const;

/** The levels of the official hierarchy (format 1.0 and 1.1 know only these). */
export const OFFICIAL_LEVELS = ['land', 'kreis', 'amt', 'gemeinde'] as const;

/** An id of an indicator, topic or breakdown. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
/** A level id. */
export const LEVEL_PATTERN = /^[a-z][a-z0-9-]*$/;
/** A region key (schema.ts `RegionKey`). */
export const REGION_KEY_PATTERN = /^(\d{2,12}|[0-9A-Za-z]+([._-][0-9A-Za-z]+)+)$/;
