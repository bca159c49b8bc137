/**
 * The tooltip of `<indicator-chart>`: shown on hover (Vega's tooltip handler), on a tap or
 * click on a mark (touch has no hover), over the keyboard's active mark; hidden by a tap
 * elsewhere in the chart or outside the element. A controller of the element.
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { styleProps } from '../../internal/style-props.js';
import type { Box } from './vega-view.js';

export interface Tip {
  text: string;
  x: number;
  y: number;
  below: boolean;
  /** Horizontal anchor, so that the tooltip stays inside the chart near the edges. */
  align: 'start' | 'center' | 'end';
}

/** A tooltip at (x, y) of a chart `width` wide: above the point, below it near the top. */
export function placeTip(text: string, x: number, y: number, width: number): Tip {
  const align = x < width * 0.25 ? 'start' : x > width * 0.75 ? 'end' : 'center';
  return { text, x, y, below: y < 48, align };
}

/** The tooltip over a mark (keyboard): above its box, in plot-wrap pixels; centred when there is no box. */
export function tipAtMark(text: string, box: Box | undefined, svg: DOMRect, wrap: DOMRect): Tip {
  const x = box ? svg.left - wrap.left + box.x + box.width / 2 : svg.width / 2;
  const y = box ? svg.top - wrap.top + box.y : 0;
  return placeTip(text, x, y, wrap.width);
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

export class ChartTooltip implements ReactiveController {
  /** The tooltip shown; undefined: hidden. */
  tip?: Tip;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.onDocumentPointer, { capture: true });
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.onDocumentPointer, { capture: true });
  }

  /** A tap or click outside the chart hides its tooltip. */
  private onDocumentPointer = (e: Event) => {
    if (this.tip && !e.composedPath().includes(this.host)) this.hide();
  };

  private set(tip: Tip | undefined): void {
    if (tip === this.tip) return;
    this.tip = tip;
    this.host.requestUpdate();
  }

  private get wrap(): Element | null {
    return this.host.renderRoot.querySelector('.plot-wrap');
  }

  hide(): void {
    this.set(undefined);
  }

  /** Shows `text` at the pointer of `event` (empty text: hides the tooltip). */
  showAt(text: string | undefined, event: MouseEvent | undefined): void {
    const wrap = this.wrap;
    if (!text || !wrap || !event) return this.hide();
    const r = wrap.getBoundingClientRect();
    this.set(placeTip(text, event.clientX - r.left, event.clientY - r.top, r.width));
  }

  /** Vega's tooltip handler: hover shows a mark's tooltip, leaving it hides it. */
  onHover = (_handler: unknown, event: MouseEvent, _item: unknown, value: unknown) => {
    // a touch's pointerout (right after the tap) does not hide the tooltip the tap shows
    if ((event as PointerEvent | undefined)?.pointerType === 'touch') return;
    this.showAt(value === null || value === undefined ? '' : String(value), event);
  };

  /** Shows `text` over the mark `box` of the SVG (keyboard); without the SVG, at the chart's corner. */
  showAtMark(text: string, box: Box | undefined): void {
    const svg = this.host.renderRoot.querySelector('.vega svg');
    const wrap = this.wrap;
    if (!svg || !wrap) return this.set(placeTip(text, 0, 0, 0));
    this.set(tipAtMark(text, box, svg.getBoundingClientRect(), wrap.getBoundingClientRect()));
  }

  render() {
    const tip = this.tip;
    return html`<div
      class="tooltip ${tip?.below ? 'below' : ''} ${tip?.align ?? ''}"
      part="tooltip"
      aria-hidden="true"
      ?hidden=${!tip}
      style=${styleProps({ left: `${tip?.x ?? 0}px`, top: `${tip?.y ?? 0}px` })}
    >
      ${tip?.text}
    </div>`;
  }
}
