/**
 * Validation of endpoint responses with the Valibot schemas of schema.ts plus the
 * consistency checks a schema cannot express (matrix shapes, unique ids, known
 * parents, topics and breakdown members, status symbols that must not carry a value;
 * check.ts). Every failure is a `FokusDataError('malformed')` with the URL and a readable
 * `detail`. The client checks well-formed responses without Valibot (check.ts) and loads
 * this module only for the detail of a response that fails that check.
 */
import * as v from 'valibot';
import {
  Catalog as CatalogSchema,
  IndicatorFile as IndicatorFileSchema,
  type Catalog,
  type IndicatorFile,
} from './schema.js';
import { catalogIssues, fail, formatPath, indicatorFileIssues, type ValidationIssue } from './check.js';

export {
  catalogIssues,
  formatPath,
  indicatorFileIssues,
  issuesDetail,
  parseTopology,
  type FokusTopology,
  type ValidationIssue,
} from './check.js';

type PathKey = string | number;

/**
 * One Valibot issue as a path and a readable reason: the one formatter of schema problems
 * (client errors, `fokus-data validate`, mapping and metadata files of the tools).
 */
export function fromValibot(issue: v.BaseIssue<unknown>): ValidationIssue {
  const keys = (issue.path ?? []).map((item) => item.key as PathKey);
  let message: string;
  if (!/^Invalid \w+:/.test(issue.message)) {
    // A custom message from schema.ts, e.g. "an official region key (digits)".
    message = `expected ${issue.message}, received ${issue.received}`;
  } else if (issue.input === undefined && keys.length > 0) {
    message = 'required, but missing';
  } else if (issue.type === 'iso_date') {
    message = `expected an ISO date (YYYY-MM-DD), received ${issue.received}`;
  } else {
    // "Invalid type: Expected number but received "x"" -> "expected number but received "x"";
    // "Invalid length: Expected >=1 but received 0" -> "expected length >=1 but received 0";
    // "Invalid integer: Received 1.5" -> "invalid integer, received 1.5".
    const m = /^Invalid (\w+): (.*)$/s.exec(issue.message)!;
    const [, kind, text] = m;
    const rest = text.charAt(0).toLowerCase() + text.slice(1);
    if (!rest.startsWith('expected ')) message = `invalid ${kind}, ${rest}`;
    else message = kind === 'type' || kind === 'key' ? rest : `expected ${kind} ${rest.slice(9)}`;
  }
  return { path: formatPath(keys), message };
}

function schemaCheck<T>(schema: v.GenericSchema<unknown, T>, json: unknown, url: string): T {
  const result = v.safeParse(schema, json);
  if (!result.success) fail(url, result.issues.map(fromValibot));
  return result.output;
}

/**
 * Validates a catalog.json: schema, then consistency. Throws `FokusDataError('malformed')`
 * with `url` and a `detail` naming the first three problems with their JSON paths.
 */
export function parseCatalog(json: unknown, url: string): Catalog {
  const catalog = schemaCheck(CatalogSchema, json, url);
  const issues = catalogIssues(catalog);
  if (issues.length) fail(url, issues);
  return catalog;
}

/**
 * Validates an indicators/<id>.json: schema, then consistency (see `indicatorFileIssues`).
 * Throws `FokusDataError('malformed')` with `url` and `detail`.
 */
export function parseIndicatorFile(json: unknown, url: string, catalog?: Catalog, expectedId?: string): IndicatorFile {
  const file = schemaCheck(IndicatorFileSchema, json, url);
  const issues = indicatorFileIssues(file, catalog, expectedId);
  if (issues.length) fail(url, issues);
  return file;
}
