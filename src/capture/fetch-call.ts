// One fetch() the page made, from request to the end of its body: decides whether it is a
// stream, and if so records it (connection, request body, head, the chunks the page read,
// how it ended). A request whose Accept asks for a stream is recorded from the start, so a
// stream still waiting for a connection slot shows; any other is recorded once its response
// says (or its first bytes show) that it is a stream. Ordinary fetches leave no record.
import type { BodyObserver } from './body-tap';
import type { FetchIntrinsics } from './fetch-intrinsics';
import type { HookSink } from './hook-channel';
import type { Intrinsics } from './intrinsics';
import type { RequestInfo, StreamFormat, StreamOutcome } from './records';
import { readRequestBody } from './request-body';
import { asksForStream, looksLikeEventStream } from './stream-format';

export interface FetchCallContext {
  I: Intrinsics;
  F: FetchIntrinsics;
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

export class FetchCall {
  private conn = 0;
  private format: StreamFormat | null = null;
  /** The body is being looked at: a generic Content-Type that may hide an event stream. */
  private sniffing = false;
  private ended = false;
  private status = 0;
  /** When the response head arrived (a mislabelled stream is announced later, at its body). */
  private respondedAt = 0;
  private readonly started: number;
  private readonly hinted: boolean;

  constructor(
    private readonly ctx: FetchCallContext,
    private readonly request: Request,
    /** A copy of the request taken before it went out, for its body; null without a body. */
    private readonly copy: Request | null,
    private readonly info: RequestInfo,
    private readonly url: string,
    private readonly stack: string,
  ) {
    this.started = ctx.I.now();
    this.hinted = asksForStream(
      header(info.headers, 'accept'),
      header(info.headers, 'content-type'),
    );
    if (this.hinted) this.announce();
  }

  /** The response is not a stream: a hinted request says so; any other leaves no trace. */
  notStream(response: ResponseFacts): void {
    if (this.conn === 0) return;
    this.respondedAt ||= this.ctx.I.now();
    this.head(response, null, false);
    this.end('complete', '');
  }

  /** The response is (or, when `format` is 'sniff', may be) a stream: observe its body. */
  stream(response: ResponseFacts, format: StreamFormat | 'sniff'): BodyObserver {
    this.status = response.status;
    this.respondedAt = this.ctx.I.now();
    if (format === 'sniff') this.sniffing = true;
    else {
      this.announce();
      this.head(response, format, false);
    }
    const { I, F, sink } = this.ctx;
    return {
      chunk: (bytes) => {
        if (this.sniffing) {
          this.sniffing = false;
          if (!looksLikeEventStream(bytes)) {
            this.notStream(response);
            return;
          }
          this.announce();
          this.head(response, 'sse', true);
        }
        if (this.format === null || this.ended) return;
        sink.record({
          kind: 'chunk',
          conn: this.conn,
          t: I.now(),
          data: I.apply(F.u8Slice, bytes, I.noArgs),
        });
      },
      done: () => {
        this.sniffing = false;
        if (this.format !== null) this.end(this.status >= 400 ? 'http-error' : 'complete', '');
      },
      fail: (error) => this.failed(error),
      cancel: (reason) => {
        this.sniffing = false;
        if (this.format !== null) this.end('cancelled', F.errorName(reason));
      },
    };
  }

  /** The request or its body failed: aborted by the page, or a network error. */
  failed(error: unknown): void {
    this.sniffing = false;
    if (this.conn === 0 || this.ended) return;
    const { I, F } = this.ctx;
    const signal = I.apply(F.requestSignal, this.request, I.noArgs);
    const aborted = I.apply(F.aborted, signal, I.noArgs);
    this.end(aborted ? 'aborted' : 'network-error', F.errorName(error));
  }

  private announce(): void {
    if (this.conn !== 0) return;
    const { I, F, sink } = this.ctx;
    this.conn = this.ctx.nextConn();
    sink.record({
      kind: 'connection',
      conn: this.conn,
      t: this.started,
      url: this.url,
      withCredentials: this.info.credentials === 'include',
      frameUrl: this.ctx.frameUrl(),
      stack: this.stack,
      api: 'fetch',
      request: this.info,
    });
    if (this.copy === null) return;
    const conn = this.conn;
    readRequestBody(this.copy, I, F, ({ bytes, size }) => {
      sink.record({ kind: 'body', conn, t: I.now(), bytes, size });
    });
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
