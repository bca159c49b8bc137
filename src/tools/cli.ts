/**
 * `fokus-data`: the command-line tool for publishing an endpoint (commands and options: `USAGE`
 * below, the one place they are written; docs/data-tools.md explains them).
 *
 * `main(argv)` returns the exit code (it never calls process.exit), so tests run it in-process.
 * See docs/data-tools.md.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { AddressInfo } from 'node:net';
import * as v from 'valibot';
import { Region } from '../data/schema.js';
import {
  buildEndpoint,
  CatalogMeta,
  parseDefinitions,
  partsOf,
  publishedCounts,
  type BuildResult,
  type Definitions,
  type GeometryInput,
  type GeometrySource,
} from './build.js';
import { generateDemoCounts } from './demo-generator.js';
import { prepareGeometry, type GeometryOptions } from './geometry.js';
import { importSources } from './import.js';
import type { CountRow as AggregateRow } from '../data/aggregate.js';
import { formatCounts, parseTidy, type TidyRow } from './import-tidy.js';
import { loadMapping, parseStructured, schemaProblems } from './mapping.js';
import { serve } from './serve.js';
import { applyCityRule, convertToGebietsstand, parseTerritorialChanges } from './territory.js';
import { decodeText, InputError } from './text.js';
import { errorCount, formatReport, validateEndpoint } from './validate-endpoint.js';
import { formatDisclosureReport, parseDisclosure, type DisclosureOptions } from './disclosure.js';

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIO: CliIO = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

export const USAGE = `fokus-data: publish statistics as a fokus-widgets endpoint

Usage:
  fokus-data import <mapping.yaml> [-o counts.csv] [--quiet]
      Read GENESIS "Tabelle als CSV" exports, GENESIS ffcsv files and tidy CSV as the
      mapping says; write the counts as tidy CSV (indicator;region;year;value;status).
  fokus-data build [<source-folder>] --out <endpoint-folder> [options]
      Build the endpoint from catalog.yaml, indicators.yaml, regions.json and geometry
      (in <source-folder>, default .) and counts:
        --counts <file.csv>      tidy counts (repeatable), e.g. from "fokus-data import"
        --mapping <mapping.yaml> import and build in one step (repeatable)
        --synthetic              the generated sample counts of the demo
        --meta, --definitions, --regions <file>   other files than the folder's
        --skip-unknown-regions   leave out rows of regions that are not in regions.json
        --disclosure-report <file.json>   where the report of disclosure control goes
                                 (on with "disclosure:" in catalog.yaml; default <out>-disclosure.json)
  fokus-data validate <endpoint-folder-or-url> [--strict] [--json]
      Check schema and consistency; exit code 1 on errors (--strict: also on warnings).
  fokus-data serve <endpoint-folder> [--port 8080] [--host 127.0.0.1] [--cors <origins>]
                   [--cache-control "public, max-age=300"] [--prefix /] [--log]
      Serve the folder: gzip/brotli, ETag/304, Cache-Control, CORS allow-list
      (comma-separated origins or *), no listings, no path traversal.

Docs: docs/data-tools.md`;

class UsageError extends Error {}

function parse<const T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true as const, strict: true as const });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Writes `text` to `file` through a temporary sibling and a rename: never half a file. */
function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

async function cmdImport(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (positionals.length !== 1) throw new UsageError('import needs one mapping file');
  const mapping = await loadMapping(positionals[0]);
  const started = Date.now();
  const result = await importSources(mapping, { onProgress: values.quiet ? undefined : io.err });
  const text = formatCounts(result.rows);
  if (values.out) {
    await mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
    writeAtomic(values.out, text);
    io.err(
      `${result.rows.length.toLocaleString('en')} values from ${result.sources.length} file(s) -> ${values.out} (${Date.now() - started} ms)`,
    );
  } else io.out(text.replace(/^\uFEFF/, '').trimEnd());
  return 0;
}

/** Reads a tidy counts CSV with file and line for errors. */
function readCounts(file: string): TidyRow[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new InputError(file, undefined, 'file not found');
  }
  return parseTidy(decodeText(bytes).text, file);
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new InputError(file, undefined, `${what} not found`);
  }
}

