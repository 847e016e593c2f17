// Socket use from deep capture's Network events: a request holds the socket its response head
// names until it ends; HTTP/1.1 requests hold one each, multiplexed ones share; cached
// responses, redirects, non-HTTP URLs and ended worker sessions are handled.
import { describe, expect, it } from 'vitest';
import { SocketUse } from '../../src/deep-capture/socket-use';

const sent = (requestId: string, url: string, type = 'EventSource') => ({
  requestId,
  type,
  request: { url },
});
const head = (requestId: string, connectionId: number, protocol = 'http/1.1', more = {}) => ({
  requestId,
  response: { connectionId, protocol, ...more },
});

describe('socket use', () => {
  it('counts one socket per HTTP/1.1 request and lets it go when the request ends', () => {
    const use = new SocketUse();
    for (let i = 1; i <= 7; i++) {
      expect(
        use.apply('', 'Network.requestWillBeSent', sent(`r${i}`, `http://h:81/s?n=${i}`)),
      ).toBe(true);
    }
    for (let i = 1; i <= 6; i++) use.apply('', 'Network.responseReceived', head(`r${i}`, 100 + i));
    const [endpoint] = use.view();
    expect(endpoint?.endpoint).toBe('http://h:81');
    expect(endpoint?.sockets.map((s) => [s.id, s.requests.length])).toEqual(
      [101, 102, 103, 104, 105, 106].map((id) => [String(id), 1]),
    );
    expect(endpoint?.waiting).toBe(1);
    expect(use.apply('', 'Network.loadingFinished', { requestId: 'r1' })).toBe(true);
    use.apply('', 'Network.responseReceived', head('r7', 101));
    expect(use.view()[0]?.sockets.map((s) => s.id)).toEqual([
      '102',
      '103',
      '104',
      '105',
      '106',
      '101',
    ]);
  });

  it('shows multiplexed requests on one socket, of every type', () => {
    const use = new SocketUse();
    use.apply('', 'Network.requestWillBeSent', sent('a', 'https://h/es'));
    use.apply('', 'Network.requestWillBeSent', sent('b', 'https://h/img.png', 'Image'));
    use.apply('', 'Network.responseReceived', head('a', 7, 'h2'));
    use.apply('', 'Network.responseReceived', head('b', 7, 'h2'));
    expect(use.view()).toEqual([
      {
        endpoint: 'https://h:443',
        sockets: [
          {
            id: '7',
            protocol: 'h2',
            requests: [
              { url: 'https://h/es', type: 'EventSource' },
              { url: 'https://h/img.png', type: 'Image' },
            ],
          },
        ],
        waiting: 0,
      },
    ]);
  });

  it('ignores cached responses and non-HTTP URLs, follows redirects, and drops a gone session', () => {
    const use = new SocketUse();
    expect(use.apply('', 'Network.requestWillBeSent', sent('d', 'data:text/plain,x'))).toBe(false);
    use.apply('', 'Network.requestWillBeSent', sent('c', 'http://h/cached', 'Script'));
    expect(use.apply('', 'Network.responseReceived', head('c', 0))).toBe(false);
    expect(
      use.apply('', 'Network.responseReceived', head('c', 5, 'http/1.1', { fromDiskCache: true })),
    ).toBe(false);
    use.apply('', 'Network.loadingFinished', { requestId: 'c' });
    // A redirect: same request id, new URL.
    use.apply('W', 'Network.requestWillBeSent', sent('1', 'http://a/old', 'Fetch'));
    use.apply('W', 'Network.requestWillBeSent', sent('1', 'http://b/new', 'Fetch'));
    use.apply('W', 'Network.responseReceived', head('1', 9));
    expect(use.view().map((e) => [e.endpoint, e.sockets.length])).toEqual([['http://b:80', 1]]);
    expect(use.dropSession('W')).toBe(true);
    expect(use.view()).toEqual([]);
  });
});
