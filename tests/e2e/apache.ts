/**
 * Debian's Apache and nginx for the end-to-end tests, run from a temporary folder on a
 * loopback port: the common head of an httpd.conf, and the wait until a server answers.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';

export const APACHE_MODULES = '/usr/lib/apache2/modules';
const asRoot = process.getuid?.() === 0;

/** An httpd.conf whose files all live in `dir`: the named modules (`headers` for mod_headers), then `body`. */
export function apacheConf(dir: string, port: number, modules: string[], body: string): string {
  return `ServerRoot ${dir}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/apache-error.log
LogLevel warn
KeepAlive Off
${['mpm_prefork', 'authz_core', 'dir', 'mime', ...modules]
  .map((m) => `LoadModule ${m}_module ${APACHE_MODULES}/mod_${m}.so`)
  .join('\n')}
${asRoot ? 'User www-data\nGroup www-data' : ''}
TypesConfig /etc/mime.types
${body}`;
}

/**
 * Resolves when `url` answers (any HTTP status); rejects with the server's log when the
 * process exits first. A condition, not a fixed wait.
 */
export async function untilAnswers(url: string, child: ChildProcess, log: string): Promise<void> {
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`${child.spawnfile} exited (${code}):\n${spawnSync('cat', [log]).stdout}`)),
    ),
  );
  let gone = false;
  exited.catch(() => (gone = true));
  await Promise.race([
    exited,
    (async () => {
      while (!gone) {
        try {
          await fetch(url);
          return;
        } catch {
          await new Promise((r) => setImmediate(r));
        }
      }
    })(),
  ]);
}
