// A seeded, deterministic corpus of text/event-stream bodies, each cut into the chunks a
// server writes one by one, for differential conformance against the browser's EventSource:
// LF, CR and CRLF at every chunk boundary and at the end, BOMs, NUL in ids, empty and missing
// data, fields without a colon, unknown fields, bad `retry:`, id-only blocks, very long lines
// and multi-byte UTF-8 split across chunks.

export interface CorpusStream {
  index: number;
  /** The body as the server writes it, one write per chunk. */
  chunks: Uint8Array[];
}

/** Every `event:` type the generator writes; a listener for each (and `message`) sees them all. */
export const EVENT_TYPES = ['update', ' update', 'ping', 'ü-Ω', 'a:b', 'message'] as const;

const TERMINATORS = ['\n', '\r', '\r\n'] as const;
const BOM = [0xef, 0xbb, 0xbf];
/** "ï»¿" in UTF-8: the characters a BOM read as Latin-1 becomes, which are no BOM. */
const FAKE_BOM = [0xc3, 0xaf, 0xc2, 0xbb, 0xc2, 0xbf];
/** `data:` payloads: plain, colon-bearing, spaced, multi-byte (2, 3 and 4 bytes), with NUL. */
const PAYLOADS = [
  'x',
  'hello world',
  'a: b',
  ' lead',
  'é',
  '中文',
  'π😀z',
  '{"k":[1,2]}',
  'n\0ul',
  '',
];
/** `id:` values; none starts or ends with a space, which an HTTP header would not keep. */
const IDS = ['1', '42', 'abc', 'é中', 'a b', ''];
const NUL_IDS = ['a\0b', '\0', '7\0'];
const BAD_RETRIES = ['1x', '-1', '', ' 2', '2.5', 'x', '+3'];
const UNKNOWN_LINES = ['foo: bar', 'foo', 'Data: x', ' data: x', 'data : x', 'ID: 9', 'DATA:x'];
const COMMENTS = [':', ': note', ':x:y'];
/** The longest stream a byte-by-byte cut is used for (one write per byte). */
const MAX_BYTEWISE = 300;
const LONG_LINE = 100_000;

/** mulberry32: a small, fast PRNG so one seed always gives the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
const chance = (rnd: Random, p: number): boolean => rnd() < p;

function dataLine(rnd: Random, long: boolean): string {
  if (chance(rnd, 0.06)) return 'data';
  const space = pick(rnd, ['', ' ', ' ', '  ']);
  const payload = long ? 'L'.repeat(LONG_LINE) : pick(rnd, PAYLOADS);
  return `data:${space}${payload}`;
}

/** One line of a field, comment or blank line (the end of a block). */
function line(rnd: Random): string {
  const r = rnd();
  if (r < 0.28) return '';
  if (r < 0.56) return dataLine(rnd, false);
  if (r < 0.64)
    return pick(rnd, ['event', 'event:', `event:${pick(rnd, ['', ' '])}${pick(rnd, EVENT_TYPES)}`]);
  if (r < 0.76) {
    if (chance(rnd, 0.1)) return 'id';
    return `id:${pick(rnd, ['', ' '])}${chance(rnd, 0.2) ? pick(rnd, NUL_IDS) : pick(rnd, IDS)}`;
  }
  if (r < 0.82)
    return chance(rnd, 0.4)
      ? `retry: ${Math.floor(rnd() * 10)}`
      : `retry:${pick(rnd, BAD_RETRIES)}`;
  if (r < 0.9) return pick(rnd, COMMENTS);
  return pick(rnd, UNKNOWN_LINES);
}

const encoder = new TextEncoder();

/** The body's bytes: an optional BOM (or two, or a fake one), then lines and terminators. */
function body(rnd: Random): Uint8Array {
  const prefix = chance(rnd, 0.1)
    ? BOM
    : chance(rnd, 0.03)
      ? [...BOM, ...BOM]
      : chance(rnd, 0.02)
        ? FAKE_BOM
        : [];
  const long = chance(rnd, 0.01);
  const lines: string[] = [];
  // A leading blank line right after the BOM is rare but must be covered.
  if (chance(rnd, 0.05)) lines.push('');
  // At least two lines, so that the last one, which may go unterminated, is not the retry.
  const count = 2 + Math.floor(rnd() * 13);
  for (let i = 0; i < count; i++) {
    lines.push(long && i === 0 ? dataLine(rnd, true) : line(rnd));
    // Reconnect at once: the oracle reads the final Last-Event-ID from the reconnect. After
    // the first line, which a BOM may spoil, so that spoiling shows in what is dispatched.
    if (i === 0) lines.push('retry: 0');
  }
  let text = '';
  lines.forEach((l, i) => {
    const last = i === lines.length - 1;
    // The last line ends with any terminator, or none (an unterminated line is never parsed).
    text += l + (last && chance(rnd, 0.25) ? '' : pick(rnd, TERMINATORS));
  });
  const bytes = encoder.encode(text);
  const out = new Uint8Array(prefix.length + bytes.length);
  out.set(prefix);
  out.set(bytes, prefix.length);
  return out;
}

/** Cut points: none, every byte, around every CR and LF, or a few at random. */
function cuts(rnd: Random, bytes: Uint8Array): number[] {
  const r = rnd();
  if (r < 0.15) return [];
  if (r < 0.3 && bytes.length <= MAX_BYTEWISE)
    return Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
  if (r < 0.6) {
    const points: number[] = [];
    bytes.forEach((b, i) => {
      if (b === 0x0a || b === 0x0d) points.push(i, i + 1);
    });
    return points;
  }
  const k = 1 + Math.floor(rnd() * 10);
  return Array.from({ length: k }, () => 1 + Math.floor(rnd() * Math.max(1, bytes.length - 1)));
}

export function chunk(bytes: Uint8Array, points: readonly number[]): Uint8Array[] {
  const sorted = [...new Set(points)]
    .filter((p) => p > 0 && p < bytes.length)
    .sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const p of [...sorted, bytes.length]) {
    chunks.push(bytes.subarray(start, p));
    start = p;
  }
  return chunks;
}

/** The corpus every parser is checked against: 3,000 streams from a fixed seed. */
export const CONFORMANCE_CORPUS = { size: 3000, seed: 0x55e1e25 } as const;

export function generateCorpus(size: number, seed: number): CorpusStream[] {
  const rnd = random(seed);
  return Array.from({ length: size }, (_, index) => {
    const bytes = body(rnd);
    return { index, chunks: chunk(bytes, cuts(rnd, bytes)) };
  });
}
