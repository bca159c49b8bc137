// Rollup plugin: writes into the loader (src/fokus-widgets.ts, `__FOKUS_CHUNKS__`) the chunks
// each element's file imports statically, so the loader can request them together with the
// element's file (<link rel="modulepreload">) instead of after that file has arrived.
// Runs in renderChunk, where chunk names still carry Rollup's hash placeholders: Rollup
// replaces them afterwards, and MagicString keeps the source map true.
import MagicString from 'magic-string';

// The loader's `typeof __FOKUS_CHUNKS__ === 'object' ? __FOKUS_CHUNKS__ : {}`, as minified.
const MARKER = /typeof __FOKUS_CHUNKS__\s*===?\s*["']object["']\s*\?\s*__FOKUS_CHUNKS__\s*:\s*\{\s*\}/g;

export function preloadChunks({ loader = 'fokus-widgets' } = {}) {
  return {
    name: 'preload-chunks',
    renderChunk(code, chunk, _options, { chunks }) {
      if (!chunk.isEntry || chunk.name !== loader) return null;
      if (!code.match(MARKER))
        this.error(`__FOKUS_CHUNKS__ not found in the loader: the element chunks cannot be preloaded`);
      const own = closure(chunk.imports, chunks);
      const deps = {};
      for (const file of chunk.dynamicImports) {
        const tag = /^elements\/([a-z-]+)\.js$/.exec(file)?.[1];
        if (!tag || !chunks[file]) continue;
        deps[tag] = [...closure(chunks[file].imports, chunks)].filter((f) => !own.has(f)).map((f) => `./${f}`);
      }
      const s = new MagicString(code);
      s.replaceAll(MARKER, `(${JSON.stringify(deps)})`);
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}

/** The files `imports` name and every file those import, transitively. */
function closure(imports, chunks) {
  const out = new Set();
  const visit = (file) => {
    if (out.has(file)) return;
    out.add(file);
    for (const f of chunks[file]?.imports ?? []) visit(f);
  };
  imports.forEach(visit);
  return out;
}
