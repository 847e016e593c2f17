// Drives Firefox's real DevTools toolbox and the SSE panel inside it, for the Firefox panel
// suite and the Firefox screenshots. Every Firefox internal the tests rely on (Marionette's
// chrome context, gDevTools, the toolbox's panel iframe, a frame script in the panel's
// <browser>) lives in this file, so a Firefox update is one fix.
//
// The panel page runs in the extension process, out of the reach of chrome-context code, so
// a frame script loaded into its <browser> evaluates expressions there and sends back JSON.
// Page-world code runs through the page's own `eval` (the test pages have no CSP), so it sees
// the page's (hooked) EventSource, fetch and XMLHttpRequest exactly as page scripts do.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PANEL_TITLE } from '../../src/protocol/constants';
import { firefoxPath } from './firefox';
import { MarionetteClient } from './marionette';
import { waitFor } from './suite';

const MESSAGE_EVALUATE = 'sse-lens-test:evaluate';
const MESSAGE_RESULT = 'sse-lens-test:result';
const START_TIMEOUT_MS = 30_000;

/**
 * Loaded into the panel's <browser>: evaluates an expression in a sandbox whose prototype is
 * the panel's window (Xrays off, so it sees the panel's DOM and JS as the panel does, and the
 * extension page's CSP, which forbids eval, does not apply) and replies with its JSON.
 */
const FRAME_SCRIPT = `
addMessageListener(${JSON.stringify(MESSAGE_EVALUATE)}, ({ data: { id, expression } }) => {
  const reply = (result) => sendAsyncMessage(${JSON.stringify(MESSAGE_RESULT)}, { id, ...result });
  try {
    const sandbox = Cu.Sandbox(content, { sandboxPrototype: content, wantXrays: false });
    const pending = Cu.evalInSandbox(
      '(async () => JSON.stringify(await (' + expression + ')))()', sandbox);
    pending.then((json) => reply({ json }), (error) => reply({ error: String(error) }));
  } catch (error) {
    reply({ error: String(error) });
  }
});`;

/** Chrome-context prelude: the toolbox of the selected tab, and the SSE panel's <browser>. */
const CHROME_PRELUDE = `
const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
const { gDevTools } = require('devtools/client/framework/devtools');
const win = Services.wm.getMostRecentWindow('navigator:browser');
const sleep = (ms) => new Promise((r) => win.setTimeout(r, ms));
const toolboxOfTab = () => gDevTools.getToolboxForTab(win.gBrowser.selectedTab);
const panelBrowser = (toolbox, toolId) => {
  const frame = toolbox?.doc.getElementById('toolbox-panel-iframe-' + toolId);
  const browser = frame?.contentDocument?.querySelector('browser');
  if (!browser) throw new Error('the SSE panel is not built in the selected tab\\'s toolbox');
  return browser;
};`;

export interface FirefoxPanel {
  /** Evaluates an expression (promises awaited) in the SSE panel's document; its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Polls an expression in the panel until it returns a truthy value; returns that value. */
  waitFor<T>(expression: string, what: string, timeoutMs?: number): Promise<T>;
  /** PNG of the browser window: the page with the toolbox docked below, the panel selected. */
  screenshot(): Promise<Buffer>;
}

export interface FirefoxTab {
  navigate(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Evaluates a page-world expression and returns its JSON value (no promises). */
  evaluate<T>(expression: string): Promise<T>;
  /** Opens the toolbox on this tab and selects the SSE panel (waits for it to render). */
  openPanel(): Promise<FirefoxPanel>;
  close(): Promise<void>;
}

export interface FirefoxToolbox {
  /** Where the panel's downloads (exports) are saved. */
  downloads: string;
  /** Installs an unpacked extension as a temporary add-on; resolves to its id. */
  install(extensionDir: string): Promise<string>;
  /** Opens a new tab (selected) at `url`. */
  openTab(url: string): Promise<FirefoxTab>;
  /** Switches DevTools to a theme, as the toolbox's settings do. */
  setTheme(theme: 'light' | 'dark'): Promise<void>;
  /** Sizes the browser window (CSS px) and the docked toolbox's height. */
  resize(width: number, height: number, toolboxHeight: number): Promise<void>;
  close(): Promise<void>;
}

type Context = 'chrome' | 'content';

class Session {
  private context: Context = 'content';

  /** `handle` is the tab Marionette acts on; `home`, the first tab, is never closed. */
  constructor(
    readonly client: MarionetteClient,
    private handle: string,
    private readonly home: string,
  ) {}

