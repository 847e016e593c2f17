// Pure text helpers of the XMLHttpRequest hook: the request method as open() normalises it,
// request headers as setRequestHeader() combines them, and the response headers
// getAllResponseHeaders() prints. They index strings and compare characters only, calling
// no String or Array method, so page code that replaced one can neither see nor steer them.
import { lowerAscii } from './ascii';

/**
 * The methods open() upper-cases whatever their case; any other is kept as given. A switch,
 * not a lookup table: a table would be built in every document at load.
 */
export function normaliseMethod(method: string): string {
  switch (lowerAscii(method)) {
    case 'delete':
      return 'DELETE';
    case 'get':
      return 'GET';
    case 'head':
      return 'HEAD';
    case 'options':
      return 'OPTIONS';
    case 'post':
      return 'POST';
    case 'put':
      return 'PUT';
    default:
      return method;
  }
}

const isHttpSpace = (ch: string): boolean =>
  ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';

/** `text[from, to)`, built by indexing. */
function cut(text: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += text[i] as string;
  return out;
}

/** Without leading and trailing HTTP whitespace, as setRequestHeader() normalises a value. */
export function trimHttpSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isHttpSpace(text[start] as string)) start++;
  while (end > start && isHttpSpace(text[end - 1] as string)) end--;
  return start === 0 && end === text.length ? text : cut(text, start, end);
}

/**
 * Adds one setRequestHeader() call to `list` the way the request's author header list keeps
 * it: names lower-cased (as Headers reports a fetch's), a repeated name's values joined by
 * ', ' in its first place. At most `max` names are kept.
 */
export function addRequestHeader(
  list: [string, string][],
  name: string,
  value: string,
  max: number,
): void {
  const key = lowerAscii(name);
  const normalised = trimHttpSpace(value);
  for (let i = 0; i < list.length; i++) {
    const pair = list[i] as [string, string];
    if (pair[0] === key) {
      pair[1] = pair[1] + ', ' + normalised;
      return;
    }
  }
  if (list.length < max) list[list.length] = [key, normalised];
}

/**
 * The `name: value` lines of getAllResponseHeaders() as pairs in their order, names lower
 * case; lines without a colon are skipped. At most `max` pairs; `into` receives them (an
 * array with a null prototype, so appending reaches no page setter).
 */
export function parseHeaderLines(
  text: string,
  max: number,
  into: [string, string][],
): [string, string][] {
  let lineStart = 0;
  for (let i = 0; i <= text.length && into.length < max; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    let lineEnd = i;
    if (lineEnd > lineStart && text[lineEnd - 1] === '\r') lineEnd--;
    let colon = -1;
    for (let j = lineStart; j < lineEnd; j++) {
      if (text[j] === ':') {
        colon = j;
        break;
      }
    }
    if (colon > lineStart) {
      into[into.length] = [
        lowerAscii(trimHttpSpace(cut(text, lineStart, colon))),
        trimHttpSpace(cut(text, colon + 1, lineEnd)),
      ];
    }
    lineStart = i + 1;
  }
  return into;
}

/** The URL without its fragment: responseURL never has one. */
export function withoutFragment(url: string): string {
  for (let i = 0; i < url.length; i++) {
    if (url[i] === '#') return cut(url, 0, i);
  }
  return url;
}
