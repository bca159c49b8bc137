// `npm test`: builds the demo endpoint and the library, runs the Node tests (tools,
// server), the unit and element tests in headless Chromium (@web/test-runner), and the
// end-to-end tests of the built demo (playwright-core with the system Chromium). At the end
// it checks that the run changed no file git tracks or sees (generated files are gitignored).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { treeChange, treeState } from './clean-tree.js';
import { findChrome } from './find-chrome.js';

findChrome(); // stops early, with install advice, when no browser is there

function run(step, cmd, args) {
  console.log(`\n== ${step}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${step} failed`);
    process.exit(r.status ?? 1);
  }
}

// Node 20 has no globs for --test: list the test files.
const testFiles = (dir) =>
  readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f}`)
    .sort();

const treeBefore = treeState();

run('demo endpoint', 'npx', ['tsx', 'scripts/build-demo-data.ts', '--quiet']);
run('library build', 'npx', ['rollup', '-c', '--silent']);
run('CMS packages (WordPress plugin, allow-lists)', 'node', ['scripts/build-cms.js']);
run('node tests', 'node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFiles('tests/node')]);
run('browser tests', 'npx', ['web-test-runner', '--config', 'web-test-runner.config.js']);
run('end-to-end tests', 'node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFiles('tests/e2e')]);

const change = treeChange(treeBefore, treeState());
if (change) {
  console.error(
    '\n== clean tree check failed: `npm test` changed files git tracks or sees ' +
      `(a script must write only gitignored files):\n${change}` +
      (treeBefore?.status ? `before the run git status was:\n${treeBefore.status}` : ''),
  );
  process.exit(1);
}
if (treeBefore) console.log('\n== clean tree check: `npm test` changed no file git tracks or sees');
