// Reads one connection's frames into a conversation as they arrive: the format's reader is
// kept and given only the frames past the last one it read. It starts over when the inputs
// change (another connection, rules, request) or when frames were evicted from the front.
import { conversationReader } from '../../src/llm/assemble';
import type { ConversationReader } from '../../src/llm/builder';
import type { Conversation, LlmFrame, LlmHints } from '../../src/llm/conversation';
import type { UserRule } from '../../src/llm/user-rule';
import { lowerBound } from '../frame-search';

export interface IncrementalAssembler {
  /**
   * The conversation of `frames` (in index order, possibly grown at the end since the last
   * call); null while they tell no format. `inputs` names everything else it depends on.
   */
  assemble(
    inputs: string,
    frames: readonly LlmFrame[],
    hints: LlmHints,
    rules: readonly UserRule[],
  ): Conversation | null;
}

export function createIncrementalAssembler(): IncrementalAssembler {
  let current: {
    inputs: string;
    firstFrame: number;
    reader: ConversationReader;
    /** Index of the last frame read. */
    readTo: number;
  } | null = null;
  return {
    assemble(inputs, frames, hints, rules) {
      const firstFrame = frames[0]?.index ?? -1;
      if (current?.inputs !== inputs || current.firstFrame !== firstFrame) {
        const reader = conversationReader(frames, hints, rules);
        current = reader && { inputs, firstFrame, reader, readTo: -1 };
      }
      if (!current) return null;
      const from = lowerBound(frames, current.readTo + 1);
      if (from < frames.length) {
        current.reader.read(frames.slice(from));
        current.readTo = (frames.at(-1) as LlmFrame).index;
      }
      return current.reader.build();
    },
  };
}
