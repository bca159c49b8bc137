/**
 * Registers a custom element, tolerating a second registration of the same tag
 * (two copies of the bundle on one page, or a module evaluated twice).
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor) {
    console.info(`fokus-widgets: <${tag}> is already defined by another copy; keeping the first.`);
  }
}