  private async use(context: Context, handle?: string): Promise<void> {
    // Tab handles are content-context handles: switch tabs from the content context.
    if (handle !== undefined && handle !== this.handle) {
      await this.setContext('content');
      await this.client.send('WebDriver:SwitchToWindow', { handle, focus: true });
      this.handle = handle;
    }
    await this.setContext(context);
  }

  private async setContext(context: Context): Promise<void> {
    if (context === this.context) return;
    await this.client.send('Marionette:SetContext', { value: context });
    this.context = context;
  }

  /** Runs an async function body in the chrome context, after selecting tab `handle`. */
  async chrome<T>(handle: string | undefined, body: string, args: unknown[] = []): Promise<T> {
    await this.use('chrome', handle);
    const script = `const resolve = arguments[arguments.length - 1];
      (async (...args) => { ${CHROME_PRELUDE}\n${body} })(...Array.from(arguments).slice(0, -1))
        .then((value) => resolve({ value }), (e) => resolve({ error: String(e) }));`;
    const { value } = await this.client.send<{ value: { value?: T; error?: string | null } }>(
      'WebDriver:ExecuteAsyncScript',
      { script, args },
    );
    if (typeof value.error === 'string') throw new Error(value.error);
    return value.value as T;
  }

  async content<T>(handle: string, command: string, params: Record<string, unknown>) {
    await this.use('content', handle);
    return this.client.send<T>(command, params);
  }

  async newTab(): Promise<string> {
    // NewWindow needs a current tab that still exists.
    await this.use('content', this.home);
    const { handle } = await this.client.send<{ handle: string }>('WebDriver:NewWindow', {
      type: 'tab',
      focus: true,
    });
    return handle;
  }

