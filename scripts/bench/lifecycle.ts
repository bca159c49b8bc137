/**
 * Heap: JS heap after GC over mount/unmount cycles of each element, vs after the first. For an
 * element that grows more than the goal (5 KiB per cycle from the 10th), a second page repeats
 * the cycles with a heap snapshot after the 10th and the last, and tells what grows: V8's
 * compiled code (functions optimized as they get hot; not state of ours), JS objects, or
 * native objects (DOM, performance entries). The goal figure stays the first page's.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Bench } from './harness.js';
import { metrics } from './harness.js';
import { log } from './options.js';
import { MiB } from './stats.js';

export interface LifecycleResult {
  tag: string;
  cycles: number;
  first: { heapMiB: number; nodes: number; listeners: number };
  last: { heapMiB: number; nodes: number; listeners: number };
  /** Heap after GC (MiB) after n cycles. */
  heapAt: Record<number, number>;
  perCycleKiB: number;
  seconds: number;
  /** KiB per cycle from the 10th to the last by kind (heap snapshots of a second page); only over the goal. */
  composition?: { code: number; objects: number; native: number };
}

/** The issue-16 goal, KiB per cycle from the 10th. */
const GOAL_KIB = 5;

const ELEMENTS: { tag: string; attrs: Record<string, string> }[] = [
  { tag: 'indicator-chart', attrs: { indicator: 'geburtenrate', region: '01056015', compare: '01056,01' } },
  {
    tag: 'municipality-map',
    attrs: { indicator: 'motorisierungsgrad', level: 'gemeinde', parent: '01056', year: '2024' },
  },
  {
    tag: 'comparison-table',
    attrs: {
      indicators: 'geburtenrate,motorisierungsgrad,anteil-65plus',
      level: 'gemeinde',
      parent: '01056',
      year: '2024',
      reference: '01056,01',
    },
  },
];

/** Growth per cycle from the 10th cycle to the last, KiB (the issue-16 figure). */
export function growthFrom10th(l: LifecycleResult): number | undefined {
  return l.heapAt[10] !== undefined && l.cycles > 10
    ? ((l.last.heapMiB - l.heapAt[10]) * 1024) / (l.cycles - 10)
    : undefined;
}

/** Self size (bytes) of a heap snapshot: V8 code, native (Blink) objects and the rest. */
async function snapshotSizes(
  context: BrowserContext,
  page: Page,
): Promise<{ code: number; objects: number; native: number }> {
  const cdp = await context.newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (p: { chunk: string }) => chunks.push(p.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const snap = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [type, size, width] = [fields.indexOf('type'), fields.indexOf('self_size'), fields.length];
  const out = { code: 0, objects: 0, native: 0 };
  for (let i = 0; i < snap.nodes.length; i += width) {
    const t = types[snap.nodes[i + type]];
    if (t === 'synthetic') continue;
    out[t === 'code' ? 'code' : t === 'native' ? 'native' : 'objects'] += snap.nodes[i + size];
  }
  return out;
}

/** Mounts and unmounts `tag` `n` times on the lifecycle page, each time after its fokus-load has painted. */
function cycler(page: Page, tag: string, attrs: Record<string, string>) {
  return (n: number) =>
    page.evaluate(
      async ({ tag, attrs, n }) => {
        const stage = document.getElementById('stage')!;
        for (let i = 0; i < n; i++) {
          const el = document.createElement(tag);
          for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
          // Listen before connecting.
          const loaded = new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no fokus-load within 20 s (cycle ${i})`)), 20_000);
            el.addEventListener('fokus-load', () => (clearTimeout(timer), resolve()), { once: true });
            el.addEventListener(
              'fokus-error',
              (e) => (clearTimeout(timer), reject(new Error((e as CustomEvent).detail?.message))),
              { once: true },
            );
          });
          stage.append(el);
          await loaded;
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          stage.replaceChildren();
          await new Promise((r) => setTimeout(r, 0));
        }
      },
      { tag, attrs, n },
    );
}

export async function lifecycle(bench: Bench, cycles: number): Promise<LifecycleResult[]> {
  const out: LifecycleResult[] = [];
  for (const { tag, attrs } of ELEMENTS) {
    const result: LifecycleResult = await bench.withPage(async (page, context) => {
      await page.goto(`${bench.base}/bench/lifecycle.html`);
      const cycle = cycler(page, tag, attrs);
      const snap = async () => {
        const m = await metrics(context, page);
        return { heapMiB: m.JSHeapUsedSize! / MiB, nodes: m.Nodes!, listeners: m.JSEventListeners! };
      };
      const t0 = Date.now();
      // Heap after GC at checkpoints: the first cycle, some in between, the last.
      const checkpoints = [...new Set([1, 10, 25, cycles].filter((c) => c <= cycles))].sort((a, b) => a - b);
      const heapAt: Record<number, number> = {};
      let done = 0;
      let first = { heapMiB: 0, nodes: 0, listeners: 0 };
      let last = first;
      for (const c of checkpoints) {
        await cycle(c - done);
        done = c;
        last = await snap();
        if (c === 1) first = last;
        heapAt[c] = last.heapMiB;
      }
      log(`  lifecycle ${tag}: ${checkpoints.map((c) => `${c}: ${heapAt[c]!.toFixed(2)}`).join(', ')} MiB`);
      return {
        tag,
        cycles,
        first,
        last,
        heapAt,
        perCycleKiB: ((last.heapMiB - first.heapMiB) * 1024) / (cycles - 1),
        seconds: (Date.now() - t0) / 1000,
      };
    });
    const growth = growthFrom10th(result);
    if (growth !== undefined && growth > GOAL_KIB) {
      result.composition = await bench.withPage(async (page, context) => {
        await page.goto(`${bench.base}/bench/lifecycle.html`);
        const cycle = cycler(page, tag, attrs);
        await cycle(10);
        const at10 = await snapshotSizes(context, page);
        await cycle(cycles - 10);
        const last = await snapshotSizes(context, page);
        const per = (k: keyof typeof last) => (last[k] - at10[k]) / 1024 / (cycles - 10);
        return { code: per('code'), objects: per('objects'), native: per('native') };
      });
      const c = result.composition;
      log(
        `  ${tag} from the 10th cycle, KiB/cycle: code ${c.code.toFixed(1)}, objects ${c.objects.toFixed(1)}, native ${c.native.toFixed(1)}`,
      );
    }
    out.push(result);
  }
  return out;
}

/** The report's note on what grows, for the elements over the goal. */
export function compositionNote(list: readonly LifecycleResult[]): string | undefined {
  const over = list.filter((l) => l.composition);
  if (!over.length) return undefined;
  return (
    `Over ${GOAL_KIB} KiB/cycle, a second page repeated the cycles with heap snapshots after the 10th and the last ` +
    '(self size per cycle; V8 code = functions compiled and optimized as they get hot, native = DOM and performance entries): ' +
    over
      .map((l) => {
        const c = l.composition!;
        return `${l.tag} code ${c.code.toFixed(1)}, JS objects ${c.objects.toFixed(1)}, native ${c.native.toFixed(1)} KiB`;
      })
      .join('; ') +
    '.'
  );
}
