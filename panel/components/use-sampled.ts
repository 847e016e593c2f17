// A signal's value re-read at most every `ms`: for views whose figures are too costly to redo
// on every animation frame of a fast capture (the stats strip sorts every gap).
import { effect, type ReadonlySignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';

export function useSampled<T>(source: ReadonlySignal<T>, ms: number): T {
  const [value, setValue] = useState(() => source.peek());
  useEffect(() => {
    let timer: number | null = null;
    let last = 0;
    const dispose = effect(() => {
      void source.value;
      if (timer !== null) return;
      timer = window.setTimeout(
        () => {
          timer = null;
          last = Date.now();
          setValue(source.peek());
        },
        Math.max(0, last + ms - Date.now()),
      );
    });
    return () => {
      dispose();
      if (timer !== null) clearTimeout(timer);
    };
  }, [source, ms]);
  return value;
}
