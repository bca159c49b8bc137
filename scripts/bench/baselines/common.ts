/** Shared by the baseline pages: query parameters, fetch, "painted" and the result record. */
export const params = new URLSearchParams(location.search);

export function param(name: string, fallback = ''): string {
  return params.get(name) ?? fallback;
}

export async function getJson<T = unknown>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** Resolves after the next frame has been painted (rAF, then a task after it). */
export function painted(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
}

export interface BenchRecord {
  /** performance.now() when the page's script started. */
  start: number;
  /** performance.now() when the result was complete (before paint). */
  done: number;
  /** performance.now() after the next paint. */
  painted: number;
  count: number;
  [key: string]: unknown;
}

declare global {
  interface Window {
    __bench?: BenchRecord;
    __benchError?: string;
  }
}

export function report(record: BenchRecord): void {
  window.__bench = record;
}

export function fail(error: unknown): void {
  window.__benchError = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(window.__benchError);
}
