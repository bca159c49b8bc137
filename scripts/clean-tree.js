// The working tree as git sees it, to check that a run (npm test) wrote only gitignored files:
// `git status --porcelain` (tracked changes and untracked files) plus a hash of `git diff HEAD`,
// so that a file that was already dirty and got rewritten counts too.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';

/** The tree's state, or null outside a git checkout (e.g. an unpacked tarball). */
export function treeState(cwd = '.') {
  const git = (...args) => spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 << 20 });
  const status = git('status', '--porcelain', '--untracked-files=all');
  if (status.status !== 0) return null;
  const diff = git('diff', 'HEAD', '--binary');
  return { status: status.stdout, diff: createHash('sha256').update(diff.stdout).digest('hex') };
}

/** '' when nothing changed between two states, else what git status says now. */
export function treeChange(before, after) {
  if (!before || !after || (before.status === after.status && before.diff === after.diff)) return '';
  return after.status || '(the same files as before, with other contents)\n';
}
