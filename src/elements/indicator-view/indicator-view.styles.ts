import { css } from 'lit';

/** Styles of `<indicator-view>`: the tablist, the panels, and the parts of the children it replaces. */
export const styles = css`
  :host {
    display: block;
  }
  [role='group'] {
    margin: 0;
  }
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin: 0 0 var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  [role='tab'] {
    font: inherit;
    padding: 0.4em 0.9em;
    margin-bottom: -1px;
    border: 1px solid transparent;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: none;
    color: var(--_accent);
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    border-color: var(--_border);
    border-bottom-color: var(--_bg);
    background: var(--_bg);
    color: var(--_text);
    font-weight: 600;
  }
  [role='tab']:focus-visible,
  [role='tabpanel']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  [role='tabpanel'] {
    min-height: 8rem;
  }
  /* the view shows one title, toolbar and caption for every tab */
  [role='tabpanel'] > *::part(title),
  [role='tabpanel'] > *::part(toolbar),
  [role='tabpanel'] > *::part(caption) {
    display: none;
  }
  .notes {
    font-size: 0.9em;
    color: var(--_muted);
  }
  .notes p,
  .definition {
    margin: calc(var(--_space) / 2) 0 0;
  }
  /* before the catalog is read: as tall as a page reserves for the view (demo/reserve.css), no taller than it draws */
  .skeleton.view {
    height: 600px;
  }
`;