  async closeTab(handle: string): Promise<void> {
    await this.use('content', handle);
    await this.client.send('WebDriver:CloseWindow');
    await this.use('content', this.home);
  }
}

async function openPanelIn(session: Session, handle: string): Promise<FirefoxPanel> {
  const toolId = await session.chrome<string>(
    handle,
    `const [title, frameScript] = args;
    const toolbox = await gDevTools.showToolboxForTab(win.gBrowser.selectedTab);
    const deadline = Date.now() + 10000;
    let tool;
    while (!(tool = toolbox.getAdditionalTools().find((t) => t.label === title))) {
      if (Date.now() > deadline) {
        const labels = toolbox.getAdditionalTools().map((t) => t.label);
        throw new Error('no "' + title + '" panel in the toolbox after 10 s; extension panels: ' +
          JSON.stringify(labels));
      }
      await sleep(25);
    }
    await toolbox.selectTool(tool.id);
    const browser = panelBrowser(toolbox, tool.id);
    while (browser.remoteType !== 'extension' || !browser.currentURI.spec.startsWith('moz-extension:')) {
      if (Date.now() > deadline) throw new Error('the SSE panel page did not load: ' + browser.currentURI.spec);
      await sleep(25);
    }
    browser.messageManager.loadFrameScript('data:,' + encodeURIComponent(frameScript), true);
    return tool.id;`,
    [PANEL_TITLE, FRAME_SCRIPT],
  );
  let nextId = 1;
  const evaluate = async <T>(expression: string): Promise<T> => {
    // Marionette turns an absent field into null.
    const reply = await session.chrome<{ json: string | null; error: string | null }>(
      handle,
      `const [toolId, id, expression, evaluateMessage, resultMessage] = args;
      const mm = panelBrowser(toolboxOfTab(), toolId).messageManager;
      return new Promise((resolve) => {
        const listener = ({ data }) => {
          if (data.id !== id) return;
          mm.removeMessageListener(resultMessage, listener);
          resolve({ json: data.json, error: data.error });
        };
        mm.addMessageListener(resultMessage, listener);
        mm.sendAsyncMessage(evaluateMessage, { id, expression });
      });`,
      [toolId, nextId++, expression, MESSAGE_EVALUATE, MESSAGE_RESULT],
    );
    if (reply.error !== null) {
      throw new Error(`evaluate in the SSE panel failed: ${reply.error}\n  of: ${expression}`);
    }
    return (reply.json === null ? undefined : JSON.parse(reply.json)) as T;
  };
  const panel: FirefoxPanel = {
    evaluate,
    waitFor: <T>(expression: string, what: string, timeoutMs = 15_000) =>
      waitFor(what, () => evaluate<T>(expression), Boolean, timeoutMs),
    async screenshot() {
      // Wait for the browser window and the toolbox to paint what changed (e.g. a theme).
      await session.chrome(
        handle,
        `for (const w of [win, toolboxOfTab()?.win]) {
          if (w) await new Promise((r) => w.requestAnimationFrame(() => w.setTimeout(r, 0)));
        }`,
      );
      const { value } = await session.client.send<{ value: string }>('WebDriver:TakeScreenshot', {
        full: false,
        hash: false,
      });
      return Buffer.from(value, 'base64');
    },
  };
  await panel.waitFor(
    'document.querySelector("[data-testid=frame-count]") !== null',
    'the panel to render',
  );
  return panel;
}

function tabOf(session: Session, handle: string): FirefoxTab {
  return {
    async navigate(url) {
      await session.content(handle, 'WebDriver:Navigate', { url });
    },
    async reload() {
      await session.content(handle, 'WebDriver:Refresh', {});
    },
    async evaluate<T>(expression: string) {
      const { value } = await session.content<{ value: string | null }>(
        handle,
        'WebDriver:ExecuteScript',
        {
          script: 'return window.eval(arguments[0]);',
          args: [`JSON.stringify(${expression})`],
        },
      );
      return (value === null ? undefined : JSON.parse(value)) as T;
    },
    openPanel: () => openPanelIn(session, handle),
    async close() {
      await session.closeTab(handle);
    },
  };
}

function writePrefs(profile: string, downloads: string): void {
  const prefs: Record<string, string | number | boolean> = {
    'marionette.port': 0,
    'browser.shell.checkDefaultBrowser': false,
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    // Exports are `<a download>` clicks: save them to `downloads` without asking.
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
    'devtools.toolbox.host': 'bottom',
    'devtools.theme': 'light',
  };
  const lines = Object.entries(prefs).map(
    ([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`,
  );
  writeFileSync(join(profile, 'user.js'), lines.join('\n') + '\n');
}

async function stopped(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts headless Firefox ESR with Marionette (chrome context allowed) in a fresh profile. */
export async function launchFirefoxToolbox(): Promise<FirefoxToolbox> {
  const executablePath = firefoxPath();
  const profile = mkdtempSync(join(tmpdir(), 'sse-lens-firefox-toolbox-'));
  const downloads = join(profile, 'downloads');
  mkdirSync(downloads);
  writePrefs(profile, downloads);
  const output: string[] = [];
  const child = spawn(
    executablePath,
    [
      '--headless',
      '--marionette',
      '--remote-allow-system-access',
      '--no-remote',
      '--profile',
      profile,
      'about:blank',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const portFile = join(profile, 'MarionetteActivePort');
  // Should Node exit first (a watchdog's process.exit), take Firefox and its profile along.
  const killNow = (): void => {
    child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  };
  process.once('exit', killNow);
  const stop = async (): Promise<void> => {
    process.off('exit', killNow);
    child.kill('SIGTERM');
    if (!(await stopped(child, 5_000))) child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  };
  let session: Session;
  try {
    const port = await waitFor(
      `Firefox to start Marionette (${portFile})`,
      () => Promise.resolve(existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : 0),
      (p) => p > 0 || child.exitCode !== null,
      START_TIMEOUT_MS,
    );
    if (child.exitCode !== null) throw new Error(`Firefox exited with code ${child.exitCode}`);
    const client = await MarionetteClient.connect(port);
    await client.send('WebDriver:NewSession', { capabilities: {} });
    await client.send('WebDriver:SetTimeouts', { script: 60_000 });
    const { value: home } = await client.send<{ value: string }>('WebDriver:GetWindowHandle');
    session = new Session(client, home, home);
  } catch (error) {
    await stop();
    const log = output.join('').trim().split('\n').slice(-10).join('\n');
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\nFirefox said:\n${log}`,
      { cause: error },
    );
  }
  return {
    downloads,
    async install(extensionDir) {
      if (!existsSync(join(extensionDir, 'manifest.json'))) {
        throw new Error(`No extension in ${extensionDir}: run \`npm run build\` first.`);
      }
      const { value } = await session.client.send<{ value: string }>('Addon:Install', {
        path: extensionDir,
        temporary: true,
      });
      return value;
    },
    async openTab(url) {
      const handle = await session.newTab();
      const tab = tabOf(session, handle);
      await tab.navigate(url);
      return tab;
    },
    async setTheme(theme) {
      await session.chrome(undefined, `Services.prefs.setCharPref('devtools.theme', args[0]);`, [
        theme,
      ]);
    },
    async resize(width, height, toolboxHeight) {
      await session.chrome(
        undefined,
        `Services.prefs.setIntPref('devtools.toolbox.footer.height', args[0]);`,
        [toolboxHeight],
      );
      await session.client.send('WebDriver:SetWindowRect', { width, height });
    },
    async close() {
      try {
        await session.client
          .send('Marionette:Quit', { flags: ['eForceQuit'] })
          .catch(() => undefined);
        session.client.close();
      } finally {
        await stop();
      }
    },
  };
}
