// The two arms every with/without figure compares: Chromium with the built extension and the
// same Chromium without it, launched together and closed together (also when the run is
// aborted), and the alternating order of their runs, so slow drifts in machine load cancel.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import {
  chromePath,
  launchWithExtension,
  QUIET_FLAGS,
  type ExtensionBrowser,
} from '../../test/e2e/support/chromium';
import type { Cleanup } from './time-limit';

export type Arm = 'plain' | 'extension';

export interface Arms {
  ext: ExtensionBrowser;
  plain: Browser;
  /** Where each arm opens its pages. */
  contexts: Record<Arm, BrowserContext>;
}

/** Runs `measure` with both browsers up, and closes them after. */
export async function withArms<T>(
  cleanup: Cleanup,
  measure: (arms: Arms) => Promise<T>,
): Promise<T> {
  const ext = await launchWithExtension();
  const closeExt = cleanup.add(() => ext.close());
  const plain = await chromium.launch({ executablePath: chromePath(), args: QUIET_FLAGS });
  const closePlain = cleanup.add(() => plain.close());
  try {
    const contexts = { extension: ext.context, plain: await plain.newContext({ viewport: null }) };
    return await measure({ ext, plain, contexts });
  } finally {
    await closePlain();
    await closeExt();
  }
}

/** The arms in the order run `run` takes them: ABBA, so neither always goes first. */
export function armOrder(run: number): Arm[] {
  return run % 2 === 0 ? ['extension', 'plain'] : ['plain', 'extension'];
}

/**
 * One warm-up run per arm (caches, JIT, the extension's service worker), then `runs` runs per
 * arm in `armOrder`; `time` gets a key unique to each run. Returns each arm's samples in run
 * order, so `samples.extension[i]` and `samples.plain[i]` ran back to back.
 */
export async function sampleArms<T>(
  contexts: Record<Arm, BrowserContext>,
  runs: number,
  keyPrefix: string,
  time: (context: BrowserContext, key: string) => Promise<T>,
): Promise<Record<Arm, T[]>> {
  const samples: Record<Arm, T[]> = { extension: [], plain: [] };
  for (const arm of ['extension', 'plain'] as const) {
    await time(contexts[arm], `${keyPrefix}-warmup-${arm}`);
  }
  for (let run = 0; run < runs; run++) {
    for (const arm of armOrder(run)) {
      samples[arm].push(await time(contexts[arm], `${keyPrefix}-${arm}-${run}`));
    }
  }
  return samples;
}

/** Per-run ratios with / without of back-to-back pairs: they cancel slow drifts in load. */
export function pairedRatios(samples: Record<Arm, { ms: number }[]>): number[] {
  return samples.extension.map((s, i) => s.ms / (samples.plain[i]?.ms ?? NaN));
}
