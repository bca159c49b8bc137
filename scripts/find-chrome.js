// Finds the Chromium used by tests, benchmarks and screenshots:
// CHROME_PATH, else /usr/bin/chromium (or chromium-browser, google-chrome), else stop with a
// message that says how to install one.
import { existsSync } from 'node:fs';

export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // keep timers and frames of pages that are not in front running (the benchmark's and the
  // e2e tests' contexts; the browser tests run one page at a time, see web-test-runner.config.js)
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export function findChrome() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  for (const path of candidates) {
    if (path && existsSync(path)) return path;
  }
  console.error(
    'No Chromium found. Set CHROME_PATH to a Chrome or Chromium binary, or install one:\n' +
      '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n' +
      '  (tools here cannot download a browser of their own).',
  );
  process.exit(1);
}
