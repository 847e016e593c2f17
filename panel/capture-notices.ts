// The toolbar's loss notices: one per cap or check that can keep a record from the view,
// each with its own words and a tooltip saying what happened and what to do. Kept apart
// from the component so the wording is tested without a DOM.
import type { CaptureCounters } from '../src/model/capture-state';
import { LIMITS } from '../src/protocol/constants';
import { formatCount } from './format';

export interface CaptureNotice {
  /** `data-testid` of the notice; tests read its `data-count`. */
  testId: string;
  count: number;
  text: string;
  tooltip: string;
}

const mebi = (chars: number): string => `${formatCount(chars / (1024 * 1024))} Mi`;

/** The notices to show now, in toolbar order; counters at zero show nothing. */
export function captureNotices(c: CaptureCounters): CaptureNotice[] {
  const n = formatCount;
  const all: CaptureNotice[] = [
    {
      testId: 'notice-stale-hook',
      count: c.staleHook,
      text: `${n(c.staleHook)} records rejected: outdated page hook, reload the page`,
      tooltip:
        "The page's capture hook speaks another protocol version than this extension: the " +
        'page was loaded before SSE Lens was updated or reloaded. Its records cannot be read ' +
        'safely and were rejected. Reload the page to capture it.',
    },
    {
      testId: 'notice-malformed',
      count: c.malformed,
      text: `${n(c.malformed)} malformed records rejected`,
      tooltip:
        'Records from the page world that did not match the expected shape were discarded. ' +
        'The page hook never sends such records: this points to a bug in SSE Lens or to page ' +
        'code tampering with the capture.',
    },
    {
      testId: 'notice-untracked',
      count: c.untrackedConnections,
      text: `${n(c.untrackedConnections)} connections not tracked (over the cap)`,
      tooltip:
        `A document had more live connections than SSE Lens tracks ` +
        `(${n(LIMITS.maxConnections)}), or their URLs and stacks passed the ` +
        `${mebi(LIMITS.maxBufferedMetaChars)} characters of bookkeeping kept per document. ` +
        `Further connections are counted, not tracked: ${n(c.untrackedRecords)} of their ` +
        'frames and state changes were not recorded.',
    },
    {
      testId: 'notice-dropped-by-hook',
      count: c.droppedByHook,
      text: `${n(c.droppedByHook)} dropped by the page hook`,
      tooltip:
        "Records the page hook discarded before its channel to the extension's content " +
        'script opened: it holds a bounded number until then (a frame whose content script ' +
        'did not start, or a flood before it did).',
    },
    {
      testId: 'notice-evicted-source',
      count: c.evictedAtSource,
      text: `${n(c.evictedAtSource)} evicted from the page's buffer`,
      tooltip:
        `Records the page's content script evicted from its buffer (it keeps the newest ` +
        `${n(LIMITS.maxBufferedRecords)} frames and ${mebi(LIMITS.maxBufferedDataChars)} ` +
        'characters of data per document) before this panel received them. Keep the panel ' +
        'open while capturing to receive everything live.',
    },
    {
      testId: 'notice-evicted-panel',
      count: c.evictedInPanel,
      text: `${n(c.evictedInPanel)} older records evicted from panel memory`,
      tooltip:
        "Frames dropped from this panel's memory, oldest first, to stay within its caps " +
        '(Memory settings). Their connections still count them.',
    },
    {
      testId: 'notice-paused',
      count: c.notRecordedWhilePaused,
      text: `${n(c.notRecordedWhilePaused)} not recorded while paused`,
      tooltip: 'Records that arrived while recording was paused were not kept.',
    },
    {
      testId: 'notice-wire-unmatched',
      count: c.wireUnmatched,
      text: `${n(c.wireUnmatched)} wire records matched no connection`,
      tooltip:
        'Deep capture saw these events or bytes on a stream the page hook reported no ' +
        'connection for (for example a stream opened before the page hook ran), so they are ' +
        'not shown.',
    },
    {
      testId: 'notice-wire-missed',
      count: c.wireMissed,
      text: `${n(c.wireMissed)} ${c.wireMissed === 1 ? 'stream' : 'streams'} opened before deep capture: reload to see their wire`,
      tooltip:
        'These streams were already open when deep capture started, and Chrome reports ' +
        'nothing of a request it was not watching from the start: no unlistened events, ' +
        'comments or retry: for them, only what the page hook saw. Reload the page (or let ' +
        'them reconnect) to capture them on the wire.',
    },
  ];
  return all.filter((notice) => notice.count > 0);
}
