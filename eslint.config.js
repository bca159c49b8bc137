import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['tmp/', 'node_modules/', 'dist/', 'demo-dist/', 'storybook-static/', '.cache/', 'custom-elements.json', 'coverage/', 'examples/*/build/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'tests/browser/**/*.ts'],
    plugins: { lit, wc },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...wc.configs['best-practice'].rules,
      'wc/guard-super-call': 'off',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Endpoint text is text, never HTML.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: strict CSP.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function: strict CSP.' },
      ],
    },
  },
  {
    files: ['src/data/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['lit', 'lit/*', '@lit/*', '../internal/*', '../elements/*'], message: 'src/data is framework-free and imports nothing above it.' }] }],
    },
  },
  {
    files: ['src/internal/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../elements/*', '../tools/*'], message: 'Imports point downward only.' }] }],
    },
  },
  {
    files: ['src/elements/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../tools/*'], message: 'Elements never import Node tools.' }] }],
    },
  },
  {
    files: ['demo/**/*.js', 'bench/**/*.js', 'examples/**/*.js', 'wordpress/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // chai assertions are expressions (expect(x).to.exist)
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['scripts/**/*.js', '*.config.js', 'bin/**/*.js', '.storybook/**/*.ts', 'examples/build.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['examples/html/**/*.js'],
    languageOptions: { globals: { document: 'readonly', requestAnimationFrame: 'readonly' } },
  },
);
