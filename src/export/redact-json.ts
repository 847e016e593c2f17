// Redacts the values of chosen keys inside JSON `data` by editing the original text: only the
// value spans are replaced, so key order, whitespace, escapes and numbers beyond double
// precision (re-serialising would round 12345678901234567890 to 12345678901234567000) are
// kept byte for byte. Iterative, so deeply nested data cannot overflow the stack.
import { REDACTED } from './redact-url';

/** The JSON key a secret came from, for the redaction's warnings. */
export type FoundInKey = (secret: string, key: string) => void;

const REPLACEMENT = JSON.stringify(REDACTED);
const PRIMITIVE = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * Replaces the values of `keys` (lower-case; compared case-insensitively) anywhere in JSON
 * `data` with "REDACTED". Data that is not a JSON object or array is returned as is; every
 * string and number inside a replaced value is reported to `found`.
 */
export function redactJsonKeys(
  data: string,
  keys: ReadonlySet<string>,
  found: FoundInKey,
): { text: string; replaced: number } {
  const first = data.trimStart()[0];
  if (keys.size === 0 || (first !== '{' && first !== '[') || !isJson(data)) {
    return { text: data, replaced: 0 };
  }
  const parts: string[] = [];
  let copied = 0;
  let replaced = 0;
  /** Open containers: '{' or '['. */
  const stack: string[] = [];
  let expectKey = false;
  /** The key whose value comes next, when it is one to redact. */
  let matchedKey = null as string | null;
  /** The redacted value being skipped: where it starts, its key and its depth. */
  let skip = null as { start: number; key: string; depth: number } | null;

  const valueStarts = (at: number): void => {
    if (skip === null && matchedKey !== null)
      skip = { start: at, key: matchedKey, depth: stack.length };
    matchedKey = null;
  };
  const valueEnds = (end: number): void => {
    if (skip === null || stack.length !== skip.depth) return;
    parts.push(data.slice(copied, skip.start), REPLACEMENT);
    copied = end;
    replaced++;
    skip = null;
  };

  for (let i = 0; i < data.length;) {
    const c = data[i];
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === ',' || c === ':') {
      if (c === ',' && stack[stack.length - 1] === '{') expectKey = true;
      i++;
    } else if (c === '{' || c === '[') {
      valueStarts(i);
      stack.push(c);
      expectKey = c === '{';
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
      i++;
      valueEnds(i);
    } else if (c === '"') {
      const end = stringEnd(data, i);
      const token = data.slice(i, end);
      if (expectKey) {
        expectKey = false;
        const key = JSON.parse(token) as string;
        if (skip === null && keys.has(key.toLowerCase())) matchedKey = key;
      } else {
        valueStarts(i);
        if (skip !== null) reportString(token, skip.key, found);
        valueEnds(end);
      }
      i = end;
    } else {
      PRIMITIVE.lastIndex = i;
      const token = PRIMITIVE.exec(data)?.[0] ?? data.slice(i, i + 1);
      valueStarts(i);
      if (skip !== null && token !== 'true' && token !== 'false' && token !== 'null') {
        found(token, skip.key);
      }
      i += token.length;
      valueEnds(i);
    }
  }
  if (replaced === 0) return { text: data, replaced };
  parts.push(data.slice(copied));
  return { text: parts.join(''), replaced };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The index after the closing quote of the string starting at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return text.length;
}

/** A string value as it reads decoded, and as written when escapes make it differ. */
function reportString(token: string, key: string, found: FoundInKey): void {
  const decoded = JSON.parse(token) as string;
  found(decoded, key);
  const raw = token.slice(1, -1);
  if (raw !== decoded) found(raw, key);
}
