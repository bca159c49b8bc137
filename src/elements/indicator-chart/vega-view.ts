/**
 * The Vega side of `<indicator-chart>`: lazy loading, drawing into a container inside the
 * shadow root under a strict CSP, resizing, signals, mark positions and image export.
 * The lean runtime (`vega-runtime.ts`: Vega's view, parser and only the transforms the
 * templates use, the templates' expressions compiled at build time) and the precompiled templates are imported
 * dynamically (one chunk, requested as soon as a chart element exists), so pages without a
 * chart never download them. Neither Vega-Lite nor the `vega` bundle is loaded in the browser.
 */
import type { View } from 'vega';
import { captionLines } from '../../internal/caption.js';
import { buildChartSpec, type ChartSpec, type ChartTheme } from './chart-spec.js';
import type { ChartData } from './chart-data.js';

type TooltipHandler = (handler: unknown, event: MouseEvent, item: unknown, value: unknown) => void;

/** A drawn view and how to tear it down (the shape vega-embed's result had). */
export interface Result {
  view: View;
  finalize(): void;
}

let runtime: Promise<typeof import('./vega-runtime.js')> | undefined;
function loadVega() {
  // A failed load (e.g. offline) is not cached: the next draw tries again.
  runtime ??= import('./vega-runtime.js').catch((error: unknown) => {
    runtime = undefined;
    throw error;
  });
  return runtime;
}

type Runtime = typeof import('./vega-runtime.js');

type PostTask = (task: () => void, options: { priority: 'user-visible' }) => Promise<unknown>;

/**
 * Runs `task` in a task of its own, queued behind the tasks due now (`scheduler.postTask`
 * where the browser has it: not clamped like nested timers; else a timer). At background
 * priority the page's loading work starved it until after the data had arrived.
 */
function nextTask(task: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (scheduler?.postTask) scheduler.postTask(task, { priority: 'user-visible' }).catch(() => undefined);
  else setTimeout(task, 0);
}

/**
 * A view of `spec`'s template: the template parsed once per page (`runtimeSpec`), the inputs
 * set as datasets and signals before the first run. Expressions are evaluated by the
 * functions compiled at build time (chart-expressions.ts: no `eval`, strict CSP). Not yet run.
 */
export function templateView(
  vega: Runtime,
  spec: ChartSpec,
  options: { renderer: 'svg' | 'none'; logger?: unknown },
  prepared?: View,
): View {
  const view = prepared ?? emptyView(vega, spec.template, spec.locale, options);
  for (const [name, values] of Object.entries(spec.datasets)) view.data(name, values);
  for (const [name, value] of Object.entries(spec.signals)) view.signal(name, value);
  view.width(spec.width);
  // the screen templates size the plot with `height`, the export templates (vconcat) with `childHeight`
  if (spec.template.endsWith('-export')) view.signal('childHeight', spec.height);
  else view.height(spec.height);
  return view;
}

/** A view of a template, its inputs not yet set (`templateView` sets them). */
function emptyView(
  vega: Runtime,
  template: ChartSpec['template'],
  locale: ChartSpec['locale'],
  options: { renderer: 'svg' | 'none'; logger?: unknown },
): View {
  return new vega.View(vega.runtimeSpec(template), {
    ...options,
    logLevel: options.logger ? 2 : 0,
    expr: vega.chartExpressions,
    locale: { number: locale },
  } as unknown as ConstructorParameters<Runtime['View']>[1]);
}

/** A view made ahead (while the data load) for the template and locale a draw is expected to use. */
interface Spare {
  template: ChartSpec['template'];
  locale: ChartSpec['locale'];
  view: View;
}

/** Draws `spec` into `container` (SVG), or off-screen without one: no logging, no `<style>` injected. */
async function embed(
  container: HTMLElement | null,
  spec: ChartSpec,
  tooltip: TooltipHandler | false,
  spare?: Spare,
): Promise<Result> {
  const vega = await loadVega();
  const prepared = spare && spare.template === spec.template && spare.locale === spec.locale ? spare.view : undefined;
  if (spare && !prepared) spare.view.finalize();
  const view = templateView(vega, spec, { renderer: container ? 'svg' : 'none' }, prepared);
  if (tooltip) view.tooltip(tooltip as Parameters<View['tooltip']>[0]);
  if (container) {
    container.replaceChildren();
    view.initialize(container);
  }
  await view.runAsync();
  return { view, finalize: () => view.finalize() };
}

