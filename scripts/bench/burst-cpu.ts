// A burst timed in the page, with the CPU each Chromium process used meanwhile, and the CPU
// figures both burst phases print (DevTools closed and open). The page's time to its last
// event swings by ±10–40% between runs on this machine, mostly while the page waits for the
// network; CPU per burst says what SSE Lens adds in each process, whatever the wall clock did.
import type { Page } from '@playwright/test';
import type { Arm } from './arms';
import { timeStream, type TimedStream } from './page-scripts';
import {
  canReadProcessCpu,
  cpuByRole,
  cpuSnapshot,
  mainThreadCpuMs,
  pageRendererPid,
  PROCESS_ROLES,
  type ProcessRole,
} from './process-cpu';
import type { Figure } from './report';
import { median } from './stats';

export interface TimedBurst extends TimedStream {
  /** CPU ms each process role of the arm's Chromium used from the burst's start to its end. */
  cpu?: Record<ProcessRole, number>;
  /** CPU ms of the page renderer's main thread over the same stretch. */
  pageMainMs?: number;
}

/**
 * Runs a timing `script` (from page-scripts) in `page`, with the CPU each process used
 * meanwhile where /proc tells.
 */
export async function timeWithCpu<T extends TimedStream>(
  page: Page,
  script: string,
): Promise<T & TimedBurst> {
  const pid = canReadProcessCpu ? await pageRendererPid(page) : null;
  const before = pid === null ? null : cpuSnapshot();
  const mainBefore = pid === null ? null : mainThreadCpuMs(pid);
  const timed = await page.evaluate<T>(script);
  if (pid === null || before === null) return timed;
  const mainAfter = mainThreadCpuMs(pid);
  return {
    ...timed,
    cpu: cpuByRole(before, cpuSnapshot(), pid),
    ...(mainBefore !== null && mainAfter !== null ? { pageMainMs: mainAfter - mainBefore } : {}),
  };
}

/** Times a burst of `events` from `path` in `page`, with each process's CPU where /proc tells. */
export function timeBurst(
  page: Page,
  path: string,
  events: number,
  timeoutMs: number,
): Promise<TimedBurst> {
  return timeWithCpu<TimedStream>(page, timeStream(path, events, timeoutMs));
}

/**
 * Median CPU per burst in each arm: of all Chromium's processes, and of the page's renderer
 * alone with what SSE Lens adds there per event. `setting` names the phase's DevTools state.
 */
export function cpuFigures(
  samples: Record<Arm, TimedBurst[]>,
  setting: string,
  events: number,
): { figures: Figure[]; notes: string[] } {
  const cpu = (arm: Arm): Record<ProcessRole, number>[] =>
    samples[arm].flatMap((s) => (s.cpu === undefined ? [] : [s.cpu]));
  const [plain, ext] = [cpu('plain'), cpu('extension')];
  if (plain.length === 0 || ext.length === 0) return { figures: [], notes: [] };
  const total = (r: Record<ProcessRole, number>): number =>
    PROCESS_ROLES.reduce((sum, role) => sum + r[role], 0);
  const role = (runs: Record<ProcessRole, number>[], name: ProcessRole): number =>
    median(runs.map((r) => r[name]));
  const range = (xs: number[]): string =>
    `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
  const page = (runs: Record<ProcessRole, number>[]): number[] => runs.map((r) => r.page);
  const main = (arm: Arm): number[] =>
    samples[arm].flatMap((s) => (s.pageMainMs === undefined ? [] : [s.pageMainMs]));
  const [plainMain, extMain] = [main('plain'), main('extension')];
  const hasMain = plainMain.length > 0 && extMain.length > 0;
  return {
    figures: [
      {
        label: `${setting}: CPU of all Chromium processes per burst, without (median)`,
        value: median(plain.map(total)),
        unit: 'ms',
      },
      {
        label: `${setting}: the same, with SSE Lens (median)`,
        value: median(ext.map(total)),
        unit: 'ms',
      },
      {
        label: `${setting}: CPU of the page's renderer per event, added (medians)`,
        value: ((role(ext, 'page') - role(plain, 'page')) * 1000) / events,
        unit: 'µs',
      },
      ...(hasMain
        ? [
            {
              label: `${setting}: CPU of the page's main thread per event, added (medians)`,
              value: ((median(extMain) - median(plainMain)) * 1000) / events,
              unit: 'µs' as const,
            },
          ]
        : []),
    ],
    notes: [
      `${setting}: CPU per burst by process (/proc, medians, without → with): ` +
        PROCESS_ROLES.map(
          (name) => `${name} ${role(plain, name).toFixed(0)} → ${role(ext, name).toFixed(0)} ms`,
        ).join(', ') +
        `; the page's renderer ${range(page(plain))} ms without, ${range(page(ext))} ms with; ` +
        "'page' is the page's renderer, 'extension' SSE Lens's panel and service worker, " +
        "'other renderers' DevTools' front-end",
      ...(hasMain
        ? [
            `${setting}: the page renderer's main thread per burst: ${range(plainMain)} ms ` +
              `without, ${range(extMain)} ms with`,
          ]
        : []),
    ],
  };
}
