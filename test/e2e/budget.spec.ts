// The connection budget in the real panel, checked against the truth: the scenario server's
// own count of open streams. Chromium allows 6 HTTP/1.1 connections per pool; pools are
// keyed by endpoint, top-level site and credentials mode.
import { startScenarioServer } from '../fixtures/scenario-server';
import { stopServiceWorker } from './support/chromium';
import { expect, test } from './support/fixtures';
import { BUDGET_PILE_UP, holdStreams as holds } from '../support/panel-scenarios';
import { testPage } from './support/pages';

// The scenario server lives as long as the worker: leave no request history (e.g. of
// /sse/reconnect) to tests of other files that count requests by path.
test.afterEach(({ server }) => server.reset());

test('8 streams to one HTTP/1.1 origin: 6 open, 2 queued; closing one lets the next in', async ({
  server,
  watch,
}) => {
  const { page, panel } = await watch(BUDGET_PILE_UP.streams);
  const [pool] = await panel.waitForPools('a full pool', (p) => p[0]?.queued === 2);
  expect(pool).toMatchObject(BUDGET_PILE_UP.pool);
  expect(pool?.pool).toContain(`${server.origin}`);
  await expect.poll(() => server.stats().openStreams).toBe(6);
  // The rows learn it from queue records, which travel through the content script: wait.
  const rows = await panel.waitForConnections(
    'two rows queued',
    (r) => r.filter((c) => c.queued).length >= 2,
  );
  expect(rows.filter((r) => r.queued).map((r) => r.state)).toEqual(BUDGET_PILE_UP.queuedStates);
  expect(await panel.budgetWarning()).toMatch(BUDGET_PILE_UP.warning);

  await page.evaluate(() => window.__sources[0]?.close());
  await panel.waitForPools('one queued stream let in', (p) => p[0]?.queued === 1);
  await expect.poll(() => server.stats().openStreams).toBe(6);
  expect((await panel.pools())[0]).toMatchObject({ open: 6, queued: 1 });
  const after = await panel.waitForConnections(
    'the 7th stream open',
    (r) =>
      r.filter((c) => c.state === 'open').length === 6 && r.filter((c) => c.queued).length === 1,
  );
  expect(after.filter((c) => c.state === 'closed')).toHaveLength(1);
});

test('a second tab of the same site draws from the same pool', async ({ ext, server, watch }) => {
  const { page, panel } = await watch(holds(4, 'tab1'));
  await panel.waitForPools('tab 1 streams', (p) => p[0]?.open === 4);
  const second = await ext.context.newPage();
  await second.goto(testPage(server.origin, holds(4, 'tab2')));
  const [pool] = await panel.waitForPools('both tabs in one pool', (p) => p[0]?.queued === 2);
  expect(pool).toMatchObject({ open: 6, limit: 6, queued: 2 });
  await expect.poll(() => server.stats().openStreams).toBe(6);
  // Tab 1 itself holds only 4 connections: the other 4 slots and queue places are tab 2's.
  // (Its rows come through its content script, and may follow the pools: wait for them.)
  const own = await panel.waitForConnections('tab 1’s rows', (r) => r.length >= 4);
  expect(own).toHaveLength(4);

  // The registry lives in the service worker: after a restart it is rebuilt from the
  // content scripts' snapshots. A 9th stream then queues third, which only a registry that
  // knows both tabs' 8 earlier streams can say.
  await stopServiceWorker(ext);
  await page.evaluate(() => new EventSource('/sse/hold?key=tab1&n=5'));
  const [rebuilt] = await panel.waitForPools('the rebuilt pool', (p) => p[0]?.queued === 3);
  expect(rebuilt).toMatchObject({ open: 6, queued: 3 });

  // Closing tab 2 frees its slots and queue places: tab 1's 5th stream gets a connection.
  await second.close();
  await panel.waitForPools('tab 2 slots freed', (p) => p[0]?.open === 5 && p[0].queued === 0);
  await expect.poll(() => server.stats().openStreams).toBe(5);
});

test('a page on another top-level site gets its own pool for the same endpoint', async ({
  ext,
  server,
  watch,
  openPanel,
}) => {
  const { panel } = await watch(holds(6, 'site1'));
  const [full] = await panel.waitForPools('a full pool on site 1', (p) => p[0]?.open === 6);
  const other = await ext.context.newPage();
  // localhost is a different host (its own pool for its own page) and a different top-level
  // site for the credentialed streams it opens to 127.0.0.1: a pool of their own.
  await other.goto(`${server.origin.replace('127.0.0.1', 'localhost')}/blank`);
  const otherPanel = await openPanel(other);
  await other.evaluate((origin) => {
    for (let i = 1; i <= 3; i++) {
      new EventSource(`${origin}/sse/hold?key=site2&n=${i}`, { withCredentials: true });
    }
  }, server.origin);
  await expect.poll(() => server.stats().openStreams).toBe(9);
  const [own] = await otherPanel.waitForPools('the other site pool', (p) => p[0]?.open === 3);
  expect(own).toMatchObject({ open: 3, queued: 0 });
  expect(own?.pool).not.toBe(full?.pool);
  expect(await panel.pools()).toEqual([full]);
});

