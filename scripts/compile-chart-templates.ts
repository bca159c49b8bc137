/**
 * Compiles the chart templates (src/elements/indicator-chart/chart-templates.ts, Vega-Lite)
 * to Vega specs, written to chart-templates.generated.ts: the browser needs no Vega-Lite.
 * (Pre-parsed Vega runtime specs would spare the Vega parser too, about 15 KiB gzip, but even
 * without expression syntax trees and with codes by index the six templates weigh about
 * 29 KiB gzip as runtime specs, 3.5 as Vega specs.)
 *
 * It also writes chart-expressions.generated.ts: every expression of the parsed templates as a
 * function (the code Vega's parser generates for it), so that the browser evaluates them
 * without `eval` (strict CSP) and without an expression interpreter (chart-expressions.ts),
 * and what the parser makes of each expression source, so that the library build needs no
 * expression parser (scripts/lean-vega.js).
 *
 * `tsx scripts/compile-chart-templates.ts` rewrites both files; `--check` fails when one is
 * stale (tests/node/elements/indicator-chart/chart-templates.test.ts does the same).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { compile } from 'vega-lite';
import { parse } from 'vega-parser';
import { format } from 'prettier';
import { replacePlaceholders, template, TEMPLATE_NAMES } from '../src/elements/indicator-chart/chart-templates.js';
import { TRANSFORMS } from '../src/elements/indicator-chart/runtime-transforms.js';

const file = (name: string) => fileURLToPath(new URL(`../src/elements/indicator-chart/${name}`, import.meta.url));
export const GENERATED = file('chart-templates.generated.ts');
export const GENERATED_EXPRESSIONS = file('chart-expressions.generated.ts');
export const GENERATED_CODES = file('chart-expression-codes.generated.ts');

/** The Vega spec of a template (placeholders turned into signal references). */
export function vegaSpec(name: (typeof TEMPLATE_NAMES)[number]): object {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...a: unknown[]) => (warnings.push(a.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
    error: (...a: unknown[]) => (warnings.push(a.join(' ')), logger),
  };
  const { spec } = compile(template(name), { logger: logger as never });
  if (warnings.length) throw new Error(`chart template ${name}: ${warnings.join('; ')}`);
  delete (spec as { $schema?: string }).$schema;
  return replacePlaceholders(spec, (signal) => ({ signal })) as object;
}

const prettier = (text: string) =>
  format(text, { parser: 'typescript', singleQuote: true, printWidth: 120, trailingComma: 'all' });

/** The code of every expression of the parsed templates (runtime specs: operators, parameters, encoders, handlers). */
export function expressionCodes(): string[] {
  const codes = new Set<string>();
  const visit = (o: unknown): void => {
    if (Array.isArray(o)) return o.forEach(visit);
    if (!o || typeof o !== 'object') return;
    for (const [key, value] of Object.entries(o)) {
      if (key === 'code' && typeof value === 'string') codes.add(value);
      else visit(value);
    }
  };
  for (const name of TEMPLATE_NAMES) visit(parse(vegaSpec(name) as Parameters<typeof parse>[0]));
  return [...codes].sort();
}

/** What Vega's expression parser makes of one expression, minus what depends on the scope. */
export interface ParsedExpression {
  code: string;
  fields: string[];
  globals: string[];
  /** The calls of functions with a dependency visitor (data, scales), in visiting order, with their argument syntax trees. */
  calls: [string, unknown[]][];
}

/**
 * Every expression Vega's parser parses for the templates, as `parseExpression` of
 * vega-functions sees it: vega-parser is bundled (esbuild) with that function wrapped, so
 * that each call is recorded with its generated code, fields, globals and dependency calls.
 */
