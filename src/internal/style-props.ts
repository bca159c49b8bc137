import { noChange, type AttributePart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/**
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

  render(_props: Record<string, string | undefined | null>): unknown {
    return noChange;
  }

  override update(part: AttributePart, [props]: [Record<string, string | undefined | null>]): unknown {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) {
      if (props[name] == null) {
        style.removeProperty(name);
        this.previous.delete(name);
      }
    }
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      style.setProperty(name, value);
      this.previous.add(name);
    }
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
