/**
 * The dataflow transforms the chart templates' Vega specs use, registered with Vega's
 * dataflow (the lean runtime registers nothing else). A template that needs another one
 * fails to parse ("Unrecognized transform type"): tests/node/elements/indicator-chart/chart-templates.test.ts.
 */
import { transforms } from 'vega-dataflow';
import { aggregate, collect, facet, filter, formula, prefacet, proxy, relay, sieve } from 'vega-transforms';
import { axisticks, datajoin, encode, legendentries, scale } from 'vega-encode';
import { bound, mark, overlap, render, viewlayout } from 'vega-view-transforms';

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
