// The SSE panel opened as an ordinary tab (panel.html?tabId=N), where Playwright sees its
// downloads and can set files on its file input: reads rows through the data-testid contract,
// exports through the Export dialog and imports through the Import button.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from '../support/chromium';
import { waitUntil } from '../support/wait-until';

export interface TabConnection {
  url: string;
  kind: string;
  state: string;
  frames: number;
  retries: number;
  /** File name for imported connections. */
  imported: string | null;
}

export interface TabFrame {
  /** URL of the frame's connection. */
  url: string;
  type: string;
  id: string;
  data: string;
  time: string;
}

export interface Downloaded {
  name: string;
  text: string;
  /** The file as written, byte for byte. */
  bytes: Buffer;
  /** For one of several `.sse` files: the URL of the connection it holds. */
  connection: string | null;
}

export type ExportFormatId = 'json' | 'har' | 'sse';

/** A tab id no tab has: a panel for it shows only what is imported. */
export const NO_TAB = 2_000_000_000;

export class PanelTab {
  private constructor(readonly page: Page) {}

  /** A panel tab opened elsewhere (e.g. with deep capture's test build). */
  static of(page: Page): PanelTab {
    return new PanelTab(page);
  }

  static async open(ext: ExtensionBrowser, tabId: number): Promise<PanelTab> {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(`chrome-extension://${ext.extensionId}/panel.html?tabId=${tabId}`);
    await page.locator('[data-testid=frame-count]').waitFor();
    return new PanelTab(page);
  }

  connections(): Promise<TabConnection[]> {
    return this.page.$$eval('[data-testid=connection-row]', (rows) =>
      rows.map((e) => {
        const d = (e as HTMLElement).dataset;
        return {
          url: d.url ?? '',
          kind: d.kind ?? '',
          state: d.state ?? '',
          frames: Number(d.frames),
          retries: Number(d.retries),
          imported: d.imported ?? null,
        };
      }),
    );
  }

  frames(): Promise<TabFrame[]> {
    return this.page.$$eval('[data-testid=frame-row]', (rows) =>
      rows.map((e) => ({
        url: e.querySelector<HTMLElement>('.col-conn')?.title ?? '',
        type: (e as HTMLElement).dataset.type ?? '',
        id: (e as HTMLElement).dataset.eventId ?? '',
        data: e.querySelector('.col-data')?.textContent ?? '',
        time: e.querySelector('.col-time')?.textContent ?? '',
      })),
    );
  }

  async frameCount(): Promise<number> {
    return Number(await this.page.locator('[data-testid=frame-count]').textContent());
  }

  /** Polls `read` until `predicate` holds; returns that value. */
  async until<T>(what: string, read: () => Promise<T>, predicate: (v: T) => boolean): Promise<T> {
    // A background tab gets no animation frames, and the panel renders on them.
    await this.page.bringToFront();
    return waitUntil(what, read, predicate);
  }

  /** Opens the Export dialog, lets `configure` set it up, downloads every file it offers. */
  async export(
    format: ExportFormatId,
    configure: (dialog: Page) => Promise<void> = async () => {},
  ): Promise<Downloaded[]> {
    await this.page.bringToFront();
    await this.page.click('[data-testid=export]');
    await this.page.check(`[data-testid=export-format-${format}]`);
    await configure(this.page);
    const buttons = this.page.locator('[data-testid=export-download]');
    const files: Downloaded[] = [];
    for (let i = 0; i < (await buttons.count()); i++) {
      const [download] = await Promise.all([
        this.page.waitForEvent('download'),
        buttons.nth(i).click(),
      ]);
      const bytes = await readFile(await download.path());
      files.push({
        name: download.suggestedFilename(),
        text: bytes.toString('utf8'),
        bytes,
        connection: await buttons.nth(i).getAttribute('data-connection'),
      });
    }
    await this.page.click('[data-testid=export-close]');
    return files;
  }

  /** Imports a file through the Import button; resolves to the status or error notice text. */
  async import(name: string, text: string): Promise<{ ok: boolean; text: string }> {
    await this.page.bringToFront();
    await this.page.setInputFiles('[data-testid=import-file]', {
      name,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(text),
    });
    const notice = this.page.locator('[data-testid=import-status], [data-testid=import-error]');
    await notice.waitFor();
    const ok = (await notice.getAttribute('data-testid')) === 'import-status';
    const message = (await notice.textContent()) ?? '';
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    return { ok, text: message };
  }

  async clear(): Promise<void> {
    await this.page.bringToFront();
    await this.page.click('[data-testid=clear]');
  }
}
