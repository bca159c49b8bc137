import { css } from 'lit';

/**
 * Theme tokens. Every element reads these `--fokus-*` custom properties; a page sets
 * them on any ancestor (or `:root`) to theme all widgets at once.
 *
 * @cssprop --fokus-font-family - Font stack (default: the page's font).
 * @cssprop --fokus-font-size - Base font size in px (default 16px; never from the page's root font size).
 * @cssprop --fokus-color-text - Text colour.
 * @cssprop --fokus-color-muted - Secondary text (captions, axes).
 * @cssprop --fokus-color-background - Background of the widget.
 * @cssprop --fokus-color-surface - Background of panels, skeletons and table stripes.
 * @cssprop --fokus-color-border - Lines and borders.
 * @cssprop --fokus-color-accent - Primary series colour, selection and buttons.
 * @cssprop --fokus-color-reference - Colour of reference regions (Kreis, Land).
 * @cssprop --fokus-color-focus - Focus outline.
 * @cssprop --fokus-color-error - Error text and border.
 * @cssprop --fokus-color-missing - Fill for suppressed or missing values.
 * @cssprop --fokus-radius - Corner radius.
 * @cssprop --fokus-space - Base spacing unit.
 */
/**
 * Text sizes (private tokens every element uses; all in px, so a host theme with
 * `html { font-size: 62.5% }` does not shrink them, and never below 12px):
 * - `--_fs`: body text (`--fokus-font-size`, default 16px);
 * - `--_fs-small`: secondary text a reader must read: captions, units, labels, notes (14px at the default, >= 12px);
 * - `--_fs-min`: the smallest text: axis labels, symbols, superscripts, legend notes (12px at the default, >= 12px);
 * - `--_fs-title`: the widget's title (18px at the default); `--_fs-large`: big numbers (32px).
 * Use these instead of `em`/`rem` for small text: `font-size: var(--_fs-min)`.
 */
export const tokens = css`
  :host {
    --_fs: max(12px, var(--fokus-font-size, 16px));
    --_fs-small: max(12px, calc(var(--_fs) * 0.875));
    --_fs-min: max(12px, calc(var(--_fs) * 0.75));
    --_fs-title: max(12px, calc(var(--_fs) * 1.125));
    --_fs-large: max(12px, calc(var(--_fs) * 2));
    --_font: var(--fokus-font-family, inherit);
    --_text: var(--fokus-color-text, #1f2933);
    --_muted: var(--fokus-color-muted, #52606d);
    --_bg: var(--fokus-color-background, #ffffff);
    --_surface: var(--fokus-color-surface, #f1f3f5);
    --_border: var(--fokus-color-border, #858f99);
    --_accent: var(--fokus-color-accent, #005b96);
    --_reference: var(--fokus-color-reference, #5f6b76);
    --_focus: var(--fokus-color-focus, #d35400);
    --_error: var(--fokus-color-error, #b00020);
    --_missing: var(--fokus-color-missing, #d9d9d9);
    --_radius: var(--fokus-radius, 4px);
    --_space: var(--fokus-space, 8px);
  }
`;

/** Shared base styles: layout, states, captions, buttons, focus. */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_fs);
    color: var(--_text);
    background: var(--_bg);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  sup,
  sub,
  small {
    font-size: var(--_fs-min);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .title {
    font-size: var(--_fs-title);
    font-weight: 600;
    margin: 0 0 calc(var(--_space) / 2);
  }
  .loading {
    display: flex;
    flex-direction: column;
  }
  .loading > .skeleton.fill {
    flex: 1 1 auto;
    min-height: 2em;
  }
  .skeleton {
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface) 25%, var(--_border) 50%, var(--_surface) 75%);
    background-size: 200% 100%;
    animation: fokus-shimmer 1.4s ease-in-out infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  /* parts of the coming view rendered while loading, invisible, to reserve their lines */
  .reserve {
    visibility: hidden;
  }
  @keyframes fokus-shimmer {
    from {
      background-position: 200% 0;
    }
    to {
      background-position: -200% 0;
    }
  }
  .state {
    display: flex;
    align-items: center;
    justify-content: center;
    padding: var(--_space);
    border-radius: var(--_radius);
    text-align: center;
  }
  .empty {
    background: var(--_surface);
    color: var(--_muted);
  }
  .error {
    border: 2px solid var(--_error);
    color: var(--_error);
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .error strong {
    color: var(--_text);
  }
  .caption {
    margin-top: calc(var(--_space) / 2);
    font-size: var(--_fs-small);
    color: var(--_muted);
  }
  .caption p {
    margin: 0.15em 0;
  }
  .notice {
    font-style: italic;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin-top: calc(var(--_space) / 2);
    max-width: 100%;
  }
  .toolbar > button {
    flex: 0 1 auto;
    max-width: 100%;
    white-space: normal;
    overflow-wrap: anywhere;
  }
  button,
  select,
  summary {
    font: inherit;
    font-size: var(--_fs-small);
  }
  button {
    color: var(--_accent);
    background: var(--_bg);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.25em 0.6em;
    min-height: 32px;
    min-width: 32px;
    cursor: pointer;
  }
  @media (pointer: coarse) {
    button,
    select {
      min-height: 44px;
      min-width: 44px;
    }
  }
  button:hover {
    background: var(--_surface);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  table {
    border-collapse: collapse;
    font-size: max(12px, calc(var(--_fs) * 0.9375));
  }
  th,
  td {
    padding: 0.25em 0.5em;
    border-bottom: 1px solid var(--_border);
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: 0.25em;
  }
  /* A widget inside a widget (a view's open tab, a profile's chart) is an empty inline box
     until its code has arrived: reserve about its skeleton's height meanwhile, so the parts
     of the outer widget below it do not jump (CLS). Host pages do the same for their own
     widgets (see demo/reserve.css). */
  :is(indicator-chart, municipality-map, comparison-table, indicator-tile, indicator-insights, scatter-chart):not(
    :defined
  ) {
    display: block;
  }
  indicator-chart:not(:defined) {
    min-height: 430px;
  }
  municipality-map:not(:defined) {
    min-height: 600px;
  }
  comparison-table:not(:defined) {
    min-height: 500px;
  }
  indicator-tile:not(:defined) {
    min-height: 175px;
  }
  :is(indicator-insights, scatter-chart):not(:defined) {
    min-height: 350px;
  }
  /* Print: no controls, the widget at page width, source and licence kept. */
  @media print {
    :host {
      width: 100% !important;
      max-width: none !important;
      background: none;
      break-inside: auto;
    }
    .toolbar,
    button:not(th button, td button, caption button),
    input,
    select,
    summary,
    [part~='controls'],
    [role='tablist'],
    .no-print {
      display: none !important;
    }
    /* a table's names and headings are buttons on screen (select, sort): text on paper */
    :is(th, td, caption) button {
      all: unset;
      display: inline;
      font: inherit;
      color: inherit;
      text-align: inherit;
    }
    .caption,
    .caption p,
    .source {
      display: block !important;
    }
    .skeleton {
      animation: none;
    }
    svg,
    canvas,
    img,
    table {
      max-width: 100% !important;
    }
    .title,
    h1,
    h2,
    h3,
    h4,
    h5,
    h6 {
      break-after: avoid;
    }
  }
  @media (forced-colors: active) {
    .skeleton {
      background: Canvas;
      border: 1px solid CanvasText;
    }
    .error {
      border-color: CanvasText;
    }
  }
`;
