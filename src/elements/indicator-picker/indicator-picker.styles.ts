import { css } from 'lit';

export const styles = css`
  :host {
    max-width: 40rem;
  }
  label {
    display: block;
    font-size: 0.85em;
    font-weight: 600;
    margin-bottom: 0.2em;
  }
  select {
    font: inherit;
    width: 100%;
    max-width: 28rem;
    padding: 0.35em 0.4em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  .definition {
    margin: 0.4em 0 0;
    font-size: 0.85em;
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
    height: 2.2em;
    max-width: 28rem;
  }
`;
