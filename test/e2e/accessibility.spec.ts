// Accessibility of the real panel, in the light and the dark theme. axe-core runs inside the
// DevTools panel with streams captured, the budget list open, a frame selected and each detail
// tab shown (Conversation included): no serious or critical violation, and every rule hit at
// any impact is printed. Then the keyboard alone walks the toolbar, the connection list, the
// timeline, the frames table and the detail tabs, and each focused control shows an outline
// that stands out from what is behind it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { LLM_E2E_PATH } from '../fixtures/scenarios/llm-e2e';
import { PanelTab } from './export/panel-tab';
import { expect, test } from './support/fixtures';
import { llmRequestBody, openAiChatFrames, postAndRead } from './support/llm-streams';
import { testPage } from './support/pages';
import type { PanelView } from './support/panel-view';
import { pointAtTick } from './support/timeline';
import { waitUntil } from './support/wait-until';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const THEMES = [
  { theme: 'light', args: [] as string[] },
  { theme: 'dark', args: ['--force-dark-mode'] as string[] },
] as const;

const COUNTER = '/sse/counter?count=5&interval=10&key=a11y';
const NAMED = '/sse/named?count=6&interval=5&key=a11y';

/** What has focus in the panel page, and how its focus ring looks against what is behind it. */
interface Focused {
  /** `data-testid`, else `aria-label`, else role, else tag and class. */
  what: string;
  role: string | null;
  outline: string;
  /** Contrast of the outline colour with the nearest opaque background behind it. */
  contrast: number;
}

