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
