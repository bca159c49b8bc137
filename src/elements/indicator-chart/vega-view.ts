/**
 * The Vega side of `<indicator-chart>`: lazy loading, embedding into a container inside
 * the shadow root under a strict CSP, resizing, signals, mark positions and image export.
 * vega-embed (with vega and vega-lite) is imported dynamically, so rollup puts it in its own
 * chunk and pages without a chart never download it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Result, EmbedOptions } from 'vega-embed';

type TooltipHandler = (handler: unknown, event: MouseEvent, item: unknown, value: unknown) => void;

/** CSP-safe embed options: expression interpreter, no injected `<style>`, no actions menu. */
function options(tooltip: TooltipHandler | false): EmbedOptions {
  return {
    mode: 'vega-lite',
    renderer: 'svg',
    actions: false,
    ast: true,
    defaultStyle: false,
    tooltip: tooltip as EmbedOptions['tooltip'],
    logLevel: 0,
  };
}

export function loadEmbed() {
  return import('vega-embed');
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
    const { default: embed } = await loadEmbed();
    if (token !== this.token) return false;
    this.result?.finalize();
    this.result = undefined;
    const result = await embed(container, spec, options(tooltip));
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
  const { default: embed } = await loadEmbed();
  const holder = document.createElement('div');
  const result = await embed(holder, spec, options(false));
  try {
    return format === 'svg' ? await result.view.toSVG() : await result.view.toImageURL('png', 2);
  } finally {
    result.finalize();
  }
}
