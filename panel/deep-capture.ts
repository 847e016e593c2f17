// The panel side of deep capture's switch: whether this build can offer it, and getting the
// optional permissions from the user's click. Chrome's build may ask for the debugger,
// Firefox's for webRequest's response filter and host access (src/deep-capture/deep-capture-kind.ts).
import {
  deepCaptureKind,
  deepCapturePermissions,
  type DeepCaptureKind,
} from '../src/deep-capture/deep-capture-kind';
import { t } from './i18n/translate';

/** What permissions.contains / request take. */
export interface Permissions {
  permissions: string[];
  origins?: string[];
}

export interface PermissionsApi {
  contains(p: Permissions): Promise<boolean>;
  request(p: Permissions): Promise<boolean>;
}

export type Availability =
  | { available: true; kind: DeepCaptureKind; wanted: Permissions }
  | { available: false; reason: string };

/** Deep capture is offered when this build may ask for what its browser's kind needs. */
export function deepCaptureAvailability(manifest: object): Availability {
  const kind = deepCaptureKind(manifest);
  if (kind !== null) return { available: true, kind, wanted: deepCapturePermissions(kind) };
  // A getter, so the reason is read in the language the panel speaks when it is shown.
  return {
    available: false,
    get reason() {
      return t('deep.unavailable');
    },
  };
}

/**
 * Asks for the permissions from a click. `granted` is what permissions.contains said when the
 * panel opened: then no prompt is needed (and none is shown). Otherwise permissions.request is
 * the first call in the click handler, so the browser sees the user's gesture.
 */
export function requestPermissions(
  api: PermissionsApi,
  wanted: Permissions,
  granted: boolean,
): Promise<boolean> {
  if (granted) return Promise.resolve(true);
  // Refused when the browser counts no gesture (a click before the panel's own check came
  // back, from a script): the permissions may be granted all the same.
  return api.request(wanted).catch(async (error: unknown) => {
    if (await api.contains(wanted)) return true;
    throw error;
  });
}

/** The explanation shown next to the switch until it is first used. */
export function switchHint(kind: DeepCaptureKind): string {
  return t(kind === 'debugger' ? 'deep.hint' : 'deep.hintFirefox');
}

/** What the switch says when the user refused the permissions. */
export function notGranted(kind: DeepCaptureKind): string {
  return t(kind === 'debugger' ? 'deep.notGranted' : 'deep.notGrantedFirefox');
}
