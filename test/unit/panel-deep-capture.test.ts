// The deep capture switch's panel logic: offered only by a build that may ask for the
// debugger (the Chrome manifest, never Firefox's), and no prompt when already granted.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveManifest, type Manifest } from '../../scripts/build/derive-manifest';
import {
  DEEP_CAPTURE_PERMISSIONS,
  deepCaptureAvailability,
  requestPermissions,
  type PermissionsApi,
} from '../../panel/deep-capture';

const base = JSON.parse(readFileSync('manifest.json', 'utf8')) as Manifest;

describe('deep capture switch', () => {
  it('is available in the Chrome build and unavailable, saying why, in Firefox', () => {
    expect(deepCaptureAvailability(deriveManifest(base, 'chrome', '1.0.0'))).toEqual({
      available: true,
    });
    const firefox = deepCaptureAvailability(deriveManifest(base, 'firefox', '1.0.0'));
    expect(firefox.available).toBe(false);
    if (!firefox.available) expect(firefox.reason).toMatch(/not available in Firefox yet/);
  });

  it('asks the user only when the permissions are not granted yet', async () => {
    const asked: string[][] = [];
    const api: PermissionsApi = {
      contains: () => Promise.resolve(false),
      request: (p) => {
        asked.push(p.permissions);
        return Promise.resolve(true);
      },
    };
    expect(await requestPermissions(api, true)).toBe(true);
    expect(asked).toEqual([]);
    expect(await requestPermissions(api, false)).toBe(true);
    expect(asked).toEqual([DEEP_CAPTURE_PERMISSIONS]);
  });

  it('goes ahead when a request without a gesture is refused but the permissions are granted', async () => {
    const refusing = (granted: boolean): PermissionsApi => ({
      contains: () => Promise.resolve(granted),
      request: () =>
        Promise.reject(new Error('This function must be called during a user gesture')),
    });
    expect(await requestPermissions(refusing(true), false)).toBe(true);
    await expect(requestPermissions(refusing(false), false)).rejects.toThrow('user gesture');
  });
});
