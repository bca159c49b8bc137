/** The loader of `<indicator-view>`: the catalog entry that title, notes and caption of every tab share. */
import type { Catalog, Indicator } from '../../data/schema.js';
import { indicatorById } from '../../data/model.js';
import { localText } from '../../data/format.js';
import { FokusDataError } from '../../data/errors.js';
import { FokusUsageError } from '../../internal/errors.js';
import type { LoadContext } from '../../internal/data-task.js';
import type { Lang } from '../../internal/i18n.js';

export interface ViewArgs {
  endpoint: string;
  indicator: string;
  /** The `view` attribute when it is not a tab name (else empty): an error names it. */
  invalidView: string;
  label: string;
  lang: Lang;
}

/** What the shared parts of the tabs show. */
export interface ViewData {
  catalog: Catalog;
  indicator: Indicator;
  title: string;
  lang: Lang;
}

export async function loadView(a: ViewArgs, { client, signal }: LoadContext): Promise<ViewData> {
  if (a.invalidView) throw new FokusUsageError('invalid-attribute', 'view', a.invalidView);
  const id = a.indicator.trim();
  if (!id) throw new FokusUsageError('missing-attribute', 'indicator');
  const catalog = await client.getCatalog(a.endpoint, { signal });
  const indicator = indicatorById(catalog, id);
  if (!indicator) throw new FokusDataError('unknown-indicator', { subject: id });
  return { catalog, indicator, title: a.label || localText(indicator.label, a.lang), lang: a.lang };
}
