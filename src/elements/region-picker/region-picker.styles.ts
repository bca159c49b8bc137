import { css } from 'lit';

export const styles = css`
  :host {
    --_max-height: var(--fokus-picker-max-height, 320px);
    position: relative;
    max-width: 448px;
  }
  label {
    display: block;
    font-size: var(--_fs-small);
    font-weight: 600;
    margin-bottom: 0.2em;
  }
  .combo {
    display: flex;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .combo:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  input {
    flex: 1;
    min-width: 0;
    font: inherit;
    padding: 0.35em 0.5em;
    min-height: 44px;
    border: 0;
    background: transparent;
    color: var(--_text);
  }
  input:focus-visible {
    outline: none;
  }
  .combo button {
    border: 0;
    border-left: 1px solid var(--_border);
    border-radius: 0 var(--_radius) var(--_radius) 0;
    color: var(--_text);
    min-width: 44px;
    min-height: 44px;
  }
  [role='listbox'] {
    position: absolute;
    z-index: 10;
    left: 0;
    right: 0;
    max-height: var(--_max-height);
    overflow-y: auto;
    margin-top: 2px;
    padding: 0.2em 0;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
  }
  [role='listbox'][hidden] {
    display: none;
  }
  .group-label {
    padding: 0.3em 0.6em 0.1em;
    font-size: var(--_fs-small);
    font-weight: 600;
    color: var(--_muted);
  }
  [role='option'] {
    display: flex;
    align-items: center;
    gap: 0.3em;
    min-height: 32px;
    padding: 0.25em 0.6em 0.25em 1.2em;
    cursor: pointer;
  }
  @media (pointer: coarse) {
    [role='option'] {
      min-height: 44px;
    }
  }
  [role='option'] .kind {
    color: var(--_muted);
    font-size: var(--_fs-small);
  }
  [role='option'].active {
    background: var(--_accent);
    color: var(--_bg);
  }
  [role='option'].active .kind {
    color: inherit;
  }
  [role='option'][aria-selected='true'] {
    font-weight: 600;
  }
  .skeleton.input {
    height: 72px;
  }
  @media print {
    :host {
      display: none !important;
    }
  }
  @media (forced-colors: active) {
    [role='option'].active {
      outline: 2px solid Highlight;
    }
  }
`;