/** Valibot / YAML errors of a definitions or metadata file, with the file name. */
function withFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof InputError) throw error;
    const e = error as v.ValiError<v.GenericSchema> & Error;
    const reason = e.issues ? schemaProblems(e.issues).slice(0, 8).join('; ') : e.message;
    throw new InputError(file, undefined, reason);
  }
}

interface BuildOptions {
  out: string;
  counts: string[];
  mapping: string[];
  synthetic: boolean;
  skipUnknown: boolean;
  /** Progress (not with --quiet). */
  log: (line: string) => void;
  /** Warnings and what the build changed (also with --quiet). */
  warn: (line: string) => void;
}

/** The source files of a build, each parsed once. */
interface BuildSources {
  meta: CatalogMeta;
  metaFile: string;
  definitions: Definitions;
  defsFile: string;
  regions: Region[];
  regionsFile: string;
  /** Disclosure control from catalog.yaml's `disclosure:` section; off when absent. */
  disclosure?: DisclosureOptions;
}

type Row = AggregateRow & { file?: string; line?: number };

function readBuildSources(dir: string, files: { meta?: string; definitions?: string; regions?: string }): BuildSources {
  const metaFile = files.meta ?? path.join(dir, 'catalog.yaml');
  const defsFile = files.definitions ?? path.join(dir, 'indicators.yaml');
  const regionsFile = files.regions ?? path.join(dir, 'regions.json');
  const metaText = readText(metaFile, 'catalog metadata');
  const rawMeta = parseStructured(metaText, metaFile);
  const meta = withFile(metaFile, () => v.parse(CatalogMeta, rawMeta));
  const disclosure = withFile(metaFile, () =>
    parseDisclosure((rawMeta as { disclosure?: unknown } | null)?.disclosure),
  );
  const definitions = withFile(defsFile, () => parseDefinitions(readText(defsFile, 'indicator definitions')));
  const readRegions = (file: string) =>
    withFile(file, () => v.parse(v.array(Region), parseStructured(readText(file, 'regions list'), file)));
  const regions = [
    ...readRegions(regionsFile),
    ...(meta.regionFiles ?? []).flatMap((f) => readRegions(path.resolve(path.dirname(metaFile), f))),
  ];
  return { meta, metaFile, definitions, defsFile, regions, regionsFile, disclosure };
}

/** Counts: tidy CSV files, mappings (imported here) and/or the synthetic demo counts. */
async function collectCounts(options: BuildOptions, sources: BuildSources): Promise<Row[]> {
  const rows: Row[] = [];
  for (const file of options.counts) {
    const read = readCounts(file);
    options.log(`${file}: ${read.length.toLocaleString('en')} values`);
    for (const r of read) rows.push(r);
  }
  for (const file of options.mapping) {
    const result = await importSources(await loadMapping(file), { onProgress: options.log });
    for (const r of result.rows) {
      const o = result.origins.get(r);
      rows.push({ ...r, file: o?.file ?? file, ...(o ? { line: o.line } : {}) });
    }
  }
  if (options.synthetic) {
    const years = sources.definitions.indicators.flatMap((i) => i.years);
    const generated = generateDemoCounts(sources.regions, {
      firstYear: Math.min(...years),
      lastYear: Math.max(...years),
    });
    options.log(`synthetic sample counts: ${generated.length.toLocaleString('en')} values`);
    for (const r of generated) rows.push(r);
  }
  return rows;
}

const where = (r: Row) => `${r.file ?? 'counts'}${r.line ? `:${r.line}` : ''}`;

/**
 * The same count, region and year from two inputs: identical values (a Kreis row in a Kreis
 * and a Gemeinde table) are one value; different values are an error naming both places.
 */
function mergeDuplicates(rows: Row[]): Row[] {
  const first = new Map<string, Row>();
  const out: Row[] = [];
  for (const r of rows) {
    const id = `${r.count}\u0000${r.region}\u0000${r.year}`;
    const before = first.get(id);
    if (!before) {
      first.set(id, r);
      out.push(r);
    } else if (before.value !== r.value || (before.status ?? '') !== (r.status ?? '')) {
      throw new InputError(
        r.file ?? 'counts',
        r.line,
        `a second value for ${r.count}, region ${r.region}, ${r.year}: ${r.value ?? r.status} here, ` +
          `${before.value ?? before.status} in ${where(before)}`,
      );
    }
  }
  return out;
}

