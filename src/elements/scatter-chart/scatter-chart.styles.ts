import { css } from 'lit';

/** Styles of `<scatter-chart>`. */
export const styles = css`
  figure {
    margin: 0;
  }
  .scope,
  .sentence,
  .notes {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .scope,
  .notes {
    color: var(--_muted);
    font-size: 0.9em;
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
  .plot-svg {
    display: block;
    max-width: 100%;
    height: auto;
    overflow: visible;
    font-size: 11px;
  }
  .grid line {
    stroke: var(--fokus-chart-grid, #e4e7eb);
  }
  .axis text {
    fill: var(--_muted);
  }
  .axis .axis-title {
    fill: var(--_text);
  }
  .point {
    fill: var(--_accent);
    fill-opacity: 0.75;
    stroke: var(--_accent);
    stroke-width: 1.5;
    cursor: pointer;
  }
  .point.small {
    fill: var(--_bg);
    fill-opacity: 1;
  }
  .point.selected {
    fill: var(--_focus);
    stroke: var(--_text);
    fill-opacity: 1;
  }
  .active-ring {
    fill: none;
    stroke: var(--_focus);
    stroke-width: 2.5;
    pointer-events: none;
  }
  .selected-label {
    fill: var(--_text);
    font-weight: 600;
    pointer-events: none;
  }
  .tooltip {
    position: absolute;
    z-index: 2;
    max-width: min(22rem, 90%);
    padding: 0.3em 0.55em;
    border-radius: var(--_radius);
    background: var(--_text);
    color: var(--_bg);
    font-size: 0.85em;
    pointer-events: none;
    transform: translate(-50%, calc(-100% - 10px));
  }
  .tooltip.start {
    transform: translate(-10px, calc(-100% - 10px));
  }
  .tooltip.end {
    transform: translate(calc(-100% + 10px), calc(-100% - 10px));
  }
  .table-wrap {
    overflow-x: auto;
    margin-top: calc(var(--_space) / 2);
  }
  table {
    border-collapse: collapse;
    font-size: 0.9em;
  }
  th,
  td {
    padding: 0.2em 0.6em;
    border-bottom: 1px solid var(--_surface);
    text-align: left;
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  tr.selected {
    background: var(--fokus-color-selected, #fff3e0);
    font-weight: 600;
  }
  .skeleton.scatter {
    height: 22rem;
  }
`;
