// Unit tests run in Node from the repo root (vite.config.ts is rooted at extension/).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    root: import.meta.dirname,
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
