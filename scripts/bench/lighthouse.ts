/**
 * Lighthouse: a mobile run (Lighthouse's default config: Moto G class device, simulated
 * slow 4G and 4x CPU) of every demo page, performance and accessibility categories, with the
 * system Chromium (the `lighthouse` CLI, CHROME_PATH, the headless flags of
 * scripts/find-chrome.js). Besides the scores it keeps what Lighthouse names as the causes:
 * failed accessibility audits, the elements that shifted, the LCP element with its phases,
 * render-blocking resources and the scripts that kept the main thread busy (TBT).
 * `LIGHTHOUSE_KEEP=<dir>` keeps the full reports there (`<page>-<run>.json`).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error plain JS helper without types
import { CHROME_ARGS, findChrome } from '../find-chrome.js';
import { log } from './options.js';
import { summarize } from './stats.js';

export interface LighthouseRun {
  score: number;
  /** Accessibility score (0–100). */
  a11y: number;
  /** Failed accessibility audits: `id (n elements)`. */
  a11yFailed: string[];
  /** The elements Lighthouse names for the layout shifts: `score selector`. */
  shifts: string[];
  /** What lowers the score: LCP element and phases, render-blocking resources, busiest scripts. */
  causes: string[];
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
  warnings: string[];
}

export interface LighthousePage {
  page: string;
  runs: LighthouseRun[];
  /** The run with the median score. */
  median: LighthouseRun;
  error?: string;
}

export interface LighthouseResult {
  version: string;
  config: string;
  pages: LighthousePage[];
}

const require = createRequire(import.meta.url);
const LH_DIR = path.dirname(require.resolve('lighthouse/package.json'));
const VERSION = (JSON.parse(readFileSync(path.join(LH_DIR, 'package.json'), 'utf8')) as { version: string }).version;
const PER_RUN_MS = 240_000;

interface AuditItem {
  score?: number;
  node?: { selector?: string; snippet?: string };
  url?: string;
  wastedMs?: number;
  scripting?: number;
  phase?: string;
  timing?: number;
  /** A `list` audit (the LCP element) holds tables. */
  items?: AuditItem[];
}

interface Audit {
  numericValue?: number;
  score?: number | null;
  scoreDisplayMode?: string;
  details?: { items?: AuditItem[] };
}

const ms = (n: number | undefined) => `${Math.round(n ?? 0)} ms`;
const file = (url: string | undefined) => (url ?? '?').replace(/^https?:\/\/[^/]+/, '');

/** The causes Lighthouse names for a run's score, one line each (empty parts left out). */
export function causesOf(audits: Record<string, Audit>): string[] {
  const out: string[] = [];
  const lcp = audits['largest-contentful-paint-element']?.details?.items ?? [];
  const node = lcp[0]?.items?.[0]?.node;
  const phases = (lcp[1]?.items ?? []).filter((p) => (p.timing ?? 0) >= 1).map((p) => `${p.phase} ${ms(p.timing)}`);
  if (node) out.push(`LCP ${node.selector ?? node.snippet ?? '?'}${phases.length ? ` (${phases.join(', ')})` : ''}`);
  const blocking = (audits['render-blocking-insight'] ?? audits['render-blocking-resources'])?.details?.items ?? [];
  if (blocking.length)
    out.push(`render-blocking: ${blocking.map((b) => `${file(b.url)} ${ms(b.wastedMs)}`).join(', ')}`);
  const scripts = (audits['bootup-time']?.details?.items ?? [])
    .filter((b) => (b.scripting ?? 0) >= 50)
    .slice(0, 4)
    .map((b) => `${file(b.url)} ${ms(b.scripting)}`);
  if (scripts.length) out.push(`scripting (TBT): ${scripts.join(', ')}`);
  return out;
}

