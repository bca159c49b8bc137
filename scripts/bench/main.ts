/**
 * `npm run bench`: size, speed and scale of the elements, side by side with baselines and
 * reference libraries measured in the same run, in headless Chromium (playwright-core, the
 * system Chromium) against endpoints served on localhost. Prints one report and writes
 * bench/results.json and bench/RESULTS.md (with the machine and load the numbers came from).
 *
 * Parts (one module each):
 * - bytes (bytes.ts): scripts/size.js plus what Chromium actually loaded per page.
 * - timing (timing.ts): navigation to the first complete render painted, element vs plain
 *   library (vega-embed, Leaflet canvas, DOM table) and, for charts, Observable Plot and
 *   Chart.js with the same data; scale up to ~11,300 polygons / rows (cases.ts); heap.
 * - throttled (timing.ts): the chart cases under 4x CPU throttling.
 * - network (network.ts): requests per URL of a 20-widget page; data per demo page.
 * - lifecycle (lifecycle.ts): heap over mount/unmount cycles.
 * - lighthouse (lighthouse.ts): a Lighthouse mobile run of every demo page.
 * Report and goals: report.ts, goals.ts. Fetches the German boundaries on first use
 * (geo-package.ts), builds dist/ and the demo endpoint when missing.
 *
 * Options: --only <parts and/or case ids> (e.g. `-- --only lighthouse`, `-- --only timing,chart`),
 * --skip <parts>, --runs N (5), --cycles N (50), --cpu-rate N (4), --throttled-runs N (--runs),
 * --lighthouse-runs N (1), --pages kreis,land (Lighthouse pages), --build, --no-write.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { launch } from '../../tests/e2e/harness.js';
import { bytes } from './bytes.js';
import { cases } from './cases.js';
import { ensureGeoPackage } from './geo-package.js';
import { germanyEndpoint } from './germany.js';
import { goals } from './goals.js';
import { Bench } from './harness.js';
import { lifecycle } from './lifecycle.js';
import { lighthouse } from './lighthouse.js';
import { describeMachine } from './machine.js';
import { demoPages, network } from './network.js';
import {
  BUILD,
  CPU_RATE,
  CYCLES,
  LIGHTHOUSE_PAGES,
  LIGHTHOUSE_RUNS,
  log,
  runs,
  RUNS,
  THROTTLED_RUNS,
  WRITE,
} from './options.js';
import { markdown, printText } from './report.js';
import type { Results } from './results.js';
import { buildBaselines, distSnapshot, ensureDemoEndpoint, startServer } from './setup.js';
import { MiB } from './stats.js';
import { probe, RUN_LOADS, throttled, timing, type Probes } from './timing.js';

async function main(): Promise<void> {
  const t0 = Date.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fokus-bench-'));
  const distDir = distSnapshot(tmp, BUILD);
  await ensureDemoEndpoint();
  log('building baseline and reference bundles (esbuild) ...');
  await buildBaselines();
  const deDir = path.join(tmp, 'endpoint-de');
  let de = { gemeinden: 0, geometryBytes: 0, seconds: 0 };
  if ((runs('timing') || runs('throttled')) && cases().some((c) => c.baseline.includes('/de/'))) {
    await ensureGeoPackage();
    log('generating the German endpoint ...');
    de = germanyEndpoint(deDir);
    log(`  ${de.gemeinden} Gemeinden, geometry ${(de.geometryBytes / MiB).toFixed(1)} MiB, ${de.seconds.toFixed(1)} s`);
  }

  const server = await startServer(distDir, deDir);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launch();
  const bench = new Bench(browser, tmp);
  bench.base = base;
  const results: Results = {
    machine: describeMachine(browser.version()),
    options: { runs: RUNS, cycles: CYCLES, cpuRate: CPU_RATE, lighthouseRuns: LIGHTHOUSE_RUNS },
    endpoints: { de: { gemeinden: de.gemeinden, geometryBytes: de.geometryBytes, seconds: de.seconds } },
    goals: [],
    problems: bench.problems,
    seconds: 0,
  };
  let browserOpen = true;
  try {
    if (runs('bytes')) {
      log('bytes ...');
      results.bytes = await bytes(bench);
    }
    let probes: Probes | undefined;
    if (runs('timing')) {
      log('probes ...');
      probes = await probe(bench);
      log(`timing (${RUNS} runs) ...`);
      results.timing = await timing(bench, probes, RUNS);
    }
    if (runs('throttled') && cases().some((c) => c.kind === 'chart')) {
      probes ??= await probe(
        bench,
        cases().filter((c) => c.kind === 'chart'),
      );
      log(`throttled (${CPU_RATE}x CPU, ${THROTTLED_RUNS} runs) ...`);
      results.throttled = await throttled(bench, probes, { runs: THROTTLED_RUNS, cpuRate: CPU_RATE });
    }
    if (runs('network')) {
      log('network ...');
      const catalog = JSON.parse(readFileSync('demo-dist/data/catalog.json', 'utf8')) as {
        indicators: { id: string }[];
      };
      results.network = await network(
        bench,
        catalog.indicators.map((i) => i.id),
      );
    }
    if (runs('lifecycle')) {
      log(`lifecycle (${CYCLES} cycles) ...`);
      results.lifecycle = await lifecycle(bench, CYCLES);
    }
    await browser.close();
    browserOpen = false;
    if (runs('lighthouse')) {
      const pages = LIGHTHOUSE_PAGES
        ? LIGHTHOUSE_PAGES.map((p) => (p.endsWith('.html') ? p : `${p}.html`))
        : demoPages();
      log(`lighthouse (${pages.length} demo pages, ${LIGHTHOUSE_RUNS} run(s) each) ...`);
      results.lighthouse = await lighthouse(base, pages, LIGHTHOUSE_RUNS);
    }
  } finally {
    if (browserOpen) await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(tmp, { recursive: true, force: true });
  }
  results.machine.loadAfter = os.loadavg().map((l) => Math.round(l * 100) / 100);
  results.machine.runLoads = RUN_LOADS;
  results.goals = goals(results);
  results.seconds = (Date.now() - t0) / 1000;
  console.log(printText(results));
  if (WRITE) {
    writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
    writeFileSync('bench/RESULTS.md', markdown(results));
    log('wrote bench/results.json and bench/RESULTS.md');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
