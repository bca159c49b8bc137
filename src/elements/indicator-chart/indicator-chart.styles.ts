import { css } from 'lit';

/**
 * Styles of `<indicator-chart>`, including what vega-embed and vega-tooltip used to inject
 * as `<style>` elements (blocked by a strict CSP): they are shipped here instead.
 */
export const styles = css`
  figure {
    margin: 0;
  }
  .plot-wrap {
    position: relative;
  }
  .plot {
    width: 100%;
    border-radius: var(--_radius);
  }
  .plot:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .vega {
    width: 100%;
    display: block;
  }
  .vega svg {
    display: block;
    max-width: 100%;
    overflow: visible;
  }
  .vega svg [role='graphics-symbol'],
  .vega svg path {
    cursor: default;
  }
  .tooltip {
    position: absolute;
    z-index: 2;
    max-width: min(22rem, 90%);
    padding: 0.3em 0.55em;
    border-radius: var(--_radius);
    background: var(--_text);
    color: var(--_bg);
    font-size: 13px;
    line-height: 1.3;
    pointer-events: none;
    transform: translate(-50%, calc(-100% - 10px));
    white-space: normal;
  }
  .tooltip.below {
    transform: translate(-50%, 14px);
  }
  .tooltip.start {
    transform: translate(-12px, calc(-100% - 10px));
  }
  .tooltip.start.below {
    transform: translate(-12px, 14px);
  }
  .tooltip.end {
    transform: translate(calc(-100% + 12px), calc(-100% - 10px));
  }
  .tooltip.end.below {
    transform: translate(calc(-100% + 12px), 14px);
  }
  .tooltip[hidden] {
    display: none;
  }
  /* px, not em: at least 12 px whatever the host page's root font size */
  .notes {
    margin: calc(var(--_space) / 2) 0 0;
    font-size: 13px;
    color: var(--_muted);
  }
  .notes p {
    margin: 0.15em 0;
  }
  /* the legend key of a bar on a small count: the accent colour, pale */
  .small-key {
    display: inline-block;
    width: 1.4em;
    height: 0.8em;
    margin-right: 0.4em;
    vertical-align: middle;
    background: var(--_accent);
    opacity: 0.3;
  }
  .toolbar details {
    display: inline-block;
  }
  .definition {
    margin: calc(var(--_space) / 2) 0 0;
    padding: calc(var(--_space) / 2) var(--_space);
    border-left: 3px solid var(--_border);
    font-size: 0.9em;
  }
  .table-wrap {
    margin-top: calc(var(--_space) / 2);
    overflow-x: auto;
  }
  table {
    min-width: 50%;
  }
  th[scope='row'] {
    text-align: left;
    font-weight: normal;
  }
  tr.reference th,
  tr.reference td {
    color: var(--_muted);
    font-style: italic;
  }
  tr.primary th {
    font-weight: 600;
  }
  .skeleton.chart {
    width: 100%;
  }
  .skeleton-title {
    height: 1.6em;
    width: 60%;
    margin-bottom: 0.5em;
  }
  @media print {
    [part='toolbar'],
    .toolbar,
    .tooltip {
      display: none !important;
    }
    .plot,
    .vega,
    .vega svg {
      width: 100% !important;
      max-width: 100%;
      height: auto !important;
    }
    figure {
      break-inside: avoid;
    }
  }
  @media (forced-colors: active) {
    .tooltip {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
    }
  }
`;
