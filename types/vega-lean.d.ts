// Vega's own packages, imported one by one for the chart's lean runtime
// (src/elements/indicator-chart/vega-runtime.ts). The `vega` package carries their types.
declare module 'vega-view' {
  export { View } from 'vega';
}
declare module 'vega-parser' {
  export { parse } from 'vega';
}
declare module 'vega-dataflow' {
  export const transforms: Record<string, unknown>;
}
declare module 'vega-transforms' {
  type T = unknown;
  export const aggregate: T, collect: T, extent: T, facet: T, filter: T, formula: T, multiextent: T;
  export const prefacet: T, proxy: T, relay: T, sieve: T;
}
declare module 'vega-encode' {
  type T = unknown;
  export const axisticks: T, datajoin: T, encode: T, legendentries: T, scale: T, stack: T;
}
declare module 'vega-view-transforms' {
  type T = unknown;
  export const bound: T, mark: T, overlap: T, render: T, viewlayout: T;
}
