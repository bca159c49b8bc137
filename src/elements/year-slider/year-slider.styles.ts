import { css } from 'lit';

export const styles = css`
  .row {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  label {
    font-size: 0.85em;
    font-weight: 600;
  }
  input[type='range'] {
    flex: 1;
    min-width: 8rem;
    accent-color: var(--_accent);
  }
  output {
    font-weight: 600;
    font-size: 1.1em;
    font-variant-numeric: tabular-nums;
    min-width: 3ch;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    font-size: 0.8em;
    color: var(--_muted);
  }
  button.play {
    min-width: 7.5em;
  }
  .skeleton.slider {
    height: 2.2em;
  }
`;
