// How browsers key socket pools, computed from URLs: the stream's scheme://host:port and the
// credentials mode (credentialed and anonymous requests never share a socket). The top-level
// site is in top-level-site.ts: it needs the Public Suffix List, which the content script
// (importing this module) must not carry.

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** `scheme://host:port` with the port always spelled out, or null for a non-URL. */
export function endpointOf(url: string): string | null {
  try {
    const u = new URL(url);
    const port = u.port || DEFAULT_PORTS[u.protocol] || '';
    return `${u.protocol}//${u.hostname}${port ? `:${port}` : ''}`;
  } catch {
    return null;
  }
}

/** The origin of a URL as a browser compares them (default ports omitted). */
export function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export type CredentialsMode = 'credentialed' | 'anonymous';

/**
 * EventSource sends cookies to its own document's origin, and cross-origin only with
 * `withCredentials`; requests without credentials go to a separate socket pool. The origin
 * is the document's (an `about:blank` or `srcdoc` frame inherits its creator's), not its
 * URL's; null for an opaque origin, to which every stream is cross-origin.
 */
export function credentialsMode(
  streamUrl: string,
  documentOrigin: string | null,
  withCredentials: boolean,
): CredentialsMode {
  if (withCredentials) return 'credentialed';
  const stream = originOf(streamUrl);
  return stream !== null && documentOrigin !== null && stream === originOf(documentOrigin)
    ? 'credentialed'
    : 'anonymous';
}
