/**
 * Page-wide configuration, shared by every copy of the bundle on the page
 * (stored on `globalThis` under a registered symbol).
 */
export interface FokusConfig {
  /** Base URL of the data endpoint. */
  endpoint?: string;
}

/** The built-in default endpoint: `/data/` on the page's own server. */
export const DEFAULT_ENDPOINT = '/data/';

const KEY = Symbol.for('fokus-widgets.config');
type GlobalWithConfig = typeof globalThis & { [KEY]?: FokusConfig };

function store(): FokusConfig {
  const g = globalThis as GlobalWithConfig;
  return (g[KEY] ??= {});
}

/** Set page-wide options, e.g. `configure({ endpoint: 'https://example.org/fokus/' })`. */
export function configure(options: FokusConfig): void {
  Object.assign(store(), options);
}

/** The endpoint set by `configure()` or by the loading script's `data-fokus-endpoint`, if any. */
export function pageEndpoint(): string | undefined {
  const configured = store().endpoint;
  if (configured) return configured;
  if (typeof document === 'undefined') return undefined;
  const script = document.querySelector<HTMLScriptElement>('script[data-fokus-endpoint]');
  return script?.dataset.fokusEndpoint || undefined;
}

/** The nearest ancestor (crossing shadow roots) for which `pick` returns a value. */
export function closestValue<T>(start: Element, pick: (el: Element) => T | null | undefined): T | undefined {
  let node: Node | null = start;
  while (node) {
    if (node instanceof Element) {
      const value = pick(node);
      if (value !== null && value !== undefined) return value;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/**
 * Endpoint resolution, first match wins: the element's `endpoint` attribute; the nearest
 * ancestor's `data-fokus-endpoint`; `configure({ endpoint })` or the loader script's
 * `data-fokus-endpoint`; the built-in default.
 */
export function resolveEndpoint(element: Element): string {
  const own = element.getAttribute('endpoint');
  if (own) return own;
  const start = element.parentNode instanceof ShadowRoot ? element.parentNode.host : element.parentElement;
  const inherited = start ? closestValue(start, (el) => el.getAttribute('data-fokus-endpoint') || null) : undefined;
  return inherited ?? pageEndpoint() ?? DEFAULT_ENDPOINT;
}
