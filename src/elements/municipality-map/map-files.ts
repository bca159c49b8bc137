/**
 * What a `<municipality-map>` asks the endpoint for, from its attributes and the catalog:
 * the checks of the attributes, then at once and in parallel the values (the smallest file
 * that holds the shown regions and the reference), the geometry of the level and that of
 * the level above (outlines). One function for the map's loader (map-data.ts) and for the
 * loader script's warm-up (`warmMap`, started while the element's code still downloads), so
 * both ask the client for the same files and the element finds them in flight or cached.
 */
import { getClient, type FokusClient, type RequestOptions } from '../../data/client.js';
import type { FokusTopology } from '../../data/check.js';
import { isAbortError } from '../../data/errors.js';
import { parseLevel, type IndicatorData } from '../../data/model.js';
import type { Catalog, LevelId } from '../../data/schema.js';
import {
  MAX_CLASSES,
  parseBreaks,
  parseMethod,
  parseScheme,
  type ClassMethod,
  type SchemeName,
} from './map-options.js';

/** The level whose outlines are drawn over a map of each level. */
export const LEVEL_ABOVE: Record<LevelId, LevelId | undefined> = {
  gemeinde: 'kreis',
  amt: 'kreis',
  kreis: 'land',
  land: undefined,
};

/** The attributes that decide which files a map reads and whether it reads them. */
export interface MapFileArgs {
  indicator: string;
  level: string;
  parent: string;
  method: string;
  classes: number;
  breaks: string;
  scheme: string;
  reference: string;
}

/** The checked attributes. */
export interface MapChecks {
  levelId: LevelId;
  method: ClassMethod;
  manual: number[];
  scheme: SchemeName;
}

/** The error of a wrong attribute (the element's `FokusUsageError`, localized; any error in the warm-up). */
export type UsageError = (code: 'missing-attribute' | 'invalid-attribute', attribute: string, value?: string) => Error;

/** Checks the attributes before any file is requested; `usage` makes the error that names the attribute. */
export function checkMap(args: MapFileArgs, catalog: Catalog, usage: UsageError): MapChecks {
  const { indicator, level, method, classes, breaks, scheme } = args;
  if (!indicator.trim()) throw usage('missing-attribute', 'indicator');
  const levelId = parseLevel(level || 'gemeinde', catalog);
  const manual = parseBreaks(breaks);
  if (!manual) throw usage('invalid-attribute', 'breaks', breaks);
  const m = method.trim() ? parseMethod(method) : manual.length ? 'manual' : 'quantile';
  if (!m) throw usage('invalid-attribute', 'method', method);
  if (m === 'manual' && !manual.length) throw usage('missing-attribute', 'breaks');
  if (!Number.isInteger(classes) || classes < 1 || classes > MAX_CLASSES)
    throw usage('invalid-attribute', 'classes', String(classes));
  const schemeName = parseScheme(scheme);
  if (!schemeName) throw usage('invalid-attribute', 'scheme', scheme);
  return { levelId, method: m, manual, scheme: schemeName };
}

/**
 * The values: the smallest file that holds the shown regions and the reference (a Kreis
 * partition). Its own errors (an unknown indicator or region) stay in the promise, handled,
 * for the caller to read after its own checks.
 */
export function requestValues(
  client: FokusClient,
  endpoint: string,
  levelId: LevelId,
  args: Pick<MapFileArgs, 'indicator' | 'parent' | 'reference'>,
  options: RequestOptions = {},
): Promise<IndicatorData> {
  const reference = args.reference.trim();
  const values = client.getIndicator(endpoint, args.indicator.trim(), {
    ...options,
    level: levelId,
    parent: args.parent.trim() || undefined,
    regions: reference ? [reference] : [],
  });
  values.catch(() => undefined);
  return values;
}

/** The geometry of the level and the outlines of the level above (context only: undefined when they fail or there is none). */
export function requestGeometry(
  client: FokusClient,
  endpoint: string,
  levelId: LevelId,
  parent: string,
  options: RequestOptions = {},
): { geometry: Promise<FokusTopology>; outlines: Promise<FokusTopology | undefined> } {
  const above = LEVEL_ABOVE[levelId];
  const parentKey = parent.trim() || undefined;
  const geometry = client.getGeometry(endpoint, levelId, parentKey, options);
  geometry.catch(() => undefined);
  const outlines = above
    ? client.getGeometry(endpoint, above, parentKey, options).catch((e: unknown) => {
        if (isAbortError(e)) throw e;
        return undefined;
      })
    : Promise.resolve(undefined);
  outlines.catch(() => undefined);
  return { geometry, outlines };
}

/** A number attribute as Lit's `type: Number` reads it; `fallback` when absent. */
function numberAttribute(el: Element, name: string, fallback: number): number {
  const text = el.getAttribute(name);
  return text === null ? fallback : Number(text);
}

/**
 * The warm-up of a map not yet defined (the loader script's): the catalog of `endpoint`,
 * then the files the attributes name, with the defaults of the element's properties, from
 * the page-wide client. A map in a `group` may take another indicator from the group's
 * selection: only its geometry is warmed. Silent: the element reports its own errors.
 * Resolves when every request it made has settled.
 */
export function warmMap(el: Element, endpoint: string): Promise<unknown> {
  const attr = (name: string, fallback = '') => el.getAttribute(name) ?? fallback;
  const args: MapFileArgs = {
    indicator: attr('indicator'),
    level: attr('level', 'gemeinde'),
    parent: attr('parent'),
    method: attr('method'),
    classes: numberAttribute(el, 'classes', 5),
    breaks: attr('breaks'),
    scheme: attr('scheme', 'auto'),
    reference: attr('reference'),
  };
  const client = getClient();
  const options = { warm: true };
  return client
    .getCatalog(endpoint, options)
    .then((catalog) => {
      const { levelId } = checkMap(args, catalog, (code, attribute) => new Error(`${code} ${attribute}`));
      const values = el.hasAttribute('group') ? undefined : requestValues(client, endpoint, levelId, args, options);
      const { geometry, outlines } = requestGeometry(client, endpoint, levelId, args.parent, options);
      return Promise.allSettled([values, geometry, outlines]);
    })
    .catch(() => undefined);
}
