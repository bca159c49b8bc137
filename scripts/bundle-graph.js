// Rollup plugin: writes dist/bundle-graph.json (static and dynamic imports of every
// chunk), which scripts/size.js reads to compute what a page downloads.
export function bundleGraph() {
  return {
    name: 'bundle-graph',
    generateBundle(_options, bundle) {
      const graph = {};
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        graph[file] = { imports: chunk.imports, dynamicImports: chunk.dynamicImports, isEntry: chunk.isEntry };
      }
      this.emitFile({ type: 'asset', fileName: 'bundle-graph.json', source: JSON.stringify(graph, null, 2) });
    },
  };
}
