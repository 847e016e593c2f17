// What the deep capture probe (deep-probe-content-script.ts) writes into the page's DOM for
// the Firefox deep capture test to read: the switch's states and the wire records, bytes
// joined per request.
import type { DeepCaptureStatus, WireRequest } from '../../src/deep-capture/wire-records';

export const DEEP_PROBE_DATASET_KEY = 'sseLensDeepProbe';
/** The message the probe's background answers with the sender's tab id. */
export const TAB_ID_QUESTION = 'sse-lens-test:tab-id';

export interface DeepProbeSummary {
  /** The tab the probe plays the panel of, and the real panel's URL (for an iframe of it). */
  tabId?: number;
  panelUrl?: string;
  statuses: DeepCaptureStatus[];
  requests: WireRequest[];
  /** Per request id: each bytes record's base64, in order. */
  bytes: Record<string, string[]>;
  ends: { id: string; canceled: boolean }[];
}
