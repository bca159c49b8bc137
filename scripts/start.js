// `npm start`: builds the library (dist/) and the demo endpoint (demo-dist/data/),
// then serves the demo at http://localhost:8080 with the endpoint at /data/.
import { spawnSync } from 'node:child_process';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const skipBuild = process.argv.includes('--no-build');
if (!skipBuild) {
  run('npx', ['rollup', '-c', '--silent']);
  run('npx', ['tsx', 'scripts/build-demo-data.ts', '--quiet']);
}
run('npx', ['tsx', 'scripts/serve-demo.ts', ...process.argv.slice(2).filter((a) => a !== '--no-build')]);
