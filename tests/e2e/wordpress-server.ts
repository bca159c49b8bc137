/**
 * A real WordPress for the end-to-end tests, from Debian's packages: `wordpress` (6.1),
 * `mariadb-server`, `apache2` with `libapache2-mod-php` and `php-mysql`. Everything runs
 * from a temporary folder: MariaDB on a socket only (no TCP), Apache on a free loopback
 * port, WordPress as a hard-linked copy of /usr/share/wordpress with its own wp-config.php
 * (the package's files are never written). Nothing is installed or started system-wide.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { APACHE_MODULES, apacheConf, untilAnswers } from './apache.js';

export const DEBIAN_PACKAGES = 'wordpress mariadb-server apache2 libapache2-mod-php php-mysql php-cli nginx';

const WORDPRESS = '/usr/share/wordpress';

/** What is missing for a real WordPress (empty when everything is there). */
export function missingForWordPress(): string[] {
  const missing: string[] = [];
  const need = (path: string, pkg: string) => existsSync(path) || missing.push(`${path} (${pkg})`);
  need(`${WORDPRESS}/wp-settings.php`, 'wordpress');
  need('/usr/sbin/mariadbd', 'mariadb-server');
  need('/usr/bin/mariadb-install-db', 'mariadb-server');
  need('/usr/sbin/apache2', 'apache2');
  if (!phpModule()) missing.push(`${APACHE_MODULES}/libphp*.so (libapache2-mod-php)`);
  const php = spawnSync('php', ['-m'], { encoding: 'utf8' });
  if (php.status !== 0) missing.push('php (php-cli)');
  else if (!/^mysqli$/m.test(php.stdout)) missing.push('the mysqli extension (php-mysql)');
  return missing;
}

function phpModule(): string | undefined {
  if (!existsSync(APACHE_MODULES)) return undefined;
  const found = readdirSync(APACHE_MODULES).find((f) => /^libphp[\d.]*\.so$/.test(f));
  return found && join(APACHE_MODULES, found);
}

