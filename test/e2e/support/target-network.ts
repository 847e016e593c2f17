// Records every network request one browser target (service worker, extension page, DevTools
// panel frame, page) makes, through the browser-level CDP session: attach to the target, enable
// its Network domain, keep each Network.requestWillBeSent URL. Used to prove the extension
// makes no request of its own.
import type { Browser } from '@playwright/test';

export interface TargetRequests {
  /** The target's URL when it was attached. */
  target: string;
  /** URLs of the requests it made since. */
  urls: string[];
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Starts recording the requests of every target whose URL `matches`; resolves once enabled. */
export async function recordRequests(
  browser: Browser,
  matches: (target: TargetInfo) => boolean,
): Promise<TargetRequests[]> {
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  const bySession = new Map<string, TargetRequests>();
  const enabled = new Map<string, () => void>();
  session.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message) as {
      id?: number;
      method?: string;
      params?: { request?: { url: string } };
    };
    if (msg.id === 1) enabled.get(e.sessionId)?.();
    const url = msg.params?.request?.url;
    if (msg.method === 'Network.requestWillBeSent' && url !== undefined) {
      bySession.get(e.sessionId)?.urls.push(url);
    }
  });
  const recorded: TargetRequests[] = [];
  for (const info of targetInfos.filter(matches)) {
    const { sessionId } = await session.send('Target.attachToTarget', {
      targetId: info.targetId,
      flatten: false,
    });
    const entry: TargetRequests = { target: info.url, urls: [] };
    bySession.set(sessionId, entry);
    recorded.push(entry);
    const answered = new Promise<void>((resolve) => enabled.set(sessionId, resolve));
    await session.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Network.enable', params: {} }),
    });
    await answered;
  }
  return recorded;
}