export async function parsedExpressions(): Promise<Record<string, ParsedExpression>> {
  const recorder = `
    import { parseExpression as parse, CallExpression } from 'vega-expression';
    import { parseExpression as real, codeGenerator, codegenParams } from 'vega-functions?real';
    import { isString, stringValue } from 'vega-util';
    export * from 'vega-functions?real';
    export const parsed = {};
    export function parseExpression(expr, scope) {
      const result = real(expr, scope);
      const source = isString(expr) ? expr : stringValue(expr) + '';
      const ast = parse(source), calls = [];
      ast.visit((node) => {
        const name = node.type === CallExpression && node.callee.name;
        if (name && codegenParams.visitors[name]) calls.push([name, JSON.parse(JSON.stringify(node.arguments))]);
      });
      const gen = codeGenerator(ast);
      parsed[source] = { code: gen.code, fields: gen.fields, globals: gen.globals, calls };
      return result;
    }`;
  const bundle = await build({
    stdin: {
      contents: [
        "export { parse } from 'vega-parser';",
        "export { parsed } from 'vega-functions';",
        "export { transforms } from 'vega-dataflow';",
        "export * as t1 from 'vega-transforms';",
        "export * as t2 from 'vega-encode';",
        "export * as t3 from 'vega-view-transforms';",
      ].join('\n'),
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'record-expressions',
        setup(b) {
          b.onResolve({ filter: /^vega-functions\?real$/ }, async (a) => ({
            path: (await b.resolve('vega-functions', { kind: a.kind, resolveDir: a.resolveDir, pluginData: 'real' }))
              .path,
          }));
          b.onResolve({ filter: /^vega-functions$/ }, (a) =>
            a.pluginData === 'real' ? undefined : { path: 'recorder', namespace: 'record-expressions' },
          );
          b.onLoad({ filter: /.*/, namespace: 'record-expressions' }, () => ({
            contents: recorder,
            resolveDir: process.cwd(),
          }));
        },
      },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'chart-expressions-'));
  try {
    writeFileSync(join(dir, 'parser.mjs'), bundle.outputFiles[0].text);
    type Transforms = Record<string, unknown>;
    const vega = (await import(pathToFileURL(join(dir, 'parser.mjs')).href)) as {
      parse: typeof parse;
      parsed: Record<string, ParsedExpression>;
      transforms: Transforms;
      t1: Transforms;
      t2: Transforms;
      t3: Transforms;
    };
    // the bundle's own dataflow registry gets the same transforms as the runtime's
    for (const name of Object.keys(TRANSFORMS)) vega.transforms[name] = vega.t1[name] ?? vega.t2[name] ?? vega.t3[name];
    for (const name of TEMPLATE_NAMES) vega.parse(vegaSpec(name) as Parameters<typeof parse>[0]);
    return Object.fromEntries(
      Object.keys(vega.parsed)
        .sort()
        .map((k) => [k, vega.parsed[k]]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The generated expressions module's text: one function per code, `this` = Vega's expression
 * functions, by index; and what the parser makes of each expression source, with the index
 * of its code instead of the code. Of the calls' arguments only what the dependency visitors
 * read is kept (the first: a literal scale or data set name).
 */
export async function generateExpressions(): Promise<string> {
  const codes = expressionCodes();
  const entries = codes.map((code) => `  function (_, datum, event, item) { return (${code}); },`);
  const parsed = Object.entries(await parsedExpressions()).map(([source, p]) => {
    const index = codes.indexOf(p.code);
    if (index < 0) throw new Error(`expression ${source}: its code is not among the templates' codes`);
    const calls = p.calls.map(([name, args]) => {
      const { type, value } = args[0] as { type: string; value?: unknown };
      return [name, [value === undefined ? { type } : { type, value }]];
    });
    return `  ${JSON.stringify(source)}: ${JSON.stringify([index, p.fields, p.globals, calls])},`;
  });
  const text =
    '// Generated by scripts/compile-chart-templates.ts from chart-templates.ts: do not edit.\n' +
    '// Every expression of the chart templates as compiled code, by the index of its code in\n' +
    "// chart-expression-codes.generated.ts (Vega's generated code, see chart-expressions.ts).\n" +
    '// The arguments are those of vega-interpreter: signals and parameters (_), datum, event, item.\n' +
    '/* eslint-disable */\n' +
    '// @ts-nocheck\n' +
    'export type Compiled = (this: object, _?: unknown, datum?: unknown, event?: unknown, item?: unknown) => unknown;\n\n' +
    `export const EXPRESSIONS: Compiled[] = [\n${entries.join('\n')}\n];\n\n` +
    '/**\n' +
    " * Every expression source of the templates as Vega's parser sees it: [index of the code,\n" +
    ' * fields, globals, calls with a dependency visitor]. The library build parses expressions\n' +
    " * with this table instead of Vega's expression parser (scripts/lean-vega.js), its parser\n" +
    ' * gives the index as the code.\n' +
    ' */\n' +
    'export const PARSED: Record<string, [number, string[], string[], [string, unknown[]][]]> = {\n' +
    `${parsed.join('\n')}\n};\n`;
  return prettier(text);
}

/**
 * The codes of the compiled expressions, by index: what Vega's own parser gives (unbundled:
 * tests, development). The library build replaces this module with an empty list
 * (scripts/lean-vega.js), its parser gives the index.
 */
export async function generateCodes(): Promise<string> {
  const text =
    '// Generated by scripts/compile-chart-templates.ts from chart-templates.ts: do not edit.\n' +
    "// The code Vega's parser generates for each compiled expression (chart-expressions.generated.ts), by index.\n" +
    `export const CODES: string[] = ${JSON.stringify(expressionCodes())};\n`;
  return prettier(text);
}

/** The generated module's text. */
export async function generate(): Promise<string> {
  const specs = Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, vegaSpec(name)]));
  const text =
    '// Generated by scripts/compile-chart-templates.ts from chart-templates.ts: do not edit.\n' +
    '// The chart templates compiled to Vega; datasets and signals are filled in at run time.\n' +
    "import type { TemplateName } from './chart-templates.js';\n\n" +
    `export const VEGA_SPECS: Record<TemplateName, object> = ${JSON.stringify(specs)};\n`;
  return prettier(text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [path, text] of [
    [GENERATED, await generate()],
    [GENERATED_EXPRESSIONS, await generateExpressions()],
    [GENERATED_CODES, await generateCodes()],
  ]) {
    if (process.argv.includes('--check')) {
      if (readFileSync(path, 'utf8') !== text) {
        console.error(`${path} is stale: run \`npx tsx scripts/compile-chart-templates.ts\``);
        process.exit(1);
      }
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${path} (${(text.length / 1024).toFixed(1)} KiB)`);
    }
  }
}
