// `npm start` (scripts/start.js -> scripts/serve-demo.ts): PORT chooses the port, and the CSP
// demo pages come with the strict Content-Security-Policy they are written for, without flags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

/** Starts `node scripts/start.js --no-build [args]` on a free port; resolves with its base URL. */
async function start(args: string[] = []): Promise<{ base: string; stop: () => Promise<void> }> {
  // its own process group: start.js runs npx, which runs tsx, which runs the server
  const child = spawn(process.execPath, ['scripts/start.js', '--no-build', ...args], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const base = await new Promise<string>((resolve, reject) => {
    const seen = (d: Buffer) => {
      output += d;
      const m = /fokus-widgets demo: (http:\/\/localhost:(\d+))\//.exec(output);
      if (m) resolve(m[1]);
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.once('exit', (code) => reject(new Error(`npm start ended (${code}) before serving: ${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    base,
    stop: async () => {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}

const csp = (r: Response) => r.headers.get('content-security-policy');

test('npm start serves on PORT and sends the CSP demo pages with their strict CSP, other pages without', async () => {
  const { base, stop } = await start();
  try {
    assert.doesNotMatch(base, /:0$/, 'the port printed is the one listened on');
    for (const page of ['csp-chart.html', 'csp-map.html']) {
      const r = await fetch(`${base}/${page}`);
      assert.equal(r.status, 200, page);
      const policy = csp(r) ?? '';
      assert.match(policy, /script-src 'self'(;|$)/, `${page}: ${policy}`);
      assert.match(policy, /style-src 'self'(;|$)/, `${page}: ${policy}`);
      assert.doesNotMatch(policy, /unsafe/, page);
    }
    for (const path of ['', 'index.html', 'table-only.html', 'dist/fokus-widgets.js', 'data/catalog.json']) {
      assert.equal(csp(await fetch(`${base}/${path}`)), null, `/${path} has no CSP without --csp`);
    }
    assert.equal(csp(await fetch(`${base}/csp-chart.html?x=1`)) !== null, true, 'a query string changes nothing');
  } finally {
    await stop();
  }
});

test('npm start -- --csp sends the strict CSP with every page', async () => {
  const { base, stop } = await start(['--csp']);
  try {
    for (const page of ['index.html', 'dashboard.html', 'csp-map.html']) {
      assert.match(csp(await fetch(`${base}/${page}`)) ?? '', /script-src 'self'/, page);
    }
  } finally {
    await stop();
  }
});
