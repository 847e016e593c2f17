import { describe, expect, it } from 'vitest';
import { linkPanel, type PanelIn, type PanelOut } from '../../src/bridge/panel-link';
import type { FrameTarget } from '../../src/protocol/messages';
import { fakeTransport, type FakeTransport } from './support/fakes';

type Port = FakeTransport<unknown, PanelOut>;
const doc = { id: 'doc1', url: 'http://a/', top: true, startedAt: 1 };
const hello = (frame?: FrameTarget, direct = false) => ({
  v: 1,
  type: 'hello',
  doc,
  direct,
  ...(frame && { frame }),
});
const batch = { v: 1, type: 'records', doc, records: [], lost: 0, clearedThrough: 0, sync: true };

function setup(direct: boolean) {
  const bgs: Port[] = [];
  const directs: Array<{ frame: FrameTarget; port: Port }> = [];
  const received: PanelIn[] = [];
  const link = linkPanel(
    5,
    () => {
      const t: Port = fakeTransport();
      bgs.push(t);
      return t;
    },
    (m) => received.push(m),
    direct
      ? (frame) => {
          const port: Port = fakeTransport();
          directs.push({ frame, port });
          return port;
        }
      : undefined,
  );
  const bg = bgs[0] as Port;
  return { link, bg, bgs, directs, received };
}

describe('panel link', () => {
  it('without direct ports, subscribes and syncs through the background', () => {
    const { bg, directs, received } = setup(false);
    expect(bg.sent).toEqual([
      { v: 1, type: 'subscribe', tabId: 5, direct: false },
      { v: 1, type: 'sync' },
    ]);
    bg.deliver(hello({ frameId: 0 }));
    bg.deliver(batch);
    expect(directs).toEqual([]);
    expect(received.map((m) => m.type)).toEqual(['hello', 'records']);
  });

  it('opens one direct port per document on its hello and syncs it there', () => {
    const { bg, directs, received } = setup(true);
    expect(bg.sent).toEqual([{ v: 1, type: 'subscribe', tabId: 5, direct: true }]);
    bg.deliver(hello({ frameId: 3, documentId: 'D' }));
    bg.deliver(hello({ frameId: 3, documentId: 'D' }));
    expect(directs.map((d) => d.frame)).toEqual([{ frameId: 3, documentId: 'D' }]);
    const port = (directs[0] as { port: Port }).port;
    expect(port.sent).toEqual([{ v: 1, type: 'sync' }]);
    port.deliver(batch);
    expect(received.map((m) => m.type)).toEqual(['hello', 'hello', 'records']);
    expect(bg.sent.filter((m) => m.type === 'sync')).toEqual([]);
  });

  it('falls back to a sync through the background when a document never answers', () => {
    const { bg, directs } = setup(true);
    bg.deliver(hello({ frameId: 1 }));
    (directs[0] as { port: Port }).port.drop();
    expect(bg.sent.at(-1)).toEqual({ v: 1, type: 'sync' });
  });

  it('opens a new direct port after one that answered closes, without a fallback', () => {
    const { bg, directs } = setup(true);
    bg.deliver(hello({ frameId: 1 }));
    const first = (directs[0] as { port: Port }).port;
    first.deliver(batch);
    first.drop();
    expect(bg.sent.filter((m) => m.type === 'sync')).toEqual([]);
    bg.deliver(hello({ frameId: 1 }));
    expect(directs).toHaveLength(2);
  });

  it('clears through both paths and closes direct ports on stop', () => {
    const { link, bg, directs } = setup(true);
    bg.deliver(hello({ frameId: 0 }));
    const port = (directs[0] as { port: Port }).port;
    link.clear();
    expect(bg.sent.at(-1)).toEqual({ v: 1, type: 'clear' });
    expect(port.sent.at(-1)).toEqual({ v: 1, type: 'clear' });
    link.stop();
    expect(port.closed && bg.closed).toBe(true);
  });

  it('syncs through the background a document whose hello names no frame to address', () => {
    const { bg, directs, received } = setup(true);
    bg.deliver(hello());
    expect(directs).toEqual([]);
    expect(bg.sent.at(-1)).toEqual({ v: 1, type: 'sync' });
    expect(received).toEqual([hello()]);
  });

  it('opens a new direct port when the document says it lost ours, not while one is pending', () => {
    const { bg, directs } = setup(true);
    bg.deliver(hello({ frameId: 1 }));
    bg.deliver(hello({ frameId: 1 }));
    expect(directs).toHaveLength(1);
    const first = (directs[0] as { port: Port }).port;
    first.deliver(batch);
    bg.deliver(hello({ frameId: 1 }, true));
    expect(directs).toHaveLength(1);
    bg.deliver(hello({ frameId: 1 }, false));
    expect(directs).toHaveLength(2);
    expect(first.closed).toBe(true);
    expect((directs[1] as { port: Port }).port.sent).toEqual([{ v: 1, type: 'sync' }]);
  });

  it('replaces a pending direct port when the document turns up in another frame', () => {
    const { bg, directs } = setup(true);
    bg.deliver(hello({ frameId: 4, documentId: 'D' }));
    bg.deliver(hello({ frameId: 0, documentId: 'D' }));
    expect(directs.map((d) => d.frame)).toEqual([
      { frameId: 4, documentId: 'D' },
      { frameId: 0, documentId: 'D' },
    ]);
    expect((directs[0] as { port: Port }).port.closed).toBe(true);
  });
});