/** With `gebietsstand` and `territorialChanges` in catalog.yaml: rows of old keys to the current status. */
function convertTerritory(rows: Row[], options: BuildOptions, sources: BuildSources): Row[] {
  const { gebietsstand, territorialChanges } = sources.meta;
  if (!territorialChanges) return rows;
  const file = path.resolve(path.dirname(sources.metaFile), territorialChanges);
  if (!gebietsstand)
    throw new InputError(
      sources.metaFile,
      undefined,
      'territorialChanges needs gebietsstand (the ISO date of the regions)',
    );
  const changes = parseTerritorialChanges(readText(file, 'table of territorial changes'), file);
  const result = convertToGebietsstand(rows, changes, gebietsstand, publishedCounts(sources.definitions.indicators));
  options.warn(
    `Gebietsstand ${gebietsstand}: ${result.converted.toLocaleString('en')} values of former Gemeinden added to their successors, ` +
      `${result.notApplicable.toLocaleString('en')} "-" of years in which a Gemeinde did not exist left out (no value, not 0)`,
  );
  for (const d of result.dropped) options.warn(`  left out ${d.rows} values of ${d.key} (${d.name}): ${d.reason}`);
  return result.rows;
}

/** The built-in rule for kreisfreie Städte (Kreis key = Gemeinde key + 000), with a warning. */
function kreisfreieStaedte(rows: Row[], options: BuildOptions, sources: BuildSources): Row[] {
  const { rows: out, copies } = applyCityRule(rows, sources.regions);
  for (const c of copies)
    options.warn(
      `warning: ${c.kreis} and ${c.gemeinde} are one kreisfreie Stadt (${c.name}): ` +
        `values of ${c.counts.join(', ')} given for one key are used for both`,
    );
  return out;
}

/** Rows of regions that are not in the regions list: an error listing every such region, or left out. */
function dropUnknownRegions(rows: Row[], options: BuildOptions, sources: BuildSources): Row[] {
  const regionIds = new Set(sources.regions.map((r) => r.id));
  const unknown = rows.filter((r) => !regionIds.has(r.region));
  if (!unknown.length) return rows;
  const byRegion = new Map<string, Row[]>();
  for (const r of unknown) byRegion.set(r.region, [...(byRegion.get(r.region) ?? []), r]);
  const alias = (key: string) => {
    const other = key.length === 5 ? `${key}000` : key.length === 8 && key.endsWith('000') ? key.slice(0, 5) : '';
    return other && regionIds.has(other)
      ? `; looks like an alias of ${other}: add aliases: { '${key}': '${other}' }`
      : '';
  };
  const list = [...byRegion].map(
    ([region, list]) =>
      `region ${region}: ${list.length} value(s), first ${where(list[0])} (${list[0].count} ${list[0].year})${alias(region)}`,
  );
  if (!options.skipUnknown) {
    throw new InputError(
      sources.regionsFile,
      undefined,
      `${unknown.length} count value(s) of ${byRegion.size} region(s) not in this list:\n  ${list.join('\n  ')}` +
        `\n  (add the regions, record merged Gemeinden in the table of territorial changes, filter them in the mapping, or pass --skip-unknown-regions)`,
    );
  }
  options.warn(
    `warning: left out ${unknown.length.toLocaleString('en')} values of ${byRegion.size} regions that are not in ${sources.regionsFile}:\n  ${list.join('\n  ')}`,
  );
  return rows.filter((r) => regionIds.has(r.region));
}

/** A unit of a share or rate: such values must not be summed. */
const SHARE_OR_RATE = /%|prozent|percent|‰|\bje\b|\bper\b|\bpro\b|quote|anteil|rate/i;

