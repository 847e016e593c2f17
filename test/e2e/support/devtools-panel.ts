// Drives the real DevTools window and our SSE panel inside it over the browser-level CDP
// session. Everything that depends on DevTools internals (the legacy InspectorView module,
// InspectorFrontendAPI, target URLs) lives in this file, so a Chromium update is one fix.
import type { Browser, CDPSession, Page } from '@playwright/test';
import { PANEL_TITLE } from '../../../src/protocol/constants';
import { waitUntil } from './wait-until';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

/** A non-flattened CDP session to one target, spoken through the browser session. */
class TargetSession {
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(
    private readonly browserSession: CDPSession,
    readonly sessionId: string,
  ) {}

  onMessage(raw: string): void {
    const msg = JSON.parse(raw) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    if (msg.id === undefined) return;
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.error) p.reject(new Error(msg.error.message));
    else p.resolve(msg.result);
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const result = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (v) => resolve(v as T), reject });
    });
    void this.browserSession
      .send('Target.sendMessageToTarget', {
        sessionId: this.sessionId,
        message: JSON.stringify({ id, method, params }),
      })
      .catch((e: Error) => this.pending.get(id)?.reject(e));
    return result;
  }

  /** Evaluates an expression (promises awaited) and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send<{
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) {
      const d = r.exceptionDetails;
      throw new Error(`evaluate failed: ${d.exception?.description ?? d.text}`);
    }
    return r.result.value as T;
  }

  failAll(reason: string): void {
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
  }
}

/** Polls until `fn` returns a truthy value, which it returns. */
function poll<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs?: number,
): Promise<T> {
  return waitUntil(
    what,
    fn,
    (v) => v !== undefined && v !== null && v !== false,
    timeoutMs,
  ) as Promise<T>;
}

export interface DevToolsPanel {
  /** Evaluate in the SSE panel's document. */
  evaluate<T>(expression: string): Promise<T>;
  /** Poll an expression in the panel until it returns a truthy value; returns that value. */
  waitFor<T>(expression: string, what: string, timeoutMs?: number): Promise<T>;
  /** Evaluate in the DevTools front-end's own document (not the panel's). */
  evaluateInDevTools<T>(expression: string): Promise<T>;
  /** PNG of the whole DevTools window with the panel shown. */
  screenshot(): Promise<Buffer>;
  /** Lays the DevTools window out at this size (CSS px), as a docked DevTools of that size. */
  resize(width: number, height: number): Promise<void>;
  /** Close the DevTools window. */
  close(): Promise<void>;
}

interface DevToolsWindow {
  session: CDPSession;
  devtools: TargetSession;
  devtoolsTarget: TargetInfo;
  /** Targets that existed before DevTools opened. */
  before: Set<string>;
  targets: () => Promise<TargetInfo[]>;
  attach: (targetId: string) => Promise<TargetSession>;
}

/**
 * Opens DevTools on `page` and waits until its front-end has loaded its panels (so it is
 * recording the page's network activity, as a user's DevTools would be).
 */
async function openDevToolsWindow(browser: Browser, page: Page): Promise<DevToolsWindow> {
  const session = await browser.newBrowserCDPSession();
  const sessions = new Map<string, TargetSession>();
  session.on('Target.receivedMessageFromTarget', (e) => {
    sessions.get(e.sessionId)?.onMessage(e.message);
  });
  session.on('Target.detachedFromTarget', (e) => {
    sessions.get(e.sessionId)?.failAll('target detached');
  });
  const targets = async (): Promise<TargetInfo[]> =>
    (await session.send('Target.getTargets')).targetInfos;
  const attach = async (targetId: string): Promise<TargetSession> => {
    const { sessionId } = await session.send('Target.attachToTarget', {
      targetId,
      flatten: false,
    });
    const s = new TargetSession(session, sessionId);
    sessions.set(sessionId, s);
    return s;
  };

  const pageSession = await page.context().newCDPSession(page);
  const { targetInfo } = await pageSession.send('Target.getTargetInfo');
  await pageSession.detach();
  const before = new Set((await targets()).map((t) => t.targetId));
  await session.send('Target.openDevTools', { targetId: targetInfo.targetId });
  const devtoolsTarget = await poll('the DevTools window', async () =>
    (await targets()).find((t) => t.url.startsWith('devtools://') && !before.has(t.targetId)),
  );
  const devtools = await attach(devtoolsTarget.targetId);
  await poll('the DevTools front-end to load its panels', () =>
    devtools.evaluate<boolean>(
      `import('./ui/legacy/legacy.js').then((L) =>
        L.InspectorView.InspectorView.instance().tabbedPane.tabIds().length > 0)`,
    ),
  );
  return { session, devtools, devtoolsTarget, before, targets, attach };
}

/** Opens DevTools on `page` without selecting any panel; resolves once it has loaded. */
export async function openDevTools(browser: Browser, page: Page): Promise<void> {
  await openDevToolsWindow(browser, page);
}

/** Opens DevTools on `page`, selects the SSE panel and returns a handle to its document. */
export async function openDevToolsPanel(
  browser: Browser,
  page: Page,
  extensionId: string,
): Promise<DevToolsPanel> {
  const { session, devtools, devtoolsTarget, before, targets, attach } = await openDevToolsWindow(
    browser,
    page,
  );

  const panelId = `chrome-extension://${extensionId}${PANEL_TITLE.replace(/\s/g, '')}`;
  await poll('DevTools to register the SSE panel', () =>
    devtools.evaluate<boolean>(
      `import('./ui/legacy/legacy.js').then((L) =>
        L.InspectorView.InspectorView.instance().tabbedPane.tabIds().includes(${JSON.stringify(panelId)}))`,
    ),
  );
  await devtools.evaluate(`InspectorFrontendAPI.showPanel(${JSON.stringify(panelId)})`);
  const panelUrl = `chrome-extension://${extensionId}/panel.html`;
  const panelTarget = await poll('the SSE panel frame', async () =>
    (await targets()).find(
      (t) => t.url.startsWith(panelUrl) && !before.has(t.targetId) && t.type === 'iframe',
    ),
  );
  const panel = await attach(panelTarget.targetId);
  await poll('the panel app to mount', () =>
    panel.evaluate<boolean>(`document.querySelector('[data-testid=frame-count]') !== null`),
  );

  return {
    evaluate: (expression) => panel.evaluate(expression),
    waitFor: (expression, what, timeoutMs) =>
      poll(what, () => panel.evaluate(expression), timeoutMs),
    evaluateInDevTools: (expression) => devtools.evaluate(expression),
    async screenshot() {
      const { data } = await devtools.send<{ data: string }>('Page.captureScreenshot', {
        format: 'png',
      });
      return Buffer.from(data, 'base64');
    },
    async resize(width, height) {
      await devtools.send('Emulation.setDeviceMetricsOverride', {
        width,
        height,
        deviceScaleFactor: 1,
        mobile: false,
      });
    },
    async close() {
      await session.send('Target.closeTarget', { targetId: devtoolsTarget.targetId });
      await poll('the DevTools window to close', async () =>
        (await targets()).every((t) => t.targetId !== devtoolsTarget.targetId),
      );
      await session.detach();
    },
  };
}
