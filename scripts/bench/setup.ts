/**
 * What a run needs before measuring: dist/ (built when missing or with --build) copied to a
 * snapshot, the demo endpoint, the baseline and reference bundles (esbuild), the German
 * endpoint, and one localhost server for all of it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { serve } from '../../src/tools/serve.js';
import { buildDemoEndpoint, buildOfficialEndpoint, OFFICIAL_OUT } from '../build-demo-data.js';
import { BASELINES, log } from './options.js';

/** Baseline (plain library, same spec/data) and reference (other library, same data) pages. */
export const BASELINE_BUNDLES: Record<string, string> = {
  vega: 'scripts/bench/baselines/vega.ts',
  leaflet: 'scripts/bench/baselines/leaflet.ts',
  table: 'scripts/bench/baselines/table.ts',
  plot: 'scripts/bench/baselines/plot.ts',
  chartjs: 'scripts/bench/baselines/chartjs.ts',
};

/** Builds dist/ when asked or missing, and copies it (without maps) to `<tmp>/dist`: other builds may rewrite dist/ meanwhile. */
export function distSnapshot(tmp: string, build: boolean): string {
  if (build || !existsSync('dist/bundle-graph.json')) {
    log('building dist/ (npx rollup -c) ...');
    const b = spawnSync('npx', ['rollup', '-c', '--silent'], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('rollup build failed');
  }
  const distDir = path.join(tmp, 'dist');
  cpSync('dist', distDir, { recursive: true, filter: (src) => !src.endsWith('.map') });
  log(`dist/ built ${new Date(statSync('dist/bundle-graph.json').mtimeMs).toISOString()}, snapshot in ${distDir}`);
  return distDir;
}

export async function ensureDemoEndpoint(): Promise<void> {
  if (!existsSync('demo-dist/data/catalog.json')) {
    log('building the demo endpoint ...');
    buildDemoEndpoint();
  }
  // the official endpoint, which the host pages (kreis, elmshorn, land) read at /official/
  if (!existsSync(path.join(OFFICIAL_OUT, 'catalog.json'))) {
    log('building the official endpoint ...');
    await buildOfficialEndpoint();
  }
}

export async function buildBaselines(): Promise<void> {
  mkdirSync(BASELINES, { recursive: true });
  await esbuild.build({
    entryPoints: BASELINE_BUNDLES,
    outdir: BASELINES,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    conditions: ['browser', 'production'],
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
  });
  copyFileSync('node_modules/leaflet/dist/leaflet.css', path.join(BASELINES, 'leaflet.css'));
}

/** The bench pages at /bench/, the demo pages at / (for Lighthouse and the data per page). */
export function startServer(distDir: string, deDir: string): Promise<Server> {
  return serve({
    port: 0,
    mounts: [
      { prefix: '/data/', dir: 'demo-dist/data' },
      { prefix: '/official/', dir: OFFICIAL_OUT },
      { prefix: '/de/', dir: deDir },
      { prefix: '/dist/', dir: distDir },
      { prefix: '/baseline/', dir: BASELINES },
      { prefix: '/bench/', dir: 'bench' },
      { prefix: '/', dir: 'demo', cacheControl: 'no-cache' },
    ],
  });
}
