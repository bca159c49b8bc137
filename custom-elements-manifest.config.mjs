export default {
  globs: ['src/elements/**/*.ts', 'src/internal/fokus-element.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  // package.json's "customElements" is written by hand ("./custom-elements.json"): the
  // analyzer would otherwise rewrite package.json on every run (tests run it too).
  packagejson: false,
};
