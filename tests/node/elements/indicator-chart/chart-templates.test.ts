import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  generate,
  generateExpressions,
  generateCodes,
  GENERATED,
  GENERATED_CODES,
  GENERATED_EXPRESSIONS,
} from '../../../../scripts/compile-chart-templates.js';
import { TEMPLATE_NAMES } from '../../../../src/elements/indicator-chart/chart-templates.js';
import { templateView } from '../../../../src/elements/indicator-chart/vega-view.js';
import * as lean from '../../../../src/elements/indicator-chart/vega-runtime.js';
import { CODES } from '../../../../src/elements/indicator-chart/chart-expression-codes.generated.js';
import { CASES } from '../../../browser/elements/indicator-chart/chart-cases.js';

test('the compiled templates are up to date (run `npx tsx scripts/compile-chart-templates.ts`)', async () => {
  assert.equal(readFileSync(GENERATED, 'utf8'), await generate());
});

test('the compiled expressions are up to date (run `npx tsx scripts/compile-chart-templates.ts`)', async () => {
  assert.equal(readFileSync(GENERATED_EXPRESSIONS, 'utf8'), await generateExpressions());
  assert.equal(readFileSync(GENERATED_CODES, 'utf8'), await generateCodes());
});

test('an expression that was not compiled at build time is an error naming it', () => {
  const ctx = { functions: {} };
  assert.throws(() => lean.chartExpressions.parameter(ctx, { code: 'datum.unknown' }), /not compiled.*datum\.unknown/);
  const known = CODES.findIndex((c) => c.includes('datum'));
  assert.equal(typeof lean.chartExpressions.parameter(ctx, { code: CODES[known] }), 'function');
  // the library build's parser gives the index
  assert.equal(typeof lean.chartExpressions.parameter(ctx, { code: known }), 'function');
  assert.throws(() => lean.chartExpressions.parameter(ctx, { code: CODES.length }), /not compiled/);
});

test('every template is covered by a case', () => {
  const used = new Set(Object.values(CASES).map((c) => c.template));
  assert.deepEqual([...used].sort(), [...TEMPLATE_NAMES].sort());
});

/** The operator types of a parsed runtime spec, nested scopes included. */
function operatorTypes(runtime: { operators: { type: string }[]; subcontext?: unknown[] }, into = new Set<string>()) {
  for (const op of runtime.operators) into.add(op.type);
  for (const sub of runtime.subcontext ?? []) operatorTypes(sub as typeof runtime, into);
  return into;
}

for (const [name, spec] of Object.entries(CASES)) {
  test(`lean runtime draws "${name}" (${spec.template}) without errors or warnings`, async () => {
    const runtime = lean.runtimeSpec(spec.template);
    const missing = [...operatorTypes(runtime as never)].filter((t) => t !== 'operator' && !(t in lean.TRANSFORMS));
    assert.deepEqual(missing, [], 'transforms the lean runtime lacks');
    const messages: string[] = [];
    const logger = {
      level: () => logger,
      error: (...a: unknown[]) => (messages.push(`error: ${a.join(' ')}`), logger),
      warn: (...a: unknown[]) => (messages.push(`warn: ${a.join(' ')}`), logger),
      info: () => logger,
      debug: () => logger,
    };
    const view = templateView(lean, spec, { renderer: 'none', logger });
    try {
      await view.runAsync();
      const svg = await view.toSVG();
      // An empty layer (the keyboard focus ring while nothing is focused) has no extent: Vega
      // says so and leaves it out of the scale domain, as intended.
      assert.deepEqual(
        messages.filter((m) => !/^warn: Infinite extent for field "value(_start|_end)?"/.test(m)),
        [],
      );
      // data marks were drawn: one mark group per layer, none of them all empty
      assert.match(svg, /class="mark-(line|rect)[^"]*role-mark/);
      const rows = Object.values(spec.datasets).reduce((n, d) => n + d.length, 0);
      assert.ok(rows > 0);
      if (spec.template.startsWith('line')) assert.ok((svg.match(/<path/g) ?? []).length >= rows / 4);
      if (spec.template.endsWith('export')) assert.match(svg, /Quelle: A/);
    } finally {
      view.finalize();
    }
  });
}
