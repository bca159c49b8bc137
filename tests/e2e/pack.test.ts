// `npm pack` yields a package that installs and works in a fresh project: the tarball's
// file list, an install from the tarball (offline, from the npm cache), the data layer
// in Node against a real endpoint, the CLI, the exports map, TypeScript types
// (HTMLElementTagNameMap) and a bundler resolving the elements.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '../../src/tools/serve.js';

const root = resolve('.');
/** Runs a command; on failure the error says the command and the end of its stderr (not a minified bundle). */
function run(cmd: string, args: string[], cwd = root): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (e) {
    const err = e as { stderr?: string; status?: number };
    throw new Error(`${cmd} ${args.join(' ')} exited ${err.status}: ${String(err.stderr ?? '').slice(-800)}`);
  }
}
/** Like run(), but lets this process answer requests meanwhile (the test endpoint runs here). */
async function runAsync(cmd: string, args: string[], cwd: string): Promise<string> {
  try {
    return (await promisify(execFile)(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 })).stdout;
  } catch (e) {
    const err = e as { stderr?: string; code?: number };
    throw new Error(`${cmd} ${args.join(' ')} exited ${err.code}: ${String(err.stderr ?? '').slice(-800)}`);
  }
}

let work: string;
let project: string;
let tarball: string;
let files: string[];
let endpoint: Server;
let endpointUrl: string;

before(async () => {
  // What `npm run build` (prepack) makes, without rebuilding the bundles other tests read:
  // the bundles come from `npm test`'s library build, the rest is added here.
  if (!existsSync('dist/fokus-widgets.js')) run('npx', ['rollup', '-c', '--silent']);
  if (!existsSync('custom-elements.json'))
    run('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs']);
  run('npx', ['tsc', '-p', 'tsconfig.build.json']);
  if (!existsSync('dist/tools/cli.js')) run('node', ['scripts/build-tools.js']);
  run('node', ['scripts/ide-data.js']);
  run('node', ['scripts/sri.js']);

  work = mkdtempSync(join(tmpdir(), 'fokus-pack-'));
  const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work]));
  tarball = join(work, packed[0].filename);
  files = packed[0].files.map((f: { path: string }) => f.path);

  project = join(work, 'app');
  run('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  const install = (mode: string) =>
    spawnSync('npm', ['install', mode, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', tarball], {
      cwd: project,
      encoding: 'utf8',
    });
  let r = install('--offline'); // dependencies from the npm cache that `npm install` filled
  if (r.status !== 0) {
    console.log(`# npm install --offline failed, trying --prefer-offline:\n${r.stderr.slice(-400)}`);
    r = install('--prefer-offline');
  }
  assert.equal(r.status, 0, r.stderr);

  endpoint = await serve({ port: 0, mounts: [{ prefix: '/data/', dir: 'demo-dist/data' }] });
  endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/data/`;
});

after(async () => {
  await new Promise<void>((done) => (endpoint ? endpoint.close(() => done()) : done()));
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the tarball holds dist/, the manifest, IDE data, themes, types and the licence files, and no sources or tests', () => {
  for (const f of [
    'package.json',
    'LICENSE',
    'NOTICE',
    'CHANGELOG.md',
    'README.md',
    'custom-elements.json',
    'dist/fokus-widgets.js',
    'dist/data.js',
    'dist/elements/indicator-chart.js',
    'dist/elements/municipality-map.js',
    'dist/elements/comparison-table.js',
    'dist/tools/cli.js',
    'dist/vscode.html-custom-data.json',
    'dist/web-types.json',
    'dist/integrity.json',
    'dist/types/fokus-widgets.d.ts',
    'dist/types/data/index.d.ts',
    'dist/types/elements/indicator-chart/define.d.ts',
    'themes/kreis.css',
    'themes/neutral.css',
    'docs/data-format.md',
    'bin/fokus-data.js',
  ]) {
    assert.ok(files.includes(f), `${f} is in the package`);
  }
  assert.ok(
    files.some((f) => /^dist\/chunks\/lit-[\w-]{8,}\.js$/.test(f)),
    'content-hashed chunks',
  );
  const stray = files.filter((f) => /^(src|tests|stories|examples|demo|scripts|node_modules|\.storybook)\//.test(f));
  assert.deepEqual(stray, []);
});

test('installed from the tarball: fokus-widgets/data works in Node against an endpoint', async () => {
  const script = `
    import { FokusClient, formatValue, parseRegionList, childrenOf } from 'fokus-widgets/data';
    const client = new FokusClient();
    const catalog = await client.getCatalog(${JSON.stringify(endpointUrl)});
    const gemeinden = childrenOf(catalog, '01056', 'gemeinde');
    const data = await client.getIndicator(${JSON.stringify(endpointUrl)}, 'geburtenrate');
    console.log(JSON.stringify({
      gemeinden: gemeinden.length,
      regions: parseRegionList(catalog, '01056015, 01'),
      formatted: formatValue(1234.5, '', 1, 'de-DE'),
      indicator: typeof data === 'object' && data !== null,
    }));
  `;
  writeFileSync(join(project, 'check.mjs'), script);
  const out = JSON.parse(await runAsync('node', ['check.mjs'], project));
  assert.equal(out.gemeinden, 49);
  assert.deepEqual(out.regions, ['01056015', '01']);
  assert.match(out.formatted, /^1\.234,5/);
  assert.equal(out.indicator, true);
});

test('installed: exports map, manifest, IDE data and the fokus-data CLI', () => {
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(import.meta.url);
    const manifest = require('fokus-widgets/custom-elements.json');
    const webTypes = require('fokus-widgets/web-types.json');
    const vscode = require('fokus-widgets/vscode.html-custom-data.json');
    const pkg = require('fokus-widgets/package.json');
    const tags = (m) => m.modules.flatMap((x) => x.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName).sort();
    console.log(JSON.stringify({
      tags: tags(manifest),
      webTypes: webTypes.contributions.html.elements.map((e) => e.name).sort(),
      vscode: vscode.tags.map((t) => t.name).sort(),
      webTypesField: pkg['web-types'],
      theme: require.resolve('fokus-widgets/themes/kreis.css').endsWith('themes/kreis.css'),
    }));
  `;
  writeFileSync(join(project, 'exports.mjs'), script);
  const out = JSON.parse(run('node', ['exports.mjs'], project));
  for (const tag of ['comparison-table', 'indicator-chart', 'municipality-map']) assert.ok(out.tags.includes(tag), tag);
  assert.deepEqual(out.webTypes, out.tags, 'web-types lists every element of the manifest');
  assert.deepEqual(out.vscode, out.tags, 'VS Code data lists every element of the manifest');
  assert.equal(out.webTypesField, './dist/web-types.json');
  assert.equal(out.theme, true);
  const help = spawnSync(join(project, 'node_modules/.bin/fokus-data'), ['--help'], { cwd: project, encoding: 'utf8' });
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout + help.stderr, /fokus-data/);
});

