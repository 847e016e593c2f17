// End-to-end tests: real Chromium with the built extension, real SSE from the scenario
// server, assertions read from the real DevTools panel. One worker: two gave no gain on the
// 2-core machines this runs on, and each test starts its own browser.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
});
