// The panel in Simplified Chinese and in Russian: chosen in the settings popover, shown at
// once and remembered when the panel opens again. With streams captured and a full pool, the
// toolbar, the connections, the budget warning, the frames table, the timeline's header and a
// connection's details speak the chosen language, and none of the English phrases of the
// translated components is left on screen. Words made outside the panel are translated too:
// how the pool's protocol was learned, and why an import failed.
import type { MessageKey } from '../../panel/i18n/en';
import { expect, test } from './support/fixtures';
import { englishPhrases, leftovers } from './support/english-leftovers';
import type { PanelView } from './support/panel-view';

test.afterEach(({ server }) => server.reset());

const holds = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => `/sse/hold?key=${tag}&n=${i + 1}`);

/** The translated components' keys whose English must not be left on screen. */
const TRANSLATED = [
  'toolbar.',
  'filter.',
  'deep.',
  'conn.',
  'state.',
  'budget.',
  'fix.',
  'frames.',
  'stats.',
  'timeline.',
  'detail.',
  'details.',
  'attempts.',
  'transition.',
];
/** Same in every language (an EventSource is an EventSource). */
const SAME: MessageKey[] = ['budget.queuedSources', 'budget.summaryProblems'];

const text = (selector: string) =>
  `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.innerText).join('\\n')`;

/**
 * Picks the language in the settings popover. Its gear is in the timeline header, which shows
 * once the panel has a connection: the budget's pools can arrive before the connections do.
 */
async function chooseLanguage(panel: PanelView, locale: string): Promise<void> {
  await panel.devtools.waitFor<boolean>(
    `document.querySelector('[data-testid=memory-settings]') !== null`,
    'the settings gear',
  );
  await panel.click('memory-settings');
  await panel.devtools.evaluate(`(() => {
    const select = document.querySelector('[data-testid=language-select]');
    select.value = ${JSON.stringify(locale)};
    select.dispatchEvent(new Event('change', { bubbles: true }));
  })()`);
}

/**
 * Everything the translated parts of the panel show, with the "How to fix" list open and an
 * open connection selected (its Connection tab in the detail pane, its empty frames table).
 */
async function shownText(panel: PanelView): Promise<string> {
  const d = panel.devtools;
  await d.evaluate(`document.querySelector('.budget-help').open = true`);
  await d.evaluate(
    `document.querySelector('[data-testid=connection-row][data-state=open]').click()`,
  );
  await d.waitFor<boolean>(
    `document.querySelector('[data-testid=connection-details]') !== null`,
    'the connection tab of the selected stream',
  );
  return d.evaluate<string>(
    text(
      '.toolbar, .budget-head, [data-testid=budget-warning], .connections, .frames, ' +
        '.stats-strip, .timeline-head, [data-testid=detail-pane]',
    ),
  );
}

// The protocol may not be learned yet when the pool fills (then HTTP/1.1 is assumed, and said).
const cases = [
  {
    locale: 'zh_CN',
    lang: 'zh-CN',
    preserveLog: '保留日志',
    warning: [
      /已使用 6 个(?: HTTP\/1\.1 )?连接，上限为 6 个/,
      /2 个 EventSource 正在排队/,
      '如何解决',
    ],
    badges: ['已打开', '排队中'],
    details: ['状态变化', '已创建（readyState CONNECTING）', '此连接尚无帧。'],
    protocolSource: /^协议的获知方式：(?:在导航到 http:\/\/\S+ 时发现使用 http\/1\.1|尚未获知：)/,
    importError: '无法导入 bad.json：format：应为 "sse-lens-capture"',
  },
  {
    locale: 'ru',
    lang: 'ru',
    preserveLog: 'Сохранять журнал',
    warning: [/занято 6 из 6 соединений/, /2 EventSource в очереди и ждут/, 'Как исправить'],
    badges: ['открыто', 'в очереди'],
    details: [
      'Смены состояния',
      'создано (readyState CONNECTING)',
      'В этом соединении кадров пока нет.',
    ],
    protocolSource:
      /^Как определён протокол: (?:http\/1\.1 замечен при переходе на http:\/\/\S+|пока не определён: )/,
    importError: 'Не удалось импортировать bad.json: format: ожидается "sse-lens-capture"',
  },
];

