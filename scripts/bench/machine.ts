// Describes the machine a benchmark ran on, so figures from different runs can be compared.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { chromePath } from '../../test/e2e/support/chromium';

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  /** 1, 5 and 15 minute load averages when the run started (the machine may be shared). */
  loadAverage: number[];
  /** `chromium --version` of the browser every phase runs. */
  chromium: string;
  node: string;
}

export function machineInfo(): MachineInfo {
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: totalmem() / 2 ** 30,
    loadAverage: loadavg(),
    chromium: execFileSync(chromePath(), ['--version'], {
      encoding: 'utf8',
      timeout: 10_000,
    }).trim(),
    node: process.version,
  };
}
