/**
 * Command-line options of `npm run bench`, the run's deadline and its log.
 *
 * Parts: bytes, timing, throttled, network, lifecycle, lighthouse. `--only` takes part names
 * and/or case ids (cases.ts): `--only lighthouse` runs that part alone, `--only chart,map-49`
 * runs every part on those cases, `--only timing,chart` the timing of the chart case.
 */
export const PARTS = ['bytes', 'timing', 'throttled', 'network', 'lifecycle', 'lighthouse'] as const;
export type Part = (typeof PARTS)[number];

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const list = (name: string) => opt(name)?.split(',').filter(Boolean);

const only = list('only') ?? [];
const onlyParts = only.filter((x): x is Part => (PARTS as readonly string[]).includes(x));
const SKIP = new Set(list('skip') ?? []);

export const RUNS = Math.max(1, Number(opt('runs') ?? 5));
export const CYCLES = Math.max(2, Number(opt('cycles') ?? 50));
/** CPU slowdown of the throttled part (CDP Emulation.setCPUThrottlingRate). */
export const CPU_RATE = Math.max(1, Number(opt('cpu-rate') ?? 4));
/** Runs of the throttled part (default: --runs). */
export const THROTTLED_RUNS = Math.max(1, Number(opt('throttled-runs') ?? RUNS));
/** Lighthouse runs per demo page; the median score is reported. */
export const LIGHTHOUSE_RUNS = Math.max(1, Number(opt('lighthouse-runs') ?? 1));
/** Demo pages for Lighthouse (file names without .html); default every demo/*.html. */
export const LIGHTHOUSE_PAGES = list('pages');
/** Case ids named in --only (none: every case). */
export const ONLY_CASES = only.filter((x) => !(PARTS as readonly string[]).includes(x));
export const WRITE = !argv.includes('--no-write');
export const BUILD = argv.includes('--build');

export function runs(part: Part): boolean {
  return !SKIP.has(part) && (onlyParts.length === 0 || onlyParts.includes(part));
}

/** Hard limit of the whole run: a stuck page must not keep the machine busy. */
const DEADLINE = Date.now() + 45 * 60_000;
export const PAGE_TIMEOUT = 90_000;

/** esbuild bundles of the baseline and reference pages (gitignored). */
export const BASELINES = '.cache/bench/baselines';

export function checkDeadline(): void {
  if (Date.now() > DEADLINE) throw new Error('benchmark exceeded its 45-minute limit');
}

export function log(text: string): void {
  process.stderr.write(`${text}\n`);
}
