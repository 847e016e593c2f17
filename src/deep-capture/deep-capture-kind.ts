// Which deep capture a build offers, read from its manifest: the Chrome build may ask for the
// debugger, the Firefox build for webRequest's response filter. The background picks its
// implementation by this, the panel its switch and the permissions the switch asks for.

export type DeepCaptureKind = 'debugger' | 'filter';

interface PermissionLists {
  permissions?: unknown;
  optional_permissions?: unknown;
  optional_host_permissions?: unknown;
}

const listed = (m: PermissionLists, permission: string): boolean =>
  [m.permissions, m.optional_permissions].some(
    (list) => Array.isArray(list) && list.includes(permission),
  );

export function deepCaptureKind(manifest: object): DeepCaptureKind | null {
  const m = manifest as PermissionLists;
  if (listed(m, 'debugger')) return 'debugger';
  if (listed(m, 'webRequestFilterResponse')) return 'filter';
  return null;
}

/** What the switch asks the user for (permissions.request / contains). */
export function deepCapturePermissions(kind: DeepCaptureKind): {
  permissions: string[];
  origins?: string[];
} {
  if (kind === 'debugger') return { permissions: ['debugger', 'storage'] };
  return { permissions: [...FILTER_PERMISSIONS], origins: ['<all_urls>'] };
}

/**
 * Firefox: webRequest with its response filter. (Session storage, to remember the switch, is
 * a required permission there: Firefox does not let `storage` be optional, and asks no user
 * about it.)
 */
export const FILTER_PERMISSIONS = [
  'webRequest',
  'webRequestBlocking',
  'webRequestFilterResponse',
] as const;
