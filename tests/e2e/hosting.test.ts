// The production hosting configurations (hosting/nginx/fokus.conf, hosting/apache/fokus.conf)
// on Debian's real nginx and Apache, started from temporary folders on loopback ports:
// CORS, compression, caching of content-hashed chunks, revalidation of catalog.json and the
// loader; and the demo pages end to end through nginx, also embedded by another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, RECORD_STATES, waitForWidgets, watchProblems } from './harness.js';
import { assertMarks, startBlankHost, type BlankHost } from './cms-harness.js';
import { DEBIAN_PACKAGES, freePort } from './wordpress-server.js';
import { APACHE_MODULES, apacheConf, untilAnswers } from './apache.js';

const missing = [
  ['/usr/sbin/nginx', 'nginx'],
  ['/usr/sbin/apache2', 'apache2'],
  [`${APACHE_MODULES}/mod_headers.so`, 'apache2'],
]
  .filter(([path]) => !existsSync(path))
  .map(([path, pkg]) => `${path} (${pkg})`);
const why = missing.length
  ? `the hosting test needs: ${missing.join(', ')}. Debian/Ubuntu: apt-get install ${DEBIAN_PACKAGES}`
  : '';
if (why && process.env.CI) test('hosting test prerequisites', () => assert.fail(why));
const skip = why && !process.env.CI ? why : false;
if (skip) console.log(`# skipped: ${skip}`);

const asRoot = process.getuid?.() === 0;
let dir: string;
let nginx: ChildProcess | undefined;
let apache: ChildProcess | undefined;
let nginxBase: string;
let apacheBase: string;
let browser: Browser;
let host: BlankHost;

/** A site root like production: dist/ (library), data/ (endpoint) and the demo pages. */
function siteRoot(): string {
  const root = join(dir, 'root');
  mkdirSync(root, { recursive: true });
  symlinkSync(resolve('dist'), join(root, 'dist'));
  // A copy, readable by the server's user (the endpoint build leaves its folder private).
  cpSync('demo-dist/data', join(root, 'data'), { recursive: true });
  spawnSync('chmod', ['-R', 'a+rX', join(root, 'data')]);
  for (const f of readdirSync('demo'))
    if (/\.(html|css|js|ico)$/.test(f)) symlinkSync(resolve('demo', f), join(root, f));
  return root;
}

before(async () => {
  if (why) return;
  dir = mkdtempSync('/tmp/fokus-hosting-');
  chmodSync(dir, 0o755);
  const root = siteRoot();
  const [np, ap] = await Promise.all([freePort(), freePort()]);
  nginxBase = `http://127.0.0.1:${np}`;
  apacheBase = `http://127.0.0.1:${ap}`;
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
${asRoot ? 'user www-data;' : ''}
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${np};
    server_name localhost;
    root ${root};
    index index.html;
    include ${resolve('hosting/nginx/fokus.conf')};
  }
}
`,
  );
  nginx = spawn('/usr/sbin/nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'nginx-error.log')], {
    stdio: 'ignore',
    detached: true,
  });
  writeFileSync(
    join(dir, 'httpd.conf'),
    apacheConf(
      dir,
      ap,
      ['headers', 'filter', 'deflate'],
      `DocumentRoot ${root}
<Directory />
  Options FollowSymLinks
  AllowOverride None
  Require all granted
</Directory>
Include ${resolve('hosting/apache/fokus.conf')}
`,
    ),
  );
  apache = spawn('/usr/sbin/apache2', ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'], {
    stdio: 'ignore',
    detached: true,
  });
  await Promise.all([
    untilAnswers(`${nginxBase}/dist/fokus-widgets.js`, nginx, join(dir, 'nginx-error.log')),
    untilAnswers(`${apacheBase}/dist/fokus-widgets.js`, apache, join(dir, 'apache-error.log')),
  ]);
  [browser, host] = await Promise.all([launch(), startBlankHost()]);
});

after(async () => {
  await browser?.close();
  await host?.close();
  await Promise.all(
    [nginx, apache].map(
      (p) =>
        new Promise<void>((done) => {
          if (!p || p.exitCode !== null || p.signalCode !== null) return done();
          p.once('exit', () => done());
          p.kill('SIGTERM');
        }),
    ),
  );
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** One raw GET (no automatic decompression), with the given request headers. */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((done, fail) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

const chunk = () =>
  readdirSync('dist/chunks').find((f) => /^lit-.+\.js$/.test(f)) ??
  readdirSync('dist/chunks').find((f) => f.endsWith('.js'))!;

for (const server of ['nginx', 'apache'] as const) {
  test(`${server}: CORS, gzip, immutable chunks, revalidated loader and catalog.json`, { skip }, async () => {
    const base = server === 'nginx' ? nginxBase : apacheBase;
    const origin = { Origin: 'https://www.example.org', 'Accept-Encoding': 'gzip' };
    const hashed = await get(`${base}/dist/chunks/${chunk()}`, origin);
    assert.equal(hashed.status, 200);
    assert.equal(hashed.headers['access-control-allow-origin'], '*');
    assert.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(hashed.headers['content-encoding'], 'gzip');
    assert.match(String(hashed.headers['content-type']), /javascript/);

    for (const path of ['/dist/fokus-widgets.js', '/data/catalog.json']) {
      const first = await get(`${base}${path}`, origin);
      assert.equal(first.status, 200, path);
      assert.equal(first.headers['access-control-allow-origin'], '*', path);
      assert.equal(first.headers['cache-control'], 'no-cache', path);
      assert.equal(first.headers['content-encoding'], 'gzip', path);
      const etag = String(first.headers.etag ?? '');
      assert.ok(etag, `${path} has an ETag`);
      const again = await get(`${base}${path}`, { ...origin, 'If-None-Match': etag });
      assert.equal(again.status, 304, `${path} revalidates to 304`);
    }
    const indicator = await get(`${base}/data/indicators/geburtenrate.json`, origin);
    assert.equal(indicator.headers['cache-control'], 'public, max-age=300, must-revalidate');
    assert.equal(indicator.headers['access-control-allow-origin'], '*');
    const embed = await get(`${base}/dist/embed.html`);
    assert.match(String(embed.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(embed.headers['x-frame-options'], undefined);
  });
}

test('nginx: the demo pages work end to end, and another site embeds widgets from it', { skip }, async () => {
  for (const path of ['/', '/dashboard.html', '/builder.html']) {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const missing: string[] = [];
    page.on('response', (r) => r.status() === 404 && missing.push(new URL(r.url()).pathname));
    await page.addInitScript(RECORD_STATES);
    await page.goto(`${nginxBase}${path}`);
    await waitForWidgets(page, 'indicator-chart, municipality-map, comparison-table');
    // The builder asks whether /official/ exists (it offers it only then); nothing else may be missing.
    assert.deepEqual(
      missing.filter((p) => p !== '/official/catalog.json'),
      [],
      path,
    );
    assert.deepEqual(
      problems.filter((p) => !/status of 404/.test(p)),
      [],
      path,
    );
    await page.close();
  }
  const id = host.add(
    `<script type="module" src="${nginxBase}/dist/fokus-widgets.js"></script>\n` +
      `<municipality-map indicator="motorisierungsgrad" level="gemeinde" parent="01056" endpoint="${nginxBase}/data/"></municipality-map>`,
  );
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.addInitScript(RECORD_STATES);
  await page.goto(`${host.base}/${id}`);
  await waitForWidgets(page, 'municipality-map');
  await assertMarks(page, 'municipality-map');
  assert.deepEqual(problems, []);
  await page.close();
});
