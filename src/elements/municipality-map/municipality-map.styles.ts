import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
    --_map-height: var(--fokus-map-height, 28rem);
    --_map-aspect: var(--fokus-map-aspect, 1);
    /* Reader text at least 12 px whatever the host's root font size. */
    --_small-text: max(12px, 0.85em);
    --_selected: var(--fokus-color-selected, #fff1c2);
  }
  svg.defs {
    position: absolute;
  }
  .frame {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(11rem, 17rem);
    gap: var(--_space);
    align-items: start;
  }
  @container (max-width: 40rem) {
    .frame {
      grid-template-columns: minmax(0, 1fr);
    }
    /* Narrow: the map as large as the width allows (centred by fitBounds), the legend below. */
    .map-wrap,
    .skeleton.map-skeleton {
      width: 100%;
      height: auto;
      aspect-ratio: 1 / var(--_map-aspect);
    }
  }
  .title-skeleton {
    height: 1.6em;
    margin: 0 0 0.5em;
  }
  .skeleton.legend-skeleton {
    height: 12rem;
  }
  .map-wrap {
    position: relative;
    height: var(--_map-height);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .busy .map-wrap,
  .busy .legend {
    opacity: 0.6;
  }
  .map {
    position: absolute;
    inset: 0;
    background: var(--fokus-map-background, #eef2f5);
    font: inherit;
  }
  .map:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  path[data-region] {
    cursor: pointer;
  }
  path[data-region]:focus {
    outline: none;
  }
  path[data-region]:focus-visible {
    stroke: var(--_focus);
    stroke-width: 4px;
  }
  .inset {
    position: absolute;
    left: 8px;
    top: 8px;
    z-index: 500;
    width: 7.5rem;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: max(12px, 0.75em);
  }
  .inset svg {
    display: block;
    width: 100%;
    height: 5.5rem;
  }
  .inset .inset-name {
    display: block;
    padding: 0 0.3em 0.15em;
    color: var(--_muted);
  }
  .tooltip {
    position: absolute;
    z-index: 1000;
    pointer-events: none;
    background: var(--_bg);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 2px 6px rgb(0 0 0 / 20%);
    padding: 0.35em 0.55em;
    font-size: var(--_small-text);
    width: max-content;
    max-width: 17rem;
  }
  .tooltip strong {
    display: block;
  }
  .tooltip .status,
  .tooltip .deviation {
    display: block;
    color: var(--_muted);
  }
  .legend {
    font-size: var(--_small-text);
    min-width: 0;
  }
  .legend .legend-title {
    font-weight: 600;
    margin: 0 0 0.35em;
  }
  .legend ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .legend li {
    display: grid;
    grid-template-columns: 1.6em 1fr auto;
    gap: 0.5em;
    align-items: center;
    padding: 0.12em 0;
  }
  .swatch {
    display: inline-block;
    width: 1.6em;
    height: 1em;
    border: 1px solid #66727f;
  }
  .swatch.suppressed {
    background: repeating-linear-gradient(45deg, #f2f2f2 0 2.5px, #7a7a7a 2.5px 4px);
  }
  .swatch.nodata {
    background: var(--_missing);
  }
  .count {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .legend .note {
    color: var(--_muted);
    margin: 0.4em 0 0;
  }
  .summary {
    font-size: max(12px, 0.9em);
    margin: calc(var(--_space) / 2) 0;
  }
  .time {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin-top: calc(var(--_space) / 2);
    font-size: max(12px, 0.9em);
  }
  .time input {
    flex: 1;
    min-width: 0;
    max-width: 24rem;
  }
  details {
    margin-top: calc(var(--_space) / 2);
  }
  .table-scroll {
    max-height: 24rem;
    overflow: auto;
  }
  th[scope='row'] {
    text-align: left;
    font-weight: normal;
  }
  button.region {
    border: none;
    background: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
    text-align: left;
    font-size: 1em;
  }
  tr.selected {
    background: var(--_selected);
  }
  .skeleton.map-skeleton {
    height: var(--_map-height);
  }
  .leaflet-container {
    font: inherit;
  }
  /* One finger scrolls the page, never the map: pan and zoom with two fingers or the buttons
     (dragging is off for touch pointers, see leaflet-map.ts). Higher specificity than Leaflet's CSS. */
  .map.leaflet-container.leaflet-touch-drag,
  .map.leaflet-container.leaflet-touch-zoom,
  .map.leaflet-container.leaflet-touch-drag.leaflet-touch-zoom {
    touch-action: pan-x pan-y;
  }
  @media print {
    .leaflet-control-container,
    .time,
    [part='toolbar'],
    details,
    .tooltip {
      display: none !important;
    }
    .frame {
      grid-template-columns: minmax(0, 1fr);
    }
    .map-wrap {
      break-inside: avoid;
      border-color: #999;
    }
    .busy .map-wrap,
    .busy .legend {
      opacity: 1;
    }
  }
  .leaflet-control-zoom a {
    color: var(--_text);
  }
  @media (forced-colors: active) {
    path[data-region]:focus-visible {
      stroke: Highlight;
    }
    .swatch {
      forced-color-adjust: none;
    }
  }
`;
