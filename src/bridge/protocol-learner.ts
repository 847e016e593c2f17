// Learns which HTTP version each endpoint speaks from the page's own timing entries
// (`nextHopProtocol` of the navigation and of completed resources). A live EventSource has
// no entry until it ends, but any finished request to the same endpoint tells.
import type { Protocol, ProtocolInfo } from '../model/pools';
import { endpointOf } from '../model/site';

/** The part of a PerformanceEntry this needs. */
export interface TimingEntry {
  entryType: string;
  name: string;
  nextHopProtocol?: string;
}

/** Where entries come from: the page's Performance timeline, or a fake in tests. */
export interface TimingSource {
  existing(): TimingEntry[];
  observe(onEntries: (entries: TimingEntry[]) => void): void;
}

export function normalizeProtocol(raw: string): Protocol | null {
  const p = raw.toLowerCase();
  if (p === 'http/1.1' || p === 'http/1.0') return 'http/1.1';
  if (p === 'h2' || p === 'h2c') return 'h2';
  if (p === 'h3' || p.startsWith('h3-')) return 'h3';
  return null;
}

export class ProtocolLearner {
  readonly known: Record<string, ProtocolInfo> = {};

  constructor(source: TimingSource, onChange: () => void) {
    this.learn(source.existing());
    source.observe((entries) => {
      if (this.learn(entries)) onChange();
    });
  }

  private learn(entries: TimingEntry[]): boolean {
    let changed = false;
    for (const e of entries) {
      const protocol = normalizeProtocol(e.nextHopProtocol ?? '');
      const endpoint = endpointOf(e.name);
      if (!protocol || !endpoint || this.known[endpoint]?.protocol === protocol) continue;
      const what = e.entryType === 'navigation' ? 'navigation of' : 'request for';
      this.known[endpoint] = { protocol, source: `${protocol} seen on the ${what} ${e.name}` };
      changed = true;
    }
    return changed;
  }
}

/** The page's own timeline; resource entries arrive as requests complete. */
export function performanceTimingSource(perf: Performance): TimingSource {
  const read = (list: PerformanceEntryList): TimingEntry[] =>
    list.map((e) => ({
      entryType: e.entryType,
      name: e.name,
      nextHopProtocol: (e as PerformanceResourceTiming).nextHopProtocol,
    }));
  return {
    existing: () => [
      ...read(perf.getEntriesByType('navigation')),
      ...read(perf.getEntriesByType('resource')),
    ],
    observe(onEntries) {
      if (typeof PerformanceObserver === 'undefined') return;
      new PerformanceObserver((list) => onEntries(read(list.getEntries()))).observe({
        type: 'resource',
        buffered: false,
      });
    },
  };
}
