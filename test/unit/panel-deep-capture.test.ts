// The deep capture switch's panel logic: offered by a build that may ask for the debugger
// (Chrome) or for webRequest's response filter (Firefox), asking for that build's
// permissions, and no prompt when already granted.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveManifest, type Manifest } from '../../scripts/build/derive-manifest';
import {
  deepCaptureAvailability,
  requestPermissions,
  type Permissions,
  type PermissionsApi,
} from '../../panel/deep-capture';

const WANTED: Permissions = { permissions: ['debugger', 'storage'] };

const base = JSON.parse(readFileSync('manifest.json', 'utf8')) as Manifest;

describe('deep capture switch', () => {
  it('is available in both builds, each asking for its own permissions', () => {
    expect(deepCaptureAvailability(deriveManifest(base, 'chrome', '1.0.0'))).toEqual({
      available: true,
      kind: 'debugger',
      wanted: { permissions: ['debugger', 'storage'] },
    });
    expect(deepCaptureAvailability(deriveManifest(base, 'firefox', '1.0.0'))).toEqual({
      available: true,
      kind: 'filter',
      wanted: {
        permissions: ['webRequest', 'webRequestBlocking', 'webRequestFilterResponse'],
        origins: ['<all_urls>'],
      },
    });
  });

  it('is unavailable, saying why, in a build that lists neither', () => {
    const none = deepCaptureAvailability(base);
    expect(none.available).toBe(false);
    if (!none.available) expect(none.reason).toMatch(/does not offer deep capture/);
  });

  it('asks the user only when the permissions are not granted yet', async () => {
    const asked: Permissions[] = [];
    const api: PermissionsApi = {
      contains: () => Promise.resolve(false),
      request: (p) => {
        asked.push(p);
        return Promise.resolve(true);
      },
    };
    const wanted = { permissions: ['webRequest'], origins: ['<all_urls>'] };
    expect(await requestPermissions(api, wanted, true)).toBe(true);
    expect(asked).toEqual([]);
    expect(await requestPermissions(api, wanted, false)).toBe(true);
    expect(asked).toEqual([wanted]);
  });

  it('goes ahead when a request without a gesture is refused but the permissions are granted', async () => {
    const refusing = (granted: boolean): PermissionsApi => ({
      contains: () => Promise.resolve(granted),
      request: () =>
        Promise.reject(new Error('This function must be called during a user gesture')),
    });
    expect(await requestPermissions(refusing(true), WANTED, false)).toBe(true);
    await expect(requestPermissions(refusing(false), WANTED, false)).rejects.toThrow(
      'user gesture',
    );
  });
});
