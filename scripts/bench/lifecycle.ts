/** Heap: JS heap after GC over mount/unmount cycles of each element, vs after the first. */
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
}

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

export async function lifecycle(bench: Bench, cycles: number): Promise<LifecycleResult[]> {
  const out: LifecycleResult[] = [];
  for (const { tag, attrs } of ELEMENTS) {
    out.push(
      await bench.withPage(async (page, context) => {
        await page.goto(`${bench.base}/bench/lifecycle.html`);
        const cycle = (n: number) =>
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
      }),
    );
  }
  return out;
}
