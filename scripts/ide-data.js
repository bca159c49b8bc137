// Generates the IDE data shipped in the package, from custom-elements.json:
//   dist/vscode.html-custom-data.json  VS Code ("html.customData": [".../vscode.html-custom-data.json"])
//   dist/web-types.json                JetBrains IDEs (found through "web-types" in package.json)
// Run by `npm run build` after `npm run analyze`; `node scripts/ide-data.js [outdir]`.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { elementsOf } from './manifest-model.js';

export function vscodeData(elements) {
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elements.map((el) => ({
      name: el.tag,
      description: {
        kind: 'markdown',
        value: [
          el.description,
          el.events.length ? `**Events:** ${el.events.map((e) => `\`${e.name}\``).join(', ')}` : '',
          el.parts.length ? `**Parts:** ${el.parts.map((p) => `\`${p.name}\``).join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('\n\n'),
      },
      attributes: el.attributes.map((a) => ({
        name: a.name,
        description: a.description + (a.default && a.default !== "''" ? ` (default: ${a.default})` : ''),
        ...(a.boolean ? { valueSet: 'v' } : a.values.length ? { values: a.values.map((name) => ({ name })) } : {}),
      })),
    })),
    globalAttributes: [
      {
        name: 'data-fokus-endpoint',
        description: 'fokus-widgets: base URL of the data endpoint for all widgets inside this element.',
      },
      {
        name: 'data-fokus-theme',
        description: 'fokus-widgets themes: `dark` switches the widgets inside to dark, `auto` follows the operating system, `light` forces light.',
        values: [{ name: 'light' }, { name: 'dark' }, { name: 'auto' }],
      },
    ],
  };
}

export function webTypes(elements, pkg) {
  const attrValue = (a) =>
    a.boolean
      ? { type: 'boolean', required: false }
      : a.values.length
        ? { type: 'enum', kind: 'plain', required: false }
        : { type: a.type.replace(/\s*\|\s*undefined/, ''), kind: 'plain', required: false };
  return {
    $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elements.map((el) => ({
          name: el.tag,
          description: el.description,
          source: { module: `${pkg.name}/elements/${el.tag}`, symbol: el.name },
          attributes: el.attributes.map((a) => ({
            name: a.name,
            description: a.description,
            ...(a.default && a.default !== "''" ? { default: a.default } : {}),
            value: attrValue(a),
            ...(a.values.length && !a.boolean ? { values: a.values.map((name) => ({ name })) } : {}),
          })),
          events: el.events.map((e) => ({ name: e.name, description: e.description })),
          js: {
            properties: el.properties.map((p) => ({
              name: p.name,
              description: p.description,
              type: p.type,
              ...(p.readonly ? { 'read-only': true } : {}),
            })),
            events: el.events.map((e) => ({ name: e.name, description: e.description, type: e.type })),
          },
          css: {
            properties: el.cssProperties.map((p) => ({ name: p.name, description: p.description })),
            parts: el.parts.map((p) => ({ name: p.name, description: p.description })),
          },
        })),
      },
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outdir = process.argv[2] ?? 'dist';
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const elements = elementsOf(manifest);
  if (!elements.length) throw new Error('custom-elements.json lists no elements: run `npm run analyze` first');
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, 'vscode.html-custom-data.json'), JSON.stringify(vscodeData(elements), null, 2) + '\n');
  writeFileSync(join(outdir, 'web-types.json'), JSON.stringify(webTypes(elements, pkg), null, 2) + '\n');
  console.log(`IDE data for ${elements.map((e) => `<${e.tag}>`).join(', ')}: ${outdir}/vscode.html-custom-data.json, ${outdir}/web-types.json`);
}