const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const rgb = (c) => (c.match(/[\\d.]+/g) ?? []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  let bg = null;
  // A ring drawn inside the element sits on its background, one drawn outside on its parent's.
  const inside = parseFloat(style.outlineOffset) < 0;
  for (let a = inside ? el : el.parentElement; a && !bg; a = a.parentElement) {
    const c = rgb(getComputedStyle(a).backgroundColor);
    if (c.length === 3 || c[3] > 0) bg = c;
  }
  const [hi, lo] = [lum(rgb(style.outlineColor)), lum(bg ?? [255, 255, 255])].sort((x, y) => y - x);
  const label = el.getAttribute('aria-label');
  return {
    what: el.dataset.testid ?? label ?? el.getAttribute('role') ?? el.tagName.toLowerCase() + '.' + el.className,
    role: el.getAttribute('role'),
    outline: style.outlineStyle === 'none' ? 'none' : style.outlineWidth + ' ' + style.outlineStyle,
    contrast: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
  };
})()`;

interface Violation {
  id: string;
  impact: string | null;
  nodes: number;
  /** Selectors of the offending nodes (with colours and ratio for color-contrast). */
  targets: string[];
}

/** Opens the test page's two streams and one LLM fetch stream; waits until all are shown. */
async function capture(page: Page, panel: PanelView, origin: string): Promise<string> {
  await page.goto(testPage(origin, [COUNTER, NAMED], ['update']));
  const llm = `${origin}${LLM_E2E_PATH}`;
  await postAndRead(page, llm, llmRequestBody('gpt-a11y', openAiChatFrames()));
  await panel.waitForConnections(
    "the counter's five frames, the named stream's four listened ones and the whole LLM stream",
    (rows) =>
      rows.length === 3 &&
      rows.some((r) => r.url.endsWith(COUNTER) && r.frames === 5) &&
      rows.some((r) => r.url.endsWith(NAMED) && r.frames === 4) &&
      rows.some((r) => r.url === llm && r.state === 'closed'),
  );
  return llm;
}

/** Runs axe-core over the panel's document as it is now. */
function runAxe(panel: PanelView): Promise<Violation[]> {
  return panel.devtools.evaluate<Violation[]>(`(async () => {
    if (!window.axe) (0, eval)(${JSON.stringify(AXE_SOURCE)});
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
      targets: v.nodes.map((n) => {
        const contrast = n.any[0]?.data?.contrastRatio;
        const colours = contrast ? ' ' + n.any[0].data.fgColor + ' on ' + n.any[0].data.bgColor + ' ' + contrast + ':1' : '';
        return n.target.join(' ') + colours;
      }) }));
  })()`);
}

/** Shows detail tab `id` and waits until the pane shows it. */
async function showTab(panel: PanelView, id: string): Promise<void> {
  await panel.click(`tab-${id}`);
  await panel.devtools.waitFor<boolean>(
    `document.querySelector('[data-testid=detail-pane]')?.dataset.tab === ${JSON.stringify(id)}`,
    `the ${id} tab`,
  );
}

/** Clicks the first frame row of the connection whose URL starts with `url`. */
async function selectFrameOf(panel: PanelView, url: string): Promise<void> {
  await panel.devtools.evaluate(`(() => {
    const key = [...document.querySelectorAll('[data-testid=connection-row]')]
      .find((r) => r.dataset.url.startsWith(${JSON.stringify(url)})).dataset.url;
    const row = [...document.querySelectorAll('[data-testid=frame-row]')]
      .find((r) => r.querySelector('.col-conn').title === key);
    row.click();
  })()`);
  await panel.devtools.waitFor<boolean>(
    `document.querySelector('[data-testid=detail-pane]')?.dataset.frame !== undefined`,
    'the selected frame in the detail pane',
  );
}

for (const { theme, args } of THEMES) {
  test.describe(`${theme} theme`, () => {
    test.use({ chromiumArgs: args });

    test(`axe finds no serious or critical violation in the panel (${theme})`, async ({
      blankPanel,
      server,
    }, testInfo) => {
      const { page, panel } = await blankPanel();
      const llm = await capture(page, panel, server.origin);
      expect(await panel.devtools.evaluate(`document.documentElement.dataset.theme`)).toBe(theme);

      const found = new Map<string, Violation[]>();
      const audit = async (state: string): Promise<void> => {
        found.set(state, await runAxe(panel));
      };
      // The budget list and one pool's members, open.
      await panel.devtools.evaluate(`(() => {
        const toggle = document.querySelector('.budget-toggle');
        if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
        document.querySelector('[data-testid=pool-row] [aria-expanded]').click();
      })()`);
      await panel.devtools.waitFor<boolean>(
        `document.querySelector('.pool-members:not([hidden])') !== null`,
        'the pool members table',
      );
      await audit('overview, budget open');

      await selectFrameOf(panel, `${server.origin}${NAMED}`);
      for (const tab of ['raw', 'json', 'connection']) {
        await showTab(panel, tab);
        await audit(`named-event frame, ${tab} tab`);
      }
      await selectFrameOf(panel, llm);
      for (const tab of ['request', 'conversation']) {
        await showTab(panel, tab);
        await audit(`LLM frame, ${tab} tab`);
      }
      await panel.devtools.waitFor<boolean>(
        `document.querySelector('[data-testid=conversation-text]')?.textContent.length > 0`,
        'the assembled answer',
      );
      await audit('LLM frame, conversation assembled');

      const lines = [...found].flatMap(([state, violations]) => [
        `${theme} · ${state}: ${violations.length === 0 ? 'no violations' : ''}`,
        ...violations.map(
          (v) => `  ${v.id} (${v.impact ?? 'none'}): ${v.nodes} node(s) ${v.targets.join(' | ')}`,
        ),
      ]);
      console.log(lines.join('\n'));
      await testInfo.attach(`axe-${theme}.txt`, { body: lines.join('\n') });

      const severe = [...found].flatMap(([state, violations]) =>
        violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${state}: ${v.id} (${v.impact}) ${v.targets.join(' | ')}`),
      );
      expect(severe).toEqual([]);
    });

    test(`the keyboard reaches the toolbar, connections, timeline, table and detail tabs, with a visible focus ring (${theme})`, async ({
      ext,
      blankPanel,
      server,
    }) => {
      const { page, panel } = await blankPanel();
      await capture(page, panel, server.origin);
      // The panel as a tab, where Playwright's keyboard types into it like a user.
      const tab = await PanelTab.open(ext, await ext.tabIdOf(page));
      const p = tab.page;
      await p.emulateMedia({ colorScheme: theme });
      await expect(p.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(p.locator('[data-testid=connection-row]')).toHaveCount(3);

      const stops: Focused[] = [];
      const focused = async (): Promise<Focused> => {
        const f = await p.evaluate<Focused | null>(FOCUSED);
        if (!f) throw new Error('nothing has focus');
        return f;
      };
      /** Tabs on until `done` holds for the focused element; returns it. */
      const tabUntil = async (what: string, done: (f: Focused) => boolean): Promise<Focused> => {
        for (let i = 0; i < 60; i++) {
          await p.keyboard.press('Tab');
          const f = await focused();
          stops.push(f);
          if (done(f)) return f;
        }
        throw new Error(`Tab never reached ${what}; stops: ${stops.map((s) => s.what).join(', ')}`);
      };

      await tabUntil('the export button', (f) => f.what === 'export');
      for (const id of [
        'record-toggle',
        'clear',
        'preserve-log',
        'deep-capture-toggle',
        'kind-filter',
        'import',
      ]) {
        expect(stops.map((s) => s.what)).toContain(id);
      }
      expect(stops.some((s) => s.what.startsWith('Filter frames'))).toBe(true);

      // One stop for the connection list; arrows move within it, Enter selects.
      const list = await tabUntil('the connection list', (f) => f.role === 'option');
      expect(list.what).toBe('option');
      await p.keyboard.press('ArrowDown');
      const second = await focused();
      expect(second.what).toBe('connection-row');
      stops.push(second);
      await p.keyboard.press('Enter');
      await expect(p.locator('[data-testid=connection-row]:focus')).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await p.keyboard.press('Enter');
      await expect(p.locator('[data-testid=connection-row]:focus')).toHaveAttribute(
        'aria-selected',
        'false',
      );

      await tabUntil('the timeline', (f) => f.what === 'timeline');
      // One stop for the table: a row; Down selects the next row and focus follows it.
      const row = await tabUntil('the frames table', (f) => f.what === 'frame-row');
      expect(stops.filter((s) => s.role === 'option')).toHaveLength(2);
      expect(row.what).toBe('frame-row');
      await p.keyboard.press('ArrowDown');
      await expect(p.locator('[data-testid=frame-row]:focus')).toHaveAttribute(
        'aria-selected',
        'true',
      );
      stops.push(await focused());

      // The detail tabs: the shown tab is the stop; Right shows the next one and focuses it.
      const shownTab = await tabUntil('the detail tabs', (f) => f.role === 'tab');
      expect(shownTab.what).toBe('tab-raw');
      const nextTab = (await p.locator('[role=tab]').nth(1).getAttribute('data-testid')) ?? '';
      await p.keyboard.press('ArrowRight');
      await expect(p.locator('[data-testid=detail-pane]')).toHaveAttribute(
        'data-tab',
        nextTab.replace('tab-', ''),
      );
      const next = await focused();
      expect(next.what).toBe(nextTab);
      stops.push(next);
      await tabUntil('the tab panel', (f) => f.role === 'tabpanel');

      console.log(
        `${theme} · focus stops:\n` +
          stops.map((s) => `  ${s.what}: ${s.outline}, ${s.contrast}:1`).join('\n'),
      );
      const invisible = stops.filter((s) => s.outline === 'none' || parseFloat(s.outline) < 2);
      expect(invisible.map((s) => `${s.what}: ${s.outline}`)).toEqual([]);
      const faint = stops.filter((s) => s.contrast < 3);
      expect(faint.map((s) => `${s.what}: ${s.contrast}:1`)).toEqual([]);
    });
  });
}