test('installed: TypeScript knows the elements through HTMLElementTagNameMap', () => {
  writeFileSync(
    join(project, 'app.ts'),
    `import 'fokus-widgets';
import type { FokusSelectEvent } from 'fokus-widgets';
const chart = document.createElement('indicator-chart');
chart.indicator = 'geburtenrate';
chart.region = '01056015';
const table: HTMLElementTagNameMap['comparison-table'] = document.createElement('comparison-table');
table.year = 2024;
chart.addEventListener('fokus-select', (e: FokusSelectEvent) => console.log(e.detail.region));
// @ts-expect-error year is a number
table.year = '2024';
// @ts-expect-error no such property
chart.indicatorr = 'x';
export {};
`,
  );
  const tsc = spawnSync(
    'node',
    [
      join(root, 'node_modules/typescript/bin/tsc'),
      '--noEmit',
      '--strict',
      '--target',
      'es2022',
      '--module',
      'es2022',
      '--moduleResolution',
      'bundler',
      '--lib',
      'es2022,dom,dom.iterable',
      '--skipLibCheck',
      'app.ts',
    ],
    { cwd: project, encoding: 'utf8' },
  );
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});

test('installed: a bundler resolves the loader and a single element', () => {
  writeFileSync(
    join(project, 'entry.js'),
    `import { configure } from 'fokus-widgets';\nimport 'fokus-widgets/elements/comparison-table';\nconfigure({ endpoint: '/data/' });\n`,
  );
  const esbuild = join(root, 'node_modules/.bin/esbuild');
  run(esbuild, ['entry.js', '--bundle', '--format=esm', '--splitting', '--outdir=out', '--log-level=error'], project);
  const out = readFileSync(join(project, 'out/entry.js'), 'utf8');
  assert.match(out, /comparison-table/);
});
