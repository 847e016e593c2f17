// A test copy of dist/chrome whose manifest grants deep capture's optional permissions at
// install (moved to `permissions`): a permission prompt cannot be answered headless, and
// with the permission already granted the switch must turn on without one.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './chromium';

export interface GrantedBuild {
  dir: string;
  remove(): void;
}

export function buildWithDeepCaptureGranted(): GrantedBuild {
  const dir = mkdtempSync(join(tmpdir(), 'sse-lens-deep-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
    permissions?: string[];
    optional_permissions?: string[];
  };
  const optional = manifest.optional_permissions ?? [];
  if (!optional.includes('debugger')) {
    throw new Error('dist/chrome lists no optional debugger permission: rebuild first');
  }
  manifest.permissions = [...(manifest.permissions ?? []), ...optional];
  delete manifest.optional_permissions;
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
