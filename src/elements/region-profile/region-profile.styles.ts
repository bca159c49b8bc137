import { css } from 'lit';

export const styles = css`
  [role='heading'] {
    font-weight: 600;
    font-size: var(--_fs-title);
    margin: calc(var(--_space) * 2) 0 var(--_space);
  }
  header [role='heading'] {
    font-size: calc(var(--_fs) * 1.5);
    margin: 0;
  }
  header p {
    margin: 0.1em 0 0;
    color: var(--_muted);
  }
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(240px, 100%), 1fr));
    gap: var(--_space);
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(320px, 100%), 1fr));
    gap: calc(var(--_space) * 2);
  }
  table {
    width: 100%;
  }
  /* the rank table at phone widths (320px): narrower cell padding, the first cell flush */
  @media (max-width: 30rem) {
    table[part='place'] :is(th, td) {
      padding-inline: 0.3em;
    }
    table[part='place'] :is(th, td):first-child {
      padding-inline-start: 0;
    }
  }
  th {
    text-align: left;
  }
  /* the interval under a rate and the plausible ranks under its rank, on their own lines */
  td .ci,
  td .range {
    display: block;
    font-size: var(--_fs-small);
    color: var(--_muted);
  }
  td .ci,
  td .rank {
    white-space: nowrap;
  }
  .overlap {
    color: var(--_muted);
  }
  .key {
    font-size: var(--_fs-small);
    color: var(--_muted);
    margin: calc(var(--_space) / 2) 0 0;
  }
  .loading {
    gap: var(--_space);
  }
  .skeleton.block {
    flex: 1 1 0;
  }
  .skeleton.head {
    height: 64px;
  }
`;
