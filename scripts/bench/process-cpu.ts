// CPU time each process of one Chromium spent during a measured stretch, by role, read from
// /proc (Linux only: elsewhere there is nothing to read and phases print no CPU figures).
// With DevTools open, two cores are already full with the browser, the page and DevTools, so
// what SSE Lens costs the page is CPU it adds in any process; per-run burst times swing more
// than that, and per-process CPU shows where it goes.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

export type ProcessRole = 'browser' | 'page' | 'extension' | 'other renderers' | 'gpu' | 'other';
export const PROCESS_ROLES: readonly ProcessRole[] = [
  'browser',
  'page',
  'extension',
  'other renderers',
  'gpu',
  'other',
];

export interface ProcessStat {
  ppid: number;
  /** User + system CPU, ms. */
  cpuMs: number;
  /** Chromium's `--type=` switch; '' for the browser process. */
  type: string;
  extension: boolean;
}

/** CPU of every Chromium process at one moment, by pid. */
export type CpuSnapshot = Map<number, ProcessStat>;

export const canReadProcessCpu = existsSync('/proc/self/stat');

let ticksPerSecond: number | undefined;
/** /proc counts CPU in clock ticks: 100 a second on Linux unless `getconf` says otherwise. */
function msPerTick(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return 1000 / ticksPerSecond;
}

function readStat(pid: string): ProcessStat | null {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmd.includes('chrom')) return null;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(f[1]),
      cpuMs: (Number(f[11]) + Number(f[12])) * msPerTick(),
      type: /--type=([a-z-]+)/.exec(cmd)?.[1] ?? '',
      extension: cmd.includes('--extension-process'),
    };
  } catch {
    return null; // the process ended while being read
  }
}

/**
 * CPU ms the renderer `pid`'s main thread (where the page's scripts, SSE Lens's hook and
 * content script, and their garbage collection's main-thread part run) has used, or null.
 * Narrower than the process, which also counts its IO, compositor and GC helper threads. The
 * main thread's id is the process's (its name here is the program's, not CrRendererMain).
 */
export function mainThreadCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * msPerTick();
  } catch {
    return null; // the process ended
  }
}

export function cpuSnapshot(): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = readStat(pid);
    if (stat) snapshot.set(Number(pid), stat);
  }
  return snapshot;
}

/** The browser process a Chromium process belongs to (through zygotes), or null. */
function browserOf(snapshot: CpuSnapshot, pid: number): number | null {
  for (let at: number | undefined = pid; at !== undefined; at = snapshot.get(at)?.ppid) {
    if (snapshot.get(at)?.type === '') return at;
  }
  return null;
}

const SPIN_MS = 150;

/** CPU each renderer (not an extension's) used while `page` spun its main thread for SPIN_MS. */
async function growthWhileSpinning(page: Page): Promise<Map<number, number>> {
  const before = cpuSnapshot();
  await page.evaluate((ms) => {
    const start = performance.now();
    while (performance.now() - start < ms);
  }, SPIN_MS);
  const grew = new Map<number, number>();
  for (const [pid, stat] of cpuSnapshot()) {
    if (stat.type !== 'renderer' || stat.extension) continue;
    grew.set(pid, stat.cpuMs - (before.get(pid)?.cpuMs ?? 0));
  }
  return grew;
}

/**
 * Which renderer runs `page`: the one that grows by at least half of a 150 ms spin of the page,
 * and twice as much as any other, in two spins running. Chromium starts a spare renderer as a
 * tab navigates; while it starts it can grow more than the page's (which may get only half a
 * core then), but not for two spins. Up to 8 spins. Call it before the measured stretch.
 */
export async function pageRendererPid(page: Page): Promise<number | null> {
  let previous: number | null = null;
  for (let spin = 0; spin < 8; spin++) {
    const [top, next] = [...(await growthWhileSpinning(page))].sort((a, b) => b[1] - a[1]);
    const winner = top && top[1] >= 0.5 * SPIN_MS && top[1] >= 2 * (next?.[1] ?? 0) ? top[0] : null;
    if (winner !== null && winner === previous) return winner;
    previous = winner;
  }
  return null;
}

function roleOf(stat: ProcessStat, pid: number, pagePid: number): ProcessRole {
  if (stat.type === '') return 'browser';
  if (stat.type === 'gpu-process') return 'gpu';
  if (stat.type !== 'renderer') return 'other';
  if (stat.extension) return 'extension';
  return pid === pagePid ? 'page' : 'other renderers';
}

/** CPU ms each role of the page's browser used between two snapshots. */
export function cpuByRole(
  before: CpuSnapshot,
  after: CpuSnapshot,
  pagePid: number,
): Record<ProcessRole, number> {
  const used = Object.fromEntries(PROCESS_ROLES.map((r) => [r, 0])) as Record<ProcessRole, number>;
  const browser = browserOf(after, pagePid);
  for (const [pid, stat] of after) {
    if (browserOf(after, pid) !== browser) continue;
    used[roleOf(stat, pid, pagePid)] += stat.cpuMs - (before.get(pid)?.cpuMs ?? 0);
  }
  return used;
}
