// Learns which HTTP version each endpoint speaks from the page's own timing entries
// (`nextHopProtocol` of the navigation and of completed resources). A live EventSource has
// no entry until it ends, but any finished request to the same endpoint tells.
import { said } from '../i18n/shared';
import type { Protocol, ProtocolInfo } from '../model/pools';
import { endpointOf } from '../model/site';

/** The part of a PerformanceEntry this needs. */
export interface TimingEntry {
  entryType: string;
  name: string;
  nextHopProtocol?: string;
  /** When the request started and its response ended, epoch ms (resource entries). */
  start?: number;
  end?: number;
  /** True when response headers arrived (`responseStart` > 0). */
  responded?: boolean;
  /** 0 and '' where the browser does not report them. */
  responseStatus?: number;
  contentType?: string;
  /** What made the request (`fetch`, `xmlhttprequest`, `other` for EventSource…). */
  initiatorType?: string;
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
      const how = e.entryType === 'navigation' ? 'protocol.seenNavigation' : 'protocol.seenRequest';
      this.known[endpoint] = { protocol, source: said(how, { protocol, url: e.name }) };
      changed = true;
    }
    return changed;
  }
}

/** Resource Timing Level 3 fields, not yet in every DOM typing. */
interface ResourceTimingFields {
  nextHopProtocol?: string;
  responseStart?: number;
  responseEnd?: number;
  responseStatus?: number;
  contentType?: string;
  initiatorType?: string;
}

/** The page's own timeline; resource entries arrive as requests complete. */
export function performanceTimingSource(perf: Performance): TimingSource {
  const read = (list: PerformanceEntryList): TimingEntry[] =>
    list.map((e) => {
      const r = e as PerformanceEntry & ResourceTimingFields;
      return {
        entryType: e.entryType,
        name: e.name,
        nextHopProtocol: r.nextHopProtocol,
        start: perf.timeOrigin + e.startTime,
        end: perf.timeOrigin + (r.responseEnd ?? e.startTime + e.duration),
        responded: (r.responseStart ?? 0) > 0,
        responseStatus: r.responseStatus,
        contentType: r.contentType,
        initiatorType: r.initiatorType,
      };
    });
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
