/**
 * `npm run demo:data [-- --quiet] [--out <dir>]`: builds the built-in demo endpoint
 * from demo/source/ (regions, geometry, catalog.yaml, indicators.yaml) and the
 * synthetic counts of src/tools/demo-generator.ts into demo-dist/data/ (gitignored),
 * and the official endpoint from the committed Regionalstatistik tables
 * (demo/source/official/) with `fokus-data build` into demo-dist/official/.
 * Runs at the start of `npm test` and `npm start`, so it must stay fast.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as v from 'valibot';
import { Region } from '../src/data/schema.js';
import { buildEndpoint, parseDefinitions, parseMeta, type BuildResult } from '../src/tools/build.js';
import { generateDemoCounts } from '../src/tools/demo-generator.js';
import { prepareGeometry } from '../src/tools/geometry.js';
import { main as fokusData } from '../src/tools/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_SOURCE = path.join(ROOT, 'demo/source');
export const DEMO_OUT = path.join(ROOT, 'demo-dist/data');
export const OFFICIAL_SOURCE = path.join(ROOT, 'demo/source/official');
export const OFFICIAL_OUT = path.join(ROOT, 'demo-dist/official');

/**
 * Builds the official endpoint with the fokus-data pipeline itself (`fokus-data build`
 * with the committed mapping); resolves with the CLI's lines, rejects when it fails.
 */
export async function buildOfficialEndpoint(outDir = OFFICIAL_OUT): Promise<string[]> {
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  const code = await fokusData(
    [
      'build',
      OFFICIAL_SOURCE,
      '--regions',
      path.join(DEMO_SOURCE, 'regions.json'),
      '--mapping',
      path.join(OFFICIAL_SOURCE, 'mapping.yaml'),
      '--out',
      outDir,
      '--quiet',
    ],
    io,
  );
  if (code !== 0) throw new Error(`official endpoint: fokus-data build failed\n${lines.join('\n')}`);
  return lines;
}

/** Builds the demo endpoint into `outDir`. */
export function buildDemoEndpoint(outDir = DEMO_OUT, sourceDir = DEMO_SOURCE): BuildResult {
  const read = (f: string) => readFileSync(path.join(sourceDir, f), 'utf8');
  const meta = parseMeta(read('catalog.yaml'));
  const definitions = parseDefinitions(read('indicators.yaml'));
  const regions = [read('regions.json'), ...(meta.regionFiles ?? []).map(read)].flatMap((text) =>
    v.parse(v.array(Region), JSON.parse(text)),
  );
  const years = definitions.indicators.flatMap((i) => i.years);
  const counts = generateDemoCounts(regions, { firstYear: Math.min(...years), lastYear: Math.max(...years) });
  return buildEndpoint({
    meta,
    definitions,
    regions,
    counts,
    // As `fokus-data build` does: GeoJSON (or other TopoJSON) is converted, the endpoint's form copied.
    geometry: meta.geometry.map((entry) => {
      const source = path.join(sourceDir, entry.source ?? entry.file);
      const options = { idProperty: entry.idProperty, object: entry.object, where: entry.where };
      const prepared = prepareGeometry(JSON.parse(readFileSync(source, 'utf8')), entry, regions, {
        ...options,
        quantization: entry.quantization,
      });
      return prepared.unchanged ? { entry, source } : { entry, source, text: prepared.text };
    }),
    outDir,
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const outIndex = args.indexOf('--out');
  const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]!) : DEMO_OUT;
  const t0 = Date.now();
  const { catalog, files } = buildDemoEndpoint(outDir);
  if (outIndex < 0) {
    const lines = await buildOfficialEndpoint();
    console.log(lines.at(-1)?.replace(/^endpoint/, 'official endpoint'));
  }
  const total = Object.values(files).reduce((a, b) => a + b, 0);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  if (quiet) {
    console.log(
      `demo endpoint ${catalog.version}: ${Object.keys(files).length} files, ${kb(total)} -> ${path.relative(process.cwd(), outDir) || '.'}`,
    );
    return;
  }
  // Partition files (indicators/<parent>/<id>.json) only for the first parent, as a sample.
  const sample = catalog.partitions?.parents[0];
  const isPart = (rel: string) => /^indicators\/[^/]+\//.test(rel) && !rel.startsWith(`indicators/${sample}/`);
  for (const [rel, size] of Object.entries(files).sort()) {
    if (isPart(rel)) continue;
    const gz = gzipSync(readFileSync(path.join(outDir, rel))).length;
    console.log(`${rel.padEnd(36)} ${kb(size).padStart(10)}  gzip ${kb(gz).padStart(9)}`);
  }
  const parts = Object.keys(files).filter(isPart).length;
  if (parts)
    console.log(`(and ${parts} partition files of the other ${catalog.partitions!.parents.length - 1} parents)`);
  console.log(
    `demo endpoint ${catalog.version} (${catalog.regions.length} regions, ${catalog.indicators.length} indicators): ` +
      `${kb(total)} in ${outDir}, ${Date.now() - t0} ms`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
