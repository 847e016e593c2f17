#!/usr/bin/env node
// The `sse-lens` executable: runs the TypeScript CLI (src/cli/sse-lens.ts) through tsx, so
// the package needs no build step for its command line.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/sse-lens.ts');
