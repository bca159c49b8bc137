/**
 * Loading of `<municipality-map>`: checks the attributes, fetches catalog, indicator,
 * geometry of the level and of the level above (outlines), splits outlying regions into
 * insets and builds the view model. Errors name the attribute or id that is wrong.
 */
import { feature as topoFeature } from 'topojson-client';
import type { Feature, Geometry } from 'geojson';
import { OFFICIAL_LEVELS, type Catalog, type Indicator, type LevelId, type Region } from '../../data/schema.js';
import { childrenOf, indicatorById, levelNoun, regionById, type IndicatorData } from '../../data/model.js';
import { FokusDataError } from '../../data/errors.js';
import { localText } from '../../data/format.js';
import type { FokusTopology } from '../../data/validate.js';
import { FokusUsageError } from '../../internal/errors.js';
import type { LoadContext } from '../../internal/data-task.js';
import { yieldToMain } from '../../internal/draw-controller.js';
import type { Lang } from '../../internal/i18n.js';
import { checkMap, LEVEL_ABOVE, requestGeometry, requestValues } from './map-files.js';
import { bbox, centre, findOutliers, type BBox } from './geo.js';
import { buildMapModel, type MapModel } from './map-model.js';
import { isSmallCount, minCountOf } from '../../data/uncertainty.js';
import { yearSpan } from '../../data/period.js';

export type RegionFeature = Feature<Geometry> & { id: string };

export interface Geo {
  main: RegionFeature[];
  inset: RegionFeature[];
  outlines: Feature[];
  /** Box centres (lon, lat) for the arrow keys. */
  centres: Map<string, [number, number]>;
  /** The box of the main map's regions (so the map need not measure its shapes again). */
  box?: BBox;
}

export interface View {
  catalog: Catalog;
  indicator: Indicator;
  data: IndicatorData;
  level: LevelId;
  parent?: Region;
  year: number;
  model: MapModel;
  geo: Geo;
  /** Region ids sorted by name (Home/End, table). */
  byName: string[];
  attribution: string;
}

/** The attributes that select and classify the data. */
export interface MapArgs {
  endpoint: string;
  indicator: string;
  level: string;
  parent: string;
  year: number | undefined;
  method: string;
  classes: number;
  breaks: string;
  scheme: string;
  reference: string;
  insets: string;
  lang: Lang;
  locale: string;
}

/** The attributes of an element that `loadMap` reads, with its endpoint, language and locale. */
export function mapArgs(
  el: Omit<MapArgs, 'endpoint' | 'lang' | 'locale' | 'year'> & { year?: number },
  endpoint: string,
  lang: Lang,
  locale: string,
): MapArgs {
  const { indicator, level, parent, year, method, classes, breaks, scheme, reference, insets } = el;
  return { endpoint, indicator, level, parent, year, method, classes, breaks, scheme, reference, insets, lang, locale };
}

/** The last geometry split of an element, reused while geometry and insets stay the same. */
export interface GeoMemo {
  last?: { key: unknown[]; geo: Geo };
}

/** From this many regions, splitting the geometry and building the model are tasks of their own. */
const LARGE = 2000;

/** Longest stretch of conversion before the main thread is given back, ms. */
const SLICE_MS = 30;

const featureCache = new WeakMap<object, Promise<RegionFeature[]>>();
/** The box of each converted feature (measured once, with the conversion). */
const boxes = new WeakMap<RegionFeature, BBox | undefined>();

/** The GeoJSON features of a topology, converted once per topology (in slices, the main thread free in between). */
function featuresOf(topology: FokusTopology): Promise<RegionFeature[]> {
  let list = featureCache.get(topology);
  if (!list) {
    list = (async () => {
      const out: RegionFeature[] = [];
      let start = performance.now();
      for (const g of topology.objects.regions.geometries) {
        if (performance.now() - start > SLICE_MS) {
          await yieldToMain();
          start = performance.now();
        }
        const f = topoFeature(topology, g) as Feature<Geometry>;
        const r = { ...f, id: String(f.id) } as RegionFeature;
        boxes.set(r, bbox(r.geometry));
        out.push(r);
      }
      return out;
    })();
    featureCache.set(topology, list);
  }
  return list;
}

