// Chrome DevTools' own HAR code, run in its front end (devtools_app.html opened as a page of
// the test browser): its importer reads a HAR into network requests, its writer writes them
// back, as the Network panel's "Import HAR" and "Export HAR" do.
import type { BrowserContext, Page } from '@playwright/test';

export interface ChromeRequest {
  url: string;
  resourceType: string;
  messages: { time: number; eventName: string; eventId: string; data: string }[];
}

export async function openDevToolsFrontEnd(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('devtools://devtools/bundled/devtools_app.html');
  return page;
}

/** The requests Chrome DevTools' HAR importer makes of `har`, with their EventSource messages. */
export async function chromeImport(devtools: Page, har: unknown): Promise<ChromeRequest[]> {
  return devtools.evaluate<ChromeRequest[]>(`(async () => {
    const { HARFormat, Importer } = await import('./models/har/har.js');
    const log = new HARFormat.HARRoot(${JSON.stringify(har)}).log;
    return Importer.Importer.requestsFromHARLog(log).map((r) => ({
      url: r.url(),
      resourceType: r.resourceType().name(),
      messages: r.eventSourceMessages().map((m) => ({
        time: m.time, eventName: m.eventName, eventId: m.eventId, data: m.data,
      })),
    }));
  })()`);
}

/** `har` imported by Chrome DevTools and exported again by its HAR writer. */
export async function chromeReexport(devtools: Page, har: unknown): Promise<unknown> {
  return devtools.evaluate(`(async () => {
    const { HARFormat, Importer, Log } = await import('./models/har/har.js');
    const requests = Importer.Importer.requestsFromHARLog(new HARFormat.HARRoot(${JSON.stringify(har)}).log);
    return { log: await Log.Log.build(requests, { sanitize: false }) };
  })()`);
}
