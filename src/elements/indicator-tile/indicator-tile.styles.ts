import { css } from 'lit';

export const styles = css`
  :host {
    --_better: var(--fokus-color-better, #1b7a3a);
    --_worse: var(--fokus-color-worse, #b3261e);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
  }
  p {
    margin: 0.2em 0;
  }
  /* long German compounds ("Mindestsicherungsquote") break inside a narrow card: hyphenated
     where the browser has a dictionary for the label's lang, else anywhere */
  .label {
    font-weight: 600;
    font-size: var(--_fs);
    margin: 0.2em 0;
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  .where {
    color: var(--_muted);
    font-size: var(--_fs-small);
  }
  .value {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.4em;
    margin: 0.3em 0;
  }
  .number {
    font-size: var(--_fs-large);
    font-weight: 700;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
    color: var(--_accent);
  }
  .unit {
    color: var(--_muted);
    font-size: var(--_fs-small);
  }
  .change {
    font-size: var(--_fs-small);
    font-variant-numeric: tabular-nums;
  }
  .change.better .delta {
    color: var(--_better);
  }
  .change.worse .delta {
    color: var(--_worse);
  }
  .delta {
    font-weight: 600;
  }
  .sentence {
    font-size: var(--_fs-small);
  }
  .warning {
    font-size: var(--_fs-small);
    border-left: 4px solid #b7791f;
    background: #fff8e6;
    color: #5c3d00;
    padding: 0.3em 0.5em;
    margin-top: 0.4em;
  }
  .skeleton.tile-line {
    height: 1em;
    margin: 0.3em 0;
    width: 60%;
  }
  .skeleton.tile-number {
    height: 2.2em;
    width: 40%;
    margin: 0.3em 0;
  }
  @media (forced-colors: active) {
    .warning {
      border-left-color: CanvasText;
    }
  }
`;
