/** The goals of issue 16 (and the still-open ones of issue 8), measured against one run: reported, never tuned for. */
import { caseById } from './cases.js';
import { growthFrom10th } from './lifecycle.js';
import type { Goal, Results } from './results.js';
import { fmtRatio, KiB } from './stats.js';

const kib = (n: number) => (n / KiB).toFixed(1);

export function goals(r: Results): Goal[] {
  const g: Goal[] = [];
  const size = r.bytes?.sizeJs;
  if (size?.chart)
    g.push({
      goal: 'script, chart page (gzip) <= 130 KiB',
      value: `${kib(size.chart.gzip)} KiB`,
      met: size.chart.gzip <= 130 * KiB,
    });
  if (size?.table)
    g.push({
      goal: 'script, table page (gzip) <= 20 KiB',
      value: `${kib(size.table.gzip)} KiB`,
      met: size.table.gzip <= 20 * KiB,
    });
  for (const c of r.timing ?? []) {
    const def = caseById(c.id);
    if (!def?.ratioGoal) continue;
    const what =
      def.kind === 'chart'
        ? 'plain vega-embed, same spec'
        : def.kind === 'map'
          ? 'plain Leaflet canvas'
          : 'a plain DOM table';
    let value = fmtRatio(c.summary.ratio);
    let met = c.summary.ratio <= def.ratioGoal;
    let goal = `${c.label}: painted <= ${def.ratioGoal}x ${what}`;
    if (!c.ours.length) {
      g.push({ goal, value: `no successful load (${c.failures?.length ?? 0} failed, see notes)`, met: false });
      continue;
    }
    if (c.id === 'map-de') {
      const longest = Math.max(...c.ours.map((s) => s.longestTask));
      goal += ', no task > 200 ms';
      value += `, longest task ${longest.toFixed(0)} ms`;
      met = met && longest <= 200;
    }
    g.push({ goal, value, met });
  }
  const kreis = r.network?.pages?.find((p) => p.page === 'kreis.html');
  if (kreis) {
    const per = Object.values(kreis.perIndicator);
    const worst = Math.max(0, ...per);
    g.push({
      goal: 'indicator data for one Kreis page (kreis.html), gzip per indicator <= 10 KiB',
      value: `${kib(worst)} KiB (largest of ${per.length} indicators)`,
      met: per.length > 0 && worst <= 10 * KiB,
    });
  }
  if (r.lighthouse?.pages.length) {
    const pages = r.lighthouse.pages;
    const scores = pages.map((p) => p.median.score);
    const cls = pages.map((p) => p.median.cls);
    const minScore = Math.min(...scores);
    const maxCls = Math.max(...cls);
    g.push({
      goal: `Lighthouse mobile performance >= 90, CLS <= 0.02, every demo page (${pages.length})`,
      value: `score ${minScore}–${Math.max(...scores)}, CLS up to ${maxCls.toFixed(3)}`,
      met: Number.isFinite(minScore) && minScore >= 90 && maxCls <= 0.02,
    });
  }
  if (r.lifecycle?.length) {
    const per = r.lifecycle.map((l) => ({ tag: l.tag, kib: growthFrom10th(l) }));
    const known = per.filter((p) => p.kib !== undefined) as { tag: string; kib: number }[];
    if (known.length) {
      const worst = known.reduce((a, b) => (b.kib > a.kib ? b : a));
      g.push({
        goal: 'heap growth per mount/unmount cycle, from the 10th, <= 5 KiB',
        value: `${worst.kib.toFixed(1)} KiB (${worst.tag}, the largest)`,
        met: known.every((p) => p.kib <= 5),
      });
    }
  }
  const chart = r.throttled?.cases.find((c) => c.id === 'chart');
  if (chart)
    g.push({
      goal: `chart painted under ${r.throttled!.cpuRate}x CPU throttling <= 1.5 s`,
      value: `${(chart.summary.ours.median / 1000).toFixed(2)} s`,
      met: chart.summary.ours.median <= 1500,
    });
  const de = r.timing?.find((c) => c.id === 'table-de');
  if (de) {
    const worst = Math.max(...de.ours.map((s) => s.scroll?.longestTask ?? 0));
    const n = de.ours.reduce((a, s) => a + (s.scroll?.longTasks ?? 0), 0);
    g.push({
      goal: `${de.count ?? '~11,300'}-row table scrolls with no task over 50 ms (issue 8)`,
      value: n ? `${n} long tasks in ${de.ours.length} runs, longest ${worst.toFixed(0)} ms` : 'no task over 50 ms',
      met: n === 0,
    });
  }
  if (r.network)
    g.push({
      goal: `network page (${r.network.widgets} widgets): one request per URL (issue 8)`,
      value: `${r.network.duplicates} URLs requested more than once`,
      met: r.network.duplicates === 0,
    });
  return g;
}
