// A tiny check runner for the Firefox smoke test: described checks that report instead of
// throwing, polling with a deadline instead of sleeps, and the final `N passed, M failed` line.
import { inspect } from 'node:util';

/** Thrown by `Suite.require` when a check that later checks depend on failed. */
export class Stopped extends Error {}

export class Suite {
  passed = 0;
  failed = 0;

  /** Runs one check; a thrown error fails it with the error's message. */
  async check(description: string, run: () => Promise<void> | void): Promise<boolean> {
    try {
      await run();
    } catch (error) {
      this.fail(description, error);
      return false;
    }
    this.passed += 1;
    console.log(`ok   ${description}`);
    return true;
  }

  /** Like `check`, but later checks make no sense without it: stop the run if it fails. */
  async require(description: string, run: () => Promise<void> | void): Promise<void> {
    if (!(await this.check(description, run))) {
      throw new Stopped(`stopped: the remaining checks need "${description}"`);
    }
  }

  fail(description: string, error?: unknown): void {
    this.failed += 1;
    const detail =
      error instanceof Error ? error.message : error === undefined ? '' : inspect(error);
    const lines = detail === '' ? [] : detail.split('\n');
    console.log([`FAIL ${description}`, ...lines.map((line) => `       ${line}`)].join('\n'));
  }

  summary(): string {
    return `${this.passed} passed, ${this.failed} failed`;
  }
}

/** Polls `read` until `done` accepts its value; the timeout error shows the last value. */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(value)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
