/**
 * While an element loads: reads the shared (usually cached) catalog to learn what the
 * finished view will hold (the table's rows and columns, the chart's caption), so the
 * skeleton reserves its real size. The host renders again when it is known.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Catalog, Indicator } from '../data/schema.js';
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
      .then((catalog) =>
        // in a later task: the element's own load continues first (its next request goes out
        // before the skeleton's caption is rendered, which is slow the first time: date formats)
        setTimeout(() => {
          if (this.key !== key) return;
          this.value = this.make(catalog, input);
          this.host.requestUpdate();
        }, 0),
      )
      .catch(() => undefined); // the element's loader reports the error
  }
}

/**
 * Parts of the coming view (toolbar, caption) drawn while loading, invisible and inert
 * (`.reserve` in the base styles), so they take the lines they will take when drawn.
 */
export function renderReserve(parts: unknown): TemplateResult {
  return html`<div class="reserve" aria-hidden="true" inert>${parts}</div>`;
}

/** What a skeleton needs to draw the coming caption: the catalog and the indicator. */
export interface CaptionPreview {
  catalog: Catalog;
  indicators: Indicator[];
}

/** A `CatalogPreview` maker for the caption of one indicator (undefined when the id is unknown). */
export function captionPreview(catalog: Catalog, indicator: string): CaptionPreview | undefined {
  const found = catalog.indicators.find((i) => i.id === indicator);
  return found && { catalog, indicators: [found] };
}
