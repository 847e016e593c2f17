// Loops the benchmark runs inside a page that never uses SSE, as expression strings (see
// page-scripts.ts for why not functions). Each resolves with its own duration in page
// `performance.now()` ms and does nothing else, so the figure is the browser's (and any
// hook's) cost for these calls.

/**
 * `calls` addEventListener calls on ordinary EventTargets (a div, the window, the document),
 * cycling through eight event types with one listener, so the listener lists stay short.
 */
export function timeAddEventListener(calls: number): string {
  return `(() => {
    const targets = [document.createElement('div'), window, document];
    const types = ['click', 'keydown', 'focus', 'blur', 'input', 'change', 'scroll', 'resize'];
    const listener = () => {};
    const start = performance.now();
    for (let i = 0; i < ${calls}; i++) targets[i % 3].addEventListener(types[i & 7], listener);
    return performance.now() - start;
  })()`;
}

/** `calls` Function.prototype.toString calls on three ordinary page functions. */
export function timeFunctionToString(calls: number): string {
  return `(() => {
    function add(a, b) {
      return a + b;
    }
    const double = (x) => x * 2;
    const shape = { area(w, h) { return w * h; } };
    const functions = [add, double, shape.area];
    let chars = 0;
    const start = performance.now();
    for (let i = 0; i < ${calls}; i++) chars += functions[i % 3].toString().length;
    const ms = performance.now() - start;
    if (chars === 0) throw new Error('toString printed nothing');
    return ms;
  })()`;
}

/** On /iframes: when its last frame fired `load`, in ms since navigation start. */
export const FRAMES_LOADED = 'window.__framesLoaded';
