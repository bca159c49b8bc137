/** The report: one set of tables, printed as text and written as bench/RESULTS.md. */
import { REFERENCES } from './cases.js';
import type { Sample } from './harness.js';
import { compositionNote, growthFrom10th } from './lifecycle.js';
import type { Machine } from './machine.js';
import type { Results } from './results.js';
import { fmtRatio, fmtSummary, KiB, mdTable, MiB, summarize, textTable } from './stats.js';
import type { CaseResult } from './timing.js';

interface Table {
  title: string;
  header: string[];
  rows: string[][];
  note?: string;
}

const kib = (n: number) => (n / KiB).toFixed(1);
const sec = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(1) : '–');

const BUNDLE_LABEL: Record<string, string> = {
  vega: 'baseline vega-embed',
  leaflet: 'baseline leaflet',
  table: 'baseline table',
  plot: 'reference Observable Plot (line chart)',
  chartjs: 'reference Chart.js (line chart, tree-shaken)',
};

function bytesTables(r: Results): Table[] {
  const b = r.bytes;
  if (!b) return [];
  return [
    {
      title:
        'Bytes of script a page downloads (scripts/size.js from dist/bundle-graph.json; "loaded" = what Chromium fetched from /dist/)',
      header: ['page', 'files', 'min KiB', 'gzip KiB', 'br KiB', 'loaded files', 'loaded KiB', 'on wire (br) KiB'],
      rows: Object.entries(b.sizeJs)
        .map(([name, s]) => {
          const l = b.browser[name];
          return [
            name,
            String(s.files),
            kib(s.min),
            kib(s.gzip),
            kib(s.br),
            l ? String(l.files) : '–',
            l ? kib(l.decoded) : '–',
            l ? kib(l.transferred) : '–',
          ];
        })
        .concat(
          Object.entries(b.baselines).map(([name, s]) => [
            `${BUNDLE_LABEL[name] ?? `baseline ${name}`} (esbuild bundle)`,
            '1',
            kib(s.min),
            kib(s.gzip),
            '–',
            '–',
            '–',
            '–',
          ]),
        ),
      note: b.sizeExit
        ? `scripts/size.js: a budget is exceeded (exit 1):\n${b.sizeOutput
            .split('\n')
            .filter((l) => /OVER|^page/.test(l))
            .join('\n')}`
        : 'scripts/size.js: all budgets met',
    },
    {
      title: 'Script files loaded by the pages, gzip -9 KiB (x = loaded by that page)',
      header: ['file', 'gzip KiB', ...Object.keys(b.browser)],
      rows: Object.entries(b.files)
        .sort((x, y) => y[1] - x[1])
        .map(([file, gz]) => [
          file,
          kib(gz),
          ...Object.values(b.browser).map((l) => (l.scripts.includes(`/dist/${file}`) ? 'x' : '')),
        ]),
    },
  ];
}

/** Chart cases next to the reference charts: painted ms and our/reference ratios. */
function referenceTable(title: string, list: CaseResult[]): Table | undefined {
  const charts = list.filter((c) => c.summary.refs);
  if (!charts.length) return undefined;
  return {
    title,
    header: [
      'case',
      'ours ms',
      'plain vega-embed ms',
      ...REFERENCES.map((x) => `${x.label} ms`),
      'ours / vega-embed',
      ...REFERENCES.map((x) => `ours / ${x.label}`),
    ],
    rows: charts.map((c) => [
      c.label,
      fmtSummary(c.summary.ours),
      fmtSummary(c.summary.base),
      ...REFERENCES.map((x) => fmtSummary(c.summary.refs?.[x.id])),
      fmtRatio(c.summary.ratio),
      ...REFERENCES.map((x) => fmtRatio(c.summary.ours.median / (c.summary.refs?.[x.id]?.median ?? NaN))),
    ]),
  };
}

