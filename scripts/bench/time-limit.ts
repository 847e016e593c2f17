// Bounds every wait in the benchmark: a step that hangs fails with a message naming it, and
// everything started is closed (newest first) on success, failure or the global deadline.

/** Rejects with "<what> timed out" when `promise` takes longer than `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closers of everything the run started, so a failure or the deadline leaves nothing behind. */
export class Cleanup {
  private readonly closers = new Set<() => Promise<void>>();

  /** Registers `close`; the returned function runs it once and forgets it. */
  add(close: () => Promise<void>): () => Promise<void> {
    const once = async (): Promise<void> => {
      if (!this.closers.delete(once)) return;
      await withTimeout(close(), 15_000, 'closing a browser or server').catch((e: unknown) => {
        console.error(e instanceof Error ? e.message : e);
      });
    };
    this.closers.add(once);
    return once;
  }

  async closeAll(): Promise<void> {
    for (const close of [...this.closers].reverse()) await close();
  }
}
