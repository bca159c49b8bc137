/**
 * The shared frame of the warm-up tests (tests/browser/elements/<name>/warm-up.test.ts): the
 * data files an element requests by itself next to those the loader script's warm-up
 * requests for a not yet defined tag with the same attributes, each with a fresh client.
 */
import { fixture, html } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { FokusClient, setClient } from '../../src/data/client.js';
import { nextEvent } from './helpers.js';

export const ENDPOINT = '/demo-dist/data/';

/** A fresh page-wide client with the real fetch; the paths it requests, in order. */
export function recordRequests(): string[] {
  const urls: string[] = [];
  setClient(
    new FokusClient({
      retries: 0,
      fetch: (input, init) => {
        urls.push(new URL(String(input), location.href).pathname);
        return fetch(input, init);
      },
    }),
  );
  return urls;
}

/** Each path once, sorted. */
export const distinct = (urls: string[]) => [...new Set(urls)].sort();

/** An element that is not (yet) a fokus element, with the attributes of `attrs` (`a="b" …`). */
export function tagWith(attrs: string): Element {
  const el = document.createElement('x-not-defined');
  for (const [, name, value] of attrs.matchAll(/([a-z-]+)="([^"]*)"/g)) el.setAttribute(name!, value!);
  return el;
}

/** The paths an element `tag` with `attrs` requests by itself, once it has loaded or failed. */
export async function elementRequests(tag: string, attrs: string): Promise<string[]> {
  const urls = recordRequests();
  const settled = Promise.race([nextEvent('fokus-load'), nextEvent('fokus-error')]);
  await fixture(
    html`<div style="width: 600px">
      ${staticHtml`<${unsafeStatic(tag)} endpoint=${ENDPOINT} ${unsafeStatic(attrs)}></${unsafeStatic(tag)}>`}
    </div>`,
  );
  await settled;
  return distinct(urls);
}

/** The paths `warm` (an element's warm-up) requests for a tag with `attrs`. */
export async function warmRequests(
  warm: (el: Element, endpoint: string) => Promise<unknown>,
  attrs: string,
): Promise<string[]> {
  const urls = recordRequests();
  await warm(tagWith(attrs), ENDPOINT);
  return distinct(urls);
}
