/**
 * The Vega side of `<indicator-chart>`: lazy loading, drawing into a container inside the
 * shadow root under a strict CSP, resizing, signals, mark positions and image export.
 * vega, vega-lite and vega-interpreter are imported dynamically, so rollup puts them in their
 * own chunk and pages without a chart never download them. vega-embed is not used: the view is
 * built with Vega's own API (what vega-embed did for us with these options), which keeps its
 * extras (themes, JSON patch, actions menu, vega-tooltip) off the page.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { View } from 'vega';

type TooltipHandler = (handler: unknown, event: MouseEvent, item: unknown, value: unknown) => void;

/** A drawn view and how to tear it down (the shape vega-embed's result had). */
export interface Result {
  view: View;
  finalize(): void;
}

async function loadVega() {
  const [vega, vegaLite, interpreter] = await Promise.all([
    import('vega'),
    import('vega-lite'),
    import('vega-interpreter'),
  ]);
  return { vega, vegaLite, interpreter };
}

/**
 * Compiles `spec` and draws it into `container`: SVG renderer, expressions evaluated by the
 * interpreter (no `eval`, strict CSP), no logging, no `<style>` injected, no actions menu.
 */
async function embed(container: HTMLElement, spec: TopLevelSpec, tooltip: TooltipHandler | false): Promise<Result> {
  const { vega, vegaLite, interpreter } = await loadVega();
  const vgSpec = vegaLite.compile(spec).spec;
  const runtime = vega.parse(vgSpec, {}, { ast: true });
  const view = new vega.View(runtime, {
    renderer: 'svg',
    logLevel: vega.None,
    expr: interpreter.expressionInterpreter,
  } as ConstructorParameters<typeof vega.View>[1]);
  if (tooltip) view.tooltip(tooltip as Parameters<View['tooltip']>[0]);
  container.replaceChildren();
  await view.initialize(container).runAsync();
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

  /**
   * Embeds `spec` into `container`, finalizing the previous view. Resolves to false when a
   * newer draw (or `finalize()`) superseded this one.
   */
  async draw(container: HTMLElement, spec: TopLevelSpec, tooltip: TooltipHandler): Promise<boolean> {
    const token = ++this.token;
    await loadVega();
    if (token !== this.token) return false;
    this.result?.finalize();
    this.result = undefined;
    const result = await embed(container, spec, tooltip);
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

  /** Calls `listener` with the datum of a clicked mark. */
  onClick(listener: (datum: Record<string, unknown>) => void): void {
    this.result?.view.addEventListener('click', (_event, item) => {
      const datum = (item as { datum?: Record<string, unknown> } | null | undefined)?.datum;
      if (datum) listener(datum);
    });
  }

  finalize(): void {
    this.token++;
    this.result?.finalize();
    this.result = undefined;
  }
}

/** Renders `spec` off-screen and returns an SVG text or a PNG data URL. */
export async function renderImage(spec: TopLevelSpec, format: 'svg' | 'png'): Promise<string> {
  const holder = document.createElement('div');
  const result = await embed(holder, spec, false);
  try {
    return format === 'svg' ? await result.view.toSVG() : await result.view.toImageURL('png', 2);
  } finally {
    result.finalize();
  }
}
