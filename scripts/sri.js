// Prints the Subresource Integrity hash of the loader (dist/fokus-widgets.js) and writes
// dist/integrity.json with the sha384 of every JavaScript file in dist/ (entries and the
// content-hashed chunks). Run by `npm run build`; `node scripts/sri.js [distdir]`.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function sri(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

export function integrity(dist = 'dist') {
  const files = readdirSync(dist, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js') && !f.startsWith('tools'))
    .map((f) => f.split('\\').join('/'))
    .sort();
  return Object.fromEntries(files.map((f) => [f, sri(readFileSync(join(dist, f)))]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  const all = integrity(dist);
  const loader = all['fokus-widgets.js'];
  if (!loader) throw new Error(`${dist}/fokus-widgets.js not found: run rollup first`);
  writeFileSync(join(dist, 'integrity.json'), JSON.stringify(all, null, 2) + '\n');
  console.log(`\nLoader Subresource Integrity (${dist}/fokus-widgets.js):\n  ${loader}\n`);
  console.log(
    `  <script type="module" src="/fokus/fokus-widgets.js" integrity="${loader}" crossorigin="anonymous"></script>\n`,
  );
  console.log(`sha384 of all ${Object.keys(all).length} modules: ${dist}/integrity.json`);
}
