/**
 * Bytes: scripts/size.js (module graph of dist/) plus the script files Chromium actually
 * loaded per page, and the sizes of the baseline and reference bundles.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Bench } from './harness.js';
import { BASELINE_BUNDLES } from './setup.js';
import { BASELINES } from './options.js';

export interface SizeRow {
  files: number;
  min: number;
  gzip: number;
  br: number;
}

export interface BytesResult {
  sizeJs: Record<string, SizeRow>;
  sizeExit: number;
  sizeOutput: string;
  browser: Record<string, { files: number; decoded: number; transferred: number; scripts: string[] }>;
  /** gzip -9 bytes of every file of dist/ a page loaded. */
  files: Record<string, number>;
  baselines: Record<string, { min: number; gzip: number }>;
}

const PAGES: Record<string, [string, number]> = {
  loader: ['loader.html', 0],
  table: ['table.html', 1],
  chart: ['chart.html', 1],
  map: ['map-49.html', 1],
  all: ['all.html', 3],
};

export async function bytes(bench: Bench): Promise<BytesResult> {
  // scripts/size.js reads dist/ below its working directory: run it on the snapshot.
  const r = spawnSync(process.execPath, [path.resolve('scripts/size.js'), '--json'], {
    encoding: 'utf8',
    cwd: bench.root,
  });
  const lines = r.stdout.trim().split('\n');
  const json = lines.find((l) => l.startsWith('{'));
  if (!json) throw new Error(`scripts/size.js printed no JSON:\n${r.stdout}\n${r.stderr}`);
  const browser: BytesResult['browser'] = {};
  for (const [name, [file, widgets]] of Object.entries(PAGES)) {
    browser[name] = await bench.withPage(async (page) => {
      if (widgets) await bench.loadWidgets(page, `${bench.base}/bench/${file}`);
      else {
        await page.goto(`${bench.base}/bench/${file}`);
        await page.waitForTimeout(500);
      }
      return page.evaluate(() => {
        const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
          (e) => new URL(e.name).pathname.startsWith('/dist/') && e.name.endsWith('.js'),
        );
        return {
          files: scripts.length,
          decoded: scripts.reduce((a, e) => a + e.decodedBodySize, 0),
          transferred: scripts.reduce((a, e) => a + e.encodedBodySize, 0),
          scripts: scripts.map((e) => new URL(e.name).pathname),
        };
      });
    });
  }
  const files: Record<string, number> = {};
  for (const l of Object.values(browser))
    for (const p of l.scripts)
      files[p.slice('/dist/'.length)] ??= gzipSync(readFileSync(path.join(bench.root, p)), { level: 9 }).length;
  const baselines: BytesResult['baselines'] = {};
  for (const name of Object.keys(BASELINE_BUNDLES)) {
    const code = readFileSync(path.join(BASELINES, `${name}.js`));
    baselines[name] = { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
  }
  return {
    sizeJs: JSON.parse(json) as Record<string, SizeRow>,
    sizeExit: r.status ?? 1,
    sizeOutput: lines.filter((l) => !l.startsWith('{')).join('\n'),
    browser,
    files,
    baselines,
  };
}
