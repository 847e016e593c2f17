// Names shared by every browser context: ports, message sources, the panel title and the
// protocol version. Kept in one module so a rename is one edit and a typo is a type error.

/** Bumped whenever a message or record shape changes incompatibly. */
export const PROTOCOL_VERSION = 1;

/** Tag on the one window message that hands the private MessagePort to the page hook. */
export const HANDSHAKE_SOURCE = 'sse-lens/handshake';

/** runtime.connect port names. */
export const CONTENT_PORT = 'sse-lens/content';
export const PANEL_PORT = 'sse-lens/panel';

/** DevTools panel title; Chrome derives the panel id `chrome-extension://<id>SSE` from it. */
export const PANEL_TITLE = 'SSE';

/** Hook-side batching: flush after this long or this many records, whichever comes first. */
export const HOOK_FLUSH_MS = 8;
export const HOOK_FLUSH_RECORDS = 500;

/** Content-script limits (per document). */
export const LIMITS = {
  /** Longest `data` kept for one frame, in UTF-16 code units; longer data is truncated. */
  maxDataChars: 1024 * 1024,
  /** Longest URL, type, id, origin or stack kept. */
  maxFieldChars: 8 * 1024,
  /** Request body bytes kept for a fetch/XHR stream; its true size is kept beside them. */
  maxRequestBodyBytes: 1024 * 1024,
  /** Request/response headers kept per stream. */
  maxHeaders: 200,
  /** Records kept for a panel that attaches later; oldest frames are evicted first. */
  maxBufferedRecords: 50_000,
  /** Total `data` characters kept in that buffer. */
  maxBufferedDataChars: 64 * 1024 * 1024,
  /** Records per message sent from the content script to the background. */
  maxRecordsPerMessage: 1_000,
  /** Total characters of URLs, stacks and types in that buffer's connection bookkeeping. */
  maxBufferedMetaChars: 16 * 1024 * 1024,
  /** Live connections one document may have tracked; further ones are counted, not tracked. */
  maxConnections: 10_000,
} as const;

/** Panel-side cap on frames kept in memory. */
export const PANEL_MAX_FRAMES = 1_000_000;

/** Panel-side cap on the total `data` characters kept in memory (UTF-16 code units). */
export const PANEL_MAX_DATA_CHARS = 256 * 1024 * 1024;
