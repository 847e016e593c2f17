// How browsers key socket pools, computed from URLs: the stream's scheme://host:port, the
// top-level site of the tab (Chrome and Firefox partition pools by it) and the credentials
// mode (credentialed and anonymous requests never share a socket).

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** Multi-label public suffixes common enough to matter; others fall back to the last label. */
const PUBLIC_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'com.au',
  'net.au',
  'org.au',
  'co.jp',
  'ne.jp',
  'co.nz',
  'com.br',
  'com.cn',
  'co.in',
  'co.kr',
  'com.mx',
  'com.tr',
  'co.za',
  'github.io',
  'gitlab.io',
  'vercel.app',
  'netlify.app',
  'pages.dev',
  'workers.dev',
  'herokuapp.com',
  'appspot.com',
  'web.app',
  'firebaseapp.com',
  'azurewebsites.net',
  'cloudfront.net',
  'ngrok.io',
  'ngrok-free.app',
]);

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

function isIp(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
}

/**
 * The schemeful site (`scheme://registrable-domain`) of a URL or origin. The registrable
 * domain is approximated: a built-in list of common multi-label suffixes, otherwise the
 * last two labels. IP addresses and single-label hosts are their own site.
 */
export function siteOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname;
  if (isIp(host) || !host.includes('.')) return `${u.protocol}//${host}`;
  const labels = host.split('.');
  const lastTwo = labels.slice(-2).join('.');
  const keep = PUBLIC_SUFFIXES.has(lastTwo) ? 3 : 2;
  return `${u.protocol}//${labels.slice(-keep).join('.')}`;
}

export type CredentialsMode = 'credentialed' | 'anonymous';

/**
 * EventSource sends cookies to its own origin, and cross-origin only with
 * `withCredentials`; requests without credentials go to a separate socket pool.
 */
export function credentialsMode(
  streamUrl: string,
  documentUrl: string,
  withCredentials: boolean,
): CredentialsMode {
  if (withCredentials) return 'credentialed';
  const a = originOf(streamUrl);
  return a !== null && a === originOf(documentUrl) ? 'credentialed' : 'anonymous';
}
