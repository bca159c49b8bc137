// The public API of each element, read from custom-elements.json: used by the IDE data
// generator (scripts/ide-data.js) and by the Storybook element docs pages. No Node
// imports: runs in Node and in the browser.

const EVENT_TYPES = {
  'fokus-load': 'FokusLoadEvent',
  'fokus-error': 'FokusErrorEvent',
  'fokus-select': 'FokusSelectEvent',
};

const unquote = (s) => s.replace(/^['"]|['"]$/g, '');

/**
 * Allowed values of an attribute: string literal unions from the type, else (for named
 * types such as `ChartType`) the backticked words of its description.
 */
export function valuesOf(type = '', description = '') {
  const parts = type.split('|').map((p) => p.trim());
  const literals = parts.filter((p) => /^'[^']*'$/.test(p)).map(unquote);
  if (literals.length) return literals.filter(Boolean);
  const named = parts.filter((p) => p && !['string', 'number', 'boolean', 'undefined', 'null'].includes(p));
  if (named.length !== 1 || !/^[A-Z]\w*$/.test(named[0])) return [];
  return [...description.matchAll(/`([a-z][a-z0-9-]*)`/g)].map((m) => m[1]).filter((v, i, a) => a.indexOf(v) === i);
}

/** The custom elements of a manifest, public API only, sorted by tag. */
export function elementsOf(manifest) {
  const out = [];
  for (const mod of manifest.modules ?? []) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const fields = (d.members ?? []).filter(
        (m) => m.kind === 'field' && !m.static && !m.privacy && !m.name.startsWith('_'),
      );
      const attributes = (d.attributes ?? []).map((a) => {
        const type = a.type?.text ?? 'string';
        return {
          name: a.name,
          type,
          default: a.default,
          description: a.description ?? '',
          boolean: /\bboolean\b/.test(type),
          values: valuesOf(type, a.description),
          property: a.fieldName,
        };
      });
      out.push({
        tag: d.tagName,
        name: d.name,
        module: mod.path,
        description: d.description ?? d.summary ?? '',
        attributes,
        properties: fields.map((f) => ({
          name: f.name,
          type: f.type?.text ?? '',
          default: f.default,
          description: f.description ?? '',
          attribute: f.attribute,
          readonly: Boolean(f.readonly),
        })),
        events: (d.events ?? [])
          .filter((e) => e.name)
          .map((e) => ({ name: e.name, description: e.description ?? '', type: EVENT_TYPES[e.name] ?? 'CustomEvent' })),
        parts: (d.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
        cssProperties: (d.cssProperties ?? []).map((p) => ({
          name: p.name,
          description: p.description ?? '',
          default: p.default,
        })),
        slots: (d.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
      });
    }
  }
  return out.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** The tag an editor pastes, with the given attributes (booleans as bare names). */
export function tagSnippet(tag, attrs = {}) {
  const list = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false)
    .map(([k, v]) => (v === true ? k : `${k}="${String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`));
  return `<${tag}${list.length ? ' ' + list.join(' ') : ''}></${tag}>`;
}
