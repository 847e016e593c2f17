// The README's main command (after `npm run build`): starts the scenario server, launches
// Chromium with the built extension and DevTools open on the SSE panel, on the demo page
// (in the language `--lang` names, else the browser's). Runs until the browser window is
// closed or Ctrl-C.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startScenarioServer, type ScenarioServer } from '../test/fixtures/scenario-server';
import { launchWithExtension } from '../test/e2e/support/chromium';
import { openDevToolsPanel } from '../test/e2e/support/devtools-panel';
import { saveDownloadsTo } from '../test/e2e/support/downloads';

const PREFERRED_PORT = 8787;
/** The languages the demo page speaks, as its `?lang=` takes them. */
const DEMO_LANGUAGES = ['en', 'zh_CN', 'ru'];

/** The demo page's language from `--lang`, if given; exits with 2 on a usage error. */
function languageOption(): string | undefined {
  const usage = `usage: npm start [-- --lang ${DEMO_LANGUAGES.join('|')}]`;
  try {
    const { lang } = parseArgs({ options: { lang: { type: 'string' } } }).values;
    if (lang === undefined || DEMO_LANGUAGES.includes(lang)) return lang;
    console.error(`SSE Lens demo: no demo page in "${lang}".\n${usage}`);
  } catch (error) {
    console.error(`SSE Lens demo: ${(error as Error).message}\n${usage}`);
  }
  process.exit(2);
}

const lang = languageOption();

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    [
      'SSE Lens demo: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).',
      'The demo opens a visible Chromium window with DevTools, so it needs a desktop session.',
      'On a headless machine run it under a virtual display:  SSE_LENS_XVFB=1 scripts/demo.sh',
      'To check everything works without a window:           scripts/test.sh',
    ].join('\n'),
  );
  process.exit(1);
}

async function startServer(): Promise<ScenarioServer> {
  try {
    return await startScenarioServer({ port: PREFERRED_PORT });
  } catch {
    return startScenarioServer();
  }
}

/** Where the panel's exports land, under the names the export dialog shows. */
const downloads = resolve(
  process.env.SSE_LENS_DOWNLOADS ?? join(import.meta.dirname, '../exports'),
);
/** Chromium will not start sandboxed as root; anyone else keeps the sandbox (and no infobar). */
const asRoot = process.getuid?.() === 0;

const server = await startServer();
const ext = await launchWithExtension({ headless: false, sandbox: !asRoot });
const browser = ext.context.browser();
if (browser) await saveDownloadsTo(browser, downloads);
const page = ext.context.pages()[0] ?? (await ext.context.newPage());
const demoQuery = lang === undefined ? '?auto=1' : `?auto=1&lang=${lang}`;
await page.goto(`${server.origin}/${demoQuery}`);
if (browser) await openDevToolsPanel(browser, page, ext.extensionId);

console.log(`SSE Lens demo running.
  Demo page:        ${server.origin}/${demoQuery}   (?auto=1 starts the scenarios; ?lang=en|zh_CN|ru)
  Scenario server:  ${server.origin}/sse/... and ${server.origin}/fetch/...
  Exports:          saved to ${downloads}/
  DevTools is open on the SSE panel. Try the "Connection-limit pile-up" card: its text says
  which streams will be stuck in CONNECTING, given what the other cards hold. The chat card
  POSTs your prompt with fetch(): select its row and open the Request tab.${
    asRoot
      ? `
  Running as root: Chromium refuses its sandbox for root, so it runs with --no-sandbox
  (hence the warning bar). Run the demo as an ordinary user to keep the sandbox.`
      : ''
  }
  Close the browser window or press Ctrl-C to stop.`);

const shutdown = async (): Promise<void> => {
  await ext.close().catch(() => undefined);
  await server.close();
  process.exit(0);
};
ext.context.on('close', () => void shutdown());
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown());
