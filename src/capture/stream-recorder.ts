// The records of one fetch() or XMLHttpRequest stream, whichever API made it: announces the
// connection (at once when the request asked for a stream, else once the response shows
// one), its request body, its head, the body chunks the page consumed and how it ended. A
// generic Content-Type is decided by the first chunk (a mislabelled event stream, or
// nothing). A response that is no stream leaves no record unless the request asked for one.
import type { HookSink } from './hook-channel';
import type { Intrinsics } from './intrinsics';
import type { HookRecord, RequestInfo, StreamFormat, StreamOutcome } from './records';
import { asksForStream, looksLikeEventStream } from './stream-format';

export interface RecorderContext {
  I: Intrinsics;
  sink: HookSink;
  frameUrl: () => string;
  nextConn: () => number;
}

export interface ResponseFacts {
  status: number;
  statusText: string;
  url: string;
  redirected: boolean;
  headers: [string, string][];
}

export class StreamRecorder {
  private conn = 0;
  private format: StreamFormat | null = null;
  /** The body is being looked at: a generic Content-Type that may hide an event stream. */
  private sniffing = false;
  private ended = false;
  private status = 0;
  /** When the response head arrived (a mislabelled stream is announced later, at its body). */
  private respondedAt = 0;
  /** The response head, kept while a sniffed body's first chunk is awaited. */
  private facts: ResponseFacts | null = null;
  private readonly started: number;

  constructor(
    private readonly ctx: RecorderContext,
    private readonly api: 'fetch' | 'xhr',
    private readonly info: RequestInfo,
    private readonly url: string,
    private readonly stack: string,
    /** Called once the connection is announced, to record the request body after it. */
    private readonly onAnnounce: (conn: number) => void,
  ) {
    this.started = ctx.I.now();
  }

  /** True when the request's Accept or Content-Type names a stream format. */
  get hinted(): boolean {
    return asksForStream(
      header(this.info.headers, 'accept'),
      header(this.info.headers, 'content-type'),
    );
  }

  /** True while chunks are wanted: the stream is recorded (or being sniffed) and not ended. */
  get wantsChunks(): boolean {
    return !this.ended && (this.sniffing || this.format !== null);
  }

  /** True once the connection was announced and has not ended. */
  get live(): boolean {
    return this.conn !== 0 && !this.ended;
  }

  /** Records the connection now (a request that asked for a stream). */
  announce(): void {
    if (this.conn !== 0) return;
    this.conn = this.ctx.nextConn();
    this.ctx.sink.record({
      kind: 'connection',
      conn: this.conn,
      t: this.started,
      url: this.url,
      withCredentials: this.info.credentials === 'include',
      frameUrl: this.ctx.frameUrl(),
      stack: this.stack,
      api: this.api,
      request: this.info,
    });
    this.onAnnounce(this.conn);
  }

  /** The response is not a stream: a hinted request says so; any other leaves no trace. */
  notStream(response: ResponseFacts): void {
    this.sniffing = false;
    if (this.conn === 0) return;
    if (this.respondedAt === 0) this.respondedAt = this.ctx.I.now();
    this.head(response, null, false);
    this.end('complete', '');
  }

  /** The response is (or, when `format` is 'sniff', may be) a stream: chunks follow. */
  open(response: ResponseFacts, format: StreamFormat | 'sniff'): void {
    this.status = response.status;
    this.respondedAt = this.ctx.I.now();
    this.facts = response;
    if (format === 'sniff') this.sniffing = true;
    else {
      this.announce();
      this.head(response, format, false);
    }
  }

  /**
   * True when `first` (the next chunk the page consumed) is to be recorded; a sniffed body's
   * first chunk decides here whether it is a mislabelled event stream.
   */
  takes(first: Uint8Array | string): boolean {
    if (this.sniffing) {
      this.sniffing = false;
      const facts = this.facts as ResponseFacts;
      if (!looksLikeEventStream(first)) {
        this.notStream(facts);
        return false;
      }
      this.announce();
      this.head(facts, 'sse', true);
    }
    return this.format !== null && !this.ended;
  }

  /** Records a chunk `takes` accepted: a private copy of the bytes (handed over), or text. */
  chunk(data: Uint8Array | string): void {
    const { I, sink } = this.ctx;
    const record: HookRecord = { kind: 'chunk', conn: this.conn, t: I.now(), data };
    if (typeof data === 'string') sink.record(record);
    else sink.record(record, I.apply(I.bufferOf, data, I.noArgs));
  }

  /** The body ended normally: complete, or an HTTP error for a 4xx/5xx status. */
  done(): void {
    this.sniffing = false;
    if (this.format !== null) this.end(this.status >= 400 ? 'http-error' : 'complete', '');
  }

  /** The stream ended otherwise; a connection never announced leaves no record. */
  fail(outcome: StreamOutcome, error: string): void {
    this.sniffing = false;
    if (this.conn !== 0) this.end(outcome, error);
  }

  private head(response: ResponseFacts, format: StreamFormat | null, mislabelled: boolean): void {
    this.format = format;
    this.ctx.sink.record({
      kind: 'head',
      conn: this.conn,
      t: this.respondedAt,
      ...response,
      format,
      mislabelled,
    });
  }

  private end(outcome: StreamOutcome, error: string): void {
    if (this.ended) return;
    this.ended = true;
    this.ctx.sink.record({ kind: 'end', conn: this.conn, t: this.ctx.I.now(), outcome, error });
  }
}

/** Indexed, not for-of: header lists have a null prototype, so no page iterator runs. */
function header(headers: readonly [string, string][], name: string): string | null {
  for (let i = 0; i < headers.length; i++) {
    const pair = headers[i] as [string, string];
    if (pair[0] === name) return pair[1];
  }
  return null;
}
