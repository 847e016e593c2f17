// What the probe content script publishes in the page's DOM (and the smoke test reads back):
// a summary of every `records` message the real content bridge sent to its fake background.

/** `document.documentElement.dataset[PROBE_DATASET_KEY]` holds the JSON summary. */
export const PROBE_DATASET_KEY = 'sseLensProbe';

export interface ProbeSummary {
  /** `records` messages received, the empty replay that answers `sync` included. */
  messages: number;
  connections: { conn: number; url: string; stack: string }[];
  events: { conn: number; type: string; lastEventId: string; data: string }[];
  states: { conn: number; readyState: number; cause: string }[];
}
