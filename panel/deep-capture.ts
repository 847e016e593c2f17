// The panel side of deep capture's switch: whether this build can offer it, and getting the
// optional permissions from the user's click. Deep capture uses chrome.debugger, which only
// the Chrome build asks for (optionally); Firefox has no such API for extensions.
import { t } from './i18n/translate';

/** What deep capture needs: the debugger, and session storage to remember the switch. */
export const DEEP_CAPTURE_PERMISSIONS = ['debugger', 'storage'];

export interface PermissionsApi {
  contains(p: { permissions: string[] }): Promise<boolean>;
  request(p: { permissions: string[] }): Promise<boolean>;
}

export type Availability = { available: true } | { available: false; reason: string };

/** Deep capture is offered when this build may ask for the debugger permission. */
export function deepCaptureAvailability(manifest: object): Availability {
  const m = manifest as { permissions?: unknown; optional_permissions?: unknown };
  const listed = [m.permissions, m.optional_permissions].some(
    (list) => Array.isArray(list) && list.includes('debugger'),
  );
  if (listed) return { available: true };
  // A getter, so the reason is read in the language the panel speaks when it is shown.
  return {
    available: false,
    get reason() {
      return t('deep.firefox');
    },
  };
}

/**
 * Asks for the permissions from a click. `granted` is what permissions.contains said when the
 * panel opened: then no prompt is needed (and none is shown). Otherwise permissions.request is
 * the first call in the click handler, so the browser sees the user's gesture.
 */
export function requestPermissions(api: PermissionsApi, granted: boolean): Promise<boolean> {
  if (granted) return Promise.resolve(true);
  // Refused when the browser counts no gesture (a click before the panel's own check came
  // back, from a script): the permissions may be granted all the same.
  return api.request({ permissions: DEEP_CAPTURE_PERMISSIONS }).catch(async (error: unknown) => {
    if (await api.contains({ permissions: DEEP_CAPTURE_PERMISSIONS })) return true;
    throw error;
  });
}

/** The explanation shown next to the switch until it is first used. */
export function debuggingBarHint(): string {
  return t('deep.hint');
}
