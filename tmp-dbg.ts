import { chromium } from '@playwright/test';
import { startScenarioServer } from './test/fixtures/scenario-server';
import { launchWithExtension } from './test/e2e/support/chromium';
const server = await startScenarioServer();
for (const withExt of [false, true]) {
  const ext = withExt ? await launchWithExtension({ extraArgs: [] }) : null;
  const b = ext ? null : await chromium.launch({ executablePath: '/usr/lib/chromium/chromium' });
  const page = ext ? await ext.context.newPage() : await b!.newPage();
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message, e.stack));
  page.on('console', (m) => console.log('CONSOLE', m.text()));
  await page.goto(`${server.origin}/hostile`);
  await new Promise((r) => setTimeout(r, 1500));
  console.log(withExt, await page.locator('html').getAttribute('data-report'));
  if (ext) await ext.close(); else await b!.close();
}
await server.close();
