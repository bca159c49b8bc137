// The CMS allow-lists and the plugin's element list are generated from custom-elements.json
// for every element and attribute; the builder's snippets escape what they are given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain JS build script without types
import { cmsElements, drupalAllowedTags, ksesAllowList, php, zip } from '../../scripts/build-cms.js';
// @ts-expect-error plain JS module without types
import { elementsOf } from '../../scripts/manifest-model.js';
// @ts-expect-error plain JS module without types
import { embedUrl, iframeSnippet, routes, shortcodeSnippet, tagSnippet } from '../../demo/builder-snippets.js';

function manifest(): unknown {
  if (!existsSync('custom-elements.json')) {
    const r = spawnSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs'], {
      stdio: 'ignore',
    });
    assert.equal(r.status, 0, 'npm run analyze');
  }
  return JSON.parse(readFileSync('custom-elements.json', 'utf8'));
}

test('the allow-lists name every element and every attribute of custom-elements.json', () => {
  const m = manifest();
  const api = elementsOf(m) as Array<{ tag: string; attributes: Array<{ name: string }> }>;
  assert.ok(api.length >= 8);
  const elements = cmsElements(m);
  const kses = ksesAllowList(elements) as Record<string, Record<string, boolean>>;
  const drupal = drupalAllowedTags(elements) as string;
  for (const el of api) {
    const names = el.attributes.map((a) => a.name);
    assert.deepEqual(Object.keys(kses[el.tag]).sort(), [...names].sort(), el.tag);
    assert.ok(drupal.includes(`<${[el.tag, ...names].join(' ')}>`), el.tag);
  }
  assert.equal(elements['municipality-map'].attributes.level.type, 'string');
  assert.equal(elements['municipality-map'].attributes.parent.type, 'string');
  assert.equal(elements['indicator-chart'].attributes.endpoint.type, 'url');
  assert.equal(elements['municipality-map'].attributes.tiles.type, 'url');
  assert.equal(elements['indicator-chart'].attributes['no-table'].type, 'boolean');
});

test('the generated PHP is valid and round-trips (where PHP is installed)', (t) => {
  if (spawnSync('php', ['-v']).status !== 0) return t.skip('no php');
  const dir = mkdtempSync(join(tmpdir(), 'fokus-php-'));
  try {
    const value = { "it's": { 'a\\b': true, list: ['x', "y'"], n: 3 } };
    writeFileSync(join(dir, 'v.php'), `<?php return ${php(value)};`);
    const r = spawnSync('php', ['-r', `echo json_encode(require '${dir}/v.php');`], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(r.stdout), value);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the zip writer produces an archive unzip accepts (where unzip is installed)', (t) => {
  if (spawnSync('unzip', ['-v']).status !== 0) return t.skip('no unzip');
  const dir = mkdtempSync(join(tmpdir(), 'fokus-zip-'));
  try {
    writeFileSync(
      join(dir, 'a.zip'),
      zip([
        ['p/a.txt', Buffer.from('hallo')],
        ['p/b/c.txt', Buffer.from('x'.repeat(5000))],
      ]),
    );
    const r = spawnSync('unzip', ['-p', join(dir, 'a.zip'), 'p/a.txt'], { encoding: 'utf8' });
    assert.equal(r.stdout, 'hallo');
    assert.equal(spawnSync('unzip', ['-t', join(dir, 'a.zip')]).status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('builder snippets: the endpoint on every route, values escaped, no markup from values', () => {
  const ep = 'https://daten.example.org/fokus/';
  const attrs: Array<[string, string | true]> = [
    ['indicator', '"><script>alert(1)</script>'],
    ['no-table', true],
  ];
  const tag = tagSnippet('indicator-chart', attrs, ep);
  assert.equal(
    tag,
    `<indicator-chart indicator="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" no-table endpoint="${ep}"></indicator-chart>`,
  );
  assert.doesNotMatch(shortcodeSnippet('indicator-chart', attrs, ep), /"[^\s=]*"[^\s\]]/);
  assert.match(
    shortcodeSnippet('indicator-chart', [['region', '01056015']], ep),
    /^\[indicator-chart region="01056015" endpoint="https:\/\/daten\.example\.org\/fokus\/"\]$/,
  );
  const url = new URL(embedUrl('https://www.example.org/fokus/', 'indicator-chart', attrs, ep));
  assert.equal(url.searchParams.get('indicator'), '"><script>alert(1)</script>');
  assert.equal(url.searchParams.get('endpoint'), ep);
  const iframe = iframeSnippet('https://www.example.org/fokus/', 'indicator-chart', attrs, ep, 'Titel <b>');
  assert.doesNotMatch(iframe, /<script>alert|<b>/);
  assert.match(iframe, /title="Titel &lt;b&gt;"/);
  for (const r of routes({
    base: 'https://www.example.org/fokus/',
    tag: 'indicator-chart',
    attrs,
    endpoint: ep,
    title: 'T',
  }) as Array<{
    code: string;
  }>) {
    assert.ok(r.code.includes(ep) || r.code.includes(encodeURIComponent(ep)), r.code);
  }
});