/** Every count an indicator needs must be in the input; years without counts are a warning. */
function checkNeededCounts(rows: Row[], options: BuildOptions, sources: BuildSources): void {
  const countIds = new Set(rows.map((r) => r.count));
  for (const ind of sources.definitions.indicators) {
    const c = ind.computation;
    const needed = partsOf(c);
    for (const id of needed) {
      if (!countIds.has(id)) {
        throw new InputError(
          sources.defsFile,
          undefined,
          `indicator "${ind.id}" needs the count "${id}", which no input has (the counts are: ${[...countIds].sort().join(', ') || 'none'})`,
        );
      }
    }
    const yearsWith = new Set(rows.filter((r) => needed.includes(r.count)).map((r) => r.year));
    const empty = ind.years.filter((y) => !yearsWith.has(y));
    if (empty.length)
      options.warn(`warning: indicator "${ind.id}" has no counts for ${empty.join(', ')} (no value: "keine Angabe")`);
    // A share or rate defined as a count would be summed up the hierarchy.
    if (c.type === 'count' && !c.published && SHARE_OR_RATE.test(`${ind.unit.de} ${ind.unit.en ?? ''}`)) {
      const given = new Set(rows.filter((r) => needed.includes(r.count)).map((r) => r.region));
      const summed = sources.regions.filter((r) => ind.levels.includes(r.level) && !given.has(r.id));
      if (summed.length)
        options.warn(
          `warning: indicator "${ind.id}" (unit "${ind.unit.de}") looks like a share or rate, but as a count it is summed ` +
            `for ${summed.length} region(s) without their own value (e.g. ${summed[0].id} ${summed[0].name}): ` +
            `define it as { type: published, count: ${c.count} } or as a ratio of counts`,
        );
    }
  }
}

/** Geometry: TopoJSON in the endpoint's form is copied; GeoJSON / other TopoJSON converted into `tmp`. */
function geometryInputs(sources: BuildSources, tmp: string, log: (line: string) => void): GeometryInput[] {
  const metaDir = path.dirname(sources.metaFile);
  return sources.meta.geometry.map((entry: GeometrySource, i) => {
    const source = path.resolve(metaDir, entry.source ?? entry.file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(source, 'utf8'));
    } catch (error) {
      throw new InputError(
        source,
        undefined,
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'geometry file not found'
          : `not JSON: ${(error as Error).message}`,
      );
    }
    const options: GeometryOptions = {
      idProperty: entry.idProperty,
      object: entry.object,
      where: entry.where,
      quantization: entry.quantization,
    };
    const prepared = withFile(source, () => prepareGeometry(json, entry, sources.regions, options));
    if (prepared.unchanged) return { entry, source };
    const out = path.join(tmp, `${i}.topo.json`);
    writeFileSync(out, prepared.text);
    log(
      `${entry.file}: ${prepared.kept} ${entry.level} regions from ${path.relative(process.cwd(), source)}` +
        `${prepared.dropped ? `, ${prepared.dropped} other features left out` : ''}` +
        `${prepared.missing.length ? `, no geometry for ${prepared.missing.length} (${prepared.missing.slice(0, 5).join(', ')}${prepared.missing.length > 5 ? ', ...' : ''})` : ''}`,
    );
    return { entry, source: out };
  });
}

