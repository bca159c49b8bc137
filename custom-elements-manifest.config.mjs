export default {
  globs: ['src/elements/**/*.ts', 'src/internal/fokus-element.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts'],
  outdir: '.',
  litelement: true,
};
