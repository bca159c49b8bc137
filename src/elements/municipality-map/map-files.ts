/**
 * What a `<municipality-map>` asks the endpoint for, from its attributes and the catalog:
 * the checks of the attributes, then at once and in parallel the values (the smallest file
 * that holds the shown regions and the reference), the geometry of the level and that of
 * the level above (outlines). One function for the map's loader (map-data.ts) and for the
 * loader script's warm-up (`warmMap`, started while the element's code still downloads), so
 * both ask the client for the same files and the element finds them in flight or cached.
 */
import type { FokusClient, RequestOptions } from '../../data/client.js';
import type { FokusTopology } from '../../data/check.js';
import { isAbortError } from '../../data/errors.js';
import { parseLevel, type IndicatorData } from '../../data/model.js';
import type { Catalog, LevelId } from '../../data/schema.js';
import { FokusUsageError } from '../../internal/errors.js';
import { MAX_CLASSES, parseBreaks, parseMethod, parseScheme, type ClassMethod, type SchemeName } from './classify.js';

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

/** Checks the attributes before any file is requested; errors name the attribute. */
export function checkMap(args: MapFileArgs, catalog: Catalog): MapChecks {
  const { indicator, level, method, classes, breaks, scheme } = args;
  if (!indicator.trim()) throw new FokusUsageError('missing-attribute', 'indicator');
  const levelId = parseLevel(level || 'gemeinde', catalog);
  const manual = parseBreaks(breaks);
  if (!manual) throw new FokusUsageError('invalid-attribute', 'breaks', breaks);
  const m = method.trim() ? parseMethod(method) : manual.length ? 'manual' : 'quantile';
  if (!m) throw new FokusUsageError('invalid-attribute', 'method', method);
  if (m === 'manual' && !manual.length) throw new FokusUsageError('missing-attribute', 'breaks');
  if (!Number.isInteger(classes) || classes < 1 || classes > MAX_CLASSES)
    throw new FokusUsageError('invalid-attribute', 'classes', String(classes));
  const schemeName = parseScheme(scheme);
  if (!schemeName) throw new FokusUsageError('invalid-attribute', 'scheme', scheme);
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
 * The warm-up of a map not yet defined (the loader script's): requests the files its
 * attributes name, with the defaults of the element's properties. A map in a `group` may
 * take another indicator from the group's selection: only its geometry is warmed.
 * Errors are left to the element, which reports them itself.
 */
export function warmMap(el: Element, endpoint: string, catalog: Catalog, client: FokusClient): void {
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
  const { levelId } = checkMap(args, catalog);
  const options = { warm: true };
  if (!el.hasAttribute('group')) requestValues(client, endpoint, levelId, args, options);
  requestGeometry(client, endpoint, levelId, args.parent, options);
}