test('the timeline has a text alternative, and a polite live region says what is hovered or selected', async ({
  watch,
}) => {
  const { panel } = await watch(['/sse/counter?count=3&interval=300&key=tl-a11y']);
  await panel.waitForFrameCount(3);
  const d = panel.devtools;
  const described = await d.evaluate<string>(`(() => {
    const ids = document.querySelector('[data-testid=timeline]').getAttribute('aria-describedby');
    return ids.split(' ').map((id) => document.getElementById(id).textContent).join(' | ');
  })()`);
  expect(described).toMatch(
    /^1 connection on the timeline\..*\/sse\/counter\?count=3[^:]*: \w+, 3 frames/,
  );
  const announcer = `document.querySelector('[data-testid=timeline-announcer]')`;
  expect(await d.evaluate(`${announcer}.getAttribute('role')`)).toBe('status');

  const frames = await panel.frames();
  const times = await d.evaluate<number[]>(
    `[...document.querySelectorAll('[data-testid=frame-row]')].map((r) => Number(r.dataset.time))`,
  );
  const [first, second] = frames;
  if (!first || !second || times[0] === undefined) throw new Error('expected three frames');
  const hovered = await waitUntil(
    'the hovered frame announced',
    async () => {
      await pointAtTick(d, 'pointermove', times[0] ?? 0, 0);
      return d.evaluate<string>(`${announcer}.textContent`);
    },
    (text) => text.startsWith(`frame ${first.type}, id ${first.eventId} at `),
  );
  expect(hovered).toContain('/sse/counter?count=3');

  await d.evaluate(`document.querySelectorAll('[data-testid=frame-row]')[1].click()`);
  await d.waitFor<boolean>(
    `${announcer}.textContent.startsWith(${JSON.stringify(`Selected frame ${second.type}, id ${second.eventId} at `)})`,
    'the selected frame announced',
  );
});