interface SceneItem {
  x?: number;
  y?: number;
  bounds?: { x1: number; y1: number; x2: number; y2: number };
  datum?: { key?: string };
  items?: SceneNode[];
}
interface SceneNode {
  marktype?: string;
  items?: SceneItem[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class ChartView {
  result?: Result;
  private token = 0;
  private spare?: Spare;
  private preparing?: string;
  private drawn = false;

  constructor() {
    // Start loading the runtime while the element fetches its data (a failed load is retried on draw).
    loadVega().catch(() => undefined);
  }

  /**
   * While the catalog and the data load: parses the template the next draw is expected to use
   * and makes its view (Vega's operators) as soon as the runtime has arrived, each in a task of
   * its own (`nextTask`), so that the work fills the waits for the catalog and the data (locally
   * the data follow the catalog too fast for it to wait for the catalog). A draw with another
   * template or locale discards it; a draw before it is ready does the work itself.
   */
  prepare(template: ChartSpec['template'], locale: ChartSpec['locale']): void {
    const key = `${template} ${locale.decimal}`;
    if (this.drawn || this.preparing === key) return;
    this.preparing = key;
    const wanted = () => this.preparing === key && !this.drawn;
    loadVega()
      .then((vega) =>
        nextTask(() => {
          if (!wanted()) return;
          vega.runtimeSpec(template);
          nextTask(() => {
            if (!wanted()) return;
            this.spare?.view.finalize();
            this.spare = { template, locale, view: emptyView(vega, template, locale, { renderer: 'svg' }) };
          });
        }),
      )
      .catch(() => undefined);
  }

  /**
   * Embeds `spec` into `container`, finalizing the previous view. Resolves to false when a
   * newer draw (or `finalize()`) superseded this one.
   */
  async draw(container: HTMLElement, spec: ChartSpec, tooltip: TooltipHandler): Promise<boolean> {
    const token = ++this.token;
    this.drawn = true;
    await loadVega();
    if (token !== this.token) return false;
    this.result?.finalize();
    this.result = undefined;
    const spare = this.spare;
    this.spare = undefined;
    this.preparing = undefined;
    const result = await embed(container, spec, tooltip, spare);
    if (token !== this.token) {
      result.finalize();
      return false;
    }
    this.result = result;
    return true;
  }

  /** Sets the total width (the spec autosizes with `fit-x`). */
  async resize(width: number): Promise<void> {
    const view = this.result?.view;
    if (!view || Math.abs(view.width() - width) < 1) return;
    await view.width(width).runAsync();
  }

  async signal(name: string, value: unknown): Promise<void> {
    const view = this.result?.view;
    if (!view) return;
    await view.signal(name, value).runAsync();
  }

  /** The box of the mark whose datum has `key` (symbol or rect), in SVG pixels. */
  markBox(key: string): Box | undefined {
    const view = this.result?.view;
    if (!view) return undefined;
    const [ox, oy] = view.origin();
    let found: Box | undefined;
    const visitMark = (mark: SceneNode, dx: number, dy: number) => {
      for (const item of mark.items ?? []) {
        if (found) return;
        if (mark.marktype === 'group') {
          for (const child of item.items ?? []) visitMark(child, dx + (item.x ?? 0), dy + (item.y ?? 0));
        } else if ((mark.marktype === 'symbol' || mark.marktype === 'rect') && item.datum?.key === key && item.bounds) {
          const b = item.bounds;
          found = { x: dx + b.x1, y: dy + b.y1, width: b.x2 - b.x1, height: b.y2 - b.y1 };
        }
      }
    };
    visitMark((view.scenegraph() as unknown as { root: SceneNode }).root, ox, oy);
    return found;
  }

  /** Calls `listener` on every click or tap in the chart, with the datum of the mark hit (or undefined). */
  onClick(listener: (datum: Record<string, unknown> | undefined, event: MouseEvent) => void): void {
    this.result?.view.addEventListener('click', (event, item) => {
      listener((item as { datum?: Record<string, unknown> } | null | undefined)?.datum, event as MouseEvent);
    });
  }

  finalize(): void {
    this.token++;
    this.result?.finalize();
    this.result = undefined;
    this.spare?.view.finalize();
    this.spare = undefined;
    this.preparing = undefined;
  }
}

/** Renders `spec` off-screen and returns an SVG text or a PNG data URL. */
export async function renderImage(spec: ChartSpec, format: 'svg' | 'png'): Promise<string> {
  const result = await embed(null, spec, false);
  try {
    return format === 'svg' ? await result.view.toSVG() : await result.view.toImageURL('png', 2);
  } finally {
    result.finalize();
  }
}

/** The chart of `v` as an SVG text or PNG data URL, with title, source and licence. */
export function chartImage(
  v: ChartData,
  format: 'svg' | 'png',
  o: { width: number; height?: number; theme: ChartTheme },
): Promise<string> {
  const footer = captionLines(v.catalog, v.indicators, v.model.lang).filter(Boolean);
  const exported = { title: v.model.title, subtitle: v.model.scope, footer };
  return renderImage(buildChartSpec(v.model, { ...o, export: exported }), format);
}
