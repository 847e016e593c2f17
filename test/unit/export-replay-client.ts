// A small EventSource-like client for the replay tests: follows one URL, reconnects with
// Last-Event-ID after the server ends a response (waiting its retry:), stops on a non-200
// answer or once enough events arrived, and records every request it made.
import { createParser } from 'eventsource-parser';

export interface Received {
  type: string;
  id: string;
  data: string;
  /** Milliseconds since the client started. */
  at: number;
}

export interface Session {
  events: Received[];
  /** The Last-Event-ID header of each request ('' when none was sent), and its status. */
  requests: { lastEventId: string; status: number }[];
}

export async function follow(url: string, wanted: number, timeoutMs = 10_000): Promise<Session> {
  const started = performance.now();
  const session: Session = { events: [], requests: [] };
  const signal = AbortSignal.timeout(timeoutMs);
  let lastEventId = '';
  let retry = 3000;
  const parser = createParser({
    onEvent(m) {
      if (session.events.length >= wanted) return;
      if (m.id !== undefined) lastEventId = m.id;
      const at = performance.now() - started;
      session.events.push({ type: m.event ?? 'message', id: lastEventId, data: m.data, at });
    },
    onRetry(ms) {
      retry = ms;
    },
  });
  while (session.events.length < wanted) {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (lastEventId !== '') headers['last-event-id'] = lastEventId;
    const res = await fetch(url, { headers, signal });
    session.requests.push({ lastEventId, status: res.status });
    if (res.status !== 200 || res.body === null) break;
    parser.reset();
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.feed(value);
      if (session.events.length >= wanted) {
        await reader.cancel();
        break;
      }
    }
    if (session.events.length < wanted) await new Promise((r) => setTimeout(r, retry));
  }
  return session;
}
