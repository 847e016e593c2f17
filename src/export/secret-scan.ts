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
  /** Trie edges (node, UTF-16 code unit) → child, for the scan. */
  private readonly edges: EdgeTable;
  /** The same edges as sibling lists, to walk the trie breadth-first while linking it. */
  private readonly code: number[] = [0];
  private readonly firstChild: number[] = [0];
  private readonly nextSibling: number[] = [0];
  /** Per node: the longest secret that ends at it (itself or through failure links); 0: none. */
  private readonly longest: number[] = [0];
  private readonly fail: number[] = [0];
  /** Short secrets by length, matched whole-word only. */
  private readonly short = new Map<number, Set<string>>();

  constructor(secrets: Iterable<string>) {
    const long: string[] = [];
    for (const secret of secrets) {
      if (secret.length >= MIN_SCRUB_LENGTH) {
        long.push(secret);
      } else if (secret.length > 0) {
        const same = this.short.get(secret.length) ?? new Set<string>();
        same.add(secret);
        this.short.set(secret.length, same);
      }
    }
    this.edges = new EdgeTable(long.reduce((n, secret) => n + secret.length, 0));
    for (const secret of long) this.insert(secret);
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
      node = this.step(node, text.charCodeAt(i));
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
      const code = secret.charCodeAt(i);
      let next = this.edges.get(node, code);
      if (next === 0) {
        next = this.longest.length;
        this.longest.push(0);
        this.fail.push(0);
        this.code.push(code);
        this.firstChild.push(0);
        this.nextSibling.push(this.firstChild[node] ?? 0);
        this.firstChild[node] = next;
        this.edges.set(node, code, next);
      }
      node = next;
    }
    this.longest[node] = Math.max(this.longest[node] ?? 0, secret.length);
  }

  /** Breadth-first failure links; each node inherits the longest match of its failure node. */
  private link(): void {
    const queue: number[] = [];
    for (let c = this.firstChild[0] ?? 0; c !== 0; c = this.nextSibling[c] ?? 0) queue.push(c);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] ?? 0;
      for (let c = this.firstChild[node] ?? 0; c !== 0; c = this.nextSibling[c] ?? 0) {
        const target = this.step(this.fail[node] ?? 0, this.code[c] ?? 0);
        this.fail[c] = target;
        this.longest[c] = Math.max(this.longest[c] ?? 0, this.longest[target] ?? 0);
        queue.push(c);
      }
    }
  }

  private step(from: number, code: number): number {
    let node = from;
    for (;;) {
      const next = this.edges.get(node, code);
      if (next !== 0 || node === 0) return next;
      node = this.fail[node] ?? 0;
    }
  }
}

/** An open-addressing hash table of trie edges, sized once for every edge it can hold. */
class EdgeTable {
  private readonly mask: number;
  /** Parent node + 1 per slot; 0 marks an empty slot. */
  private readonly parents: Int32Array;
  private readonly codes: Uint16Array;
  private readonly children: Int32Array;

  constructor(maxEdges: number) {
    let capacity = 16;
    while (capacity < maxEdges * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.parents = new Int32Array(capacity);
    this.codes = new Uint16Array(capacity);
    this.children = new Int32Array(capacity);
  }

  get(node: number, code: number): number {
    const i = this.slot(node, code);
    return this.parents[i] === 0 ? 0 : (this.children[i] ?? 0);
  }

  set(node: number, code: number, child: number): void {
    const i = this.slot(node, code);
    this.parents[i] = node + 1;
    this.codes[i] = code;
    this.children[i] = child;
  }

  private slot(node: number, code: number): number {
    const h = Math.imul(node + 1, 0x9e3779b1) ^ Math.imul(code + 1, 0x85ebca6b);
    let i = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const parent = this.parents[i] ?? 0;
      if (parent === 0 || (parent === node + 1 && this.codes[i] === code)) return i;
      i = (i + 1) & this.mask;
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
