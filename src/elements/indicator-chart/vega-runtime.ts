/**
 * The lean Vega runtime of `<indicator-chart>`: built from Vega's own packages with only what
 * the chart templates need (view, parser, the dataflow transforms their Vega specs use, SVG
 * rendering through the view), and the templates' expressions compiled at build time
 * (`chart-expressions.ts`: no eval, strict CSP, no interpreter).
 * The `vega` package itself (geo, hierarchy, force, word cloud, regression, voronoi, label,
 * crossfilter, stack, extent, most transforms) and Vega-Lite are not loaded; templates are compiled to
 * Vega at build time (`chart-templates.generated.ts`); the library build drops more of Vega's
 * packages (scripts/lean-vega.js).
 *
 * A template that needs a transform missing here fails to parse ("Unrecognized transform
 * type"), an expression not compiled fails to run: tests/node/elements/indicator-chart/chart-templates.test.ts
 * parses and renders every template with this module.
 */
import { View } from 'vega-view';
import { parse } from 'vega-parser';
import { TRANSFORMS } from './runtime-transforms.js';
import { chartExpressions } from './chart-expressions.js';
import { VEGA_SPECS } from './chart-templates.generated.js';
import type { TemplateName } from './chart-templates.js';

type RuntimeSpec = ReturnType<typeof parse>;
const parsed = new Map<TemplateName, RuntimeSpec>();

/** The runtime spec of a template, parsed on first use (the inputs come as data and signals). */
export function runtimeSpec(name: TemplateName): RuntimeSpec {
  let spec = parsed.get(name);
  if (!spec) {
    spec = parse(VEGA_SPECS[name] as Parameters<typeof parse>[0]);
    parsed.set(name, spec);
  }
  return spec;
}

export { View, parse, chartExpressions, TRANSFORMS, VEGA_SPECS };
