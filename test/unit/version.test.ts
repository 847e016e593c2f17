// The version has one source, package.json: every place that shows it (both built manifests,
// the panel's export stamp, the CLI's --version, the lock file, the newest CHANGELOG entry)
// derives it or must agree, so a release bump that misses one fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appVersion } from '../../panel/app-version';
import { deriveManifest, type Manifest } from '../../scripts/build/derive-manifest';
import { VERSION } from '../../src/version';

const json = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const { version } = json('package.json') as { version: string };

describe('the version comes from package.json', () => {
  it('is a plain semantic version', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is what the panel stamps into exports and the CLI prints', () => {
    expect([appVersion(), VERSION]).toEqual([version, version]);
  });

  it('is written into both browsers’ manifests, and manifest.json holds no copy', () => {
    const base = json('manifest.json') as Manifest;
    expect(base).not.toHaveProperty('version');
    for (const browser of ['chrome', 'firefox'] as const) {
      const derived = deriveManifest(base, browser, version);
      expect([derived.version, Object.keys(derived).indexOf('version')]).toEqual([version, 2]);
    }
  });

  it('refuses a manifest.json that carries a version of its own', () => {
    const base = { ...json('manifest.json'), version: '0.0.1' } as Manifest;
    expect(() => deriveManifest(base, 'chrome', version)).toThrow(/must not carry a version/);
  });

  it('matches package-lock.json', () => {
    const lock = json('package-lock.json') as {
      version: string;
      packages: Record<string, Manifest>;
    };
    expect([lock.version, lock.packages['']?.version]).toEqual([version, version]);
  });

  it('is the newest release in CHANGELOG.md', () => {
    const releases = readFileSync('CHANGELOG.md', 'utf8').match(/^## \[\d+\.\d+\.\d+\]/m);
    expect(releases?.[0]).toBe(`## [${version}]`);
  });
});
