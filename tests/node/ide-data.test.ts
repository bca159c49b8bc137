// IDE data (VS Code custom data, JetBrains web-types) and the SRI hashes, generated from
// custom-elements.json by scripts/ide-data.js and scripts/sri.js during `npm run build`.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
// @ts-expect-error plain JS modules
import { elementsOf, valuesOf, tagSnippet } from '../../scripts/manifest-model.js';
// @ts-expect-error plain JS modules
import { vscodeData, webTypes } from '../../scripts/ide-data.js';
// @ts-expect-error plain JS modules
import { sri, integrity } from '../../scripts/sri.js';

interface El {
  tag: string;
  attributes: { name: string; boolean: boolean; values: string[] }[];
  events: { name: string }[];
  parts: { name: string }[];
  cssProperties: { name: string }[];
}
let elements: El[];

before(() => {
  if (!existsSync('custom-elements.json')) {
    execFileSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs'], { stdio: 'ignore' });
  }
  elements = elementsOf(JSON.parse(readFileSync('custom-elements.json', 'utf8')));
});

test('the manifest model lists the public API of each element, inherited tokens included', () => {
  const chart = elements.find((e) => e.tag === 'indicator-chart')!;
  assert.ok(chart, 'indicator-chart is in the manifest');
  const attrs = chart.attributes.map((a) => a.name);
  for (const a of ['indicator', 'region', 'compare', 'type', 'endpoint', 'lang', 'group', 'no-table']) {
    assert.ok(attrs.includes(a), a);
  }
  assert.deepEqual(chart.attributes.find((a) => a.name === 'type')!.values, ['line', 'bar', 'column']);
  assert.equal(chart.attributes.find((a) => a.name === 'no-table')!.boolean, true);
  assert.deepEqual(chart.events.map((e) => e.name).sort(), ['fokus-error', 'fokus-load', 'fokus-select']);
  for (const el of elements) {
    const css = el.cssProperties.map((c) => c.name);
    for (const token of ['--fokus-color-text', '--fokus-color-accent', '--fokus-font-family']) {
      assert.ok(css.includes(token), `<${el.tag}> documents ${token}`);
    }
    assert.equal(new Set(css).size, css.length, `<${el.tag}> lists each CSS property once`);
  }
});

test('valuesOf and tagSnippet', () => {
  assert.deepEqual(valuesOf("'absolute' | 'percent' | ''", ''), ['absolute', 'percent']);
  assert.deepEqual(valuesOf('string', '`a` or `b`'), []);
  assert.deepEqual(valuesOf('Mode', '`x` (default) or `y-z`'), ['x', 'y-z']);
  assert.equal(
    tagSnippet('indicator-chart', { indicator: 'a"b', 'no-table': true, year: '', hidden: false }),
    '<indicator-chart indicator="a&quot;b" no-table></indicator-chart>',
  );
});

test('VS Code custom data: every tag and attribute, enums and boolean attributes', () => {
  const data = vscodeData(elements);
  assert.equal(data.version, 1.1);
  assert.deepEqual(
    data.tags.map((t: { name: string }) => t.name),
    elements.map((e) => e.tag),
  );
  for (const el of elements) {
    const tag = data.tags.find((t: { name: string }) => t.name === el.tag);
    assert.deepEqual(
      tag.attributes.map((a: { name: string }) => a.name),
      el.attributes.map((a) => a.name),
    );
    for (const a of el.attributes.filter((x) => x.boolean)) {
      assert.equal(tag.attributes.find((x: { name: string }) => x.name === a.name).valueSet, 'v');
    }
  }
  const chartType = data.tags
    .find((t: { name: string }) => t.name === 'indicator-chart')
    .attributes.find((a: { name: string }) => a.name === 'type');
  assert.deepEqual(
    chartType.values.map((v: { name: string }) => v.name),
    ['line', 'bar', 'column'],
  );
  assert.ok(data.globalAttributes.some((a: { name: string }) => a.name === 'data-fokus-theme'));
});

test('web-types: elements with attributes, events, properties, CSS properties and parts', () => {
  const data = webTypes(elements, { name: 'fokus-widgets', version: '9.9.9' });
  assert.equal(data.version, '9.9.9');
  const html = data.contributions.html.elements;
  for (const el of elements) {
    const e = html.find((x: { name: string }) => x.name === el.tag);
    assert.equal(e.attributes.length, el.attributes.length);
    assert.deepEqual(
      e.js.events.map((x: { name: string }) => x.name),
      el.events.map((x) => x.name),
    );
    assert.deepEqual(
      e.css.parts.map((x: { name: string }) => x.name),
      el.parts.map((x) => x.name),
    );
    assert.equal(e.css.properties.length, el.cssProperties.length);
  }
});

test('SRI: sha384 in base64, for the loader and every module', () => {
  assert.equal(sri(''), 'sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb');
  const dir = mkdtempSync(join(tmpdir(), 'fokus-sri-'));
  try {
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(join(dir, 'fokus-widgets.js'), 'export {};\n');
    writeFileSync(join(dir, 'chunks/lit-abc123.js'), 'export const x = 1;\n');
    writeFileSync(join(dir, 'fokus-widgets.js.map'), '{}');
    const all = integrity(dir);
    assert.deepEqual(Object.keys(all), ['chunks/lit-abc123.js', 'fokus-widgets.js']);
    const expected = 'sha384-' + createHash('sha384').update('export {};\n').digest('base64');
    assert.equal(all['fokus-widgets.js'], expected);
    const out = execFileSync('node', ['scripts/sri.js', dir], { encoding: 'utf8' });
    assert.ok(out.includes(`integrity="${expected}"`), 'the build prints the loader tag with its hash');
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'integrity.json'), 'utf8')), all);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
