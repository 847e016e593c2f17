// What the probe content script publishes in the page's DOM (and the smoke test reads back):
// a summary of every `records` message the real content bridge sent to its fake background.

/** `document.documentElement.dataset[PROBE_DATASET_KEY]` holds the JSON summary. */
export const PROBE_DATASET_KEY = 'sseLensProbe';

export interface ProbeSummary {
  /** `records` messages received, the empty replay that answers `sync` included. */
  messages: number;
  /** `api` is 'fetch' or 'xhr' for those streams, absent for EventSource. */
  connections: { conn: number; url: string; stack: string; api?: string }[];
  /** `frameKind` (event, comment, retry) is set for frames read from a fetch/XHR body. */
  events: { conn: number; type: string; lastEventId: string; data: string; frameKind?: string }[];
  states: { conn: number; readyState: number; cause: string }[];
}
