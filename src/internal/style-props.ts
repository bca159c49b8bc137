import { noChange, type AttributePart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/** Style values by kebab-case property name (custom properties too); null/undefined: none. */
export type StyleValues = Record<string, string | undefined | null>;

/**
 * Sets styles on an element through the CSSOM (`style.setProperty`), which a strict CSP
 * allows; for positions measured after rendering (tooltips, panes, sizes of Leaflet's nodes).
 * In templates use `styleProps`.
 */
export function applyStyles(element: HTMLElement | SVGElement, props: StyleValues): void {
  for (const [name, value] of Object.entries(props)) {
    if (value == null) element.style.removeProperty(name);
    else element.style.setProperty(name, value);
  }
}

/**
 * The one CSP-safe way to style in this project (with `applyStyles` for measured positions).
 * Like lit's `styleMap`, but CSP-safe from the first render: always writes through the
 * CSSOM (`style.setProperty`). lit's `styleMap` sets the `style` attribute as a string on
 * first render, which `style-src 'self'` (without `'unsafe-inline'`) blocks.
 *
 * Use on the `style` attribute with kebab-case property names:
 * `<div style=${styleProps({ 'min-height': '200px' })}>`.
 */
class StylePropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') {
      throw new Error('styleProps() must be used in the style attribute');
    }
  }

  render(_props: StyleValues): unknown {
    return noChange;
  }

  override update(part: AttributePart, [props]: [StyleValues]): unknown {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) {
      if (props[name] == null) {
        style.removeProperty(name);
        this.previous.delete(name);
      }
    }
    applyStyles(part.element as HTMLElement, props);
    for (const [name, value] of Object.entries(props)) if (value != null) this.previous.add(name);
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
