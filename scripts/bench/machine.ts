/** The machine a benchmark ran on: CPU, cores, memory, load, Chromium, Node. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  playwright: string;
  date: string;
  loadBefore: number[];
  loadAfter?: number[];
  /** 1-minute load average after each timing run. */
  runLoads?: number[];
}

export function describeMachine(chromium: string): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1]!.trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  let playwright = '';
  try {
    playwright = (JSON.parse(readFileSync('node_modules/playwright-core/package.json', 'utf8')) as { version: string })
      .version;
  } catch {
    playwright = 'unknown';
  }
  return {
    cpu,
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
    playwright,
    date: new Date().toISOString(),
    loadBefore: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
