// Binds a @tanstack/virtual-core Virtualizer to a Preact component scrolling a <div>: one
// instance per component, options refreshed on every render, and a re-render whenever the
// virtualizer reports a change (scroll, resize).
import { useLayoutEffect, useState } from 'preact/hooks';
import {
  Virtualizer,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';

export type DivVirtualizer = Virtualizer<HTMLDivElement, HTMLDivElement>;

type Options = Omit<
  VirtualizerOptions<HTMLDivElement, HTMLDivElement>,
  'observeElementRect' | 'observeElementOffset' | 'scrollToFn' | 'onChange'
>;

export function useVirtualizer(options: Options): DivVirtualizer {
  const [, setTick] = useState(0);
  const resolved: VirtualizerOptions<HTMLDivElement, HTMLDivElement> = {
    ...options,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    onChange: () => setTick((n) => n + 1),
  };
  const [virtualizer] = useState(() => new Virtualizer(resolved));
  virtualizer.setOptions(resolved);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}
