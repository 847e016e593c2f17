import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveManifest, type Manifest } from '../../scripts/build/derive-manifest';

const base = JSON.parse(readFileSync('manifest.json', 'utf8')) as Manifest;

describe('deriveManifest', () => {
  it('keeps the Chrome manifest as written, with the package version', () => {
    const m = deriveManifest(base, 'chrome', '9.9.9');
    expect(m.version).toBe('9.9.9');
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.permissions).toBeUndefined();
    expect(m.host_permissions).toBeUndefined();
  });

  it('lets Chrome ask for the debugger only when deep capture is turned on', () => {
    const m = deriveManifest(base, 'chrome', '9.9.9');
    expect(m.optional_permissions).toEqual(['debugger', 'storage']);
  });

  it('gives Firefox background scripts, a gecko id and a MAIN-world capable minimum', () => {
    const m = deriveManifest(base, 'firefox', '1.0.0');
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.browser_specific_settings).toMatchObject({
      gecko: { id: 'sse-lens@sse-lens.dev', strict_min_version: '142.0' },
    });
    expect(m.minimum_chrome_version).toBeUndefined();
    expect(m.content_scripts).toEqual(base.content_scripts);
  });

  it('gives Firefox no debugger permission, required or optional', () => {
    const m = deriveManifest(base, 'firefox', '1.0.0');
    expect(JSON.stringify(m)).not.toContain('debugger');
  });

  it('lets Firefox ask for the response filter and host access only for deep capture', () => {
    const m = deriveManifest(base, 'firefox', '1.0.0');
    expect(m.optional_permissions).toEqual([
      'webRequest',
      'webRequestBlocking',
      'webRequestFilterResponse',
    ]);
    expect(m.optional_host_permissions).toEqual(['<all_urls>']);
    // Session storage, which Firefox does not let be optional, and which prompts nobody.
    expect(m.permissions).toEqual(['storage']);
    expect(m.host_permissions).toBeUndefined();
  });

  it('does not modify the source manifest', () => {
    const copy = structuredClone(base);
    deriveManifest(base, 'firefox', '1.0.0');
    expect(base).toEqual(copy);
  });
});
