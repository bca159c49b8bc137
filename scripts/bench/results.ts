/** The shape of bench/results.json (each part is absent when it was not run). */
import type { BytesResult } from './bytes.js';
import type { LifecycleResult } from './lifecycle.js';
import type { LighthouseResult } from './lighthouse.js';
import type { Machine } from './machine.js';
import type { NetworkResult } from './network.js';
import type { CaseResult, ThrottledResult } from './timing.js';

export interface Goal {
  goal: string;
  value: string;
  met: boolean | null;
}

export interface Results {
  machine: Machine;
  options: { runs: number; cycles: number; cpuRate?: number; lighthouseRuns?: number };
  endpoints: { de: { gemeinden: number; geometryBytes: number; seconds: number } };
  bytes?: BytesResult;
  timing?: CaseResult[];
  throttled?: ThrottledResult;
  network?: NetworkResult;
  lifecycle?: LifecycleResult[];
  lighthouse?: LighthouseResult;
  goals: Goal[];
  problems: string[];
  seconds: number;
}
