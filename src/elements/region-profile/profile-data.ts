/** Loading of `<region-profile>`: the region, its Kreis, and each indicator's value and place. No Lit. */
import type { Catalog, Region } from '../../data/schema.js';
import { regionById, type IndicatorData } from '../../data/model.js';
import { FokusDataError } from '../../data/errors.js';
import { FokusUsageError } from '../../internal/errors.js';
import type { LoadContext } from '../../internal/data-task.js';
import { kreisOf, peersOf, placeAmong, placeOf, profileIndicators, type Place } from './profile-model.js';

export interface ProfileArgs {
  endpoint: string;
  region: string;
  indicators: string;
  year: number | undefined;
}

export interface ProfileRow {
  data: IndicatorData;
  year: number;
  place?: Place;
}

export interface Profile {
  catalog: Catalog;
  region: Region;
  kreis?: Region;
  /** The region it is ranked in (its Kreis; below the Gemeinde its Gemeinde), shown beside it. */
  place?: Region;
  rows: ProfileRow[];
  peers: number;
}

/** Loads the profile of `region`: each indicator in its latest year (or `year`) and its place among the peers. */
export async function loadProfile(args: ProfileArgs, { client, signal }: LoadContext): Promise<Profile> {
  const { endpoint, region: regionId, indicators: list, year } = args;
  if (!regionId.trim()) throw new FokusUsageError('missing-attribute', 'region');
  const catalog = await client.getCatalog(endpoint, { signal });
  const region = regionById(catalog, regionId.trim());
  if (!region) throw new FokusDataError('unknown-region', { subject: regionId.trim() });
  const ids = profileIndicators(catalog, list);
  const place = placeOf(catalog, region);
  const scope = [...peersOf(catalog, region).map((r) => r.id), ...(place ? [place.id] : [])];
  const files = await Promise.all(
    ids.map((id) => client.getIndicator(endpoint, id, { signal, regions: [region.id, ...scope] })),
  );
  const peers = peersOf(catalog, region).map((r) => r.id);
  const rows = files.map((data) => {
    const y =
      year !== undefined && data.years.includes(year)
        ? year
        : (data.latestYear(region.id) ?? data.years[data.years.length - 1]);
    return { data, year: y, place: placeAmong(data, region.id, peers, y) };
  });
  return { catalog, region, kreis: kreisOf(catalog, region), place, rows, peers: peers.length };
}
