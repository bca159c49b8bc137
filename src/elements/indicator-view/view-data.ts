/**
 * The loader of `<indicator-view>`: the catalog entry that title, notes and caption of every
 * tab share, and the latest year with a value, which the title names when no `year` is given
 * (loaded with the tabs' scope: their own request for the file is then served from the cache).
 */
import type { Catalog, Indicator } from '../../data/schema.js';
import { indicatorById } from '../../data/model.js';
import { FokusDataError } from '../../data/errors.js';
import { FokusUsageError } from '../../internal/errors.js';
import type { LoadContext } from '../../internal/data-task.js';
import type { Lang } from '../../internal/i18n.js';
import { latestShownYear, shownRegions } from './view-text.js';

export interface ViewArgs {
  endpoint: string;
  indicator: string;
  /** The `view` attribute when it is not a tab name (else empty): an error names it. */
  invalidView: string;
  lang: Lang;
  level: string;
  parent: string;
  /** The regions of the line chart and its references (`region`, `compare`). */
  regions: string;
}

/** What the shared parts of the tabs show. */
export interface ViewData {
  catalog: Catalog;
  indicator: Indicator;
  /** The latest year with a value among the regions shown. */
  latestYear?: number;
  lang: Lang;
}

export async function loadView(a: ViewArgs, { client, signal }: LoadContext): Promise<ViewData> {
  if (a.invalidView) throw new FokusUsageError('invalid-attribute', 'view', a.invalidView);
  const id = a.indicator.trim();
  if (!id) throw new FokusUsageError('missing-attribute', 'indicator');
  const catalog = await client.getCatalog(a.endpoint, { signal });
  const indicator = indicatorById(catalog, id);
  if (!indicator) throw new FokusDataError('unknown-indicator', { subject: id });
  // The same scope as the tabs' own requests, so that they share the file (one request).
  const regions = shownRegions(catalog, a.level, a.parent, a.regions);
  const scope = a.parent.trim() ? { level: a.level || 'gemeinde', parent: a.parent.trim() } : { regions };
  const data = await client.getIndicator(a.endpoint, id, { signal, ...scope });
  return { catalog, indicator, latestYear: latestShownYear(data, regions), lang: a.lang };
}

/**
 * What the view shows while its data load, from the catalog alone (undefined before the
 * catalog, or when the indicator is unknown: the loader names that). The latest year is a
 * guess: the previous one of the same indicator, else the catalog's last year.
 */
export function previewView(
  catalog: Catalog | undefined,
  id: string,
  lang: Lang,
  previous: ViewData | undefined,
): ViewData | undefined {
  const indicator = catalog && indicatorById(catalog, id.trim());
  if (!catalog || !indicator) return undefined;
  const latestYear =
    previous?.indicator.id === indicator.id ? previous.latestYear : indicator.years[indicator.years.length - 1];
  return { catalog, indicator, latestYear, lang };
}