/** One Lighthouse run of `url` (asynchronous: this process serves the page meanwhile). */
function runOnce(url: string, out: string): Promise<LighthouseRun> {
  const args = [
    path.join(LH_DIR, 'cli/index.js'),
    url,
    '--quiet',
    '--only-categories=performance,accessibility',
    '--output=json',
    `--output-path=${out}`,
    `--chrome-flags=${(CHROME_ARGS as string[]).join(' ')}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: findChrome() as string },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), PER_RUN_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`lighthouse exited ${code}: ${stderr.slice(-600)}`));
      try {
        const lhr = JSON.parse(readFileSync(out, 'utf8')) as {
          runtimeError?: { message: string };
          runWarnings?: string[];
          categories: {
            performance: { score: number | null };
            accessibility?: { score: number | null; auditRefs?: { id: string }[] };
          };
          audits: Record<string, Audit>;
        };
        if (lhr.runtimeError) throw new Error(lhr.runtimeError.message);
        const n = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        const a11yFailed = (lhr.categories.accessibility?.auditRefs ?? [])
          .map(({ id }) => [id, lhr.audits[id]] as const)
          .filter(([, a]) => a?.scoreDisplayMode === 'binary' && a.score === 0)
          .map(([id, a]) => `${id} (${a.details?.items?.length ?? 0})`);
        const shifts = (lhr.audits['layout-shifts']?.details?.items ?? []).map(
          (item) => `${Number(item.score ?? 0).toFixed(3)} ${item.node?.selector ?? item.node?.snippet ?? '?'}`,
        );
        resolve({
          score: Math.round((lhr.categories.performance.score ?? NaN) * 100),
          a11y: Math.round((lhr.categories.accessibility?.score ?? NaN) * 100),
          a11yFailed,
          shifts,
          causes: causesOf(lhr.audits),
          fcp: n('first-contentful-paint'),
          lcp: n('largest-contentful-paint'),
          tbt: n('total-blocking-time'),
          cls: n('cumulative-layout-shift'),
          si: n('speed-index'),
          warnings: lhr.runWarnings ?? [],
        });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

export async function lighthouse(base: string, pages: string[], runs: number): Promise<LighthouseResult> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fokus-lighthouse-'));
  const keep = process.env.LIGHTHOUSE_KEEP;
  if (keep) mkdirSync(keep, { recursive: true });
  const out: LighthousePage[] = [];
  try {
    for (const page of pages) {
      const list: LighthouseRun[] = [];
      let error: string | undefined;
      for (let i = 0; i < runs; i++) {
        const t0 = Date.now();
        try {
          const json = path.join(tmp, `${i}.json`);
          list.push(await runOnce(`${base}/${page}`, json));
          if (keep) copyFileSync(json, path.join(keep, `${page.replace(/\.html$/, '')}-${i}.json`));
          const r = list.at(-1)!;
          log(
            `  lighthouse ${page}: ${r.score}, a11y ${r.a11y} (LCP ${(r.lcp / 1000).toFixed(1)} s, CLS ${r.cls.toFixed(3)}, ${((Date.now() - t0) / 1000).toFixed(0)} s)`,
          );
          if (r.a11yFailed.length) log(`    a11y failed: ${r.a11yFailed.join(', ')}`);
          if (r.shifts.length) log(`    shifted: ${r.shifts.slice(0, 5).join('; ')}`);
          for (const cause of r.causes) log(`    ${cause}`);
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
          log(`  lighthouse ${page}: failed: ${error}`);
        }
      }
      const m = summarize(list.map((r) => r.score)).median;
      const median = [...list].sort((a, b) => Math.abs(a.score - m) - Math.abs(b.score - m))[0];
      if (median) out.push({ page, runs: list, median, ...(error ? { error } : {}) });
      else
        out.push({
          page,
          runs: [],
          median: {
            score: NaN,
            a11y: NaN,
            a11yFailed: [],
            shifts: [],
            causes: [],
            fcp: NaN,
            lcp: NaN,
            tbt: NaN,
            cls: NaN,
            si: NaN,
            warnings: [],
          },
          error,
        });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return {
    version: VERSION,
    config: 'default (mobile: simulated slow 4G, 4x CPU), performance and accessibility categories',
    pages: out,
  };
}
