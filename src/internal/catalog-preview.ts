/**
 * While an element loads: reads the shared (usually cached) catalog to learn what the
 * finished view will hold (the table's rows and columns, the chart's caption), so the
 * skeleton reserves its real size. The host renders again when it is known.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Catalog } from '../data/schema.js';
import { getClient } from '../data/client.js';

export class CatalogPreview<Input, T> {
  /** What `make` gave for the last input; undefined until the catalog is read (or when it gave nothing). */
  value?: T;
  private key = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly make: (catalog: Catalog, input: Input) => T | undefined,
  ) {}

  /** Call from `willUpdate` while loading; reads the catalog again only when an input changed. */
  update(endpoint: string, input: Input): void {
    const key = JSON.stringify([endpoint, input]);
    if (key === this.key) return;
    this.key = key;
    this.value = undefined;
    getClient()
      .getCatalog(endpoint)
      .then((catalog) => {
        if (this.key !== key) return;
        this.value = this.make(catalog, input);
        this.host.requestUpdate();
      })
      .catch(() => undefined); // the element's loader reports the error
  }
}
