// One XMLHttpRequest send(), from request to its last event: decides from the response head
// whether it is a stream and, if so, records it through a StreamRecorder. The hook listens
// with its own listeners (added with the captured addEventListener, removed once the call
// ends) and only reads captured getters, so the page's events, readyState sequence and
// responseText are what they are without it. responseText is read at each progress event
// and at load, and only the part the hook has not recorded yet is sent; other response
// types are recorded once, at load (arraybuffer as bytes; blob, json and document not at all).
import { LIMITS } from '../protocol/constants';
import type { RequestInfo } from './records';
import { formatOfType } from './stream-format';
import { StreamRecorder, type RecorderContext, type ResponseFacts } from './stream-recorder';
import type { SendBody } from './xhr-body';
import type { XhrIntrinsics } from './xhr-intrinsics';
import { parseHeaderLines, withoutFragment } from './xhr-text';

export interface XhrCallContext extends RecorderContext {
  X: XhrIntrinsics;
}

const EVENTS = ['readystatechange', 'progress', 'load', 'error', 'abort', 'timeout'] as const;
const HEADERS_RECEIVED = 2;

export class XhrCall {
  private readonly recorder: StreamRecorder;
  /** The characters of responseText already recorded. */
  private seen = 0;
  private headTaken = false;
  private listening = true;
  private readonly onEvent = (ev: Event): void => {
    try {
      if (ev.isTrusted) this.handle(this.ctx.I.apply(this.ctx.I.getType, ev, this.ctx.I.noArgs));
    } catch {
      // The hook's listeners never throw into the page's event dispatch.
    }
  };

  constructor(
    private readonly ctx: XhrCallContext,
    private readonly xhr: XMLHttpRequest,
    info: RequestInfo,
    private readonly url: string,
    body: SendBody | null,
    stack: string,
  ) {
    const { I, sink } = ctx;
    this.recorder = new StreamRecorder(ctx, 'xhr', info, url, stack, (conn) => {
      if (body !== null) sink.record({ kind: 'body', conn, t: I.now(), ...body() });
    });
    for (let i = 0; i < EVENTS.length; i++) {
      I.apply(I.addEventListener, xhr, [EVENTS[i], this.onEvent]);
    }
    if (this.recorder.hinted) this.recorder.announce();
  }

  /**
   * abort() or open() is about to end the request, which empties responseText: the text the
   * page could read until now (a page listener that ran before the hook's may have) is
   * recorded first.
   */
  beforeEnd(): void {
    if (!this.listening) return;
    const { I, X } = this.ctx;
    if (!this.headTaken && I.apply(X.readyState, this.xhr, I.noArgs) >= HEADERS_RECEIVED) {
      this.takeHead();
    }
    this.takeText();
  }

  /** send() threw: a synchronous request that failed, or one the browser refused. */
  sendFailed(error: unknown): void {
    this.finish();
    this.recorder.fail('network-error', this.ctx.X.errorName(error));
  }

  /** open() was called again: it ends this request without any event. */
  reopened(): void {
    this.finish();
    this.recorder.fail('aborted', 'open() was called again');
  }

  private handle(type: string): void {
    const { I, X } = this.ctx;
    switch (type) {
      case 'readystatechange':
        if (!this.headTaken && I.apply(X.readyState, this.xhr, I.noArgs) >= HEADERS_RECEIVED) {
          this.takeHead();
        }
        return;
      case 'progress':
        if (!this.headTaken) this.takeHead();
        this.takeText();
        return;
      case 'load':
        if (!this.headTaken) this.takeHead();
        this.takeRest();
        this.finish();
        this.recorder.done();
        return;
      case 'timeout':
        this.finish();
        this.recorder.fail('network-error', 'timeout');
        return;
      default:
        this.finish();
        this.recorder.fail(type === 'abort' ? 'aborted' : 'network-error', '');
    }
  }

  /** Classifies the response by its Content-Type; a response that is no stream ends the call. */
  private takeHead(): void {
    const { I, X } = this.ctx;
    const status = I.apply(X.status, this.xhr, I.noArgs);
    // Status 0 at DONE: the request failed or was aborted; its error or abort event follows.
    if (status === 0) return;
    this.headTaken = true;
    const format = formatOfType(I.apply(X.getResponseHeader, this.xhr, ['content-type']));
    if (format === null) {
      if (this.recorder.live) this.recorder.notStream(this.facts(status));
      this.finish();
      return;
    }
    this.recorder.open(this.facts(status), format);
  }

  private facts(status: number): ResponseFacts {
    const { I, X } = this.ctx;
    const responseUrl = I.apply(X.responseURL, this.xhr, I.noArgs);
    const headers = I.setPrototypeOf([], null) as [string, string][];
    return {
      status,
      statusText: I.apply(X.statusText, this.xhr, I.noArgs),
      url: responseUrl === '' ? this.url : responseUrl,
      redirected: responseUrl !== '' && responseUrl !== withoutFragment(this.url),
      headers: parseHeaderLines(
        I.apply(X.getAllResponseHeaders, this.xhr, I.noArgs),
        LIMITS.maxHeaders,
        headers,
      ),
    };
  }

  /** Records the part of responseText not recorded yet (text response types only). */
  private takeText(): void {
    const { I, X } = this.ctx;
    if (!this.recorder.wantsChunks) return;
    const type = I.apply(X.responseType, this.xhr, I.noArgs);
    if (type !== '' && type !== 'text') return;
    const text = I.apply(X.responseText, this.xhr, I.noArgs);
    if (text.length <= this.seen) return;
    const fresh = I.apply(I.stringSlice, text, [this.seen]);
    this.seen = text.length;
    if (this.recorder.takes(fresh)) this.recorder.chunk(fresh);
    else this.finish();
  }

  /** At load: the last text, or the whole response of another type. */
  private takeRest(): void {
    const { I, X } = this.ctx;
    if (!this.recorder.wantsChunks) return;
    const type = I.apply(X.responseType, this.xhr, I.noArgs);
    if (type === '' || type === 'text') {
      this.takeText();
      return;
    }
    if (type !== 'arraybuffer') {
      // A blob, JSON value or document is not read: an announced stream ends without
      // frames, and a sniffed body is taken for no stream (its first chunk is unknown).
      this.recorder.takes('');
      return;
    }
    const buffer = I.apply(X.response, this.xhr, I.noArgs) as ArrayBuffer | null;
    if (buffer === null) return;
    const bytes = I.copyBytes(new X.Uint8Array(buffer));
    if (this.recorder.takes(bytes)) this.recorder.chunk(bytes);
  }

  /** Removes the hook's listeners: nothing more is recorded for this call. */
  private finish(): void {
    if (!this.listening) return;
    this.listening = false;
    const { I } = this.ctx;
    for (let i = 0; i < EVENTS.length; i++) {
      I.apply(I.removeEventListener, this.xhr, [EVENTS[i], this.onEvent]);
    }
  }
}
