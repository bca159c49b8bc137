/**
 * The demo pages as the field tests (reflow, cross-browser) see them: every page, the widgets
 * it holds, and what proves that each widget drew real marks.
 */

/** Every custom element of the library, as a selector. */
export const WIDGETS =
  'indicator-chart, municipality-map, comparison-table, indicator-tile, region-picker, indicator-picker, year-slider, region-profile, indicator-insights, indicator-view, scatter-chart';

export interface DemoPage {
  /** Path under the demo root. */
  path: string;
  /** Served under the strict CSP (the CSP demo pages). */
  csp?: boolean;
}

export const DEMO_PAGES: DemoPage[] = [
  { path: 'index.html' },
  { path: 'dashboard.html' },
  { path: 'kreis.html' },
  { path: 'elmshorn.html' },
  { path: 'land.html' },
  { path: 'table-only.html' },
  { path: 'csp-chart.html', csp: true },
  { path: 'csp-map.html', csp: true },
  { path: 'builder.html' },
  { path: 'view.html' },
  { path: 'stadtteile.html' },
];

/**
 * Marks that prove a widget drew something, by element: searched inside its shadow root;
 * `a >> b` searches `b` inside the shadow roots of the `a` elements found there (the view's
 * open tab).
 */
export const MARKS: Record<string, string> = {
  'indicator-chart': 'svg path, svg line, svg rect, canvas',
  'municipality-map': 'svg path, canvas',
  'comparison-table': 'tbody tr th, tbody tr td',
  'indicator-tile': '.value',
  'region-picker': 'input, select',
  'indicator-picker': 'select, input',
  'year-slider': 'input[type="range"]',
  'region-profile': 'table tr, indicator-tile',
  'indicator-insights': 'li.finding',
  'scatter-chart': 'svg circle',
  'indicator-view':
    'comparison-table >> tbody tr td, indicator-chart >> svg path, municipality-map >> svg path, municipality-map >> canvas',
};

/**
 * Browser-side script (a plain string, so any driver can run it and no bundler helper leaks
 * in): returns, per widget on the page, the number of marks found inside its shadow root.
 */
export const COUNT_MARKS = `(() => {
  const marks = ${JSON.stringify(MARKS)};
  const found = [];
  for (const [name, selector] of Object.entries(marks)) {
    for (const el of document.querySelectorAll(name)) {
      const root = el.shadowRoot;
      let count = root ? 0 : -1;
      for (const part of root ? selector.split(',') : []) {
        const [outer, inner] = part.split('>>').map((x) => x.trim());
        if (!inner) count += root.querySelectorAll(outer).length;
        else for (const host of root.querySelectorAll(outer)) count += host.shadowRoot ? host.shadowRoot.querySelectorAll(inner).length : 0;
      }
      found.push(name + (el.id ? '#' + el.id : '') + '=' + count);
    }
  }
  return found;
})()`;

/**
 * Browser-side script: the document's scroll width, the viewport width, and the elements
 * (light DOM and shadow roots) whose right edge lies beyond the viewport: those ending where
 * the page ends first (they are what widens it; the rest may be clipped by a scroll box).
 */
export const OVERFLOW = `(() => {
  const vw = document.documentElement.clientWidth;
  const sw = document.scrollingElement.scrollWidth;
  const out = [];
  const walk = (root, path) => {
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > vw + 0.5) {
        const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
        out.push({ right: Math.round(r.right), what: path + el.localName + (el.id ? '#' + el.id : '') + cls });
      }
      if (el.shadowRoot) walk(el.shadowRoot, path + el.localName + ' >> ');
    }
  };
  walk(document, '');
  const atEdge = out.filter((o) => Math.abs(o.right - sw) <= 1);
  const listed = (atEdge.length ? atEdge : out).slice(0, 8).map((o) => o.what + ' (right ' + o.right + ')');
  return { vw, sw, offenders: listed };
})()`;
