// The four embedding routes of the builder, as text (pure functions: the builder page
// uses them, and tests/e2e/builder.test.ts pastes what they return into blank pages).
// Every route carries the endpoint, so a tag that loses its script line or moves to
// another site still reads the chosen data, never the CMS's own /data/.

const escapeAttr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (v) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `[name, value]` pairs with the endpoint last (value `true`: a boolean attribute). */
function withEndpoint(attrs, endpoint) {
  return [...attrs.filter(([n]) => n !== 'endpoint'), ['endpoint', endpoint]];
}

/** `<tag a="…" endpoint="…"></tag>` */
export function tagSnippet(tag, attrs, endpoint) {
  const text = withEndpoint(attrs, endpoint)
    .map(([n, v]) => (v === true ? ` ${n}` : ` ${n}="${escapeAttr(v)}"`))
    .join('');
  return `<${tag}${text}></${tag}>`;
}

/** (a) The loader line and the tag: for pages that may contain scripts. */
export function loaderSnippet(base, tag, attrs, endpoint) {
  return `<script type="module" src="${escapeAttr(base)}fokus-widgets.js"></script>\n${tagSnippet(tag, attrs, endpoint)}`;
}

/** The address of the embed page for one widget. */
export function embedUrl(base, tag, attrs, endpoint) {
  const query = new URLSearchParams([['element', tag]]);
  for (const [n, v] of withEndpoint(attrs, endpoint)) query.append(n, v === true ? '' : String(v));
  return `${base}embed.html?${query}`;
}

/** (c) An iframe with title and a fallback link, plus the optional resizer. */
export function iframeSnippet(base, tag, attrs, endpoint, title, height = 420) {
  const url = escapeAttr(embedUrl(base, tag, attrs, endpoint));
  return [
    `<iframe data-fokus-embed src="${url}" title="${escapeAttr(title)}" width="100%" height="${height}" frameborder="0" scrolling="no" loading="lazy"></iframe>`,
    `<p><a href="${url}">${escapeText(title)}: Daten öffnen</a></p>`,
    `<script src="${escapeAttr(base)}embed-resizer.js" async></script>`,
  ].join('\n');
}

/** (d) The WordPress shortcode of the fokus-widgets plugin (straight quotes only). */
export function shortcodeSnippet(tag, attrs, endpoint) {
  const text = withEndpoint(attrs, endpoint)
    .map(([n, v]) => (v === true ? ` ${n}` : ` ${n}="${String(v).replace(/["[\]]/g, '')}"`))
    .join('');
  return `[${tag}${text}]`;
}

/** All routes, in the order the builder shows them, each with one line saying for whom. */
export function routes({ base, tag, attrs, endpoint, title }) {
  return [
    {
      id: 'loader',
      title: 'Skript und Tag',
      who: 'Für Seiten, in die Sie Skripte einfügen dürfen (z. B. TYPO3 „HTML“, Drupal „Full HTML“, WordPress-Administration).',
      code: loaderSnippet(base, tag, attrs, endpoint),
    },
    {
      id: 'tag',
      title: 'Nur das Tag',
      who: 'Für Websites, deren Seiten-Template die Bibliothek schon lädt (TYPO3-Template, Drupal-Library, WordPress-Theme) und die das Element erlauben.',
      code: tagSnippet(tag, attrs, endpoint),
    },
    {
      id: 'iframe',
      title: 'iframe',
      who: 'Für jedes CMS, das iframes zulässt, auch ohne Skripte und ohne erlaubte Tags; das Skript der letzten Zeile passt die Höhe an (optional).',
      code: iframeSnippet(base, tag, attrs, endpoint, title),
    },
    {
      id: 'shortcode',
      title: 'WordPress-Shortcode',
      who: 'Für WordPress mit dem Plugin fokus-widgets: Autorinnen, Autoren und Mitarbeitende fügen ihn in einen Absatz- oder Shortcode-Block ein.',
      code: shortcodeSnippet(tag, attrs, endpoint),
    },
  ];
}