/** A free port on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Resolves when `child` writes a line matching `pattern` to stderr/stdout; rejects when it exits first. */
function waitForOutput(child: ChildProcess, pattern: RegExp, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`${what} exited (${code}) before it was ready:\n${seen.slice(-2000)}`));
    };
    const cleanup = () => {
      child.stderr?.off('data', onData);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

function run(cmd: string, args: string[], input?: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input, timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Hard-links (or, across file systems, copies) a directory tree; never writes into the source. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const src = realpathSync(join(from, name)); // a symlink (Debian links some files) counts as its target
    const dst = join(to, name);
    if (existsSync(dst)) continue;
    if (statSync(src).isDirectory()) linkTree(src, dst);
    else {
      try {
        linkSync(src, dst);
      } catch {
        cpSync(src, dst);
      }
    }
  }
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface WordPress {
  base: string;
  dir: string;
  /** Runs PHP with WordPress loaded (as the CLI, no HTTP request); returns stdout. */
  php: (code: string) => string;
  /** Apache's and PHP's error logs (for failure messages). */
  logs: () => string;
  close: () => Promise<void>;
}

export async function startWordPress(): Promise<WordPress> {
  const dir = mkdtempSync('/tmp/fokus-wp-');
  chmodSync(dir, 0o755);
  const osUser = userInfo().username;
  let db: ChildProcess | undefined;
  let web: ChildProcess | undefined;
  const killOnExit = () => {
    web?.kill();
    db?.kill();
  };
  process.once('exit', killOnExit); // a crashed test run leaves no server behind
  const close = async () => {
    process.off('exit', killOnExit);
    await stop(web);
    await stop(db);
    if (!process.env.FOKUS_KEEP_WP) rmSync(dir, { recursive: true, force: true });
  };
  try {
    // --- MariaDB: socket only, data in the temp folder.
    const data = join(dir, 'db');
    const socket = join(dir, 'mysql.sock');
    run('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${data}`,
      `--user=${osUser}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ]);
    db = spawn(
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        `--datadir=${data}`,
        `--socket=${socket}`,
        `--pid-file=${join(dir, 'mysql.pid')}`,
        '--skip-networking',
        `--user=${osUser}`,
        '--innodb-buffer-pool-size=32M',
        '--skip-log-bin',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    await waitForOutput(db, /ready for connections/, 'mariadbd');
    const dbPassword = randomBytes(12).toString('hex');
    run(
      'mariadb',
      ['--no-defaults', `--socket=${socket}`, '-u', 'root'],
      [
        'CREATE DATABASE wordpress;',
        `CREATE USER 'wp'@'localhost' IDENTIFIED BY '${dbPassword}';`,
        "GRANT ALL ON wordpress.* TO 'wp'@'localhost';",
      ].join('\n'),
    );

    // --- WordPress: a hard-linked copy with its own configuration.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const root = join(dir, 'wp');
    linkTree(WORDPRESS, root);
    rmSync(join(root, 'wp-config.php'));
    rmSync(join(root, '.htaccess'), { force: true });
    const languages = '/var/lib/wordpress/wp-content/languages';
    if (existsSync(languages)) linkTree(languages, join(root, 'wp-content', 'languages'));
    for (const sub of ['plugins', 'uploads', 'upgrade', 'languages']) {
      mkdirSync(join(root, 'wp-content', sub), { recursive: true });
      chmodSync(join(root, 'wp-content', sub), 0o777); // Apache's user installs the plugin zip
    }
    const salt = () => randomBytes(24).toString('hex');
    writeFileSync(
      join(root, 'wp-config.php'),
      `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', '${dbPassword}' );
define( 'DB_HOST', 'localhost:${socket}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'WP_HOME', '${base}' );
define( 'WP_SITEURL', '${base}' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '${dir}/php-debug.log' );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'FS_METHOD', 'direct' );
${[
  'AUTH_KEY',
  'SECURE_AUTH_KEY',
  'LOGGED_IN_KEY',
  'NONCE_KEY',
  'AUTH_SALT',
  'SECURE_AUTH_SALT',
  'LOGGED_IN_SALT',
  'NONCE_SALT',
]
  .map((k) => `define( '${k}', '${salt()}' );`)
  .join('\n')}
$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
    );
    writeFileSync(join(dir, 'php-debug.log'), '');
    chmodSync(join(dir, 'php-debug.log'), 0o666);

    // --- Apache with mod_php on the loopback port, configured from the temp folder only.
    const conf = join(dir, 'httpd.conf');
    writeFileSync(
      conf,
      apacheConf(
        dir,
        port,
        [],
        `LoadModule php_module ${phpModule()}
StartServers 4
MinSpareServers 1
MaxSpareServers 8
MaxRequestWorkers 20
AddType text/javascript .js .mjs
DocumentRoot ${root}
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory ${root}>
  Require all granted
  DirectoryIndex index.php
</Directory>
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
`,
      ),
    );
    // Its own process group: on shutdown Apache signals its whole group, which must not be ours.
    web = spawn('/usr/sbin/apache2', ['-f', conf, '-DFOREGROUND'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    await untilAnswers(`${base}/readme.html`, web, `${dir}/apache-error.log`);

    const php = (code: string) =>
      run('php', [
        '-d',
        'display_errors=stderr',
        '-r',
        `$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}'; require '${root}/wp-load.php'; ${code}`,
      ]);
    // --- Install (German site, like a municipal one).
    run('php', [
      '-r',
      `define( 'WP_INSTALLING', true ); $_SERVER['HTTP_HOST'] = '127.0.0.1:${port}'; require '${root}/wp-load.php';
       require_once ABSPATH . 'wp-admin/includes/upgrade.php';
       $r = wp_install( 'Kreis Pinneberg (Test)', 'admin', 'admin@example.org', false, '', 'admin-password', 'de_DE' );
       if ( empty( $r['user_id'] ) ) { fwrite( STDERR, 'install failed' ); exit( 1 ); }`,
    ]);
    return {
      base,
      dir,
      php,
      logs: () =>
        ['apache-error.log', 'php-debug.log']
          .map((f) => `--- ${f}\n${spawnSync('tail', ['-n', '40', join(dir, f)], { encoding: 'utf8' }).stdout}`)
          .join('\n'),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
