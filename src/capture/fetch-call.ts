// One fetch() the page made, from request to the end of its body: decides whether it is a
// stream, and if so records it through a StreamRecorder (connection, request body, head, the
// chunks the page read, how it ended). A request whose Accept asks for a stream is recorded
// from the start, so a stream still waiting for a connection slot shows; any other is
// recorded once its response says (or its first bytes show) that it is a stream. Ordinary
// fetches leave no record.
import type { BodyObserver } from './body-tap';
import type { FetchIntrinsics } from './fetch-intrinsics';
import type { RequestInfo, StreamFormat } from './records';
import { readRequestBody } from './request-body';
import { StreamRecorder, type RecorderContext, type ResponseFacts } from './stream-recorder';

export interface FetchCallContext extends RecorderContext {
  F: FetchIntrinsics;
}

export class FetchCall {
  private readonly recorder: StreamRecorder;

  constructor(
    private readonly ctx: FetchCallContext,
    private readonly request: Request,
    /** A copy of the request taken before it went out, for its body; null without a body. */
    copy: Request | null,
    info: RequestInfo,
    url: string,
    stack: string,
  ) {
    const { I, F, sink } = ctx;
    this.recorder = new StreamRecorder(ctx, 'fetch', info, url, stack, (conn) => {
      if (copy === null) return;
      readRequestBody(copy, I, F, ({ bytes, size }) => {
        sink.record({ kind: 'body', conn, t: I.now(), bytes, size });
      });
    });
    if (this.recorder.hinted) this.recorder.announce();
  }

  /** The response is not a stream: a hinted request says so; any other leaves no trace. */
  notStream(response: ResponseFacts): void {
    this.recorder.notStream(response);
  }

  /** The response is (or, when `format` is 'sniff', may be) a stream: observe its body. */
  stream(response: ResponseFacts, format: StreamFormat | 'sniff'): BodyObserver {
    const { I, F } = this.ctx;
    const recorder = this.recorder;
    recorder.open(response, format);
    return {
      chunk: (bytes) => {
        if (recorder.takes(bytes)) recorder.chunk(I.copyBytes(bytes));
      },
      done: () => recorder.done(),
      fail: (error) => this.failed(error),
      cancel: (reason) => recorder.fail('cancelled', F.errorName(reason)),
    };
  }

  /** The request or its body failed: aborted by the page, or a network error. */
  failed(error: unknown): void {
    const { I, F } = this.ctx;
    const recorder = this.recorder;
    if (!recorder.live) {
      recorder.fail('network-error', '');
      return;
    }
    const signal = I.apply(F.requestSignal, this.request, I.noArgs);
    const aborted = I.apply(F.aborted, signal, I.noArgs);
    recorder.fail(aborted ? 'aborted' : 'network-error', F.errorName(error));
  }
}