function timingTables(r: Results): Table[] {
  if (!r.timing) return [];
  const out: Table[] = [
    {
      title: `Navigation to first complete render painted, ms: median (min–max) of ${r.options.runs} runs; ratio = our median / baseline median`,
      header: [
        'case',
        'n',
        'ours ms',
        'baseline ms',
        'ratio',
        'heap ours MiB',
        'heap base MiB',
        'longest task ours ms',
        'longest task base ms',
      ],
      rows: r.timing.map((c) => [
        c.label,
        String(c.count ?? '–'),
        fmtSummary(c.summary.ours),
        fmtSummary(c.summary.base),
        fmtRatio(c.summary.ratio),
        fmtSummary(c.summary.heapOurs, 1),
        fmtSummary(c.summary.heapBase, 1),
        fmtSummary(c.summary.taskOurs),
        fmtSummary(c.summary.taskBase),
      ]),
      note: [
        'Baselines: chart = plain vega-embed (SVG renderer, ast: true, same options) with the spec the element builds, from the same files fetched with plain fetch and modelled with the same pure functions;',
        'map = plain Leaflet with its canvas renderer, the same GeoJSON (topojson-client), 5 quantile colours, same map size; table = a plain DOM table of all rows (name + 3 values).',
        'Ours additionally: loader, Lit, validation of every response, texts/legend/summary/captions; the map also loads and draws the outlines of the level above and looks for insets; the table windows above 200 rows.',
        'Heap = JSHeapUsedSize after GC (DOM nodes are not in it). Longest task: PerformanceObserver longtask during load (only tasks >= 50 ms are reported; 0 = none).',
      ].join('\n'),
    },
  ];
  const refs = referenceTable(
    `Reference charts of the same data (same runs, same order rules): painted ms, median (min–max) of ${r.options.runs} runs`,
    r.timing,
  );
  if (refs) {
    refs.note =
      'References: the same lines (model from the same pure functions and files) drawn by Observable Plot (SVG, colour legend, grid) and by Chart.js (canvas, line controller + legend + tooltip registered, animation off), each as an esbuild bundle; sizes in the bytes table.';
    out.push(refs);
  }
  const scrolled = r.timing.filter((c) => c.ours.some((s) => s.scroll));
  if (scrolled.length) {
    out.push({
      title:
        'Scrolling the table (40 jumps top to bottom + 40 steps of 120 px): tasks >= 50 ms and longest frame, all runs',
      header: [
        'case',
        'long tasks ours',
        'longest task ours ms',
        'longest frame ours ms',
        'rows in DOM ours',
        'long tasks base',
        'longest task base ms',
        'longest frame base ms',
      ],
      rows: scrolled.map((c) => {
        const sum = (l: Sample[]) => l.reduce((a, s) => a + (s.scroll?.longTasks ?? 0), 0);
        const mx = (l: Sample[], k: 'longestTask' | 'longestFrame' | 'rowsRendered') =>
          Math.max(...l.map((s) => s.scroll?.[k] ?? 0)).toFixed(0);
        return [
          c.label,
          String(sum(c.ours)),
          mx(c.ours, 'longestTask'),
          fmtSummary(summarize(c.ours.map((s) => s.scroll!.longestFrame))),
          mx(c.ours, 'rowsRendered'),
          String(sum(c.base)),
          mx(c.base, 'longestTask'),
          fmtSummary(summarize(c.base.map((s) => s.scroll!.longestFrame))),
        ];
      }),
    });
  }
  return out;
}

function throttledTables(r: Results): Table[] {
  const t = r.throttled;
  if (!t) return [];
  const table = referenceTable(
    `Under ${t.cpuRate}x CPU throttling (CDP Emulation.setCPUThrottlingRate): navigation to chart painted, ms, median (min–max) of ${t.cases[0]?.ours.length ?? 0} runs`,
    t.cases,
  );
  if (!table) return [];
  table.note = `Calibration (a fixed script loop in a page): ${t.calibration.plain.toFixed(0)} ms unthrottled, ${t.calibration.throttled.toFixed(0)} ms throttled (${(t.calibration.throttled / t.calibration.plain).toFixed(1)}x). Network not throttled (localhost).`;
  return [table];
}

