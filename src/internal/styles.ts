import { css } from 'lit';

/**
 * Theme tokens. Every element reads these `--fokus-*` custom properties; a page sets
 * them on any ancestor (or `:root`) to theme all widgets at once.
 *
 * @cssprop --fokus-font-family - Font stack (default: the page's font).
 * @cssprop --fokus-font-size - Base font size.
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
export const tokens = css`
  :host {
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
    --_space: var(--fokus-space, 0.5rem);
  }
`;

/** Shared base styles: layout, states, captions, buttons, focus. */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--fokus-font-size, 1rem);
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
    font-size: 1.1em;
    font-weight: 600;
    margin: 0 0 calc(var(--_space) / 2);
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
    font-size: 0.8em;
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
  }
  button,
  select,
  summary {
    font: inherit;
    font-size: 0.85em;
  }
  button {
    color: var(--_accent);
    background: var(--_bg);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.25em 0.6em;
    cursor: pointer;
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
    font-size: 0.9em;
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
