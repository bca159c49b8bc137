/**
 * The lean Vega runtime of `<indicator-chart>`: built from Vega's own packages with only what
 * the chart templates need (view, parser, the dataflow transforms their Vega specs use, SVG
 * rendering through the view), and the expression interpreter for a strict CSP (no eval).
 * The `vega` package itself (geo, hierarchy, force, word cloud, regression, voronoi, label,
 * crossfilter, stack, extent, most transforms) and Vega-Lite are not loaded; templates are compiled to
 * Vega at build time (`chart-templates.generated.ts`).
 *
 * A template that needs a transform missing here fails to parse ("Unrecognized transform
 * type"): tests/node/chart-templates.test.ts parses and renders every template with this module.
 */
import { transforms } from 'vega-dataflow';
import { aggregate, collect, facet, filter, formula, prefacet, proxy, relay, sieve } from 'vega-transforms';
import { axisticks, datajoin, encode, legendentries, scale } from 'vega-encode';
import { bound, mark, overlap, render, viewlayout } from 'vega-view-transforms';
import { View } from 'vega-view';
import { parse } from 'vega-parser';
import { expressionInterpreter } from 'vega-interpreter';
import { VEGA_SPECS } from './chart-templates.generated.js';
import type { TemplateName } from './chart-templates.js';

/** The transforms the templates' Vega specs use (see the test named above). */
export const TRANSFORMS = {
  aggregate,
  collect,
  facet,
  filter,
  formula,
  prefacet,
  proxy,
  relay,
  sieve,
  axisticks,
  datajoin,
  encode,
  legendentries,
  scale,
  bound,
  mark,
  overlap,
  render,
  viewlayout,
};
Object.assign(transforms, TRANSFORMS);

type RuntimeSpec = ReturnType<typeof parse>;
const parsed = new Map<TemplateName, RuntimeSpec>();

/** The runtime spec of a template, parsed on first use (the inputs come as data and signals). */
export function runtimeSpec(name: TemplateName): RuntimeSpec {
  let spec = parsed.get(name);
  if (!spec) {
    spec = parse(VEGA_SPECS[name] as Parameters<typeof parse>[0], undefined, { ast: true });
    parsed.set(name, spec);
  }
  return spec;
}

export { View, parse, expressionInterpreter, VEGA_SPECS };
