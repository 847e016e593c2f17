// Derives each browser's manifest from the single root manifest.json at build time, so the
// source tree is never forked per browser.
import { FILTER_PERMISSIONS } from '../../src/deep-capture/deep-capture-kind';

export type Browser = 'chrome' | 'firefox';

export interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  [key: string]: unknown;
}

/**
 * Gecko id and minimum version: MAIN-world content scripts need Firefox 128, the
 * data_collection_permissions key 140 (142 on Android).
 */
export const GECKO = { id: 'sse-lens@sse-lens.dev', strict_min_version: '142.0' } as const;

/**
 * Asked for only when the user turns deep capture on (chrome.debugger, and session storage to
 * remember the switch across service-worker restarts). Chrome only: Firefox has no
 * chrome.debugger for extensions.
 */
export const CHROME_OPTIONAL_PERMISSIONS = ['debugger', 'storage'] as const;

/**
 * Firefox's deep capture (webRequest.filterResponseData), likewise asked for when the switch
 * is turned on, with access to every host (webRequest sees only requests to hosts it may).
 * Session storage remembers the switch; Firefox refuses `storage` as optional and shows no
 * prompt for it, so it is required there.
 */
export const FIREFOX_OPTIONAL_PERMISSIONS = FILTER_PERMISSIONS;
export const FIREFOX_OPTIONAL_HOSTS = ['<all_urls>'] as const;
export const FIREFOX_PERMISSIONS = ['storage'] as const;

/**
 * The version comes from package.json alone: a version in manifest.json would be a second
 * copy that drifts, so it is refused. It is written right after the name, where people look.
 */
export function deriveManifest(base: Manifest, browser: Browser, version: string): Manifest {
  if ('version' in base) {
    throw new Error('manifest.json must not carry a version: the build takes package.json’s');
  }
  const out: Manifest = {};
  for (const [key, value] of Object.entries(structuredClone(base))) {
    out[key] = value;
    if (key === 'name') out.version = version;
  }
  out.version = version;
  if (browser === 'chrome') {
    out.optional_permissions = [...CHROME_OPTIONAL_PERMISSIONS];
    return out;
  }
  const worker = base.background?.service_worker;
  out.background = { scripts: worker ? [worker] : [] };
  delete out.minimum_chrome_version;
  out.permissions = [...FIREFOX_PERMISSIONS];
  out.optional_permissions = [...FIREFOX_OPTIONAL_PERMISSIONS];
  out.optional_host_permissions = [...FIREFOX_OPTIONAL_HOSTS];
  out.browser_specific_settings = {
    gecko: { ...GECKO, data_collection_permissions: { required: ['none'] } },
  };
  return out;
}
