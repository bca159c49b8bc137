// `npm test`: builds the demo endpoint (deterministic, a few seconds), runs the Node
// unit tests (tools), then the unit and element tests in headless Chromium.
import { spawnSync } from 'node:child_process';
import { findChrome } from './find-chrome.js';

findChrome(); // stops early, with install advice, when no browser is there

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const extra = process.argv.slice(2);
run('npx', ['tsx', 'scripts/build-demo-data.ts', '--quiet']);
run('node', ['--import', 'tsx', '--test', '--test-reporter=spec', 'tests/node/']);
run('npx', ['web-test-runner', '--config', 'web-test-runner.config.js', ...extra]);
