import { css } from 'lit';

export const styles = css`
  [role='heading'] {
    font-weight: 600;
    font-size: 1.1em;
    margin: calc(var(--_space) * 2) 0 var(--_space);
  }
  header [role='heading'] {
    font-size: 1.5em;
    margin: 0;
  }
  header p {
    margin: 0.1em 0 0;
    color: var(--_muted);
  }
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(15rem, 100%), 1fr));
    gap: var(--_space);
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr));
    gap: calc(var(--_space) * 2);
  }
  table {
    width: 100%;
  }
  th {
    text-align: left;
  }
  .skeleton.block {
    height: 8rem;
    margin-bottom: var(--_space);
  }
`;
