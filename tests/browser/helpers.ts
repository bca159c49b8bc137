/**
 * The helpers of every browser test: typed mocha globals, shadow-root queries, normalized
 * text, the next fokus event, a fake endpoint, and capturing downloads.
 */
import { FokusClient, setClient } from '../../src/data/client.js';

// The mocha globals that @web/test-runner provides, typed (the project has no @types/mocha).
type Fn = (this: unknown) => void | Promise<unknown>;
interface MochaGlobals {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: Fn) => void;
  beforeEach: (fn: Fn) => void;
  afterEach: (fn: Fn) => void;
}
const g = globalThis as unknown as MochaGlobals;
export const describe: MochaGlobals['describe'] = (name, fn) => g.describe(name, fn);
export const it: MochaGlobals['it'] = (name, fn) => g.it(name, fn);
export const beforeEach: MochaGlobals['beforeEach'] = (fn) => g.beforeEach(fn);
export const afterEach: MochaGlobals['afterEach'] = (fn) => g.afterEach(fn);

/** The shadow root of an element. */
export const root = (el: Element) => el.shadowRoot!;
/** The first match in an element's shadow root. */
export const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => root(el).querySelector<T>(sel)!;
/** Every match in an element's shadow root. */
export const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...root(el).querySelectorAll<T>(sel)];
/** Text content with white space collapsed. */
export const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The next fokus event anywhere on the page (listening before the element exists: no race). */
export function nextEvent<T extends Event = CustomEvent>(
  type: 'fokus-load' | 'fokus-error' | 'fokus-select',
): Promise<T> {
  return new Promise((resolve) => document.addEventListener(type, (e) => resolve(e as T), { once: true }));
}

/**
 * Installs a page-wide client whose fetch answers from `files` (keyed by path below the
 * endpoint, e.g. `catalog.json`), 404 for anything else, with optional delays per path
 * (abortable), and records every requested URL.
 */
export function useEndpoint(
  files: Record<string, unknown>,
  delays: Record<string, number> = {},
): { requests: string[] } {
  const requests: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requests.push(url);
    const key = Object.keys(files).find((k) => url.endsWith(`/${k}`));
    const delay = Object.entries(delays).find(([k]) => url.endsWith(k))?.[1] ?? 0;
    if (delay) {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, delay);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    }
    if (!key) return new Response('not found', { status: 404 });
    return new Response(JSON.stringify(files[key]), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  setClient(new FokusClient({ fetch: fetch as typeof globalThis.fetch, retries: 0, timeout: 5000 }));
  return { requests };
}

/**
 * Captures what `saveFile` offers instead of downloading: the Blob handed to
 * `URL.createObjectURL` and the link's file name. Call `restore()` when done.
 */
export function captureDownloads(): {
  files: { name: string; blob: Blob }[];
  /** Resolves when the first file has been offered (image downloads are asynchronous). */
  saved: Promise<void>;
  restore: () => void;
} {
  const files: { name: string; blob: Blob }[] = [];
  let done!: () => void;
  const saved = new Promise<void>((resolve) => (done = resolve));
  const create = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  let last: Blob | undefined;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    last = blob as Blob;
    return create.call(URL, blob);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download && last) {
      files.push({ name: this.download, blob: last });
      done();
    } else if (!this.download) click.call(this);
  };
  return {
    files,
    saved,
    restore() {
      URL.createObjectURL = create;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}
