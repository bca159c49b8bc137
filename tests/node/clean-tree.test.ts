// The clean-tree check of `npm test` (scripts/clean-tree.js) and what keeps the tree clean:
// the analyzer config must not rewrite package.json, whose customElements path is fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain JS helper without types
import { treeChange, treeState } from '../../scripts/clean-tree.js';

type State = { status: string; diff: string } | null;
const state = treeState as (cwd?: string) => State;
const change = treeChange as (a: State, b: State) => string;

test('the clean-tree check sees changed, rewritten and new files, not ignored ones', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fokus-clean-tree-'));
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    writeFileSync(join(dir, '.gitignore'), 'dist/\n');
    writeFileSync(join(dir, 'package.json'), '{}\n');
    git('add', '.');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'commit', '-qm', 'init');

    const clean = state(dir);
    assert.ok(clean, 'a git checkout has a state');
    assert.equal(clean.status, '');
    execFileSync('mkdir', ['-p', join(dir, 'dist')]);
    writeFileSync(join(dir, 'dist', 'out.js'), 'x');
    assert.equal(change(clean, state(dir)), '', 'an ignored file is no change');

    writeFileSync(join(dir, 'package.json'), '{"customElements": "/tmp/x/custom-elements.json"}\n');
    const dirty = state(dir);
    assert.match(change(clean, dirty), /package\.json/, 'a rewritten tracked file is a change');
    writeFileSync(join(dir, 'package.json'), '{"customElements": "/tmp/y/custom-elements.json"}\n');
    assert.notEqual(change(dirty, state(dir)), '', 'a dirty file rewritten again is a change');

    writeFileSync(join(dir, 'package.json'), '{}\n');
    writeFileSync(join(dir, 'new.txt'), 'x');
    assert.match(change(clean, state(dir)), /new\.txt/, 'a new untracked file is a change');

    assert.equal(state(tmpdir()), null, 'outside a checkout there is no state (the check is skipped)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('package.json names the manifest by a relative path and the analyzer does not rewrite it', async () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { customElements: string; files: string[] };
  assert.equal(pkg.customElements, './custom-elements.json');
  assert.ok(pkg.files.includes('custom-elements.json'), 'the manifest is packed');
  // @ts-expect-error plain JS config without types
  const config = (await import('../../custom-elements-manifest.config.mjs')) as { default: { packagejson?: boolean } };
  assert.equal(config.default.packagejson, false, 'cem analyze would write its outdir into package.json');
});
