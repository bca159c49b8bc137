/** The element each tab of `<indicator-view>` shows, created with the view's attributes. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ViewName } from './view-tabs.js';

/** The view's attributes that its tabs take over (empty or undefined: not set); the view element itself is one. */
export interface ViewAttrs {
  indicator: string;
  level: string;
  parent: string;
  year?: number;
  selected: string;
  type: 'bar' | 'line';
  region: string;
  compare: string;
  from?: number;
  to?: number;
  reference: string;
  method: string;
  classes?: number;
  breaks: string;
  scheme: string;
  sort: string;
  direction: string;
}

/** What the view resolves for the element of its open tab. */
export interface PanelContext {
  endpoint: string;
  group: string;
  link: string;
  /** The heading of the tab's element (its own is hidden: the view shows one title). */
  label: string;
}

const opt = (v: string | number | undefined) => (v === undefined || v === '' ? nothing : v);

/** `<indicator-chart>`: bars of the regions of `level` in `parent`, or the lines of `region` and `compare`. */
function chartPanel(a: ViewAttrs, c: PanelContext): TemplateResult {
  const bar = a.type === 'bar';
  return html`<indicator-chart
    endpoint=${c.endpoint}
    group=${opt(c.group)}
    link=${opt(c.link)}
    indicator=${a.indicator}
    type=${a.type}
    level=${opt(bar ? a.level : '')}
    parent=${opt(bar ? a.parent : '')}
    region=${opt(a.region)}
    compare=${opt(a.compare)}
    year=${opt(a.year)}
    from=${opt(a.from)}
    to=${opt(a.to)}
    label=${c.label}
    no-table
    no-source
  ></indicator-chart>`;
}

/** `<municipality-map>` of the regions of `level` in `parent` (the first `reference` colours the deviation). */
function mapPanel(a: ViewAttrs, c: PanelContext): TemplateResult {
  return html`<municipality-map
    endpoint=${c.endpoint}
    group=${opt(c.group)}
    link=${opt(c.link)}
    indicator=${a.indicator}
    level=${a.level}
    parent=${opt(a.parent)}
    year=${opt(a.year)}
    selected=${opt(a.selected)}
    reference=${opt(a.reference.split(/[\s,;]+/)[0])}
    method=${opt(a.method)}
    classes=${opt(a.classes)}
    breaks=${opt(a.breaks)}
    scheme=${opt(a.scheme)}
    label=${c.label}
    no-download
  ></municipality-map>`;
}

/** `<comparison-table>` of the regions of `level` in `parent`, with the `reference` rows. */
function tablePanel(a: ViewAttrs, c: PanelContext): TemplateResult {
  return html`<comparison-table
    endpoint=${c.endpoint}
    group=${opt(c.group)}
    link=${opt(c.link)}
    indicators=${a.indicator}
    level=${a.level}
    parent=${opt(a.parent)}
    year=${opt(a.year)}
    from=${opt(a.from)}
    to=${opt(a.to)}
    selected=${opt(a.selected)}
    reference=${opt(a.reference)}
    sort=${opt(a.sort)}
    direction=${opt(a.direction)}
    label=${c.label}
    no-download
  ></comparison-table>`;
}

/** The element of tab `name`. */
export function renderPanel(name: ViewName, attrs: ViewAttrs, context: PanelContext): TemplateResult {
  const panel = name === 'chart' ? chartPanel : name === 'map' ? mapPanel : tablePanel;
  return panel(attrs, context);
}
