/**
 * Render timing: navigation to the first complete render painted, element page vs its
 * baseline (and, for charts, the reference charts), alternating the order per run; after
 * probes that make the baseline draw what the element draws (same spec and width, same
 * map size). The throttled part runs the same measurement with a slowed-down CPU.
 */
import os from 'node:os';
import { cases, REFERENCES, type Case, type ReferenceId } from './cases.js';
import { throttleCpu, type Bench, type Sample } from './harness.js';
import { log } from './options.js';
import { summarize, type Summary } from './stats.js';

export interface CaseResult {
  id: string;
  label: string;
  ours: Sample[];
  base: Sample[];
  /** Reference charts of the same data (chart cases), per reference id. */
  refs?: Partial<Record<ReferenceId, Sample[]>>;
  /** our painted / baseline painted, per run. */
  ratios: number[];
  summary: {
    ours: Summary;
    base: Summary;
    ratio: number;
    heapOurs: Summary;
    heapBase: Summary;
    taskOurs: Summary;
    taskBase: Summary;
    /** Painted ms of each reference chart. */
    refs?: Partial<Record<ReferenceId, Summary>>;
  };
  count?: number;
  baseCount?: number;
  notes: string[];
  /** Loads that failed (left out of the figures), e.g. `run 2 ours: <error>`. */
  failures?: string[];
}

/** The baseline URL of each case (with the probed width/size) and what the probe found. */
export interface Probes {
  baseline: Map<string, string>;
  notes: Map<string, string[]>;
}

/**
 * Chart: the width and theme the element drew with, so that the baseline draws the same,
 * and the SVG the element's Vega view renders (compared with the baseline's).
 */
async function chartProbe(bench: Bench, file: string): Promise<{ width: number; svg: string; theme: string }> {
  return bench.withPage(async (page) => {
    await bench.loadWidgets(page, `${bench.base}/bench/${file}`, 'indicator-chart');
    return page.evaluate(async () => {
      // Private members of the element, read at run time: its Vega view and its theme.
      const el = document.querySelector('indicator-chart') as unknown as HTMLElement & {
        view?: { result?: { view?: { toSVG?: () => Promise<string> } } };
        theme?: () => unknown;
      };
      const vega = el.shadowRoot!.querySelector<HTMLElement>('.vega')!;
      const toSvg = el.view?.result?.view?.toSVG;
      return {
        width: vega.clientWidth,
        svg: toSvg ? await toSvg.call(el.view!.result!.view) : '',
        theme: el.theme ? JSON.stringify(el.theme()) : '',
      };
    });
  });
}

/** Where two texts first differ ('' when equal). */
function textDiff(a: string, b: string): string {
  if (a === b) return '';
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `character ${i} ("${a.slice(Math.max(0, i - 20), i + 20)}" vs "${b.slice(Math.max(0, i - 20), i + 20)}")`;
}

/** Map: the size of the element's Leaflet container, so that the baseline map is as large. */
async function mapProbe(bench: Bench, file: string): Promise<{ w: number; h: number }> {
  return bench.withPage(async (page) => {
    await bench.loadWidgets(page, `${bench.base}/bench/${file}`, 'municipality-map');
    return page.evaluate(() => {
      const c = document.querySelector('municipality-map')!.shadowRoot!.querySelector('.leaflet-container')!;
      const r = c.getBoundingClientRect();
      return { w: Math.round(r.width), h: Math.round(r.height) };
    });
  });
}

/** Probes (also warm the server's compression caches); not counted. */
export async function probe(bench: Bench, list: Case[] = cases()): Promise<Probes> {
  const baseline = new Map<string, string>();
  const notes = new Map<string, string[]>(list.map((c) => [c.id, []]));
  for (const c of list) {
    let url = c.baseline;
    try {
      url = await probeCase(bench, c, notes.get(c.id)!);
      log(`  probe ${c.id} ok`);
    } catch (e) {
      // measured anyway (a failure may depend on the load); each failed load is reported
      notes.get(c.id)!.push(`probe failed: ${message(e)}`);
      log(`  probe ${c.id} FAILED: ${message(e)}`);
    }
    baseline.set(c.id, url);
  }
  return { baseline, notes };
}

const message = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0]! : String(e));

/** Probes one case; returns its baseline URL. */
async function probeCase(bench: Bench, c: Case, notes: string[]): Promise<string> {
  let url = c.baseline;
  if (c.kind === 'chart') {
    const p = await chartProbe(bench, c.page);
    url += `&width=${p.width}&theme=${encodeURIComponent(p.theme)}`;
    const base = (await bench.baseline(`${url}&probe=1`)) as Sample & { svg?: string };
    const diff = p.svg && base.svg ? textDiff(p.svg, base.svg) : "the element's SVG is not readable";
    notes.push(diff ? `baseline SVG differs from the element's at ${diff}` : "baseline SVG identical to the element's");
    for (const ref of REFERENCES) await bench.baseline(refUrl(url, ref.page));
  } else if (c.kind === 'map') {
    const p = await mapProbe(bench, c.page);
    url += `&w=${p.w}&h=${p.h}`;
    notes.push(`map area ${p.w} x ${p.h} px in both`);
    await bench.baseline(url);
  } else {
    await bench.element(c.page, c.widgets);
    await bench.baseline(url);
  }
  return url;
}

/** A reference chart page with the vega baseline's query. */
function refUrl(baselineUrl: string, page: string): string {
  return `${page}${baselineUrl.slice(baselineUrl.indexOf('?'))}`;
}

