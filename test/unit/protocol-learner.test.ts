import { describe, expect, it } from 'vitest';
import { normalizeProtocol, ProtocolLearner } from '../../src/bridge/protocol-learner';
import { sharedText } from '../../src/i18n/shared';
import { fakeTiming } from './support/fakes';

describe('ProtocolLearner', () => {
  it('learns from the navigation and from completed resources, by endpoint', () => {
    const timing = fakeTiming([
      { entryType: 'navigation', name: 'http://a.test/page', nextHopProtocol: 'http/1.1' },
      { entryType: 'resource', name: 'https://cdn.test/x.js', nextHopProtocol: 'h2' },
      { entryType: 'resource', name: 'https://opaque.test/y', nextHopProtocol: '' },
    ]);
    let changes = 0;
    const learner = new ProtocolLearner(timing, () => changes++);
    const inWords = Object.fromEntries(
      Object.entries(learner.known).map(([endpoint, info]) => [
        endpoint,
        { protocol: info.protocol, source: sharedText(info.source) },
      ]),
    );
    expect(inWords).toEqual({
      'http://a.test:80': {
        protocol: 'http/1.1',
        source: 'http/1.1 seen on the navigation of http://a.test/page',
      },
      'https://cdn.test:443': {
        protocol: 'h2',
        source: 'h2 seen on the request for https://cdn.test/x.js',
      },
    });
    expect(sharedText(learner.known['http://a.test:80']!.source, 'ru')).toBe(
      'http/1.1 замечен при переходе на http://a.test/page',
    );
    expect(sharedText(learner.known['https://cdn.test:443']!.source, 'zh_CN')).toBe(
      '在请求 https://cdn.test/x.js 时发现使用 h2',
    );
    timing.add([{ entryType: 'resource', name: 'https://cdn.test/z', nextHopProtocol: 'h2' }]);
    expect(changes).toBe(0);
    timing.add([{ entryType: 'resource', name: 'https://new.test:8443/z', nextHopProtocol: 'h3' }]);
    expect(changes).toBe(1);
    expect(learner.known['https://new.test:8443']?.protocol).toBe('h3');
  });

  it.each([
    ['http/1.1', 'http/1.1'],
    ['HTTP/1.0', 'http/1.1'],
    ['h2', 'h2'],
    ['h3-29', 'h3'],
    ['', null],
    ['spdy/3', null],
  ])('normalizes %j to %j', (raw, expected) => {
    expect(normalizeProtocol(raw)).toBe(expected);
  });
});
