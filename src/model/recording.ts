// Pausing and resuming recording: which frames are not recorded. Records reach the panel in
// batches, some ms late, so a frame that happened during a pause is dropped even when it
// arrives after the user resumed. Used by both sources, the page hook's and the wire's.
import type { CaptureState } from './capture-state';

/** Pauses remembered for frames that arrive late (batching delays them by ~50 ms). */
const MAX_PAUSES = 8;

/** The user paused (`on` false) or resumed recording at `now`. */
export function setRecording(state: CaptureState, on: boolean, now: number): void {
  if (on === state.recording) return;
  state.recording = on;
  if (!on) {
    state.pauses.push({ from: now, to: null });
    if (state.pauses.length > MAX_PAUSES) state.pauses.shift();
  } else {
    const open = state.pauses.at(-1);
    if (open && open.to === null) open.to = now;
  }
}

/**
 * A frame not to record: it arrives while paused, or it arrives after the user resumed but
 * happened during a pause (records reach the panel in batches, some ms late).
 */
export function duringPause(state: CaptureState, t: number): boolean {
  if (!state.recording) return true;
  return state.pauses.some((p) => p.to !== null && t >= p.from && t < p.to);
}
