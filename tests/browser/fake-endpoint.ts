import { FokusClient, setClient } from '../../src/data/client.js';

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
