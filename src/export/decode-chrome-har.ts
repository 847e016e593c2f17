// Reads a HAR saved by Chrome DevTools: every event-stream request becomes a connection, and
// a request that resumes an earlier one with its Last-Event-ID joins it as a reconnect.
import { deriveAttempts } from './attempts';
import {
  CAPTURE_FORMAT,
  CAPTURE_VERSION,
  type CaptureConnection,
  type CaptureFile,
  type CaptureTransition,
} from './capture-types';
import { chromeStream, type ChromeStream } from './chrome-har-entry';
import { FrameBudget } from './decode-capture';
import { said } from '../i18n/shared';
import { ImportError, isObject, object, type Obj } from './json-read';
import { IMPORT_LIMITS } from './limits';

export function decodeChromeHar(
  log: Obj,
  entries: unknown[],
): { file: CaptureFile; ignored: number } {
  const pages = new Map<string, string>();
  if (Array.isArray(log.pages)) {
    for (const p of log.pages) {
      if (isObject(p) && typeof p.id === 'string' && typeof p.title === 'string') {
        pages.set(p.id, p.title);
      }
    }
  }
  const budget = new FrameBudget();
  const streams: ChromeStream[] = [];
  entries.forEach((raw, i) => {
    const path = `log.entries[${i}]`;
    const stream = chromeStream(object(raw, path), path, pages);
    if (stream === null) return;
    budget.take(stream.frames.length);
    streams.push(stream);
  });
  if (streams.length === 0) {
    throw new ImportError(said('import.harNoStreams'));
  }
  const chains = chainReconnects(streams);
  if (chains.length > IMPORT_LIMITS.maxConnections) {
    throw new ImportError(
      said('import.tooManyStreams', {
        path: 'log.entries',
        max: String(IMPORT_LIMITS.maxConnections),
      }),
    );
  }
  const connections = chains.map((chain, i) => chainConnection(chain, `h${i + 1}`));
  return {
    file: {
      format: CAPTURE_FORMAT,
      version: CAPTURE_VERSION,
      exportedAt: Math.max(0, ...streams.map((s) => s.end)),
      generator: harCreator(log),
      scope: 'all',
      redaction: null,
      evicted: 0,
      connections,
    },
    ignored: entries.length - streams.length,
  };
}

function harCreator(log: Obj): { name: string; version: string } {
  const creator = isObject(log.creator) ? log.creator : {};
  return {
    name: typeof creator.name === 'string' ? creator.name.slice(0, 200) : '',
    version: typeof creator.version === 'string' ? creator.version.slice(0, 200) : '',
  };
}

/**
 * Chrome logs each reconnect as its own request. A request to the same URL that starts after
 * an earlier one's last frame and carries, as Last-Event-ID, the last id that one received is
 * its reconnect (a new EventSource never sends the header): one connection, two attempts.
 */
function chainReconnects(streams: ChromeStream[]): ChromeStream[][] {
  const sorted = [...streams].sort((a, b) => a.start - b.start);
  const chains: ChromeStream[][] = [];
  const open = new Map<string, { chain: ChromeStream[]; lastId: string }>();
  for (const s of sorted) {
    const prior = open.get(s.url);
    const last = prior?.chain.at(-1);
    // 1 ms of slack: these times come from ISO dates and summed timings.
    const after = last !== undefined && s.start + 1 >= (last.frames.at(-1)?.t ?? last.start);
    if (prior && after && s.lastEventId !== null && s.lastEventId === prior.lastId) {
      prior.chain.push(s);
      prior.lastId = s.frames.at(-1)?.id ?? prior.lastId;
      continue;
    }
    const chain = [s];
    chains.push(chain);
    const lastId = s.frames.at(-1)?.id;
    if (lastId !== undefined) open.set(s.url, { chain, lastId });
  }
  return chains;
}

function chainConnection(chain: ChromeStream[], id: string): CaptureConnection {
  const first = chain[0];
  if (first === undefined) throw new Error('empty chain');
  const transitions: CaptureTransition[] = [{ t: first.start, readyState: 0, cause: 'create' }];
  chain.forEach((s, i) => {
    if (s.openedAt !== null) transitions.push({ t: s.openedAt, readyState: 1, cause: 'open' });
    const next = chain[i + 1];
    if (next) transitions.push({ t: Math.min(s.end, next.start), readyState: 0, cause: 'error' });
    else if (s.openedAt === null) transitions.push({ t: s.end, readyState: 2, cause: 'error' });
  });
  const frames = chain.flatMap((s) => s.frames);
  const last = chain[chain.length - 1] ?? first;
  const failed = last.openedAt === null;
  return {
    id,
    url: first.url,
    kind: first.kind,
    withCredentials: false,
    page: { url: first.pageUrl },
    frame: { url: first.pageUrl ?? '', top: true },
    createdAt: first.start,
    closedAt: failed ? last.end : null,
    state: failed ? 'closed' : 'open',
    stack: first.stack,
    listenedTypes: [],
    transitions,
    attempts: deriveAttempts(first.start, transitions, frames),
    received: frames.length,
    frames,
    ...(first.request && { request: first.request }),
    ...(first.response && { response: first.response }),
  };
}
