// The body stream a captured fetch stream's Response gets instead of the network's: a byte
// stream that reads one chunk from the network body each time the page pulls, tells the
// observer, and hands the very chunk on. It never reads ahead of the page; the page's
// cancel reaches the network; a network error or abort reaches the page as the same object.
import type { FetchIntrinsics } from './fetch-intrinsics';
import type { Intrinsics } from './intrinsics';

export interface BodyObserver {
  /** A chunk the page is about to receive (the observer copies what it keeps). */
  chunk(bytes: Uint8Array): void;
  done(): void;
  fail(error: unknown): void;
  cancel(reason: unknown): void;
}

export function tapBody(
  network: ReadableStream<Uint8Array>,
  I: Intrinsics,
  F: FetchIntrinsics,
  observer: BodyObserver,
): ReadableStream<Uint8Array> {
  const reader = I.apply(F.getReader, network, I.noArgs);
  // Null prototypes: the stream and response constructors read these dictionaries, and must
  // not find a getter the page put on Object.prototype.
  // The controller is the same for the stream's life: the callbacks are made once, in start.
  let onRead: (result: ReadableStreamReadResult<Uint8Array>) => void;
  let fail: (error: unknown) => void;
  const notify = (error: unknown): void => observer.fail(error);
  const source = I.setPrototypeOf(
    {
      type: 'bytes',
      start(controller: ReadableByteStreamController): void {
        fail = F.boundError(controller);
        onRead = (result) => {
          if (result.done) {
            I.apply(F.closeController, controller, I.noArgs);
            const byob = I.apply(F.byobRequest, controller, I.noArgs);
            if (byob !== null) I.apply(F.respond, byob, [0]);
            observer.done();
            return;
          }
          const chunk = result.value;
          // An empty chunk cannot be enqueued; the stream pulls again.
          if (I.apply(F.byteLength, chunk, I.noArgs) === 0) return;
          observer.chunk(chunk);
          I.apply(F.enqueue, controller, [chunk]);
        };
      },
      pull(): Promise<void> {
        const reading = I.apply(F.read, reader, I.noArgs);
        void F.then(reading, undefined, notify);
        return F.then(reading, onRead, fail);
      },
      cancel(reason: unknown): Promise<void> {
        observer.cancel(reason);
        return I.apply(F.cancel, reader, [reason]);
      },
    },
    null,
  ) as UnderlyingByteSource;
  return I.construct(F.ReadableStream, [source]) as ReadableStream<Uint8Array>;
}
