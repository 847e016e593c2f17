// What the Conversation tab shares with the rest of the workspace: each connection's frames
// (the timeline's lanes, so no tab scans the whole capture), the output stalls it measured
// (drawn on the timeline), a counter bumped when the user's rules change, and the JSON
// streams the user asked to read as a conversation although no format matched them.
import { signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { Span } from '../../src/model/timeline';
import type { LaneSnapshot } from '../timeline/lanes';

export interface ConversationContext {
  lanes: ReadonlySignal<LaneSnapshot>;
  outputStalls: Signal<ReadonlyMap<string, readonly Span[]>>;
  rulesVersion: Signal<number>;
  /** Keys of connections whose unrecognised JSON the user chose to read as a conversation. */
  asked: Signal<ReadonlySet<string>>;
}

export function createConversationContext(
  lanes: ReadonlySignal<LaneSnapshot>,
): ConversationContext {
  return {
    lanes,
    outputStalls: signal(new Map()),
    rulesVersion: signal(0),
    asked: signal(new Set()),
  };
}

/** Records `spans` as the stalls of `key`, replacing the map only when they changed. */
export function publishStalls(
  context: ConversationContext,
  key: string,
  spans: readonly Span[],
): void {
  const known = context.outputStalls.peek().get(key) ?? [];
  const same =
    known.length === spans.length &&
    known.every((s, i) => s.from === spans[i]?.from && s.to === spans[i]?.to);
  if (same) return;
  const next = new Map(context.outputStalls.peek());
  next.set(key, spans);
  context.outputStalls.value = next;
}
