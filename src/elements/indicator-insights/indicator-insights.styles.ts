import { css } from 'lit';

export const styles = css`
  :host {
    --_notable: var(--fokus-color-notable, #8a4b00);
    --_caution: var(--fokus-color-caution, #5f6b76);
  }
  .heading {
    font-weight: 600;
    margin: 0 0 calc(var(--_space) / 2);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    border-left: 4px solid var(--_border);
    padding: 0.2em 0 0.2em 0.6em;
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  li.notable {
    border-left-color: var(--_notable);
  }
  li.caution {
    border-left-style: dashed;
    border-left-color: var(--_caution);
  }
  .verdict {
    display: inline-block;
    font-size: 0.75em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.03em;
    color: var(--_muted);
    margin-right: 0.4em;
  }
  li.notable .verdict {
    color: var(--_notable);
  }
  .text {
    margin: 0.1em 0;
  }
  details {
    margin-top: 0.2em;
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
    width: fit-content;
  }
  .method {
    font-size: 0.9em;
    padding: 0.3em 0 0.3em 0.2em;
  }
  .method p {
    margin: 0.3em 0;
  }
  dl {
    display: grid;
    grid-template-columns: max-content auto;
    gap: 0.1em 0.8em;
    margin: 0.3em 0;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  tbody th {
    text-align: left;
    font-weight: normal;
  }
  .table-wrap {
    overflow-x: auto;
    max-height: 20em;
    overflow-y: auto;
  }
  .disclaimer {
    font-size: 0.8em;
    color: var(--_muted);
    margin: 0.3em 0;
  }
  .skeleton.line {
    height: 1em;
    margin: 0.5em 0;
  }
  .skeleton.short {
    width: 40%;
  }
  @media (forced-colors: active) {
    li,
    li.notable,
    li.caution {
      border-left-color: CanvasText;
    }
  }
`;
