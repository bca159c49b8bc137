/**
 * How the lean runtime evaluates the templates' expressions: as functions compiled at build
 * time (`chart-expressions.generated.ts`, written by scripts/compile-chart-templates.ts from
 * the code Vega's parser generates for every expression of every template), looked up by
 * that code. Plain bundled JavaScript, so no `eval` or `new Function` (strict CSP), and as
 * fast as Vega's own code generation, unlike walking the syntax tree (vega-interpreter).
 * Same contract as vega-interpreter's `expressionInterpreter` (the View's `expr` option).
 * An expression that was not compiled (a template edited without recompiling) is an error
 * naming it: tests/node/elements/indicator-chart/chart-templates.test.ts draws every template.
 */
import { EXPRESSIONS, type Compiled } from './chart-expressions.generated.js';
import { CODES } from './chart-expression-codes.generated.js';

interface Expr {
  /** The index of the compiled function (the library build's parser), or Vega's generated code (Vega's own parser). */
  code: number | string;
}
interface Ctx {
  functions: object;
}
type Item = Record<string, unknown> & { datum?: unknown };

function compiled(code: number | string): Compiled {
  const fn = EXPRESSIONS[typeof code === 'number' ? code : CODES.indexOf(code)];
  if (!fn) throw new Error(`indicator-chart: expression not compiled at build time: ${code}`);
  return fn;
}

/** As Vega moves the corners of rects, groups and images when x2/y2 are encoded (vega-interpreter's own step), per axis. */
function adjustAxis(
  item: Record<string, number>,
  encode: Record<string, unknown>,
  swap: boolean,
  [p, p2, pc, size]: readonly [string, string, string, string],
): void {
  if (encode[p2]) {
    if (encode[p]) {
      if (swap && item[p] > item[p2]) {
        const t = item[p];
        item[p] = item[p2];
        item[p2] = t;
      }
      item[size] = item[p2] - item[p];
    } else {
      item[p] = item[p2] - (item[size] || 0);
    }
  }
  if (encode[pc]) item[p] = item[pc] - (item[size] || 0) / 2;
}

const X = ['x', 'x2', 'xc', 'width'] as const;
const Y = ['y', 'y2', 'yc', 'height'] as const;

function adjustSpatial(item: Record<string, number>, encode: Record<string, unknown>, swap: boolean): void {
  adjustAxis(item, encode, swap, X);
  adjustAxis(item, encode, swap, Y);
}

export const chartExpressions = {
  operator(ctx: Ctx, expr: Expr) {
    const f = compiled(expr.code);
    return (_: unknown) => f.call(ctx.functions, _);
  },
  parameter(ctx: Ctx, expr: Expr) {
    const f = compiled(expr.code);
    return (datum: unknown, _: unknown) => f.call(ctx.functions, _, datum);
  },
  event(ctx: Ctx, expr: Expr) {
    const f = compiled(expr.code);
    return (event: unknown) => f.call(ctx.functions, undefined, undefined, event);
  },
  handler(ctx: Ctx, expr: Expr) {
    const f = compiled(expr.code);
    return (_: unknown, event: { item?: { datum?: unknown } }) =>
      f.call(ctx.functions, _, event.item && event.item.datum, event);
  },
  encode(ctx: Ctx, encode: { marktype: string; channels: Record<string, Expr> }) {
    const { marktype, channels } = encode;
    const fn = ctx.functions;
    const swap = marktype === 'group' || marktype === 'image' || marktype === 'rect';
    const list = Object.entries(channels).map(([name, c]) => [name, compiled(c.code)] as const);
    return (item: Item, _: unknown) => {
      const datum = item.datum;
      let m = 0;
      for (const [name, f] of list) {
        const v = f.call(fn, _, datum, undefined, item);
        if (item[name] !== v) {
          item[name] = v;
          m = 1;
        }
      }
      if (marktype !== 'rule') adjustSpatial(item as Record<string, number>, channels, swap);
      return m;
    };
  },
};
