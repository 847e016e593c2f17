// Turns many "the capture changed" notifications into one callback per animation frame, so
// 1000 messages a second cost ~60 renders. A timer backs the animation frame up, because
// hidden documents (a background tab, a DevTools panel not on screen) may not run frames.

export interface Scheduler {
  requestFrame(run: () => void): number;
  cancelFrame(id: number): void;
  setTimer(run: () => void, ms: number): number;
  clearTimer(id: number): void;
}

export const browserScheduler: Scheduler = {
  requestFrame: (run) => requestAnimationFrame(run),
  cancelFrame: (id) => cancelAnimationFrame(id),
  setTimer: (run, ms) => window.setTimeout(run, ms),
  clearTimer: (id) => window.clearTimeout(id),
};

/** Returns `schedule()`: runs `run` once at the next frame (or after `fallbackMs`). */
export function coalesce(
  run: () => void,
  scheduler: Scheduler = browserScheduler,
  fallbackMs = 250,
): () => void {
  let frame: number | null = null;
  let timer: number | null = null;
  const fire = (): void => {
    if (frame !== null) scheduler.cancelFrame(frame);
    if (timer !== null) scheduler.clearTimer(timer);
    frame = null;
    timer = null;
    run();
  };
  return () => {
    if (frame !== null) return;
    frame = scheduler.requestFrame(fire);
    timer = scheduler.setTimer(fire, fallbackMs);
  };
}
