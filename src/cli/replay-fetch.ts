// What the replay server answers for a captured fetch/XHR stream, worked out once and free of
// I/O: the recorded method, status and Content-Type, and the body as the chunks the frames
// were, each with the gap before it: SSE with its comment and retry lines, NDJSON lines,
// Connect envelopes re-encoded (the end-of-stream envelope flagged as such).
import type { CaptureConnection, CaptureFrame, StreamFormatName } from '../export/capture-types';
import { writeEvent, writeFields } from '../sse/write-stream';
import { TIMELESS_GAP_MS } from './replay-plan';

/** end: the server ends the body; drop: it hangs up mid-body; hold: it keeps it open. */
export type FetchEnding = 'end' | 'drop' | 'hold';

export interface FetchChunk {
  /** Capture milliseconds since the previous chunk, or since the response head. */
  gap: number;
  bytes: Uint8Array;
}

export interface FetchPlan {
  method: string;
  /** null: the capture saw no response head; the request stays unanswered, as it was. */
  response: { status: number; statusText: string; contentType: string | null } | null;
  /** Capture milliseconds from the request until the response head. */
  headerDelay: number;
  chunks: FetchChunk[];
  /** Capture milliseconds from the last chunk until the stream ended. */
  tail: number;
  ending: FetchEnding;
  /** Frames served cut short, as captured, or (compressed Connect payloads) empty. */
  incomplete: number;
}

const CONNECT_END_STREAM = 0x02;

/** The plan for a fetch/XHR connection; null for an EventSource. */
export function planFetch(c: CaptureConnection): FetchPlan | null {
  if (c.kind === 'eventsource') return null;
  const head = c.response;
  const base = head?.t ?? c.createdAt;
  let previous = base;
  let lastEventId = '';
  const encoder = new TextEncoder();
  const chunks = head
    ? c.frames.map((f): FetchChunk => {
        const gap = Math.max(0, f.t - previous);
        previous = Math.max(previous, f.t);
        const bytes = encodeFrame(head.format, f, lastEventId, encoder);
        if (f.kind === undefined) lastEventId = f.id;
        return { gap, bytes };
      })
    : [];
  const end = c.end;
  return {
    method: c.request?.method ?? 'GET',
    response: head
      ? {
          status: head.status,
          statusText: head.statusText,
          contentType: header(head.headers, 'content-type'),
        }
      : null,
    headerDelay: Math.max(0, base - c.createdAt),
    chunks,
    tail: end ? Math.max(0, end.t - previous) : 0,
    ending:
      end?.outcome === 'complete' || end?.outcome === 'http-error'
        ? 'end'
        : end?.outcome === 'network-error'
          ? 'drop'
          : 'hold',
    incomplete: c.frames.filter((f) => f.truncated || f.note?.startsWith('compressed payload'))
      .length,
  };
}

/** Spaces the chunks of a plan without timing (an imported `.ndjson` file) apart; true if so. */
export function paceTimelessFetch(plan: FetchPlan): boolean {
  const timeless =
    plan.chunks.length > 0 &&
    plan.headerDelay === 0 &&
    plan.tail === 0 &&
    plan.chunks.every((c) => c.gap === 0);
  if (timeless) for (const c of plan.chunks) c.gap = TIMELESS_GAP_MS;
  return timeless;
}

function header(headers: readonly [string, string][], name: string): string | null {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? null;
}

function encodeFrame(
  format: StreamFormatName | null,
  f: CaptureFrame,
  lastEventId: string,
  encoder: TextEncoder,
): Uint8Array {
  switch (format) {
    case 'connect': {
      const payload = encoder.encode(f.data);
      const envelope = new Uint8Array(5 + payload.length);
      envelope[0] = f.type === 'end-stream' ? CONNECT_END_STREAM : 0;
      new DataView(envelope.buffer).setUint32(1, payload.length);
      envelope.set(payload, 5);
      return envelope;
    }
    case 'ndjson':
      return encoder.encode(`${f.data}\n`);
    default:
      if (f.kind === 'comment') return encoder.encode(writeFields({ comments: [f.data] }));
      if (f.kind === 'retry') return encoder.encode(writeFields({ retry: Number(f.data) }));
      return encoder.encode(writeEvent(f, lastEventId));
  }
}
