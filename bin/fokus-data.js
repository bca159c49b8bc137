#!/usr/bin/env node
// The `fokus-data` command (see docs/data-tools.md). Runs the compiled CLI in
// dist/tools/cli.js (built by `npm run build`); in a development checkout without it,
// runs the TypeScript source through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/tools/cli.js', import.meta.url));
const source = fileURLToPath(new URL('../src/tools/cli.ts', import.meta.url));

let cli;
if (existsSync(compiled) && !process.env.FOKUS_DATA_FROM_SOURCE) {
  cli = await import(pathToFileURL(compiled).href);
} else if (existsSync(source)) {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    console.error('fokus-data: dist/tools/cli.js is missing and tsx is not installed: run "npm run build" first.');
    process.exit(1);
  }
  register();
  cli = await import(pathToFileURL(source).href);
} else {
  console.error('fokus-data: dist/tools/cli.js is missing: run "npm run build" first.');
  process.exit(1);
}
process.exitCode = await cli.main(process.argv.slice(2));
