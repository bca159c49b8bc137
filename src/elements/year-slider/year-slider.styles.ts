import { css } from 'lit';

export const styles = css`
  .row {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  label {
    font-size: var(--_fs-small);
    font-weight: 600;
  }
  /* touch: the whole 44px-high band takes the thumb (WCAG 2.5.8 target size) */
  input[type='range'] {
    flex: 1;
    min-width: 128px;
    min-height: 44px;
    margin: 0;
    cursor: pointer;
    accent-color: var(--_accent);
  }
  output {
    font-weight: 600;
    font-size: var(--_fs-title);
    font-variant-numeric: tabular-nums;
    min-width: 3ch;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    font-size: var(--_fs-small);
    color: var(--_muted);
  }
  button.play {
    min-width: 7.5em;
    min-height: 44px;
  }
  @media print {
    :host {
      display: none !important;
    }
  }
  .skeleton.slider {
    height: 72px;
  }
`;
