// The frames filter: parses the toolbar's text (plain text, or `/regex/flags`) into a query
// and builds the predicate that decides which frames the table shows.
import type { ConnectionKind, ConnectionView, FrameView } from '../src/model/capture-state';

export type FrameQuery =
  { kind: 'all' } | { kind: 'match'; re: RegExp } | { kind: 'invalid'; error: string };

const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;

/**
 * Empty text matches everything; `/source/flags` is a regular expression (an invalid one is
 * reported, not thrown); anything else is a case-insensitive substring.
 */
export function parseQuery(input: string): FrameQuery {
  const text = input.trim();
  if (text === '') return { kind: 'all' };
  const literal = REGEX_LITERAL.exec(text);
  if (!literal) return { kind: 'match', re: new RegExp(escapeRegExp(text), 'i') };
  const [, source = '', flags = ''] = literal;
  try {
    // `g` and `y` make `test()` stateful across frames, so they are ignored.
    return { kind: 'match', re: new RegExp(source, flags.replace(/[gy]/g, '')) };
  } catch (e) {
    return { kind: 'invalid', error: e instanceof Error ? e.message : String(e) };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface FrameFilter {
  query: FrameQuery;
  /** Only frames of this event type, or any type when null. */
  type: string | null;
  /** Only frames of this connection key, or any connection when null. */
  connection: string | null;
  /** Only frames of connections of this kind (eventsource, fetch, xhr); any when null or absent. */
  kind?: ConnectionKind | null;
}

export type FramePredicate = (frame: FrameView) => boolean;

/** Whether frames of one connection (or one type) may show, and whether it matches the text. */
interface Verdict {
  allowed: boolean;
  matches: boolean;
}

/**
 * The predicate for a filter, or null when it lets every frame through (so callers can skip
 * the scan). An invalid regex filters nothing; the toolbar shows the error instead. What
 * depends only on a frame's connection (its key, kind and URL) or on its type is decided once
 * per connection and per type, so a scan of a million frames tests each frame's data and id
 * only.
 */
export function framePredicate(
  filter: FrameFilter,
  connections: ReadonlyMap<string, ConnectionView>,
): FramePredicate | null {
  const { query, type, connection } = filter;
  const kind = filter.kind ?? null;
  const re = query.kind === 'match' ? query.re : null;
  if (re === null && type === null && connection === null && kind === null) return null;
  /** Per connection key: whether its frames may show, and whether its URL matches. */
  const byConnection = new Map<string, Verdict>();
  // Frames come in runs of one connection and one type: the last answer is kept at hand.
  let lastConnection: { key: string; verdict: Verdict } | null = null;
  const connectionVerdict = (key: string): Verdict => {
    if (lastConnection?.key === key) return lastConnection.verdict;
    let verdict = byConnection.get(key);
    if (verdict) {
      lastConnection = { key, verdict };
      return verdict;
    }
    const view = connections.get(key);
    verdict = {
      allowed:
        (connection === null || key === connection) && (kind === null || view?.kind === kind),
      matches: re !== null && re.test(view?.url ?? ''),
    };
    // A connection not known yet is decided again once it is.
    if (view) byConnection.set(key, verdict);
    return verdict;
  };
  /** Per type: whether its frames may show, and whether the type itself matches. */
  const byType = new Map<string, Verdict>();
  let lastType: { type: string; verdict: Verdict } | null = null;
  const typeVerdict = (t: string): Verdict => {
    if (lastType?.type === t) return lastType.verdict;
    let verdict = byType.get(t);
    if (!verdict) {
      verdict = { allowed: type === null || t === type, matches: re !== null && re.test(t) };
      byType.set(t, verdict);
    }
    lastType = { type: t, verdict };
    return verdict;
  };
  return (frame) => {
    const c = connectionVerdict(frame.connection);
    if (!c.allowed) return false;
    const t = typeVerdict(frame.type);
    if (!t.allowed) return false;
    // `g` and `y` are never set (parseQuery), so `test` keeps no state between frames.
    return re === null || c.matches || t.matches || re.test(frame.data) || re.test(frame.id);
  };
}
