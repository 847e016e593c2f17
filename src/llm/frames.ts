// Which captured frames carry a payload, and small readers for untyped JSON, shared by the
// format readers so none of them trusts the shape of what a server sent.
import type { LlmFrame } from './conversation';

/** Frames with data: SSE comments and `retry:` lines, and empty keep-alives, carry none. */
export function payloadFrames(frames: readonly LlmFrame[]): LlmFrame[] {
  return frames.filter((f) => (f.kind === undefined || f.kind === 'event') && f.data.trim() !== '');
}

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** An error object's message as providers shape it (`{message}`, `{type, message}` or text). */
export function errorMessage(value: unknown): string {
  if (typeof value === 'string') return value;
  const error = asObject(value);
  if (!error) return JSON.stringify(value);
  const message = asString(error['message']);
  const kind = asString(error['type']) || asString(error['status']) || asString(error['code']);
  if (message && kind) return `${kind}: ${message}`;
  return message || kind || JSON.stringify(value);
}

/** Tool arguments sent whole: a JSON text as it is, an object (the usual case) as JSON. */
export function argumentsText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? {});
}
