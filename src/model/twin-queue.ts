// The frames of one connection from one source (page hook or wire) still waiting for their
// twin from the other source, oldest first. Taking a twin also drops every frame queued before
// it (the other source passed them over: they have no twin), by moving a head index, so a
// flood costs O(1) per matched frame. Bounded: beyond `cap` the oldest waiting frame goes.
import type { FrameKind } from '../capture/records';
import type { FrameView } from './capture-state';

export class TwinQueue {
  private items: FrameView[] = [];
  private head = 0;

  constructor(private readonly cap: number) {}

  push(frame: FrameView): void {
    this.items.push(frame);
    if (this.items.length - this.head > this.cap) this.head++;
    this.compact();
  }

  /** The oldest frame still waiting. */
  peek(): FrameView | undefined {
    return this.items[this.head];
  }

  /**
   * The first frame equal in kind, type, id and data, looking at most `scan` frames from the
   * oldest; it leaves the queue with every frame before it.
   */
  take(
    kind: FrameKind,
    type: string,
    id: string,
    data: string,
    scan = Infinity,
  ): FrameView | undefined {
    const end = Math.min(this.items.length, this.head + scan);
    for (let i = this.head; i < end; i++) {
      const f = this.items[i]!;
      if ((f.kind ?? 'event') === kind && f.type === type && f.id === id && f.data === data) {
        this.head = i + 1;
        this.compact();
        return f;
      }
    }
    return undefined;
  }

  private compact(): void {
    if (this.head < 1024 || this.head * 2 < this.items.length) return;
    this.items = this.items.slice(this.head);
    this.head = 0;
  }
}
