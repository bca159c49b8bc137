/**
 * The mapping file of `fokus-data import` (YAML or JSON): which table, and which column or
 * variable of it, becomes which count. See docs/data-tools.md.
 *
 * ```yaml
 * regions: ["01056"]              # keep these keys and the regions below them (optional)
 * sources:
 *   - file: 12411-01-01-5.csv     # relative to the mapping file
 *     format: genesis             # genesis | ffcsv | tidy (default: detected)
 *     counts:
 *       einwohner: Insgesamt      # header label(s) of the column
 *       einwohner-w: weiblich
 *   - file: 12411-02-03-5.csv
 *     counts:
 *       einwohner-u3: [Insgesamt, unter 3 Jahre]
 *   - file: flaeche.ffcsv.csv
 *     counts:
 *       siedlungsflaeche-anteil: { value: AI0111 }
 * ```
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import YAML from 'yaml';
import { fromValibot } from '../data/validate.js';
import { InputError } from './text.js';

const CountId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase id (a-z, 0-9, -)'));
const Label = v.pipe(v.string(), v.minLength(1));
const ColumnSelector = v.union([
  Label,
  v.pipe(v.array(Label), v.minLength(1)),
  v.strictObject({ column: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
]);
const Selector = v.union([
  ...ColumnSelector.options,
  // GENESIS: the sum of columns, e.g. { sum: [[Insgesamt, 65 bis unter 75 Jahre], [Insgesamt, 75 Jahre und mehr]] }
  v.strictObject({ sum: v.pipe(v.array(ColumnSelector), v.minLength(2)) }),
  // ffcsv: { value: BEVSTD, GES: weiblich }
  v.record(v.string(), v.union([Label, v.pipe(v.number(), v.transform(String))])),
]);
const Level = v.picklist(['land', 'kreis', 'amt', 'gemeinde']);
const KeyPrefix = v.pipe(v.string(), v.regex(/^\d{2,12}$/, 'a region key (digits)'));

export const Source = v.strictObject({
  /** Path of the table, relative to the mapping file. */
  file: Label,
  format: v.optional(v.picklist(['genesis', 'ffcsv', 'tidy'])),
  encoding: v.optional(v.picklist(['auto', 'utf-8', 'latin1'])),
  /** count id -> column selector (genesis), row selector (ffcsv) or source id (tidy; default: all ids as they are). */
  counts: v.optional(v.record(CountId, Selector)),
  /** The year when the table names none. */
  year: v.optional(v.pipe(v.number(), v.integer())),
  /** Added to every year, e.g. -1 for stocks on 01.01. that describe the previous year. */
  yearOffset: v.optional(v.pipe(v.number(), v.integer())),
  /** Keys of this table -> the key in regions.json (added to the top-level `aliases`). */
  aliases: v.optional(v.record(KeyPrefix, KeyPrefix)),
  /** Keep only these region keys and those below them (overrides the top-level `regions`). */
  regions: v.optional(v.array(KeyPrefix)),
  /** Keep only these levels (by key length: 2 land, 5 kreis, 9 amt, 8 gemeinde). */
  levels: v.optional(v.array(Level)),
  /** A status for every plain number of this source, e.g. `p` for provisional figures. */
  status: v.optional(v.picklist(['p', 'r', 's', '()'])),
  /** Decimal separator of a tidy CSV (default: `,` for `;`-separated files, else `.`). */
  decimal: v.optional(v.picklist([',', '.'])),
});

export const Mapping = v.strictObject({
  regions: v.optional(v.array(KeyPrefix)),
  /** Keys the tables use -> the key in regions.json, e.g. `{ '01001': '01001000' }`. */
  aliases: v.optional(v.record(KeyPrefix, KeyPrefix)),
  levels: v.optional(v.array(Level)),
  sources: v.pipe(v.array(Source), v.minLength(1)),
});

export type Source = v.InferOutput<typeof Source>;
export type Mapping = v.InferOutput<typeof Mapping>;

/** Parses YAML or JSON text (by extension; YAML also reads JSON). */
export function parseStructured(text: string, file: string): unknown {
  try {
    if (file.endsWith('.json')) return JSON.parse(text);
    return YAML.parse(text, { prettyErrors: true });
  } catch (error) {
    const e = error as { linePos?: { line: number }[]; message: string };
    const line = e.linePos?.[0]?.line ?? /line (\d+)/.exec(e.message)?.[1];
    throw new InputError(
      file,
      line ? Number(line) : undefined,
      `not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]}`,
    );
  }
}

/** Schema problems as "path: reason" lines (formatted by `fromValibot`, as everywhere). */
export function schemaProblems(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map(fromValibot).map((i) => `${i.path}: ${i.message}`);
}

/** Reads and checks a mapping file; relative source paths are resolved against its folder. */
export async function loadMapping(file: string): Promise<Mapping & { dir: string }> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new InputError(file, undefined, e.code === 'ENOENT' ? 'file not found' : e.message);
  });
  const data = parseStructured(text, file);
  const result = v.safeParse(Mapping, data);
  if (!result.success) {
    throw new InputError(
      file,
      undefined,
      `not a valid mapping:\n  ${schemaProblems(result.issues).slice(0, 8).join('\n  ')}`,
    );
  }
  return { ...result.output, dir: path.dirname(path.resolve(file)) };
}

/** The level of a region key by its length (2 land, 5 kreis, 9 amt, 8 gemeinde; else null). */
export function levelOfKey(key: string): 'land' | 'kreis' | 'amt' | 'gemeinde' | null {
  switch (key.length) {
    case 2:
      return 'land';
    case 5:
      return 'kreis';
    case 8:
      return 'gemeinde';
    case 9:
      return 'amt';
    default:
      return null;
  }
}
