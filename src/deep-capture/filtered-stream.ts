// One response Firefox's deep capture follows through webRequest.filterResponseData. The page
// must get the same bytes at the same time as without us, so every chunk is written through
// first, unchanged, and only then copied into a bytes record. A response under a generic type
// is followed only if its first chunk looks like an event stream; otherwise the filter is
// disconnected at once and nothing is reported. The end record waits for both the filter's
// end and webRequest's verdict (completed, or an error saying whether the page aborted it),
// which Firefox reports in either order.
//
// A filter keeps reading a response whose body the page cancelled: without one, Firefox lets
// the connection go at the server's next write; with one, only when the response ends. So
// once the page's hook reports the cancel, the filter is disconnected, and Firefox goes on
// as without us.
import { looksLikeEventStream } from '../capture/stream-format';
import type { StreamFilter } from './web-request-api';
import type { WireRecord, WireRequest } from './wire-records';

/** Firefox's errors for a request the page (or a navigation) cancelled. */
const ABORTS = new Set(['NS_BINDING_ABORTED', 'NS_ERROR_ABORT']);

export class FilteredStream {
  /** The request record, until it is sent (with the first chunk when sniffing). */
  private unsent: WireRequest | null;
  private filterDone = false;
  private verdict: { canceled: boolean } | null = null;
  private ended = false;
  private readonly requestId: string;
  /**
   * The URL the page asked for (before any redirect), and when the response head arrived (the
   * background's clock).
   */
  readonly requestedUrl: string;
  readonly headAt: number;

  constructor(
    private readonly filter: StreamFilter,
    request: WireRequest,
    private readonly sniff: boolean,
    private readonly emit: (records: WireRecord[]) => void,
    /** Called once the stream is over (ended, or let go after sniffing). */
    private readonly done: () => void,
    private readonly now: () => number = Date.now,
  ) {
    this.unsent = request;
    this.requestId = request.id;
    this.requestedUrl = request.requestedUrl ?? request.url;
    this.headAt = request.t;
    if (!sniff) this.sendRequest();
    filter.ondata = (event) => {
      filter.write(event.data);
      this.data(new Uint8Array(event.data));
    };
    filter.onstop = () => {
      filter.close();
      this.filterEnded();
    };
    filter.onerror = () => this.filterEnded();
  }

  /** webRequest's verdict: onCompleted (canceled false) or onErrorOccurred with its error. */
  outcome(error: string | null): void {
    if (this.verdict) return;
    this.verdict = { canceled: error !== null && ABORTS.has(error) };
    this.maybeEnd();
  }

  /** True while the response's bytes pass through the filter. */
  get filtering(): boolean {
    return !this.ended && !this.filterDone;
  }

  /**
   * The page cancelled the body: the rest goes straight to the page, which lets Firefox end
   * the request as it would without us. The end record waits for webRequest's verdict.
   */
  pageCancelled(): void {
    if (!this.filtering) return;
    this.filter.disconnect();
    this.filterEnded();
  }

  /** Deep capture stops: the rest of the body goes straight to the page. */
  release(): void {
    if (this.ended) return;
    this.ended = true;
    if (!this.filterDone) this.filter.disconnect();
    this.done();
  }

  private data(bytes: Uint8Array): void {
    if (this.ended || bytes.length === 0) return;
    if (this.unsent && this.sniff) {
      if (!looksLikeEventStream(bytes)) {
        this.release();
        return;
      }
      this.sendRequest();
    }
    this.emit([{ kind: 'bytes', id: this.requestId, t: this.now(), base64: base64Of(bytes) }]);
  }

  private sendRequest(): void {
    const request = this.unsent;
    this.unsent = null;
    if (request) this.emit([request]);
  }

  private filterEnded(): void {
    this.filterDone = true;
    this.maybeEnd();
  }

  private maybeEnd(): void {
    if (this.ended || !this.filterDone || !this.verdict) return;
    this.ended = true;
    // A sniffed response that ended before any byte was never reported.
    if (!this.unsent) {
      const end: WireRecord = { kind: 'end', id: this.requestId, t: this.now() };
      if (this.verdict.canceled) end.canceled = true;
      this.emit([end]);
    }
    this.done();
  }
}

/** Base64 of a chunk, built in slices so a large chunk does not overflow the argument list. */
function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