/** Loads everything the map shows (see the module comment). */
export async function loadMap(args: MapArgs, { signal, client, memo }: LoadContext): Promise<View> {
  const { endpoint, indicator: indicatorId, parent, year, classes, reference, insets, lang, locale } = args;
  const id = indicatorId.trim();
  if (!id) throw new FokusUsageError('missing-attribute', 'indicator');
  const {
    levelId,
    method: m,
    manual,
    scheme: schemeName,
  } = checkMap(
    args,
    await client.getCatalog(endpoint, { signal }),
    (code, attribute, value) => new FokusUsageError(code, attribute, value),
  );
  // Values and geometry both start now (as the loader script's warm-up starts them, which
  // the client then has in flight or cached); the checks below never hold the geometry back.
  // Their errors are read after the checks, so an unknown indicator or region is reported
  // by name, not as a failed request.
  const values = requestValues(client, endpoint, levelId, args, { signal });
  const { geometry, outlines } = requestGeometry(client, endpoint, levelId, parent, { signal });
  const catalog = await client.getCatalog(endpoint, { signal });
  const indicator = indicatorById(catalog, id);
  if (!indicator) throw new FokusDataError('unknown-indicator', { subject: id });
  const parentRegion = parent.trim() ? regionById(catalog, parent.trim()) : undefined;
  if (parent.trim() && !parentRegion) throw new FokusDataError('unknown-region', { subject: parent.trim() });
  const refId = reference.trim() || parentRegion?.id || catalog.regions.find((r) => r.parent === null)?.id || '';
  const refRegion = refId ? regionById(catalog, refId) : undefined;
  if (reference.trim() && !refRegion) throw new FokusDataError('unknown-region', { subject: reference.trim() });

  const [data, topology, outlineTopology] = await Promise.all([values, geometry, outlines]);
  const shownYear = year ?? data.latestYear() ?? data.years[data.years.length - 1];
  if (!data.years.includes(shownYear)) throw new FokusUsageError('invalid-attribute', 'year', String(year));

  const regions = parentRegion
    ? childrenOf(catalog, parentRegion.id, levelId)
    : catalog.regions.filter((r) => r.level === levelId);
  const ratio = indicator.computation.type === 'ratio';
  const minCount = minCountOf(indicator);
  const geo = await geoFor(memo as GeoMemo, catalog, topology, outlineTopology, regions, parentRegion, insets);
  if (regions.length > LARGE) await yieldToMain(); // the model of a large map in a task of its own
  const shown = regions.filter((r) => geo.centres.has(r.id));
  const model = buildMapModel({
    regions: shown,
    observe: (rid) => data.get(rid, shownYear),
    small: ratio ? (rid) => isSmallCount(data.counts(rid, shownYear), minCount) : undefined,
    minCount,
    reference: refRegion
      ? { id: refRegion.id, name: refRegion.name, observation: data.get(refRegion.id, shownYear) }
      : undefined,
    parentName: parentRegion?.name,
    indicator: {
      id,
      label: localText(indicator.label, lang),
      unit: localText(indicator.unit, lang),
      decimals: indicator.decimals,
      polarity: indicator.polarity,
    },
    level: levelId,
    levelNames: (OFFICIAL_LEVELS as readonly string[]).includes(levelId)
      ? undefined
      : { one: levelNoun(catalog, levelId, lang, 1), many: levelNoun(catalog, levelId, lang, 2) },
    year: shownYear,
    yearText: yearSpan(indicator, shownYear),
    method: m,
    classes,
    manual,
    scheme: schemeName,
    lang,
    locale: locale,
  });
  const collator = new Intl.Collator(locale);
  const byName = [...shown].sort((a, b) => collator.compare(a.name, b.name)).map((r) => r.id);
  const geometryEntry = catalog.geometry.find((g) => g.level === levelId);
  return {
    catalog,
    indicator,
    data,
    level: levelId,
    parent: parentRegion,
    year: shownYear,
    model,
    geo,
    byName,
    attribution: geometryEntry?.attribution ?? '',
  };
}

/** Splits the geometry into main map and insets; the same object while nothing changes (no redraw on a new year). */
async function geoFor(
  memo: GeoMemo,
  catalog: Catalog,
  topology: FokusTopology,
  outlineTopology: FokusTopology | undefined,
  regions: Region[],
  parent: Region | undefined,
  insets: string,
): Promise<Geo> {
  const key = [topology, outlineTopology, parent?.id, regions.length, insets];
  if (memo.last && key.every((k, i) => k === memo.last!.key[i])) return memo.last.geo;
  const ids = new Set(regions.map((r) => r.id));
  const all = await featuresOf(topology);
  if (all.length > LARGE) await yieldToMain();
  const features = all.filter((f) => ids.has(f.id));
  const boxList = features.map((f) => ({ id: f.id, bbox: boxes.get(f) }));
  const mode = insets.trim().toLowerCase();
  const insetIds = new Set(
    mode === 'none'
      ? []
      : mode === 'auto' || mode === ''
        ? findOutliers(boxList)
        : mode.split(/[\s,;]+/).filter((i) => ids.has(i)),
  );
  const outlineIds = parent
    ? new Set([
        parent.id,
        ...childrenOf(catalog, parent.id, LEVEL_ABOVE[regions[0]?.level ?? 'gemeinde'] ?? 'land').map((r) => r.id),
      ])
    : undefined;
  const outlines = outlineTopology
    ? (await featuresOf(outlineTopology)).filter((f) => !outlineIds || outlineIds.has(f.id))
    : [];
  const centres = new Map<string, [number, number]>();
  let box: BBox | undefined;
  for (const b of boxList) {
    if (!b.bbox) continue;
    centres.set(b.id, centre(b.bbox));
    if (insetIds.has(b.id)) continue;
    if (!box) box = [...b.bbox];
    else {
      box[0] = Math.min(box[0], b.bbox[0]);
      box[1] = Math.min(box[1], b.bbox[1]);
      box[2] = Math.max(box[2], b.bbox[2]);
      box[3] = Math.max(box[3], b.bbox[3]);
    }
  }
  const geo: Geo = {
    main: features.filter((f) => !insetIds.has(f.id)),
    inset: features.filter((f) => insetIds.has(f.id)),
    outlines,
    centres,
    box,
  };
  memo.last = { key, geo };
  return geo;
}
