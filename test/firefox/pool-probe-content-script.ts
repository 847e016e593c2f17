// Test-only content script for the Firefox pool probe: in an iframe (the top frame stays
// silent, so it holds no port), it reports a snapshot of seven fabricated HTTP/1.1 streams
// to its own origin to the REAL background. It withholds its top origin, as Firefox before
// location.ancestorOrigins (ESR 128) must: the background has to find the top-level site on
// its own. It answers with a `queue` verdict for the seventh, naming the pool it placed it
// in; the probe writes that and its environment into the frame's DOM for the smoke test.
import browser from 'webextension-polyfill';
import type { DocSnapshot } from '../../src/model/pools';
import { documentEnvironment } from '../../src/bridge/start-content-script';
import { CONTENT_PORT } from '../../src/protocol/constants';
import { endpointOf } from '../../src/model/site';
import { isEnvelope, message, type ContentToBackground } from '../../src/protocol/messages';
import { POOL_PROBE_DATASET_KEY, type PoolProbeResult } from './pool-probe-result';

if (window !== window.top) {
  const env = documentEnvironment(window);
  const snapshot: DocSnapshot = {
    docId: 'pool-probe',
    url: location.href,
    origin: env.origin,
    topOrigin: null,
    title: '',
    protocols: {
      [endpointOf(location.href) ?? '']: {
        protocol: 'http/1.1',
        source: {
          key: 'protocol.seenRequest',
          params: { protocol: 'http/1.1', url: location.href },
        },
      },
    },
    connections: Array.from({ length: 7 }, (_, i) => ({
      conn: i + 1,
      url: `${location.origin}/sse/hold?n=${i + 1}`,
      withCredentials: false,
      readyState: i < 6 ? 1 : 0,
      reconnecting: false,
      since: i,
      retryDelay: null,
    })),
  };
  const port = browser.runtime.connect({ name: CONTENT_PORT });
  port.onMessage.addListener((m: unknown) => {
    if (!isEnvelope(m) || m.type !== 'queue') return;
    const result: PoolProbeResult = {
      origin: env.origin,
      pool: (m as { pool?: unknown }).pool as string,
    };
    document.documentElement.dataset[POOL_PROBE_DATASET_KEY] = JSON.stringify(result);
  });
  port.postMessage(message<ContentToBackground, 'snapshot'>('snapshot', { snapshot }));
}
