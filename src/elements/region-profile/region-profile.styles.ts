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
  th {
    text-align: left;
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