test('a stream that reconnects while the pool filled up is shown queued once its delay has passed', async ({
  server,
  watch,
}) => {
  // Round 1 sends one event and hangs up; the server's retry equals Chromium's default
  // delay (3 s), which is what the model assumes: the page never sees the server's retry:.
  const reconnect = '/sse/reconnect?key=rq&count=1&rounds=2&retry=3000';
  const requestsFor = (path: string) =>
    server.stats().requests.filter((r) => r.path === path).length;
  // The request history is the worker's: count from none (the afterEach clears it again).
  server.reset();
  const { page, panel } = await watch([reconnect, ...holds(5, 'rq')]);
  // While it waits out its delay it holds no connection: a new stream, opened by the page
  // as soon as the reconnecting one errors (well within the 3 s), takes the slot it left.
  await page.evaluate((url) => {
    const openSixth = () => new EventSource('/sse/hold?key=rq&n=6');
    if ((window.__errors[url] ?? 0) > 0) openSixth();
    else window.__sources[0]?.addEventListener('error', openSixth, { once: true });
  }, reconnect);
  await panel.waitForConnections(
    'the reconnecting stream, and 6 holds open',
    (r) =>
      r.some((c) => c.url.includes('/sse/reconnect') && c.retries === 1) &&
      r.filter((c) => c.state === 'open').length === 6,
  );
  await panel.waitForPools('the new stream in the freed slot', (p) => p[0]?.open === 6);
  await expect.poll(() => server.stats().openStreams).toBe(6);

  // After its delay the browser requests again, behind the full pool.
  const [pool] = await panel.waitForPools('the re-request queued', (p) => p[0]?.queued === 1);
  expect(pool).toMatchObject({ open: 6, queued: 1 });
  // The row learns it from a queue record, which travels through the content script: wait.
  const rows = await panel.waitForConnections('the reconnecting row queued', (r) =>
    r.some((c) => c.url.includes('/sse/reconnect') && c.queued),
  );
  expect(rows.find((c) => c.url.includes('/sse/reconnect'))).toMatchObject({
    state: 'connecting',
    queued: true,
  });
  expect(
    await panel.devtools.evaluate(
      `document.querySelector('[data-testid=retry-delay]')?.textContent?.trim()`,
    ),
  ).toBe('delay 3 s, assumed');
  // The server's truth: six streams, the reconnecting one not among them, its second
  // request never arrived.
  const stats = server.stats();
  expect(stats.streamsByPath['/sse/reconnect']).toBeUndefined();
  expect(stats.streamsByPath['/sse/hold']).toBe(6);
  expect(requestsFor('/sse/reconnect')).toBe(1);

  // A slot frees: the queued re-request gets it and reaches the server.
  await page.evaluate(() => window.__sources[1]?.close());
  await expect.poll(() => server.stats().streamsByPath['/sse/reconnect']).toBe(1);
  await panel.waitForConnections('the reconnected stream open, no longer queued', (r) =>
    r.some((c) => c.url.includes('/sse/reconnect') && c.state === 'open' && !c.queued),
  );
  await panel.waitForPools('nothing queued', (p) => p[0]?.queued === 0 && p[0].open === 6);
});

test("a srcdoc frame's same-origin stream is credentialed, in the top page's pool", async ({
  server,
  watch,
}) => {
  const { page, panel } = await watch(holds(1, 'top'));
  await panel.waitForPools('the top page stream', (p) => p[0]?.open === 1);
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<script>new EventSource('/sse/hold?key=srcdoc&n=1')</script>`;
    document.body.append(frame);
  });
  await expect.poll(() => server.stats().openStreams).toBe(2);
  const pools = await panel.waitForPools(
    'both streams counted',
    (p) => p.reduce((n, pool) => n + pool.open, 0) === 2,
  );
  expect(pools).toHaveLength(1);
  expect(pools[0]?.pool).toMatch(/ · credentialed$/);
  expect(pools[0]).toMatchObject({ open: 2 });
});

test.describe('over HTTP/2', () => {
  test.use({ chromiumArgs: ['--ignore-certificate-errors'] });

  test('8 streams share one multiplexed connection: all open, no warning', async ({
    ext,
    openPanel,
  }) => {
    const h2 = await startScenarioServer({ http2: true });
    try {
      const page = await ext.context.newPage();
      await page.goto(`${h2.origin}/blank`);
      const panel = await openPanel(page);
      await page.goto(testPage(h2.origin, holds(8, 'h2')));
      const rows = await panel.waitForConnections(
        '8 open h2 streams',
        (r) => r.length === 8 && r.every((c) => c.state === 'open'),
      );
      expect(rows.map((r) => [r.state, r.queued])).toEqual(Array(8).fill(['open', false]));
      const [pool] = await panel.waitForPools('the h2 pool', (p) => p[0]?.open === 8);
      expect(pool).toMatchObject({ protocol: 'h2', open: 8, queued: 0 });
      await expect.poll(() => h2.stats().openStreams).toBe(8);
      // Multiplexed: 8 streams over fewer sockets than HTTP/1.1 would even allow. (Usually
      // one; Chromium sometimes opens a second session for its own requests, e.g. the icon.)
      expect(h2.stats().openSockets).toBeLessThan(6);
      expect(await panel.budgetWarning()).toBeNull();
    } finally {
      await h2.close();
    }
  });
});
