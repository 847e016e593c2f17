import { describe, expect, it } from 'vitest';
import { cpuByRole, type CpuSnapshot, type ProcessStat } from '../../scripts/bench/process-cpu';

const proc = (ppid: number, cpuMs: number, type: string, extension = false): ProcessStat => ({
  ppid,
  cpuMs,
  type,
  extension,
});

/** Two browsers (1 and 10); browser 1's renderers hang off its zygote (2). */
function snapshot(grown: number): CpuSnapshot {
  return new Map([
    [1, proc(0, 100 + grown, '')],
    [2, proc(1, 5, 'zygote')],
    [3, proc(2, 200 + 2 * grown, 'renderer')],
    [4, proc(2, 300 + 3 * grown, 'renderer')],
    [5, proc(2, 50 + 4 * grown, 'renderer', true)],
    [6, proc(1, 10 + grown, 'gpu-process')],
    [7, proc(1, 1 + grown, 'utility')],
    [10, proc(0, 1_000 + 100 * grown, '')],
    [11, proc(10, 1_000 + 100 * grown, 'renderer')],
  ]);
}

describe('cpuByRole', () => {
  it("counts the CPU each role of the page's browser used, and nothing of another browser", () => {
    const after = snapshot(10);
    after.set(8, proc(2, 40, 'renderer'));
    expect(cpuByRole(snapshot(0), after, 3)).toEqual({
      browser: 10,
      page: 20,
      extension: 40,
      // DevTools' renderer (4) and one that started meanwhile (8), counted whole.
      'other renderers': 30 + 40,
      gpu: 10,
      other: 10,
    });
  });
});
