// What the Conversation tab shares with the rest of the workspace: each connection's frames
// (the timeline's lanes, so no tab scans the whole capture), the output stalls it measured
// (drawn on the timeline), and a counter bumped when the user's rules change.
import { signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { Span } from '../../src/model/timeline';
import type { LaneSnapshot } from '../timeline/lanes';

export interface ConversationContext {
  lanes: ReadonlySignal<LaneSnapshot>;
  outputStalls: Signal<ReadonlyMap<string, readonly Span[]>>;
  rulesVersion: Signal<number>;
}

export function createConversationContext(
  lanes: ReadonlySignal<LaneSnapshot>,
): ConversationContext {
  return { lanes, outputStalls: signal(new Map()), rulesVersion: signal(0) };
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
