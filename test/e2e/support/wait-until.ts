// The one polling loop of the e2e helpers: read until a condition holds or a deadline
// passes, then fail saying what was awaited and what was last seen (or last thrown).

export async function waitUntil<T>(
  what: string,
  read: () => Promise<T>,
  predicate: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: { value: T } | { error: unknown } | undefined;
  while (Date.now() < deadline) {
    try {
      const value = await read();
      if (predicate(value)) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const seen =
    last === undefined
      ? 'nothing'
      : 'value' in last
        ? JSON.stringify(last.value)
        : `error ${last.error instanceof Error ? last.error.message : String(last.error)}`;
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`);
}