function networkTables(r: Results): Table[] {
  const n = r.network;
  if (!n) return [];
  const out: Table[] = [
    {
      title: `Network: ${n.widgets} widgets over 5 indicators, requests per URL (${n.total} requests)`,
      header: ['url', 'requests'],
      rows: n.requests.map((q) => [q.url, String(q.count) + (q.count > 1 ? '  DUPLICATE' : '')]),
    },
  ];
  if (n.pages?.length)
    out.push({
      title: 'Data each demo page downloads from /data/ (gzip -9 of the response bodies, KiB)',
      header: ['page', 'requests', 'catalog', 'geometry', 'indicator data', 'indicators', 'per indicator (largest)'],
      rows: n.pages.map((p) => {
        const per = Object.values(p.perIndicator);
        return [
          p.page,
          String(p.requests),
          kib(p.catalog),
          kib(p.geometry),
          kib(p.data),
          String(per.length),
          per.length ? kib(Math.max(...per)) : '–',
        ];
      }),
    });
  return out;
}

function lifecycleTables(r: Results): Table[] {
  if (!r.lifecycle) return [];
  return [
    {
      title: `Lifecycle: JS heap after GC, after the first and after ${r.options.cycles} mount/unmount cycles`,
      header: [
        'element',
        `heap MiB after ${Object.keys(r.lifecycle[0]?.heapAt ?? {}).join(' / ')} cycles`,
        'growth KiB/cycle (1st to last)',
        'growth KiB/cycle (10th to last)',
        'nodes 1st',
        'nodes last',
        'listeners 1st',
        'listeners last',
        'seconds',
      ],
      rows: r.lifecycle.map((l) => [
        l.tag,
        Object.values(l.heapAt)
          .map((h) => h.toFixed(2))
          .join(' / '),
        l.perCycleKiB.toFixed(1),
        growthFrom10th(l)?.toFixed(1) ?? '–',
        String(l.first.nodes),
        String(l.last.nodes),
        String(l.first.listeners),
        String(l.last.listeners),
        l.seconds.toFixed(1),
      ]),
      note: compositionNote(r.lifecycle),
    },
  ];
}

function lighthouseTables(r: Results): Table[] {
  const lh = r.lighthouse;
  if (!lh) return [];
  return [
    {
      title: `Lighthouse ${lh.version}, ${lh.config}: every demo page (median of ${r.options.lighthouseRuns ?? 1} run(s))`,
      header: ['page', 'performance', 'a11y', 'FCP s', 'LCP s', 'TBT ms', 'CLS', 'Speed Index s', 'scores of the runs'],
      rows: lh.pages.map((p) => [
        p.page,
        Number.isFinite(p.median.score) ? String(p.median.score) : `failed: ${p.error ?? '?'}`,
        Number.isFinite(p.median.a11y) ? String(p.median.a11y) : '–',
        sec(p.median.fcp),
        sec(p.median.lcp),
        Number.isFinite(p.median.tbt) ? p.median.tbt.toFixed(0) : '–',
        Number.isFinite(p.median.cls) ? p.median.cls.toFixed(3) : '–',
        sec(p.median.si),
        p.runs.map((x) => x.score).join(', '),
      ]),
      note: 'Served from localhost by the project server (gzip/brotli, no CSP header), the dist/ snapshot and the demo endpoint; Lighthouse simulates the slow network and CPU from the trace (its default "simulate" throttling), so the machine\'s load still shows in the figures.',
    },
  ];
}