for (const c of cases) {
  test(`the panel in ${c.locale}: chosen in the settings, remembered, nothing left in English`, async ({
    watch,
    openPanel,
  }) => {
    const { page, panel } = await watch(holds(8, `i18n-${c.locale}`));
    await panel.waitForPools('a full pool', (p) => p[0]?.queued === 2);
    const d = panel.devtools;
    expect(await d.evaluate(text('.toolbar label.check'))).toBe('Preserve log');

    await chooseLanguage(panel, c.locale);
    await d.waitFor<boolean>(
      `document.documentElement.lang === ${JSON.stringify(c.lang)}`,
      `the panel in ${c.locale}`,
    );
    expect(await d.evaluate(`localStorage.getItem('sse-lens.locale')`)).toBe(c.locale);
    expect(await d.evaluate(text('.toolbar label.check'))).toBe(c.preserveLog);
    await panel.waitForConnections(
      'the queued rows',
      (r) => r.filter((x) => x.queued).length === 2,
    );
    const warning = (await panel.budgetWarning()) ?? '';
    for (const want of c.warning) expect(warning).toMatch(want);
    const badges = (await panel.connections()).map((r) => r.badge);
    for (const badge of c.badges) expect(badges).toContain(badge);

    const shown = await shownText(panel);
    for (const words of c.details) expect(shown).toContain(words);
    expect(leftovers(shown, englishPhrases(TRANSLATED, SAME))).toEqual([]);

    // How the pool's protocol was learned (the content script's words, keyed) …
    const protocolTitle = await d.evaluate<string>(
      `document.querySelector('[data-testid=pool-row] .pool-cell[title]')?.title ?? ''`,
    );
    expect(protocolTitle).toMatch(c.protocolSource);
    // … and why an import failed (the importer's words, keyed) are in the chosen language.
    await d.evaluate(`(() => {
      const input = document.querySelector('[data-testid=import-file]');
      const files = new DataTransfer();
      files.items.add(new File(['{"format":"other"}'], 'bad.json'));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    })()`);
    await d.waitFor<boolean>(
      `document.querySelector('[data-testid=import-error]') !== null`,
      'the import error',
    );
    expect(await d.evaluate(text('[data-testid=import-error] .text'))).toBe(c.importError);

    // Remembered: the panel opened again speaks the chosen language from the start.
    await d.close();
    const again = await openPanel(page);
    await again.devtools.waitFor<boolean>(
      `document.querySelector('.toolbar label.check')?.innerText === ${JSON.stringify(c.preserveLog)}`,
      'the toolbar in the remembered language',
    );
  });
}

test('the timeline draws its labels in the new language at once', async ({ watch }) => {
  // One reconnect: its gap carries a drawn label ("retry 400 ms").
  const { page, panel } = await watch(['/sse/cut?count=2&retry=400&key=i18n-tl']);
  await page.waitForFunction(() => (window as { __received?: unknown[] }).__received?.length === 4);
  await page.evaluate(() => {
    for (const s of (window as { __sources?: EventSource[] }).__sources ?? []) s.close();
  });
  await panel.waitForConnections('the closed stream', (r) => r[0]?.state === 'closed');
  const d = panel.devtools;
  const drawn = `document.querySelector('[data-testid=timeline]').toDataURL()`;
  await d.waitFor<boolean>(
    `(() => { const a = ${drawn}; return new Promise((r) => setTimeout(() => r(a === ${drawn}), 300)); })()`,
    'the timeline at rest',
  );
  const before = await d.evaluate<string>(drawn);
  await chooseLanguage(panel, 'ru');
  // Nothing else changes: the capture is over, so only the language can redraw the lanes.
  await d.waitFor<boolean>(
    `${drawn} !== ${JSON.stringify(before)}`,
    'the lanes redrawn in Russian',
  );
});