/** 1-minute load average after each timing run (all timing parts). */
export const RUN_LOADS: number[] = [];

export async function measure(
  bench: Bench,
  list: Case[],
  probes: Probes,
  { runs, cpuRate = 1 }: { runs: number; cpuRate?: number },
): Promise<CaseResult[]> {
  type Runs = { ours: (Sample | null)[]; base: (Sample | null)[]; refs: Partial<Record<ReferenceId, Sample[]>> };
  const samples = new Map<string, Runs>(list.map((c) => [c.id, { ours: [], base: [], refs: {} }]));
  const failures = new Map<string, string[]>(list.map((c) => [c.id, []]));
  for (let run = 0; run < runs; run++) {
    for (const c of list) {
      // Alternate the order so that neither side always runs first.
      const s = samples.get(c.id)!;
      const url = probes.baseline.get(c.id)!;
      const load = { scroll: c.scroll, cpuRate };
      /** A failed load is reported with the case and left out of its figures. */
      const attempt = async (what: string, fn: () => Promise<Sample>): Promise<Sample | null> => {
        try {
          return await fn();
        } catch (e) {
          failures.get(c.id)!.push(`run ${run + 1} ${what}: ${message(e)}`);
          log(`  ${c.id} run ${run + 1} ${what} FAILED: ${message(e)}`);
          return null;
        }
      };
      const ours = async () => s.ours.push(await attempt('ours', () => bench.element(c.page, c.widgets, load)));
      const base = async () => s.base.push(await attempt('baseline', () => bench.baseline(url, load)));
      const refs = async () => {
        if (c.kind !== 'chart') return;
        for (const ref of REFERENCES) {
          const r = await attempt(ref.id, () => bench.baseline(refUrl(url, ref.page), load));
          if (r) (s.refs[ref.id] ??= []).push(r);
        }
      };
      if (run % 2 === 0) {
        await ours();
        await base();
        await refs();
      } else {
        await refs();
        await base();
        await ours();
      }
    }
    RUN_LOADS.push(Math.round(os.loadavg()[0]! * 100) / 100);
    log(`  run ${run + 1}/${runs} done (${os.loadavg()[0]!.toFixed(2)} load)`);
  }
  return list.map((c) => {
    const runsOf = samples.get(c.id)!;
    const refs = runsOf.refs;
    // ratios of the runs where both sides loaded
    const ratios = runsOf.ours.flatMap((o, i) => {
      const b = runsOf.base[i];
      return o && b ? [o.painted / b.painted] : [];
    });
    const ours = runsOf.ours.filter((x): x is Sample => !!x);
    const base = runsOf.base.filter((x): x is Sample => !!x);
    const sOurs = summarize(ours.map((s) => s.painted));
    const sBase = summarize(base.map((s) => s.painted));
    const hasRefs = Object.keys(refs).length > 0;
    const result: CaseResult = {
      id: c.id,
      label: c.label,
      ours,
      base: base.map(({ ...b }) => {
        delete (b as { spec?: string }).spec;
        return b;
      }),
      ratios,
      summary: {
        ours: sOurs,
        base: sBase,
        ratio: sOurs.median / sBase.median,
        heapOurs: summarize(ours.map((s) => s.heapMiB)),
        heapBase: summarize(base.map((s) => s.heapMiB)),
        taskOurs: summarize(ours.map((s) => s.longestTask)),
        taskBase: summarize(base.map((s) => s.longestTask)),
      },
      count: ours[0]?.count,
      baseCount: base[0]?.count,
      notes: [...probes.notes.get(c.id)!],
    };
    if (failures.get(c.id)!.length) result.failures = failures.get(c.id);
    if (hasRefs) {
      result.refs = refs;
      result.summary.refs = Object.fromEntries(
        Object.entries(refs).map(([id, l]) => [id, summarize(l.map((s) => s.painted))]),
      );
    }
    return result;
  });
}

/** The timing part: every case, `runs` runs. */
export async function timing(bench: Bench, probes: Probes, runs: number): Promise<CaseResult[]> {
  return measure(bench, cases(), probes, { runs });
}

export interface ThrottledResult {
  cpuRate: number;
  /** A fixed loop in a page, ms: unthrottled and throttled (shows the slowdown took effect). */
  calibration: { plain: number; throttled: number };
  cases: CaseResult[];
}

/** A fixed amount of script work in a fresh page, ms. */
async function calibrate(bench: Bench, cpuRate: number): Promise<number> {
  return bench.withPage(async (page, context) => {
    await throttleCpu(context, page, cpuRate);
    await page.goto(`${bench.base}/bench/lifecycle.html`);
    return page.evaluate(() => {
      const t0 = performance.now();
      let x = 0;
      for (let i = 0; i < 2e7; i++) x = (x + i * 7) % 1000003;
      return performance.now() - t0 + (x < 0 ? 1 : 0);
    });
  });
}

/** The throttled part: the chart cases (ours, plain vega-embed, references) with a `cpuRate`x slower CPU. */
export async function throttled(
  bench: Bench,
  probes: Probes,
  { runs, cpuRate }: { runs: number; cpuRate: number },
): Promise<ThrottledResult> {
  const list = cases().filter((c) => c.kind === 'chart');
  const calibration = { plain: await calibrate(bench, 1), throttled: await calibrate(bench, cpuRate) };
  log(
    `  calibration loop: ${calibration.plain.toFixed(0)} ms plain, ${calibration.throttled.toFixed(0)} ms at ${cpuRate}x`,
  );
  return { cpuRate, calibration, cases: await measure(bench, list, probes, { runs, cpuRate }) };
}
