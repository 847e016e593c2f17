// Finds every copy of a set of known secrets in a text in one pass, so redaction stays linear
// in the capture's size however many secrets it found (one regex alternation of all of them
// is not). Long secrets match anywhere (an Aho-Corasick automaton); short ones only as a whole
// word, since a 3-character value matched inside other words would shred unrelated text.

/** Secrets at least this long are replaced wherever they appear, even inside other words. */
export const MIN_SCRUB_LENGTH = 6;

/** A span of text to replace: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** Letters, digits and `_` continue a word; anything else bounds one. */
const WORD = /[\p{L}\p{N}_]/u;

export class SecretScanner {
  /** Trie edges: node * 65536 + UTF-16 code unit → child node. */
  private readonly edges = new Map<number, number>();
  /** Per node: the longest secret that ends at it (itself or through failure links); 0: none. */
  private readonly longest: number[] = [0];
  private readonly fail: number[] = [0];
  /** Short secrets by length, matched whole-word only. */
  private readonly short = new Map<number, Set<string>>();

  constructor(secrets: Iterable<string>) {
    for (const secret of secrets) {
      if (secret.length === 0) continue;
      if (secret.length < MIN_SCRUB_LENGTH) {
        const same = this.short.get(secret.length) ?? new Set<string>();
        same.add(secret);
        this.short.set(secret.length, same);
      } else {
        this.insert(secret);
      }
    }
    this.link();
  }

  get empty(): boolean {
    return this.longest.length === 1 && this.short.size === 0;
  }

  /** The spans to replace, sorted and not overlapping (overlapping copies merge into one). */
  find(text: string): Span[] {
    const spans: Span[] = [];
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      node = this.step(node, code);
      const length = this.longest[node] ?? 0;
      if (length > 0) spans.push({ start: i + 1 - length, end: i + 1 });
      if (this.short.size > 0 && !isWordAt(text, i - 1)) this.findShortAt(text, i, spans);
    }
    return merge(spans);
  }

  private findShortAt(text: string, start: number, spans: Span[]): void {
    for (const [length, secrets] of this.short) {
      const end = start + length;
      if (end > text.length || isWordAt(text, end)) continue;
      if (secrets.has(text.slice(start, end))) spans.push({ start, end });
    }
  }

  private insert(secret: string): void {
    let node = 0;
    for (let i = 0; i < secret.length; i++) {
      const key = node * 65536 + secret.charCodeAt(i);
      let next = this.edges.get(key);
      if (next === undefined) {
        next = this.longest.length;
        this.longest.push(0);
        this.fail.push(0);
        this.edges.set(key, next);
      }
      node = next;
    }
    this.longest[node] = Math.max(this.longest[node] ?? 0, secret.length);
  }

  /** Breadth-first failure links; each node inherits the longest match of its failure node. */
  private link(): void {
    const children = new Map<number, [number, number][]>();
    for (const [key, child] of this.edges) {
      const parent = Math.floor(key / 65536);
      const list = children.get(parent) ?? [];
      list.push([key % 65536, child]);
      children.set(parent, list);
    }
    const queue: number[] = [0];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] ?? 0;
      for (const [code, child] of children.get(node) ?? []) {
        const target = node === 0 ? 0 : this.step(this.fail[node] ?? 0, code);
        this.fail[child] = target;
        this.longest[child] = Math.max(this.longest[child] ?? 0, this.longest[target] ?? 0);
        queue.push(child);
      }
    }
  }

  private step(from: number, code: number): number {
    let node = from;
    for (;;) {
      const next = this.edges.get(node * 65536 + code);
      if (next !== undefined) return next;
      if (node === 0) return 0;
      node = this.fail[node] ?? 0;
    }
  }
}

function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (code < 128) return WORD.test(text[i] ?? '');
  // A surrogate pair is one character: test it whole.
  const start = code >= 0xdc00 && code <= 0xdfff && i > 0 ? i - 1 : i;
  return WORD.test(String.fromCodePoint(text.codePointAt(start) ?? 0));
}

/** Sorts spans by start and merges those that overlap. */
function merge(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && span.start < last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}
