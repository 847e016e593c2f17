// Turns many "the capture changed" notifications into one callback per animation frame, so
// 1000 messages a second cost ~60 renders. A timer backs the animation frame up, because
// hidden documents (a background tab, a DevTools panel not on screen) may not run frames.
// During a burst (BURST_WEIGHT or more records since the last render) renders are also held
// to a duty cycle: after a callback whose work (with the microtasks it queued, where Preact
// renders) took `cost` ms, the next waits until `cost * (DUTY - 1)` ms have passed. So the
// panel renders less often instead of taking a core from the page it inspects, while a trickle
// (a few records per frame) is shown at every frame.

export interface Scheduler {
  requestFrame(run: () => void): number;
  cancelFrame(id: number): void;
  setTimer(run: () => void, ms: number): number;
  clearTimer(id: number): void;
  now(): number;
  /** Runs `run` once the microtasks queued so far have run. */
  afterMicrotasks(run: () => void): void;
}

export const browserScheduler: Scheduler = {
  requestFrame: (run) => requestAnimationFrame(run),
  cancelFrame: (id) => cancelAnimationFrame(id),
  setTimer: (run, ms) => window.setTimeout(run, ms),
  clearTimer: (id) => window.clearTimeout(id),
  now: () => performance.now(),
  afterMicrotasks: (run) => queueMicrotask(run),
};

/** Records since the last render that make a burst. */
export const BURST_WEIGHT = 1_000;
/** During a burst a render may take at most 1 / DUTY of the panel's time. */
export const DUTY = 8;
/** However slow renders get, the panel shows changes at least this often. */
export const MAX_RENDER_GAP_MS = 1_000;

/**
 * Returns `schedule(weight)`: runs `run` once at the next frame (or after `fallbackMs`), later
 * during a burst; `weight` is how many records the change brought.
 */
export function coalesce(
  run: () => void,
  scheduler: Scheduler = browserScheduler,
  fallbackMs = 250,
): (weight?: number) => void {
  let frame: number | null = null;
  let weight = 0;
  let timer: number | null = null;
  /** Before this time (scheduler.now()) the next run waits. */
  let notBefore = 0;
  const fire = (): void => {
    if (frame !== null) scheduler.cancelFrame(frame);
    if (timer !== null) scheduler.clearTimer(timer);
    frame = null;
    const start = scheduler.now();
    if (weight >= BURST_WEIGHT && start < notBefore) {
      timer = scheduler.setTimer(fire, notBefore - start);
      return;
    }
    timer = null;
    weight = 0;
    run();
    scheduler.afterMicrotasks(() => {
      const end = scheduler.now();
      notBefore = end + Math.min((end - start) * (DUTY - 1), MAX_RENDER_GAP_MS);
    });
  };
  return (added = 1) => {
    weight += added;
    if (frame !== null || timer !== null) return;
    frame = scheduler.requestFrame(fire);
    timer = scheduler.setTimer(fire, fallbackMs);
  };
}
