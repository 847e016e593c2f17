// Phase: where the hook's install time goes (issue 11). The "hook install" phase traces the
// whole install; this one loads a build of the page hook that reads the clock after each stage
// of installPageHook (page-hook-stages.ts) into an otherwise identical copy of the extension,
// on a cross-origin-isolated blank page, where performance.now() is precise to 5 µs instead
// of 100. What the stages do not cover is the bundle's top level, its compile and Blink's
// script setup: the hook install figure minus the stages' sum.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildClassicScript } from '../build/classic-script';
import { EXTENSION_DIR, launchWithExtension } from '../../test/e2e/support/chromium';
import type { PhaseResult } from './report';
import { median } from './stats';
import type { Cleanup } from './time-limit';

const LOADS = 60;
const WARMUP_LOADS = 5;

/** A copy of the built extension whose page hook times its stages. */
async function stagedExtension(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sse-lens-hook-stages-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  await buildClassicScript({
    entry: resolve(import.meta.dirname, 'page-hook-stages.ts'),
    outDir: dir,
    name: 'page_hook',
    fileName: 'page-hook.js',
  });
  return dir;
}

/** A blank page served cross-origin-isolated (COOP + COEP), for a 5 µs performance.now(). */
async function isolatedBlankPage(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end('<!doctype html><title>blank</title>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export async function measureHookStages(cleanup: Cleanup): Promise<PhaseResult> {
  const dir = await stagedExtension();
  const removeDir = cleanup.add(() => {
    rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  });
  const page = await isolatedBlankPage();
  const closePage = cleanup.add(() => page.close());
  const ext = await launchWithExtension({ extensionDir: dir });
  const closeExt = cleanup.add(() => ext.close());
  try {
    const tab = await ext.context.newPage();
    const read = (): Promise<{ isolated: boolean; stages: [string, number][] | null }> =>
      tab.evaluate(() => ({
        isolated: crossOriginIsolated,
        stages:
          (window as unknown as { __sseLensHookStages?: [string, number][] }).__sseLensHookStages ??
          null,
      }));
    for (let i = 0; i < WARMUP_LOADS; i++) await tab.goto(`${page.url}?warmup=${i}`);
    const byStage = new Map<string, number[]>();
    for (let i = 0; i < LOADS; i++) {
      await tab.goto(`${page.url}?load=${i}`);
      const { isolated, stages } = await read();
      if (!isolated) throw new Error('the blank page is not cross-origin isolated');
      if (stages === null) throw new Error('the staged page hook did not run');
      for (const [stage, ms] of stages) {
        const times = byStage.get(stage) ?? [];
        times.push(ms);
        byStage.set(stage, times);
      }
    }
    const stages = [...byStage];
    const sums = Array.from({ length: LOADS }, (_, i) =>
      stages.reduce((sum, [, times]) => sum + (times[i] ?? 0), 0),
    );
    return {
      name: 'hook install stages',
      figures: [
        ...stages.map(([stage, times]) => ({
          label: `hook install stage: ${stage} (mean)`,
          value: mean(times),
          unit: 'ms' as const,
        })),
        {
          label: 'hook install stages, all (median per document)',
          value: median(sums),
          unit: 'ms',
        },
      ],
      notes: [
        `${LOADS} loads of a cross-origin-isolated blank page after ${WARMUP_LOADS} warm-up ` +
          `ones, with a page hook built to read the clock after each stage of installPageHook; ` +
          `stage medians: ${stages.map(([s, t]) => `${s} ${(median(t) * 1000).toFixed(0)} µs`).join(', ')}`,
        'the stages include Blink creating each interface object (Request, XMLHttpRequest, …) ' +
          'on the hook’s first touch; not in them: the bundle’s top level, its compile and ' +
          'Blink’s script setup (the hook install figure minus the stages)',
      ],
      raw: { loads: LOADS, stagesMs: Object.fromEntries(byStage) },
    };
  } finally {
    await closeExt();
    await closePage();
    await removeDir();
  }
}
