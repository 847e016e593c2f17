// Redaction of a secret too short to hunt for inside other words (issue 8): in the real export
// dialog, a 5-character `?token=` value goes wherever it stands as a whole word (event IDs,
// Last-Event-ID, JSON values), stays inside longer words, and the dialog names its rule.
import { NO_TAB, PanelTab } from './export/panel-tab';
import { expect, test } from './support/fixtures';

const SHORT = 'ab12x';

function capture(): string {
  const t = 1_763_000_000_000;
  const frame = (n: number, id: string, data: string) => ({
    t: t + n,
    type: 'message',
    id,
    data,
    source: 'dispatch',
  });
  return JSON.stringify({
    format: 'sse-lens-capture',
    version: 1,
    exportedAt: t + 100,
    generator: { name: 'test', version: '1' },
    scope: 'all',
    redaction: null,
    evicted: 0,
    connections: [
      {
        id: 'c1',
        url: `https://api.test/feed?token=${SHORT}`,
        kind: 'eventsource',
        withCredentials: false,
        page: { url: null },
        frame: { url: 'https://app.test/', top: true },
        createdAt: t,
        closedAt: null,
        state: 'open',
        stack: '',
        listenedTypes: [],
        transitions: [
          { t, readyState: 0, cause: 'create' },
          { t: t + 1, readyState: 1, cause: 'open' },
        ],
        attempts: [
          { start: t, open: t + 1, end: null, outcome: 'ongoing', retryMs: null, lastEventId: '' },
        ],
        received: 2,
        frames: [
          frame(2, SHORT, `{"echo":"${SHORT}"}`),
          frame(3, SHORT, `inside xab12xy and alone ${SHORT}.`),
        ],
      },
    ],
  });
}

test('a short secret is removed as a whole word everywhere, and the dialog says so', async ({
  ext,
}) => {
  const panel = await PanelTab.open(ext, NO_TAB);
  expect((await panel.import('short.json', capture())).ok).toBe(true);
  const files = await panel.export('json', async (dialog) => {
    await dialog.check('[data-testid=redact-query]');
    const warning = dialog.locator('[data-testid=redact-short-warning]');
    await expect(warning).toContainText('A secret is shorter than 6 characters');
    await expect(warning).toContainText(
      'query parameter "token": 5 characters, 4 other copies replaced',
    );
    await expect(dialog.locator('[data-testid=export-preview]')).not.toContainText(`"${SHORT}"`);
  });
  const text = files.map((f) => f.text).join('\n');
  expect(text.replaceAll('xab12xy', '')).not.toContain(SHORT);
  expect(text).toContain('inside xab12xy and alone REDACTED.');
  expect(text).toContain('"id": "REDACTED"');
});

test('the export dialog fits its window at 1400 and 480 px, every option in view', async ({
  ext,
}) => {
  const panel = await PanelTab.open(ext, NO_TAB);
  expect((await panel.import('short.json', capture())).ok).toBe(true);
  await panel.export('sse', async (dialog) => {
    await dialog.check('[data-testid=redact-query]');
    for (const width of [1400, 480]) {
      await dialog.setViewportSize({ width, height: 900 });
      const overflow = await dialog.evaluate(() => {
        const box = document.querySelector('.export-dialog');
        if (!box) return ['no dialog'];
        const right = box.getBoundingClientRect().right;
        return [...box.querySelectorAll('fieldset, label, input, textarea, span')]
          .filter((e) => e.getBoundingClientRect().right > right + 0.5)
          .map((e) => `${e.tagName} ${(e.textContent ?? '').slice(0, 30)}`);
      });
      expect(overflow, `past the dialog's right edge at ${width} px`).toEqual([]);
    }
  });
});
