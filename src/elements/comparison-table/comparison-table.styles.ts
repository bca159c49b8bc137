import { css } from 'lit';

export const styles = css`
  :host {
    --_better: var(--fokus-color-better, #1b7a3a);
    --_worse: var(--fokus-color-worse, #b3261e);
    --_selected: var(--fokus-color-selected, #e3f0fa);
    --_max-height: var(--fokus-table-max-height, 512px);
    /* px, not rem: a host page with html { font-size: 62.5% } must not shrink the table */
    font-size: var(--fokus-font-size, 16px);
    /* the smallest text a reader must read */
    --_small: max(12px, 0.8em);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
    margin-bottom: calc(var(--_space) / 2);
  }
  .controls label {
    font-size: max(12px, 0.85em);
  }
  .controls input {
    font: inherit;
    font-size: 0.9em;
    padding: 0.2em 0.4em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 12em;
  }
  .count {
    font-size: max(12px, 0.85em);
    color: var(--_muted);
  }
  .scroller {
    overflow: auto;
    max-width: 100%;
    /* the containing block of the visually hidden texts inside the table: else they escape the scroll box */
    position: relative;
    /* narrow layouts below follow the width of the table's box, not the viewport */
    container-type: inline-size;
  }
  .scroller:focus-visible {
    outline-offset: -3px;
  }
  .kbd-hint {
    display: none;
    margin: 0.2em 0 0;
    font-size: var(--_small);
    color: var(--_muted);
  }
  .scroller:focus-visible ~ .kbd-hint,
  .scroller:has(:focus-visible) ~ .kbd-hint {
    display: block;
  }
  .scroller.windowed {
    max-height: var(--_max-height);
    overscroll-behavior: contain;
    /* no scroll anchoring: the spacers change with the window, and an anchored scroll
       position would fire scroll events (and renders) of its own */
    overflow-anchor: none;
  }
  table {
    font-size: max(12px, 0.9em);
    width: 100%;
    /* separate, not collapse: collapsed borders stay behind when the header sticks */
    border-collapse: separate;
    border-spacing: 0;
  }
  caption {
    caption-side: top;
  }
  thead {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--_bg);
  }
  thead th {
    background: var(--_bg);
    vertical-align: bottom;
    font-weight: 600;
    text-align: left;
  }
  thead th[scope='colgroup'] {
    text-align: center;
    border-bottom: 1px solid var(--_border);
  }
  th,
  td {
    white-space: nowrap;
  }
  thead th {
    white-space: normal;
  }
  thead .label {
    display: inline-block;
    max-width: 10em;
  }
  th.num .label {
    text-align: right;
  }
  .unit {
    display: block;
    font-weight: 400;
    font-size: max(12px, 0.85em);
    color: var(--_muted);
  }
  button.sort {
    all: unset;
    cursor: pointer;
    display: inline-flex;
    align-items: flex-end;
    gap: 0.25em;
    border-radius: var(--_radius);
    padding: 0.1em 0.2em;
    text-align: inherit;
  }
  th.num button.sort {
    flex-direction: row-reverse;
  }
  button.sort:focus-visible {
    outline: 3px solid var(--_focus);
  }
  button.sort:hover .label {
    text-decoration: underline;
  }
  .arrow {
    display: inline-block;
    width: 0.8em;
    color: var(--_muted);
    text-align: center;
  }
  th[aria-sort] .arrow {
    color: var(--_accent);
  }
  tbody th {
    text-align: left;
    font-weight: 400;
    /* long names wrap (at spaces and hyphens), never cut off */
    white-space: normal;
    min-width: 6em;
    max-width: 18em;
  }
  /* the first column stays in view while the table scrolls sideways */
  tbody th,
  thead tr:first-child > th:first-child {
    position: sticky;
    left: 0;
    z-index: 1;
    background: var(--_bg);
    box-shadow: inset -1px 0 0 var(--_border);
  }
  thead tr:first-child > th:first-child {
    z-index: 3;
  }
  /* stripes by the row's place in the list (class, not :nth-child: a window that moves
     would restyle every row and swap their stripes) */
  tbody.rows tr.odd > th {
    background: var(--_surface);
  }
  @container (max-width: 480px) {
    /* phones: names wrap instead of widening the sticky column */
    tbody th {
      max-width: 9em;
    }
    thead .label {
      max-width: 7em;
    }
  }
  button.region {
    all: unset;
    cursor: pointer;
    border-radius: var(--_radius);
    padding: 0 0.15em;
  }
  button.region:hover {
    text-decoration: underline;
  }
  button.region:focus-visible {
    outline: 3px solid var(--_focus);
  }
  tbody.rows tr.odd {
    background: var(--_surface);
  }
  tbody.references {
    position: sticky;
    z-index: 1;
    top: var(--_ref-top, 0px);
    background: var(--_bg);
  }
  tr.reference th,
  tr.reference td {
    font-weight: 600;
    background: var(--_bg);
  }
  tr.reference th {
    border-left: 4px solid var(--_reference);
  }
  tbody.references tr:last-child > * {
    border-bottom: 2px solid var(--_reference);
  }
  tr.selected th,
  tr.selected td {
    background: var(--_selected);
  }
  tbody tr.selected th {
    background: var(--_selected);
    box-shadow:
      inset 4px 0 0 var(--_accent),
      inset -1px 0 0 var(--_border);
    font-weight: 600;
  }
  tr.spacer td {
    padding: 0;
    border: 0;
  }
  /* a value cell: the sparkline, then the number right-aligned in a box of its own (so the
     sparklines of a column line up); no wrapper element, the cell is inline content */
  td.num .spark {
    display: inline-block;
    vertical-align: middle;
    margin-right: 0.4em;
  }
  .v {
    display: inline-block;
    vertical-align: middle;
    min-width: 3.2em;
    text-align: right;
  }
  .symbol {
    font-weight: 600;
  }
  sup.flag {
    /* the symbol is read: never below 12 px */
    font-size: max(12px, 0.7em);
    vertical-align: super;
    line-height: 0;
    color: var(--_muted);
    margin-left: 0.1em;
  }
  .tone {
    font-size: var(--_small);
    color: var(--_muted);
    margin-left: 0.3em;
  }
  td.deviation.better :is(.n, .tone) {
    color: var(--_better);
  }
  td.deviation.worse :is(.n, .tone) {
    color: var(--_worse);
  }
  td.rank {
    color: var(--_muted);
  }
  .small-count,
  .overlap {
    margin-left: 0.15em;
    font-weight: 600;
    color: var(--_text);
  }
  td.interval {
    font-size: var(--_small);
    color: var(--_muted);
  }
  abbr {
    text-decoration: none;
  }
  .key dl.marks {
    display: block;
  }
  svg.spark {
    overflow: visible;
  }
  svg.spark path {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 1.5;
    stroke-linejoin: round;
    stroke-linecap: round;
  }
  svg.spark circle {
    fill: var(--_accent);
  }
  tr.reference svg.spark path {
    stroke: var(--_reference);
  }
  tr.reference svg.spark circle {
    fill: var(--_reference);
  }
  .nomatch {
    color: var(--_muted);
    font-style: italic;
  }
  .key {
    margin: calc(var(--_space) / 2) 0 0;
    font-size: var(--_small);
    color: var(--_muted);
  }
  .key dl {
    display: inline;
    margin: 0;
  }
  .key dt,
  .key dd {
    display: inline;
    margin: 0;
  }
  .key dt {
    font-weight: 600;
    color: var(--_text);
  }
  .key dd::after {
    content: ';';
    margin-right: 0.4em;
  }
  .key dd:last-child::after {
    content: '';
  }
  .key p {
    margin: 0.15em 0;
  }
  .caption {
    font-size: var(--_small);
  }
  /* the skeleton is a table with the same cells: same row heights as the table that comes */
  /* one pulse of the whole skeleton (opacity: on the compositor) instead of a shimmer per bar, which repaints every frame */
  .skeleton-table {
    animation: fokus-table-pulse 1.4s ease-in-out infinite alternate;
  }
  .skeleton-table .skeleton {
    animation: none;
  }
  @keyframes fokus-table-pulse {
    to {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton-table {
      animation: none;
    }
  }
  .skeleton-table .bar {
    display: inline-block;
    vertical-align: middle;
    height: 1em;
    width: 3.5em;
  }
  .skeleton-table .bar.name {
    width: 8em;
  }
  .skeleton-table .bar.spark {
    width: 64px;
    height: 18px;
  }
  .skeleton-table .bar.title {
    width: 16em;
    max-width: 100%;
  }
  .skeleton-table .bar.filter {
    width: 12em;
    height: 1.9em;
  }
  .skeleton-table .bar.line {
    width: 24em;
    max-width: 100%;
  }
  .skeleton-table tbody th,
  .skeleton-table thead th {
    position: static;
    box-shadow: none;
  }
  .skeleton-table tr.rest td .bar {
    visibility: hidden;
  }
  .skeleton-window {
    height: var(--_max-height);
  }
  .skeleton-table .toolbar button {
    width: 8em;
    visibility: hidden;
  }
  @media print {
    /* no controls on paper; all rows, every column, the header repeated on each page */
    .controls,
    .toolbar,
    .kbd-hint,
    .arrow,
    tr.spacer {
      display: none !important;
    }
    .scroller,
    .scroller.windowed {
      overflow: visible;
      max-height: none;
      container-type: normal;
    }
    table {
      width: 100%;
      font-size: 9pt;
    }
    thead {
      display: table-header-group;
      position: static;
    }
    tbody.references {
      position: static;
    }
    tbody th,
    thead tr:first-child > th:first-child {
      position: static;
      box-shadow: none;
    }
    th,
    td,
    tbody th {
      white-space: normal;
      max-width: none;
      overflow: visible;
    }
    tr {
      break-inside: avoid;
    }
    .caption,
    .key {
      break-inside: avoid;
    }
  }
  @media (forced-colors: active) {
    tr.selected th {
      outline: 2px solid Highlight;
    }
    svg.spark path {
      stroke: CanvasText;
    }
    svg.spark circle {
      fill: CanvasText;
    }
  }
`;
