/**
 * The loader script's warm-up: while an element's code still downloads and compiles, the
 * page-wide client already fetches and validates what the element will ask for: the
 * catalog of its endpoint (resolved as the element resolves it), then the files its
 * attributes name (an element's own `warm` function, e.g. `warmMap`). The element then
 * finds them cached or in flight: no file is requested twice, and none that the element
 * would not request. Errors stay silent here; the element reports its own, localized.
 */
import { getClient, type FokusClient } from '../data/client.js';
import type { Catalog } from '../data/schema.js';
import { resolveEndpoint } from './config.js';

/** Requests the files an element's attributes name (with `{ warm: true }`); may throw. */
export type Warm = (el: Element, endpoint: string, catalog: Catalog, client: FokusClient) => void;

/**
 * Warms the client for `elements`: each one's catalog at once, then `warm` (which may
 * still be loading) for each element once its catalog is in.
 */
export function warmUp(elements: Iterable<Element>, warm?: Promise<Warm | undefined>): void {
  const client = getClient();
  warm?.catch(() => undefined);
  for (const el of elements) {
    const endpoint = resolveEndpoint(el);
    const catalog = client.getCatalog(endpoint, { warm: true });
    if (!warm) {
      catalog.catch(() => undefined);
      continue;
    }
    Promise.all([catalog, warm])
      .then(([c, fn]) => fn?.(el, endpoint, c, client))
      .catch(() => undefined);
  }
}