/** Builds with converted geometry in a temporary folder that is always removed. */
function buildWithGeometry(rows: Row[], options: BuildOptions, sources: BuildSources): BuildResult {
  const tmp = mkdtempSync(path.join(tmpdir(), 'fokus-geo-'));
  try {
    const geometry = geometryInputs(sources, tmp, options.log);
    const { meta, definitions, regions } = sources;
    try {
      const { disclosure } = sources;
      return buildEndpoint({ meta, definitions, regions, counts: rows, geometry, outDir: options.out, disclosure });
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(options.out, undefined, `build failed, nothing written: ${(error as Error).message}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function reportBuild(result: BuildResult, out: string, quiet: boolean, ms: number, io: CliIO): void {
  const total = Object.values(result.files).reduce((a, b) => a + b, 0);
  if (!quiet)
    for (const [rel, size] of Object.entries(result.files).sort())
      io.err(`  ${rel.padEnd(40)} ${(size / 1024).toFixed(1).padStart(9)} KiB`);
  io.err(
    `endpoint ${result.catalog.version}: ${result.catalog.indicators.length} indicators, ${result.catalog.regions.length} regions, ` +
      `${Object.keys(result.files).length} files, ${(total / 1024).toFixed(0)} KiB -> ${out} (${ms} ms)`,
  );
}

async function cmdBuild(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string', short: 'o' },
    counts: { type: 'string', multiple: true },
    mapping: { type: 'string', multiple: true },
    synthetic: { type: 'boolean' },
    meta: { type: 'string' },
    definitions: { type: 'string' },
    regions: { type: 'string' },
    'skip-unknown-regions': { type: 'boolean' },
    'disclosure-report': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (positionals.length > 1) throw new UsageError('build takes at most one source folder');
  if (!values.out) throw new UsageError('build needs --out <endpoint-folder>');
  if (!values.counts?.length && !values.mapping?.length && !values.synthetic) {
    throw new UsageError('build needs counts: --counts <file.csv>, --mapping <mapping.yaml> or --synthetic');
  }
  const started = Date.now();
  const options: BuildOptions = {
    out: values.out,
    counts: values.counts ?? [],
    mapping: values.mapping ?? [],
    synthetic: values.synthetic ?? false,
    skipUnknown: values['skip-unknown-regions'] ?? false,
    log: values.quiet ? () => {} : io.err,
    warn: io.err,
  };
  const sources = readBuildSources(positionals[0] ?? '.', values);
  let rows = mergeDuplicates(await collectCounts(options, sources));
  rows = convertTerritory(rows, options, sources);
  rows = kreisfreieStaedte(rows, options, sources);
  rows = dropUnknownRegions(rows, options, sources);
  checkNeededCounts(rows, options, sources);
  const result = buildWithGeometry(rows, options, sources);
  reportBuild(result, values.out, values.quiet ?? false, Date.now() - started, io);
  if (result.disclosure) {
    const lines = formatDisclosureReport(result.disclosure);
    for (const line of values.quiet ? lines.slice(0, 1) : lines) io.err(line);
    const reportFile = values['disclosure-report'] ?? `${path.resolve(values.out)}-disclosure.json`;
    writeAtomic(reportFile, JSON.stringify(result.disclosure, null, 2) + '\n');
    io.err(`disclosure report -> ${reportFile} (keep it internal: it names every secret cell)`);
  }
  return 0;
}

async function cmdValidate(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    strict: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('validate needs one endpoint folder or URL');
  const location = positionals[0];
  if (!/^https?:\/\//i.test(location)) {
    try {
      if (!statSync(location).isDirectory()) throw new Error();
    } catch {
      throw new InputError(location, undefined, 'not a folder (give the endpoint folder or its URL)');
    }
  }
  const report = await validateEndpoint(location);
  io.out(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
  const errors = errorCount(report);
  return errors > 0 || (values.strict && report.issues.length > 0) ? 1 : 0;
}

async function cmdServe(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    port: { type: 'string', short: 'p', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    cors: { type: 'string', default: '' },
    'cache-control': { type: 'string', default: 'public, max-age=300' },
    prefix: { type: 'string', default: '/' },
    log: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('serve needs one endpoint folder');
  const dir = path.resolve(positionals[0]);
  try {
    statSync(path.join(dir, 'catalog.json'));
  } catch {
    throw new InputError(positionals[0], undefined, 'no catalog.json in this folder (build the endpoint first)');
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port: "${values.port}" is not a port`);
  const prefix = `/${String(values.prefix).replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const cors = String(values.cors)
    .split(',')
    .map((s) => s.trim().replace(/\/$/, ''))
    .filter(Boolean);
  const server = await serve({
    port,
    host: values.host,
    cors,
    log: values.log,
    mounts: [{ prefix, dir, cacheControl: values['cache-control'] }],
  });
  const address = server.address() as AddressInfo;
  io.err(
    `serving ${dir} at http://${values.host}:${address.port}${prefix} ` +
      `(CORS: ${cors.length ? cors.join(', ') : 'same origin only'}; Cache-Control: ${values['cache-control']})`,
  );
  // Runs until SIGINT or SIGTERM (Ctrl+C, a process manager; a test emits one to stop it).
  const stop = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    server.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

const COMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  import: cmdImport,
  build: cmdBuild,
  validate: cmdValidate,
  serve: cmdServe,
};

/** Runs the CLI with `argv` (without node and script); resolves with the exit code. */
export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`fokus-data ${command}: ${error.message}\nRun "fokus-data help" for the usage.`);
      return 2;
    }
    if (error instanceof InputError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    io.err(`error: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
