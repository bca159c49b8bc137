// Writes schema/*.schema.json from the Valibot schemas in src/data/schema.ts.
// `--check` fails when the committed files are not current (used by the tests).
import { readFileSync, writeFileSync } from 'node:fs';
import { jsonSchemaFiles } from '../src/tools/json-schema.js';

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, text] of Object.entries(jsonSchemaFiles())) {
  const path = `schema/${file}`;
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      /* missing */
    }
    if (current !== text) {
      console.error(`${path} is not current: run npm run schema`);
      stale++;
    }
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}
process.exit(stale ? 1 : 0);
