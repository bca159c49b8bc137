import { css } from 'lit';

export const styles = css`
  :host {
    max-width: 640px;
  }
  label {
    display: block;
    font-size: var(--_fs-small);
    font-weight: 600;
    margin-bottom: 0.2em;
  }
  select {
    font: inherit;
    width: 100%;
    max-width: 448px;
    min-height: 44px;
    padding: 0.35em 0.4em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  .definition {
    margin: 0.4em 0 0;
    font-size: var(--_fs-small);
    color: var(--_muted);
  }
  .definition p {
    margin: 0.15em 0;
  }
  .definition dt {
    display: inline;
    font-weight: 600;
  }
  .definition dd {
    display: inline;
    margin: 0 0.8em 0 0.2em;
  }
  .definition dl {
    margin: 0.2em 0 0;
  }
  .skeleton.select {
    height: 72px;
    max-width: 448px;
  }
  .print-only {
    display: none;
  }
  @media print {
    label {
      display: none;
    }
    .print-only {
      display: block;
      margin: 0;
      font-weight: 600;
    }
  }
`;
