/** Helpers for the <municipality-map> tests: the real demo endpoint, and fetch fakes for slow or failing endpoints. */
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { FokusClient, setClient } from '../../../../src/data/client.js';
import type { IndicatorFile } from '../../../../src/data/schema.js';
import type { MunicipalityMapElement } from '../../../../src/elements/municipality-map/municipality-map.js';

import { $$, nextEvent } from '../../helpers.js';

export { describe, it, beforeEach, afterEach, root, $, $$, text, nextEvent, captureDownloads } from '../../helpers.js';

/** The demo endpoint built by `npm run demo:data` (the test server's root is the project). */
export const ENDPOINT = '/demo-dist/data/';

/** A fresh client with the real fetch (so no cache leaks between tests), optionally wrapped. */
export function useClient(wrap?: (url: string, real: () => Promise<Response>) => Promise<Response>): string[] {
  const urls: string[] = [];
  setClient(
    new FokusClient({
      retries: 0,
      fetch: (input, init) => {
        const url = String(input);
        urls.push(url);
        const real = () => fetch(input, init);
        return wrap ? wrap(url, real) : real();
      },
    }),
  );
  return urls;
}

/** Renders the template inside a sized box and waits for `fokus-load` (after Leaflet has drawn). */
export async function loaded(
  template: TemplateResult,
  width = 900,
): Promise<{ el: MunicipalityMapElement; count: number }> {
  const load = nextEvent<CustomEvent<{ count: number }>>('fokus-load');
  const holder = await fixture<HTMLDivElement>(html`<div style="width: ${width}px">${template}</div>`);
  const el = holder.querySelector('municipality-map')!;
  const event = await load;
  await el.updateComplete;
  return { el, count: event.detail.count };
}

/** Raw indicator file from the endpoint, for independent checks of values and symbols. */
export async function rawIndicator(
  id: string,
): Promise<{ value: (region: string, year: number) => { value: number | null; status: string } }> {
  const file = (await (await fetch(`${ENDPOINT}indicators/${id}.json`)).json()) as IndicatorFile;
  return {
    value: (region, year) => {
      const r = file.regions.indexOf(region);
      const y = file.years.indexOf(year);
      return { value: file.values[r]?.[y] ?? null, status: file.status?.[region]?.[y] ?? '' };
    },
  };
}

/** Region paths of the map (main map and insets), by key. */
export function regionPaths(el: Element): Map<string, SVGPathElement> {
  return new Map($$<SVGPathElement>(el, 'path[data-region]').map((p) => [p.getAttribute('data-region')!, p]));
}

/** How many of `elements` have a Leaflet map (panes in their `.map` container). */
export function leafletMaps(...elements: Element[]): number {
  return elements.filter((el) => (el.shadowRoot?.querySelector('.map')?.children.length ?? 0) > 0).length;
}
