#!/usr/bin/env node
// The `sse-lens` executable: loads the CLI bundled into plain JavaScript by
// `npm run build:cli` (dist/cli/sse-lens.js), so it runs on Node alone.
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const cli = new URL('../dist/cli/sse-lens.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('sse-lens: the CLI is not built; run `npm run build:cli` first\n');
  process.exit(1);
}
await import(cli.href);
