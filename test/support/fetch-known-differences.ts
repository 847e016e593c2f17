// The fetch probe values that still differ with SSE Lens installed, each with why. Both the
// Chromium spec and the Firefox smoke test accept exactly these and nothing else, and fail
// when one of them stops differing, so the list can only shrink. README lists them too.
import type { ProbeResult } from './transparency-probe';

interface KnownDifference {
  browser: 'chromium' | 'firefox' | 'both';
  path: string[];
  why: string;
}

export const FETCH_KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    browser: 'chromium',
    path: ['fetchErrors', 'reflectConstruct', 'error'],
    why: 'V8 quotes a non-constructor’s source text; a Proxy would quote native text but break another frame’s toString',
  },
  {
    browser: 'chromium',
    path: ['errorStacks', 'reflectConstruct'],
    why: 'the same message, and the wrapper frame of a throw V8 raises before any call',
  },
  {
    browser: 'chromium',
    path: ['errorStacks', 'unsupportedScheme'],
    why: 'fetch("ftp://…") is passed to the native fetch from the wrapper, whose frame its error shows',
  },
  {
    browser: 'chromium',
    path: ['bodyMethods'],
    why: 'json() of a captured stream that is not JSON: Chromium words the SyntaxError by the stream controller’s close()',
  },
  {
    browser: 'firefox',
    path: ['fetchFunction', 'keys'],
    why: 'SpiderMonkey creates a native function’s name and length when first read, so their order follows what the page read first; a wrapper’s order is fixed',
  },
  {
    browser: 'firefox',
    path: ['networkErrorMidBody', 'viaText', 'rejected'],
    why: 'text() of a captured stream cut by the network: Firefox rejects with AbortError instead of TypeError',
  },
];

function at(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path)
    v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

function setAt(value: unknown, path: readonly string[], to: unknown): void {
  const parent = at(value, path.slice(0, -1));
  if (typeof parent === 'object' && parent !== null) {
    (parent as Record<string, unknown>)[path.at(-1) as string] = to;
  }
}

/**
 * Takes the known differences of `browser` out of `hooked` (copying `native`'s values in), and
 * returns the ones that no longer differ: each of those is fixed and must leave the list.
 */
export function acceptKnownDifferences(
  hooked: ProbeResult,
  native: ProbeResult,
  browser: 'chromium' | 'firefox',
): string[] {
  const fixed: string[] = [];
  for (const d of FETCH_KNOWN_DIFFERENCES) {
    if (d.browser !== 'both' && d.browser !== browser) continue;
    const mine = at(hooked, d.path);
    const theirs = at(native, d.path);
    if (JSON.stringify(mine) === JSON.stringify(theirs)) fixed.push(d.path.join('.'));
    else setAt(hooked, d.path, structuredClone(theirs));
  }
  return fixed;
}
