// A FrameView with only the time (and optionally the id) that matters to a test.
import type { FrameView } from '../../../src/model/capture-state';

export const frameAt = (t: number, id = String(t)): FrameView => ({
  index: t,
  connection: 'c',
  t,
  type: 'message',
  id,
  data: '',
  size: 0,
  truncated: false,
  origin: '',
});
