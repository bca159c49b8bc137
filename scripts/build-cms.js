// Builds what the CMS integrations ship, from custom-elements.json and dist/:
//   dist/cms/kses-allowed-html.php   WordPress: wp_kses allow-list (PHP array) of every element and attribute
//   dist/cms/drupal-allowed-tags.txt Drupal: "Allowed HTML tags" of a text format
//   dist/cms/elements.json           every element's attributes with type and values (the builder, the docs)
//   dist/wordpress/fokus-widgets.zip the WordPress plugin (wordpress/fokus-widgets/ + the generated
//                                    lists + lib/, the library), installable through Plugins → Add New → Upload
// Run by `npm run build` (after `npm run analyze` and rollup) and by `npm test`; runs the
// analyzer itself when custom-elements.json is missing. `node scripts/build-cms.js [dist]`.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { elementsOf } from './manifest-model.js';

/** The elements with their attributes, typed for the CMS side. */
export function cmsElements(manifest) {
  const out = {};
  for (const el of elementsOf(manifest)) {
    const attributes = {};
    for (const a of el.attributes) {
      const type = a.boolean ? 'boolean' : /\bURL\b/.test(a.description) ? 'url' : /\bnumber\b/.test(a.type) ? 'number' : 'string';
      attributes[a.name] = { type, values: a.values, description: a.description.replace(/\s+/g, ' ').trim() };
    }
    out[el.tag] = { description: el.description.replace(/\s+/g, ' ').trim(), attributes };
  }
  return out;
}

/** A PHP literal (arrays in the short-array-free style WordPress' coding standards use). */
export function php(value, indent = '') {
  if (Array.isArray(value)) {
    if (!value.length) return 'array()';
    return `array( ${value.map((v) => php(v, indent)).join(', ')} )`;
  }
  if (value && typeof value === 'object') {
    const inner = indent + '\t';
    const rows = Object.entries(value).map(([k, v]) => `${inner}${php(k)} => ${php(v, inner)},`);
    return rows.length ? `array(\n${rows.join('\n')}\n${indent})` : 'array()';
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const phpFile = (comment, value) => `<?php\n// ${comment}\n// Generated from custom-elements.json by scripts/build-cms.js: do not edit.\n\nreturn ${php(value)};\n`;

/** wp_kses allow-list: tag => [ attribute => true ]. */
export function ksesAllowList(elements) {
  return Object.fromEntries(
    Object.entries(elements).map(([tag, el]) => [tag, Object.fromEntries(Object.keys(el.attributes).map((a) => [a, true]))]),
  );
}

/** Drupal's "Allowed HTML tags" (also CKEditor 5's "Manually editable HTML tags"). */
export function drupalAllowedTags(elements) {
  return Object.entries(elements)
    .map(([tag, el]) => `<${[tag, ...Object.keys(el.attributes)].join(' ')}>`)
    .join(' ');
}

// --- a small deterministic zip writer (deflate, no timestamps) ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of `files` ([name, Buffer] pairs; directories are implied). */
export function zip(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  const DOS_DATE = (1 << 5) | 1; // 1980-01-01
  for (const [name, data] of files) {
    const nameBuf = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBuf, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(0x0314, 4); // made by Unix, 2.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBuf.length, 28);
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const centralBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBuf, end]);
}

const listFiles = (dir) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();

/** The library files the plugin bundles: the loader, the elements, their chunks (no source maps). */
function libraryFiles(dist) {
  return listFiles(dist).filter(
    (f) => f.endsWith('.js') && (f === 'fokus-widgets.js' || f === 'data.js' || /^(elements|chunks)\//.test(f)),
  );
}

export function buildCms(dist = 'dist') {
  if (!existsSync('custom-elements.json')) {
    const r = spawnSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('custom-elements.json is missing and `npm run analyze` failed');
  }
  if (!existsSync(join(dist, 'fokus-widgets.js'))) throw new Error(`${dist}/fokus-widgets.js is missing: run rollup first`);
  const elements = cmsElements(JSON.parse(readFileSync('custom-elements.json', 'utf8')));
  if (!Object.keys(elements).length) throw new Error('custom-elements.json lists no elements');

  const cms = join(dist, 'cms');
  mkdirSync(cms, { recursive: true });
  const kses = phpFile('wp_kses allow-list of every fokus element and attribute (merge into wp_kses_allowed_html for "post").', ksesAllowList(elements));
  const elementsPhp = phpFile('The fokus elements and their attributes (type: string, number, boolean or url).', elements);
  writeFileSync(join(cms, 'kses-allowed-html.php'), kses);
  writeFileSync(join(cms, 'drupal-allowed-tags.txt'), drupalAllowedTags(elements) + '\n');
  writeFileSync(join(cms, 'elements.json'), JSON.stringify(elements, null, 2) + '\n');

  // Staged in a temporary folder: the package ships the zip only (not the library twice).
  const staging = mkdtempSync(join(tmpdir(), 'fokus-wp-plugin-'));
  const pluginDir = join(staging, 'fokus-widgets');
  rmSync(join(dist, 'wordpress'), { recursive: true, force: true });
  mkdirSync(join(dist, 'wordpress'), { recursive: true });
  cpSync('wordpress/fokus-widgets', pluginDir, { recursive: true });
  writeFileSync(join(pluginDir, 'includes', 'elements.php'), elementsPhp);
  writeFileSync(join(pluginDir, 'includes', 'kses-allowed-html.php'), kses);
  cpSync('LICENSE', join(pluginDir, 'LICENSE'));
  if (existsSync('NOTICE')) cpSync('NOTICE', join(pluginDir, 'NOTICE'));
  for (const f of libraryFiles(dist)) cpSync(join(dist, f), join(pluginDir, 'lib', f));

  const files = listFiles(pluginDir).map((f) => [`fokus-widgets/${f}`, readFileSync(join(pluginDir, f))]);
  const archive = zip(files);
  writeFileSync(join(dist, 'wordpress', 'fokus-widgets.zip'), archive);
  rmSync(staging, { recursive: true, force: true });
  return { files: files.length, bytes: archive.length, cms: relative(".", cms), zip: relative('.', join(dist, 'wordpress', 'fokus-widgets.zip')) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = buildCms(process.argv[2] ?? 'dist');
  console.log(`CMS packages: ${r.zip} (${r.files} files, ${(r.bytes / 1024).toFixed(0)} KB), allow-lists in ${r.cms}/`);
}
