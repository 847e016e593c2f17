// A tiny check runner for the Firefox suites: described checks that report instead of
// throwing, polling with a deadline instead of sleeps, a whole-run deadline, and the final
// `N passed, M failed` line (the exit code says the same).
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

/**
 * Runs `main` as one suite named `name` ("the smoke test"): fails it when it takes longer than
 * `deadlineMs` or crashes, then prints its time and summary and sets the exit code.
 */
export async function runSuite(
  name: string,
  deadlineMs: number,
  main: (suite: Suite) => Promise<void>,
): Promise<void> {
  const suite = new Suite();
  const startedAt = performance.now();
  const watchdog = setTimeout(() => {
    suite.fail(`${name} did not finish within ${deadlineMs / 1000} s`);
    console.log(suite.summary());
    process.exit(1);
  }, deadlineMs);
  try {
    await main(suite);
  } catch (error) {
    if (!(error instanceof Stopped)) suite.fail(`${name} crashed`, error);
    else console.log(error.message);
  } finally {
    clearTimeout(watchdog);
  }
  const took = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`${name[0]?.toUpperCase() ?? ''}${name.slice(1)} took ${took} s`);
  console.log(suite.summary());
  process.exitCode = suite.failed > 0 ? 1 : 0;
}