function tables(r: Results): Table[] {
  const out = [
    ...bytesTables(r),
    ...timingTables(r),
    ...throttledTables(r),
    ...networkTables(r),
    ...lifecycleTables(r),
    ...lighthouseTables(r),
  ];
  if (r.goals.length)
    out.push({
      title: 'Goals (issue 16; reported, not tuned for)',
      header: ['goal', 'measured', ''],
      rows: r.goals.map((g) => [g.goal, g.value, g.met === null ? '?' : g.met ? 'met' : 'MISSED']),
    });
  return out;
}

function machineLines(m: Machine): string[] {
  const lines = [
    `CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memoryGiB} GiB; ${m.os}`,
    `Chromium ${m.chromium} (headless, playwright-core ${m.playwright}); Node ${m.node}`,
    `Date: ${m.date}; load average (1/5/15 min) before ${m.loadBefore.join(' / ')}, after ${m.loadAfter?.join(' / ') ?? '?'}` +
      (m.runLoads?.length ? `; after each timing run ${m.runLoads.join(', ')}` : ''),
  ];
  const worst = Math.max(m.loadBefore[0]!, m.loadAfter?.[0] ?? 0, ...(m.runLoads ?? []));
  if (worst > m.cores)
    lines.push(
      `NOTE: the machine was busy (1-minute load up to ${worst.toFixed(1)} on ${m.cores} cores, other processes): absolute times and long tasks are inflated and noisy; ours and the baseline ran alternately under the same conditions, so the ratios are the more robust figures.`,
    );
  return lines;
}

/** Notes and failed loads of each case, of the timing and the throttled part. */
function caseNotes(r: Results): { id: string; notes: string[] }[] {
  const of = (list: CaseResult[] | undefined, suffix: string) =>
    (list ?? [])
      .map((c) => ({
        id: `${c.id}${suffix}`,
        notes: [...(suffix ? [] : c.notes), ...(c.failures ?? []).map((f) => `FAILED ${f}`)],
      }))
      .filter((c) => c.notes.length);
  return [...of(r.timing, ''), ...of(r.throttled?.cases, ` (${r.throttled?.cpuRate}x CPU)`)];
}

export function printText(r: Results): string {
  const parts = [`fokus-widgets benchmark\n${machineLines(r.machine).join('\n')}`];
  for (const t of tables(r)) parts.push(`${t.title}\n${textTable(t.header, t.rows)}${t.note ? `\n${t.note}` : ''}`);
  for (const c of caseNotes(r)) parts.push(`${c.id}: ${c.notes.join('; ')}`);
  if (r.problems.length) parts.push(`Problems seen in pages:\n${r.problems.map((p) => `  ${p}`).join('\n')}`);
  parts.push(`Done in ${r.seconds.toFixed(0)} s.`);
  return parts.join('\n\n');
}

export function markdown(r: Results): string {
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (scripts/bench/); do not edit by hand. Synthetic data: the demo',
    'endpoint (Schleswig-Holstein) and an endpoint of all Gemeinden of Germany generated on the fly',
    `(${r.endpoints.de.gemeinden} Gemeinden, ${(r.endpoints.de.geometryBytes / MiB).toFixed(1)} MiB TopoJSON; not committed).`,
    '',
    '## Machine',
    '',
    ...machineLines(r.machine).map((l) => `- ${l}`),
    `- Runs per timing: ${r.options.runs}; lifecycle cycles: ${r.options.cycles}; total ${r.seconds.toFixed(0)} s`,
    '',
  ];
  for (const t of tables(r)) {
    lines.push(`## ${t.title}`, '', mdTable(t.header, t.rows), '');
    if (t.note) lines.push(t.note, '');
  }
  const notes = caseNotes(r);
  if (notes.length) lines.push('## Notes', '', ...notes.map((c) => `- ${c.id}: ${c.notes.join('; ')}`), '');
  if (r.problems.length) lines.push('## Problems seen in pages', '', ...r.problems.map((p) => `- ${p}`), '');
  return lines.join('\n');
}
